package dev.stagesmith.server.settings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules another Dockerfile language server also reports, for {@code stagesmith.diagnostics.deferTo}:
 * run next to it, Stagesmith leaves these to it so each problem shows once. The list for the Node
 * dockerfile-language-server maps its dockerfile-utils validation codes (shared/notes/peers.md, b.1) to
 * the rule of ours that catches the same thing; a rule is listed only when theirs covers ours.
 */
public final class PeerRules {

    /** The {@code deferTo} value for the Node server of Microsoft's Container Tools and Docker extensions. */
    public static final String DOCKERFILE_LANGUAGE_SERVER = "dockerfile-language-server";

    private static final Set<String> DOCKERFILE_UTILS = Set.of(
            "unknown-instruction",          // UNKNOWN_INSTRUCTION
            "wrong-argument-count",         // ARGUMENT_MISSING/_EXTRA/_REQUIRES_*, SYNTAX_MISSING_NAMES, HEALTHCHECK_CMD_ARGUMENT_MISSING
            "invalid-from-syntax",          // ARGUMENT_REQUIRES_ONE_OR_THREE, INVALID_AS
            "unknown-flag",                 // UNKNOWN_{ADD,COPY,FROM,HEALTHCHECK}_FLAG
            "flag-missing-value",           // FLAG_MISSING_VALUE, FLAG_EXPECTED_BOOLEAN_VALUE
            "duplicate-flag",               // FLAG_DUPLICATE
            "invalid-healthcheck",          // FLAG_AT_LEAST_ONE, FLAG_*_DURATION, FLAG_UNKNOWN_UNIT, UNKNOWN_TYPE, INVALID_SYNTAX
            "invalid-expose",               // INVALID_PORT, INVALID_PROTO
            "invalid-stopsignal",           // INVALID_SIGNAL
            "invalid-image-reference",      // INVALID_REFERENCE_FORMAT
            "no-from",                      // NO_SOURCE_IMAGE
            "instruction-before-from",      // NO_SOURCE_IMAGE (first instruction not FROM)
            "invalid-onbuild",              // ONBUILD_CHAINING_DISALLOWED, ONBUILD_TRIGGER_DISALLOWED
            "shell-not-json",               // SHELL_JSON_FORM, SHELL_REQUIRES_ONE
            "invalid-stage-name",           // INVALID_BUILD_STAGE_NAME
            "DuplicateStageName",           // DUPLICATE_BUILD_STAGE_NAME
            "variable-in-from-flag",        // FLAG_INVALID_FROM_VALUE
            "invalid-variable-syntax",      // UNSUPPORTED_MODIFIER
            "InvalidDefaultArgInFrom",      // BASE_NAME_EMPTY
            "ConsistentInstructionCasing",  // CASING_INSTRUCTION (flags every non-upper keyword, a superset)
            "MaintainerDeprecated",         // DEPRECATED_MAINTAINER
            "MultipleInstructionsDisallowed", // MULTIPLE_INSTRUCTIONS
            "NoEmptyContinuation",          // EMPTY_CONTINUATION_LINE
            "WorkdirRelativePath");         // WORKDIR_IS_NOT_ABSOLUTE (every relative WORKDIR, a superset)

    private PeerRules() {}

    /**
     * The rule codes to leave to the named server: {@code none}, {@code auto} (only a client can tell
     * whether the other server runs, so a server alone reports everything) and blank defer nothing; an
     * unknown name is empty with a warning.
     */
    public static Set<String> deferredTo(Optional<String> name, List<String> warnings) {
        String n = name.map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("");
        return switch (n) {
            case "", "none", "auto" -> Set.of();
            case DOCKERFILE_LANGUAGE_SERVER -> DOCKERFILE_UTILS;
            default -> {
                warnings.add("stagesmith.diagnostics.deferTo: " + name.get()
                        + " is not auto, none or " + DOCKERFILE_LANGUAGE_SERVER + " (ignored)");
                yield Set.of();
            }
        };
    }
}
