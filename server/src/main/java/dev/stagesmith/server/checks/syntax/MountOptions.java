package dev.stagesmith.server.checks.syntax;

import dev.stagesmith.grammar.ClosestMatch;
import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.stages.MountSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * BuildKit's {@code parseMount} ({@code commands_runmount.go}) as the build runs it, field by field and in
 * order (a key is checked against the type given before it). Fields whose value holds a variable are
 * expanded by the build and skipped here; a type given by a variable turns the type checks off.
 */
final class MountOptions {

    /** A refusal and the field it concerns ({@code null} field: the mount as a whole). */
    record Problem(String message, MountSpec.Field field) {}

    private static final List<String> TYPES = List.of("bind", "cache", "tmpfs", "secret", "ssh");
    private static final List<String> SHARING = List.of("shared", "private", "locked");
    private static final List<String> KEYS = List.of("type", "from", "source", "target", "readonly", "id", "sharing",
            "required", "size", "mode", "uid", "gid", "src", "dst", "destination", "ro", "rw", "readwrite", "env");

    private MountOptions() {}

    static List<Problem> check(String value) {
        MountSpec spec = MountSpec.parse(value);
        List<Problem> out = new ArrayList<>();
        String type = "bind";
        boolean typeKnown = true;
        Set<String> set = new HashSet<>();
        for (MountSpec.Field f : spec.fields()) {
            String raw = value.substring(f.from(), f.to());
            String key = f.key();
            if (!raw.contains("=")) {
                switch (key) {
                    case "readonly", "ro", "readwrite", "rw" -> { }
                    case "required" -> {
                        if (typeKnown && !type.equals("secret") && !type.equals("ssh")) {
                            out.add(new Problem("unexpected key 'required' for mount type '" + type + "'", f));
                        }
                    }
                    default -> out.add(new Problem("invalid field '" + raw + "' must be a key=value pair", f));
                }
                continue;
            }
            String v = f.value();
            if (v.contains("$")) {
                if (key.equals("type")) {
                    typeKnown = false;
                }
                set.add(canonical(key));
                continue;
            }
            Problem p = field(key, v, raw, type, typeKnown, f);
            if (p != null) {
                out.add(p);
                continue;
            }
            if (key.equals("type")) {
                type = v.toLowerCase(Locale.ROOT);
            }
            set.add(canonical(key));
        }
        if (typeKnown) {
            whole(type, set, out);
        }
        return out;
    }

    private static String canonical(String key) {
        return switch (key) {
            case "src" -> "source";
            case "dst", "destination" -> "target";
            default -> key;
        };
    }

    private static Problem field(String key, String v, String raw, String type, boolean typeKnown, MountSpec.Field f) {
        switch (key) {
            case "type" -> {
                if (!TYPES.contains(v.toLowerCase(Locale.ROOT))) {
                    return new Problem("unsupported mount type " + GoQuoting.quote(v) + suggestion(v, TYPES), f);
                }
            }
            case "from", "source", "src", "target", "dst", "destination", "id", "env" -> { }
            case "readonly", "ro", "readwrite", "rw" -> {
                if (!isGoBool(v)) {
                    return new Problem("invalid value for " + key + ": " + v, f);
                }
            }
            case "required" -> {
                if (typeKnown && !type.equals("secret") && !type.equals("ssh")) {
                    return new Problem("unexpected key 'required' for mount type '" + type + "'", f);
                }
                if (!isGoBool(v)) {
                    return new Problem("invalid value for " + key + ": " + v, f);
                }
            }
            case "size" -> {
                if (typeKnown && !type.equals("tmpfs")) {
                    return new Problem("unexpected key 'size' for mount type '" + type + "'", f);
                }
                if (!v.matches("[0-9]+(\\.[0-9]+)* ?[kKmMgGtTpP]?[iI]?[bB]?")) {
                    return new Problem("invalid value for " + key + ": " + v, f);
                }
            }
            case "sharing" -> {
                if (!SHARING.contains(v.toLowerCase(Locale.ROOT))) {
                    return new Problem("unsupported sharing value " + GoQuoting.quote(v) + suggestion(v, SHARING), f);
                }
            }
            case "mode" -> {
                if (!v.matches("[0-7]{1,11}") || Long.parseLong(v, 8) > 0xFFFFFFFFL) {
                    return new Problem("invalid value " + v + " for mode", f);
                }
            }
            case "uid", "gid" -> {
                if (!v.matches("[0-9]{1,10}") || Long.parseLong(v) > 0xFFFFFFFFL) {
                    return new Problem("invalid value " + v + " for " + key, f);
                }
            }
            default -> {
                return new Problem("unexpected key '" + key + "' in '" + raw + "'" + suggestion(key, KEYS), f);
            }
        }
        return null;
    }

    private static void whole(String type, Set<String> set, List<Problem> out) {
        boolean fileInfo = type.equals("secret") || type.equals("ssh") || type.equals("cache");
        for (String k : List.of("mode", "uid", "gid")) {
            if (!fileInfo && set.contains(k)) {
                out.add(new Problem(k + " not allowed for " + GoQuoting.quote(type) + " type mounts", null));
                return;
            }
        }
        if (type.equals("secret")) {
            if (set.contains("from")) {
                out.add(new Problem("secret mount should not have a from", null));
            } else if (set.contains("sharing")) {
                out.add(new Problem("secret mount should not define sharing", null));
            } else if (!set.contains("source") && !set.contains("target") && !set.contains("id")) {
                out.add(new Problem("invalid secret mount. one of source, target required", null));
            } else if (set.contains("source") && set.contains("id")) {
                out.add(new Problem("both source and id can't be set", null));
            }
            return;
        }
        if (set.contains("sharing") && !type.equals("cache")) {
            out.add(new Problem("invalid cache sharing set for " + type + " mount", null));
        }
    }

    private static String suggestion(String value, List<String> options) {
        return ClosestMatch.find(value, options).map(m -> " (did you mean " + m + "?)").orElse("");
    }

    /** Go's {@code strconv.ParseBool}. */
    static boolean isGoBool(String v) {
        return switch (v) {
            case "1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False" -> true;
            default -> false;
        };
    }
}
