package dev.stagesmith.server.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Severities, BuildKit's check directive, inline suppressions and rule isolation. */
class CheckerTest {

    /** Reports every RUN, as a warning. */
    private static final Rule RUNS = new Rule() {
        @Override
        public String code() {
            return "EveryRun";
        }

        @Override
        public Severity defaultSeverity() {
            return Severity.WARNING;
        }

        @Override
        public String summary() {
            return "every RUN";
        }

        @Override
        public void check(CheckInput input, Findings out) {
            for (Instruction i : input.file().instructions()) {
                if (i instanceof Run) {
                    out.report(i.keyword().range(), "a RUN");
                }
            }
        }
    };

    private static final Rule BROKEN = new Rule() {
        @Override
        public String code() {
            return "broken";
        }

        @Override
        public Severity defaultSeverity() {
            return Severity.ERROR;
        }

        @Override
        public String summary() {
            return "always fails";
        }

        @Override
        public void check(CheckInput input, Findings out) {
            throw new IllegalStateException("bug in a rule");
        }
    };

    private static List<String> run(String text, Map<String, Severity> severities, Rule... rules) {
        List<Finding> found = new Checker(List.of(rules)).check(CheckInput.of(Dockerfiles.parse(text)), severities);
        return found.stream().map(f -> f.code() + ":" + f.severity().label() + "@" + f.range().start()).toList();
    }

    @Test
    void defaultSeverityAppliesAndSettingsOverrideIt() {
        String text = "FROM alpine\nRUN a\n";
        assertEquals(List.of("EveryRun:warning@12"), run(text, Map.of(), RUNS));
        assertEquals(List.of("EveryRun:hint@12"), run(text, Map.of("EveryRun", Severity.HINT), RUNS));
        assertEquals(List.of(), run(text, Map.of("EveryRun", Severity.OFF), RUNS));
    }

    @Test
    void checkDirectiveSkipsRulesAndTurnsWarningsIntoErrors() {
        assertEquals(List.of(), run("# check=skip=EveryRun\nFROM alpine\nRUN a\n", Map.of(), RUNS));
        assertEquals(List.of(), run("# check=skip=all\nFROM alpine\nRUN a\n", Map.of(), RUNS));
        assertEquals(List.of("EveryRun:warning@35"), run("# check=skip=OtherRule\nFROM alpine\nRUN a\n", Map.of(),
                RUNS));
        assertEquals(List.of("EveryRun:error@31"), run("# check=error=true\nFROM alpine\nRUN a\n", Map.of(), RUNS));
        assertEquals(List.of("EveryRun:error@38"),
                run("# check=skip=x;error=true\nFROM alpine\nRUN a\n", Map.of(), RUNS));
    }

    @Test
    void inlineSuppressionSilencesTheNextInstructionOnly() {
        String text = "FROM alpine\n# stagesmith-ignore=EveryRun\nRUN a\nRUN b\n";
        assertEquals(List.of("EveryRun:warning@47"), run(text, Map.of(), RUNS));
        String all = "FROM alpine\n# stagesmith-ignore=all\nRUN a \\\n  && b\n";
        assertEquals(List.of(), run(all, Map.of(), RUNS));
        String other = "FROM alpine\n# stagesmith-ignore=SomethingElse\nRUN a\n";
        assertEquals(List.of("EveryRun:warning@46"), run(other, Map.of(), RUNS));
    }

    @Test
    void aFailingRuleIsSkippedAndTheOthersStillReport() {
        assertEquals(List.of("EveryRun:warning@12"), run("FROM alpine\nRUN a\n", Map.of(), BROKEN, RUNS));
    }

    @Test
    void anInstructionBuildKitCannotParseGetsOnlyItsSyntaxError() {
        Rule syntax = Rules.all().stream().filter(r -> r.code().equals("syntax-error")).findFirst().orElseThrow();
        String text = "FROM alpine\nRUN a\nRUN [\"x\", 1]\n";
        assertEquals(List.of("EveryRun:warning@12", "syntax-error:error@28"), run(text, Map.of(), RUNS, syntax));
    }

    @Test
    void findingsComeInFileOrder() {
        String text = "FROM alpine\nRUN b\nRUN a\n";
        assertEquals(List.of("EveryRun:warning@12", "EveryRun:warning@18"), run(text, Map.of(), RUNS));
    }
}
