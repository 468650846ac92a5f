package dev.stagesmith.server.checks.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.engine.context.DockerIgnore;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.checks.RuleTester;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cases are a .dockerignore text and a Dockerfile with the expected findings marked. */
class CopyIgnoredFileRuleTest {

    private final CopyIgnoredFileRule rule = new CopyIgnoredFileRule();

    private List<Finding> check(String dockerignore, String marked, String... messages) throws Exception {
        RuleTester.Marked m = RuleTester.mark(marked);
        List<Finding> found = RuleTester.run(rule, m.text(), Optional.of(DockerIgnore.parse(dockerignore)));
        assertEquals(m.ranges(), found.stream().map(Finding::range).toList(), found.toString());
        for (int i = 0; i < messages.length; i++) {
            assertTrue(found.get(i).message().contains(messages[i]), found.get(i).message());
        }
        return found;
    }

    @Test
    void reportsContextSourcesTheIgnoreFileExcludes() throws Exception {
        check("Dockerfile\n", "FROM scratch\nCOPY ⟦Dockerfile⟧ .\nADD ⟦Dockerfile⟧ /windy\n",
                "Attempting to Copy file \"Dockerfile\" that is excluded by .dockerignore",
                "Attempting to Add file \"Dockerfile\" that is excluded by .dockerignore");
        check("*/tmp/*\n", "FROM scratch\nCOPY ⟦./src/tmp/hello.txt⟧ /hello.txt\nCOPY ./forever/hello.txt /h\n",
                "\"src/tmp/hello.txt\"");
        check("build\n", "FROM scratch\nARG DIR=build\nCOPY ⟦${DIR}/app.jar⟧ ok.txt /app/\n", "\"build/app.jar\"");
    }

    @Test
    void skipsStagesUrlsHeredocsAndUnknownValues() throws Exception {
        check("foobar\n*.txt\n", "FROM scratch AS base\nCOPY Dockerfile /foobar\n\nFROM base\n"
                + "COPY --from=base /foobar /Dockerfile\nADD https://example.com/a.txt /a.txt\n"
                + "COPY <<a.txt /a.txt\nhello\na.txt\nADD git@github.com:o/r.git /r\n");
        check("*.txt\n", "FROM alpine\nCOPY $FROM_THE_IMAGE /x\n");
    }

    @Test
    void theWholeContextOnlyWhenEverythingIsExcluded() throws Exception {
        check("node_modules\n", "FROM node\nCOPY . /app\n");
        check("**\n", "FROM node\nCOPY ⟦.⟧ /app\n", "Attempting to Copy file \".\"");
    }

    @Test
    void exceptionsMakeItStayQuietAsBuildKitDoes() throws Exception {
        check("src\n!src/main.go\n", "FROM scratch\nCOPY src /src\n");
    }

    @Test
    void quietWithoutABuildContext() {
        assertEquals(List.of(), RuleTester.run(rule, "FROM scratch\nCOPY Dockerfile .\n"));
    }

    @Test
    void worksWithAnyPredicate() {
        List<Finding> found = RuleTester.run(rule, "FROM scratch\nCOPY a b /c/\n", Optional.of(p -> p.equals("b")));
        assertEquals(List.of(TextRange.of(20, 21)), found.stream().map(Finding::range).toList());
    }
}
