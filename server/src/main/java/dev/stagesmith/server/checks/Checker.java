package dev.stagesmith.server.checks;

import dev.stagesmith.grammar.SyntaxError;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.Instruction;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Runs rules over a Dockerfile: applies severity settings, {@code # check=skip=...;error=true} and
 * inline suppressions, and keeps going when a rule fails (the failure is logged, the rule skipped).
 */
public final class Checker {

    private static final System.Logger LOG = System.getLogger(Checker.class.getName());
    private static final String SYNTAX_ERROR = "syntax-error";

    /** Told about a rule that threw; the rule's findings for that file are dropped. */
    @FunctionalInterface
    public interface FailureListener {
        void failed(Rule rule, Throwable error);

        FailureListener LOG_AND_CONTINUE = (rule, error) ->
                LOG.log(Level.WARNING, "rule " + rule.code() + " failed and was skipped", error);
    }

    private final List<Rule> rules;
    private final FailureListener failures;

    public Checker(List<Rule> rules) {
        this(rules, FailureListener.LOG_AND_CONTINUE);
    }

    public Checker(List<Rule> rules, FailureListener failures) {
        this.rules = List.copyOf(rules);
        this.failures = failures;
    }

    public static Checker withAllRules() {
        return new Checker(Rules.all());
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * The findings for {@code input}, sorted by position.
     *
     * @param severities per-rule severity settings by code ({@link Severity#OFF} disables a rule)
     */
    public List<Finding> check(CheckInput input, Map<String, Severity> severities) {
        CheckDirective directive = CheckDirective.of(input.file().directives());
        Suppressions suppressions = Suppressions.of(input.file());
        List<TextRange> unparsable = unparsableInstructions(input);
        List<Finding> out = new ArrayList<>();
        for (Rule rule : rules) {
            Severity severity = severities.getOrDefault(rule.code(), rule.defaultSeverity());
            if (severity == Severity.OFF || directive.skips(rule.code())) {
                continue;
            }
            if (rule instanceof ExperimentalRule && !directive.enablesExperimental(rule.code())
                    && !severities.containsKey(rule.code())) {
                continue;
            }
            for (Finding f : run(rule, input)) {
                if (suppressions.suppresses(f) || !f.code().equals(SYNTAX_ERROR) && inside(unparsable, f)) {
                    continue;
                }
                Severity s = directive.error() && severity == Severity.WARNING ? Severity.ERROR : severity;
                out.add(f.withSeverity(s));
            }
        }
        out.sort(Comparator.comparingInt((Finding f) -> f.range().start()).thenComparing(Finding::code));
        return out;
    }

    /**
     * Instructions BuildKit's parser rejects: the syntax error is the one finding there, since other
     * rules would only describe the same line again from a half-parsed tree.
     */
    private static List<TextRange> unparsableInstructions(CheckInput input) {
        List<TextRange> out = new ArrayList<>();
        for (SyntaxError e : input.file().errors()) {
            for (Instruction i : input.file().instructions()) {
                if (i.range().touches(e.range().start())) {
                    out.add(i.range());
                }
            }
        }
        return out;
    }

    private static boolean inside(List<TextRange> ranges, Finding f) {
        for (TextRange r : ranges) {
            if (r.touches(f.range().start())) {
                return true;
            }
        }
        return false;
    }

    public List<Finding> check(CheckInput input) {
        return check(input, Map.of());
    }

    private List<Finding> run(Rule rule, CheckInput input) {
        Findings findings = new Findings(rule);
        try {
            rule.check(input, findings);
        } catch (RuntimeException | StackOverflowError e) {
            failures.failed(rule, e);
            return List.of();
        }
        return findings.all();
    }
}
