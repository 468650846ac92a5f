package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.MountSpec;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Severity;
import java.util.List;
import java.util.Locale;

/**
 * RUN flag values BuildKit refuses: {@code --network} other than default, none or host; {@code --security}
 * other than sandbox or insecure; {@code --mount} fields ({@code commands_runmount.go}); {@code --device}
 * fields. Network and security values are never expanded, so they are checked as written.
 */
public final class InvalidRunOptionRule extends SyntaxRule {

    private static final List<String> NETWORKS = List.of("default", "none", "host");
    private static final List<String> SECURITY = List.of("sandbox", "insecure");

    public InvalidRunOptionRule() {
        super("invalid-run-option", Severity.ERROR, "A RUN --mount, --network, --security or --device value"
                + " BuildKit does not accept");
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (Instruction i : Instructions.withTriggers(input.file().instructions())) {
            if (!(i instanceof Run run)) {
                continue;
            }
            for (Flag f : run.flags()) {
                if (f.value().isEmpty()) {
                    continue;
                }
                String value = f.value().get();
                switch (f.name()) {
                    case "network" -> {
                        if (!NETWORKS.contains(value)) {
                            out.report(f.valueRange(), "invalid network mode " + GoQuoting.quote(value)
                                    + " (use default, none or host)");
                        }
                    }
                    case "security" -> {
                        if (!SECURITY.contains(value)) {
                            out.report(f.valueRange(), "security " + GoQuoting.quote(value) + " is not valid (use"
                                    + " sandbox or insecure)");
                        }
                    }
                    case "mount" -> {
                        for (MountOptions.Problem p : MountOptions.check(value)) {
                            out.report(part(f, p.field()), p.message());
                        }
                    }
                    case "device" -> device(f, value, out);
                    default -> { }
                }
            }
        }
    }

    /** The field's text when the flag is written without quotes or escapes, else the whole value. */
    private static TextRange part(Flag f, MountSpec.Field field) {
        TextRange r = f.valueRange();
        if (field == null || r.length() != f.value().orElse("").length() || field.to() <= field.from()) {
            return r;
        }
        return TextRange.of(r.start() + field.from(), r.start() + field.to());
    }

    /** BuildKit's {@code ParseDevice}: a device name, {@code name=}, and {@code required[=bool]}. */
    private static void device(Flag f, String value, Findings out) {
        String name = "";
        for (MountSpec.Field field : MountSpec.parse(value).fields()) {
            String raw = value.substring(field.from(), field.to());
            int eq = raw.indexOf('=');
            String key = (eq < 0 ? raw : raw.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (eq < 0) {
                if (key.equals("required")) {
                    continue;
                }
                if (name.isEmpty()) {
                    name = raw;
                    continue;
                }
                out.report(part(f, field), "invalid field '" + raw + "' must be a key=value pair");
                return;
            }
            String v = field.value();
            switch (key) {
                case "name" -> {
                    if (!name.isEmpty()) {
                        out.report(part(f, field), "device name already set to " + name);
                        return;
                    }
                    name = v;
                }
                case "required" -> {
                    if (!MountOptions.isGoBool(v)) {
                        out.report(part(f, field), "invalid value for required: " + v);
                        return;
                    }
                }
                default -> {
                    if (name.isEmpty()) {
                        name = raw;
                    } else {
                        out.report(part(f, field), "unexpected key '" + key + "' in '" + raw + "'");
                        return;
                    }
                }
            }
        }
    }
}
