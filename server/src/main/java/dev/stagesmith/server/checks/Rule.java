package dev.stagesmith.server.checks;

/**
 * One check. A rule has a stable code (BuildKit's rule name where BuildKit has the rule, kebab-case
 * otherwise), a default severity, and reports what it finds; the {@link Checker} applies severities,
 * suppressions and isolation.
 */
public interface Rule {

    /** The stable code, as users write it in {@code # check=skip=} and settings. Never changes once released. */
    String code();

    Severity defaultSeverity();

    /** One line saying what the rule is about, for {@code --help} and docs. */
    String summary();

    void check(CheckInput input, Findings out);
}
