package dev.stagesmith.grammar.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code RUN --mount=} value split into its comma-separated {@code key=value} fields (CSV quoting,
 * as BuildKit reads them), with each field's position in the value so editors can point at it.
 */
public record MountSpec(List<Field> fields) {

    /** A field; {@code key} is lower-cased, {@code value} is empty for bare flags such as {@code ro}. */
    public record Field(String key, String value, int from, int to, int valueFrom) {}

    public static MountSpec parse(String value) {
        List<Field> fields = new ArrayList<>();
        int pos = 0;
        int n = value.length();
        while (pos <= n) {
            int start = pos;
            StringBuilder text = new StringBuilder();
            boolean quoted = false;
            int eqAt = -1;
            int valueFrom = -1;
            while (pos < n) {
                char c = value.charAt(pos);
                if (quoted) {
                    if (c == '"' && pos + 1 < n && value.charAt(pos + 1) == '"') {
                        text.append('"');
                        pos += 2;
                        continue;
                    }
                    if (c == '"') {
                        quoted = false;
                    } else {
                        text.append(c);
                    }
                    pos++;
                    continue;
                }
                if (c == ',') {
                    break;
                }
                if (c == '"') {
                    quoted = true;
                } else {
                    if (c == '=' && eqAt < 0) {
                        eqAt = text.length();
                        valueFrom = pos + 1;
                    }
                    text.append(c);
                }
                pos++;
            }
            if (pos > start || pos < n) {
                String t = text.toString();
                String key = eqAt < 0 ? t : t.substring(0, eqAt);
                String v = eqAt < 0 ? "" : t.substring(eqAt + 1);
                fields.add(new Field(key.trim().toLowerCase(Locale.ROOT), v, start, pos, valueFrom < 0 ? pos : valueFrom));
            }
            pos++;
        }
        return new MountSpec(List.copyOf(fields));
    }

    public Optional<Field> field(String... keys) {
        for (Field f : fields) {
            for (String k : keys) {
                if (f.key().equals(k)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** The mount type; {@code bind} when not given, as in BuildKit. */
    public String type() {
        return field("type").map(f -> f.value().toLowerCase(Locale.ROOT)).orElse("bind");
    }
}
