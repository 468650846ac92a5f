package dev.stagesmith.engine.build;

import com.google.gson.JsonObject;
import dev.stagesmith.grammar.syntax.Command;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HEALTHCHECK into Docker's {@code Healthcheck} config: test command and durations in nanoseconds. */
final class Healthchecks {

    private static final Pattern DURATION_PART = Pattern.compile("([0-9]+(?:\\.[0-9]*)?)(ns|us|µs|ms|s|m|h)");

    private Healthchecks() {}

    static JsonObject toJson(Healthcheck hc, StageBuilder b) throws StepFailure {
        JsonObject o = new JsonObject();
        String type = hc.type().map(Word::value).orElse("").toUpperCase(Locale.ROOT);
        if (type.equals("NONE")) {
            if (!hc.flags().isEmpty()) {
                throw new StepFailure("HEALTHCHECK NONE takes no options");
            }
            o.add("Test", ImageConfig.array(List.of("NONE")));
            return o;
        }
        if (!type.equals("CMD")) {
            throw new StepFailure("HEALTHCHECK wants CMD or NONE, not '" + type + "'");
        }
        List<String> test = new ArrayList<>();
        Command cmd = hc.command().orElseThrow(() -> new StepFailure("HEALTHCHECK CMD needs a command"));
        if (cmd instanceof Command.ExecForm exec) {
            test.add("CMD");
            exec.arguments().forEach(w -> test.add(w.value()));
        } else {
            test.add("CMD-SHELL");
            test.add(((Command.ShellForm) cmd).script().value());
        }
        o.add("Test", ImageConfig.array(test));
        for (Flag f : hc.flags()) {
            String value = b.expand(f.value().orElse(""));
            switch (f.name()) {
                case "interval" -> o.addProperty("Interval", nanos(f.name(), value));
                case "timeout" -> o.addProperty("Timeout", nanos(f.name(), value));
                case "start-period" -> o.addProperty("StartPeriod", nanos(f.name(), value));
                case "start-interval" -> o.addProperty("StartInterval", nanos(f.name(), value));
                case "retries" -> {
                    try {
                        int r = Integer.parseInt(value);
                        if (r < 0) {
                            throw new NumberFormatException();
                        }
                        o.addProperty("Retries", r);
                    } catch (NumberFormatException e) {
                        throw new StepFailure("--retries wants a whole number of 0 or more, not '" + value + "'");
                    }
                }
                default -> throw new StepFailure("unknown flag for HEALTHCHECK: --" + f.name());
            }
        }
        return o;
    }

    /** A Go duration ({@code 30s}, {@code 1m30s}, {@code 500ms}) in nanoseconds; 0 is allowed (the default). */
    static long nanos(String flag, String text) throws StepFailure {
        if (text.equals("0")) {
            return 0;
        }
        Matcher m = DURATION_PART.matcher(text);
        int at = 0;
        double total = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            total += n * switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            at = m.end();
        }
        if (at != text.length() || text.isEmpty()) {
            throw new StepFailure("--" + flag + " wants a duration like 30s or 1m30s, not '" + text + "'");
        }
        if (total > 0 && total < 1e6) {
            throw new StepFailure("--" + flag + " cannot be less than 1ms");
        }
        return (long) total;
    }
}
