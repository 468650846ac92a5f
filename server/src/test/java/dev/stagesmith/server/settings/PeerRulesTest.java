package dev.stagesmith.server.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Rules;
import dev.stagesmith.server.features.diagnostics.DiagnosticsService;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;

/** {@code stagesmith.diagnostics.deferTo}: rules the Node Dockerfile server also reports are left to it. */
class PeerRulesTest {

    /** A file with one problem both servers report (MAINTAINER) and one only Stagesmith does (unknown stage). */
    private static final String BOTH = "FROM alpine AS build\nMAINTAINER me\nFROM alpine\nCOPY --from=biuld /a /a\n";

    private static List<String> codes(String settingsJson) {
        List<String> warnings = new ArrayList<>();
        Settings settings = Settings.parse(JsonParser.parseString(settingsJson), warnings);
        assertEquals(List.of(), warnings);
        DocumentSnapshot doc = new DocumentSnapshot("file:///w/Dockerfile", 1, BOTH, settings);
        return DiagnosticsService.diagnostics(doc).stream().map(Diagnostic::getCode).map(c -> c.getLeft())
                .collect(Collectors.toList());
    }

    @Test
    void defersOnlyTheOverlappingRules() {
        List<String> all = codes("{}");
        assertTrue(all.contains("MaintainerDeprecated"), all::toString);
        assertTrue(all.contains("unknown-stage-reference"), all::toString);

        List<String> deferred = codes("{\"diagnostics\": {\"deferTo\": \"dockerfile-language-server\"}}");
        assertTrue(!deferred.contains("MaintainerDeprecated"), deferred::toString);
        assertTrue(deferred.contains("unknown-stage-reference"), deferred::toString);
    }

    @Test
    void noneAndAutoDeferNothing() {
        assertEquals(codes("{}"), codes("{\"diagnostics\": {\"deferTo\": \"none\"}}"));
        assertEquals(codes("{}"), codes("{\"diagnostics\": {\"deferTo\": \"auto\"}}"));
    }

    @Test
    void everyDeferredCodeIsARule() {
        Set<String> rules = Rules.all().stream().map(Rule::code).collect(Collectors.toSet());
        Set<String> deferred = PeerRules.deferredTo(Optional.of(PeerRules.DOCKERFILE_LANGUAGE_SERVER), new ArrayList<>());
        assertTrue(deferred.size() >= 20, deferred::toString);
        for (String code : deferred) {
            assertTrue(rules.contains(code), code + " is not a rule code");
        }
        assertTrue(!deferred.contains("syntax-error"), "parse errors are always reported");
        assertTrue(!deferred.contains("unknown-stage-reference"), "dockerfile-utils does not check that stages exist");
    }

    @Test
    void unknownValueWarnsAndDefersNothing() {
        List<String> warnings = new ArrayList<>();
        Settings s = Settings.parse(JsonParser.parseString("{\"diagnostics\": {\"deferTo\": \"hadolint\"}}"), warnings);
        assertEquals(Set.of(), s.deferredRules());
        assertEquals(List.of("stagesmith.diagnostics.deferTo: hadolint is not auto, none or dockerfile-language-server (ignored)"),
                warnings);
    }
}
