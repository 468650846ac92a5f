package dev.stagesmith.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.dump.BuildKitDump;
import dev.stagesmith.grammar.syntax.Instruction;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** BuildKit's own parser test suite, read in place from {@code ../shared/conformance/buildkit-parser}. */
class BuildKitParserConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyPositiveCaseDumpsByteForByte() {
        List<Path> cases = SharedData.dirs(SharedData.conformance().resolve("testfiles"));
        assertEquals(33, cases.size(), "positive cases");
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String text = SharedData.read(dir.resolve("Dockerfile"));
            ParsedDockerfile parsed = Dockerfiles.parse(text);
            assertEquals(List.of(), parsed.errors(), "syntax errors");
            assertTrue(Dockerfiles.treeAgreesWithScanner(text), "ANTLR's tree has BuildKit's instructions");
            assertEquals(SharedData.read(dir.resolve("result")), BuildKitDump.dump(parsed));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyNegativeCaseFails() {
        List<Path> cases = SharedData.dirs(SharedData.conformance().resolve("testfiles-negative"));
        assertEquals(4, cases.size(), "negative cases");
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            ParsedDockerfile parsed = Dockerfiles.parse(SharedData.read(dir.resolve("Dockerfile")));
            assertFalse(parsed.errors().isEmpty(), "BuildKit rejects this file, so must we");
        }));
    }

    @Test
    void instructionLineSpansMatchBuildKit() {
        ParsedDockerfile parsed = Dockerfiles.parse(
                SharedData.read(SharedData.conformance().resolve("testfile-line/Dockerfile")));
        assertTrue(parsed.errors().isEmpty(), parsed.errors().toString());
        List<Instruction> in = parsed.instructions();
        assertEquals(3, in.size());
        int[][] expected = {{5, 5}, {11, 12}, {17, 31}};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i][0], parsed.startLine(in.get(i).range()), "start line of child " + i);
            assertEquals(expected[i][1], parsed.endLine(in.get(i).range()), "end line of child " + i);
        }
        assertEquals(5, parsed.startLine(in.get(0).range()), "root start");
        assertEquals(31, parsed.endLine(in.get(2).range()), "root end");
    }
}
