package dev.stagesmith.server.checks;

import dev.stagesmith.grammar.syntax.Directive;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * BuildKit's {@code # check=} parser directive: {@code skip=<rules|all>}, {@code error=<bool>} and
 * {@code experimental=<rules|all>}, separated by {@code ;}. Rule names match case-insensitively.
 */
public record CheckDirective(Set<String> skip, boolean skipAll, boolean error, Set<String> experimental,
        boolean allExperimental) {

    public static final CheckDirective NONE = new CheckDirective(Set.of(), false, false, Set.of(), false);

    public static CheckDirective of(List<Directive> directives) {
        for (Directive d : directives) {
            if (d.name().equals("check")) {
                return parse(d.value());
            }
        }
        return NONE;
    }

    static CheckDirective parse(String value) {
        Set<String> skip = new HashSet<>();
        Set<String> experimental = new HashSet<>();
        boolean skipAll = false;
        boolean allExperimental = false;
        boolean error = false;
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = part.substring(eq + 1).trim();
            switch (key) {
                case "skip" -> skipAll |= names(v, skip);
                case "experimental" -> allExperimental |= names(v, experimental);
                case "error" -> error = Boolean.parseBoolean(v) || v.equals("1");
                default -> { }
            }
        }
        return new CheckDirective(Set.copyOf(skip), skipAll, error, Set.copyOf(experimental), allExperimental);
    }

    /** Adds the comma-separated names to {@code into}; returns true for {@code all}. */
    private static boolean names(String list, Set<String> into) {
        for (String n : list.split(",")) {
            String name = n.trim().toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                return true;
            }
            if (!name.isEmpty()) {
                into.add(name);
            }
        }
        return false;
    }

    public boolean skips(String code) {
        return skipAll || skip.contains(code.toLowerCase(Locale.ROOT));
    }

    public boolean enablesExperimental(String code) {
        return allExperimental || experimental.contains(code.toLowerCase(Locale.ROOT));
    }
}
