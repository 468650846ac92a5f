package dev.stagesmith.server.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.context.DockerIgnore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every entry of docs/checks.md shows a Bad example its rule reports and a Good one it does not; an
 * entry may give the {@code .dockerignore} its examples are checked with in a {@code ```text} block.
 */
class RuleDocsExamplesTest {

    private static final Pattern ENTRY = Pattern.compile("(?m)^### `([^`]+)`");
    private static final Pattern EXAMPLE = Pattern.compile("\\*{0,2}(Bad|Good):\\*{0,2}\\s*```dockerfile\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern IGNORE = Pattern.compile("```text\\n(.*?)```", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> examplesDoWhatTheySay() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "checks.md"));
        Matcher entry = ENTRY.matcher(docs);
        List<Integer> starts = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        while (entry.find()) {
            starts.add(entry.start());
            codes.add(entry.group(1));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : docs.length();
            String body = docs.substring(starts.get(i), end);
            String code = codes.get(i);
            tests.add(DynamicTest.dynamicTest(code, () -> check(rule(code), body)));
        }
        return tests.stream();
    }

    private static void check(Rule rule, String body) throws DockerIgnore.InvalidPatternException {
        Matcher ignoreText = IGNORE.matcher(body);
        Optional<Predicate<String>> ignored = Optional.empty();
        if (ignoreText.find()) {
            ignored = Optional.of(DockerIgnore.parse(ignoreText.group(1)));
        }
        Matcher example = EXAMPLE.matcher(body);
        int bad = 0;
        int good = 0;
        while (example.find()) {
            List<Finding> found = RuleTester.run(rule, example.group(2), ignored);
            if (example.group(1).equals("Bad")) {
                bad++;
                assertFalse(found.isEmpty(), rule.code() + " should report its Bad example");
            } else {
                good++;
                assertTrue(found.isEmpty(), rule.code() + " should not report its Good example: " + found);
            }
        }
        assertTrue(bad >= 1 && good >= 1, rule.code() + " needs a Bad and a Good example (found " + bad + ", "
                + good + ")");
    }

    private static Rule rule(String code) {
        List<Rule> matching = Rules.all().stream().filter(r -> r.code().equals(code)).toList();
        assertEquals(1, matching.size(), "rule " + code);
        return matching.get(0);
    }
}
