package dev.stagesmith.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Instruction;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every real Dockerfile of {@code ../shared/corpus/real} is valid for BuildKit, so it must parse cleanly. */
class RealCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusFileParsesWithoutErrors() {
        List<Path> files = SharedData.corpusFiles();
        assertTrue(files.size() >= 100, "corpus has " + files.size() + " files");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String text = SharedData.read(f);
            ParsedDockerfile parsed = Dockerfiles.parse(text);
            assertEquals(List.of(), parsed.errors());
            assertTrue(Dockerfiles.treeAgreesWithScanner(text), "ANTLR's tree has BuildKit's instructions");
            assertFalse(parsed.instructions().isEmpty());
            assertTrue(parsed.instructions().stream().anyMatch(i -> i instanceof From), "has a FROM");
            int previousEnd = 0;
            for (Instruction i : parsed.instructions()) {
                TextRange r = i.range();
                assertTrue(r.start() >= previousEnd, "instructions in order and disjoint at " + r);
                assertTrue(r.end() <= text.length());
                assertTrue(i.keyword().range().start() == r.start(), "range starts at the keyword");
                previousEnd = r.end();
            }
        }));
    }

    /** Working Dockerfiles have no cycles or forward references, and every target prunes to a subset. */
    @TestFactory
    Stream<DynamicTest> everyCorpusFileHasAConsistentStageGraph() {
        return SharedData.corpusFiles().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            StageGraph g = StageGraph.of(Dockerfiles.parse(SharedData.read(f)));
            assertEquals(List.of(), g.cycles());
            assertEquals(List.of(), g.forwardReferences());
            assertTrue(g.dependencies().stream().noneMatch(d -> d.target() instanceof Dependency.Invalid),
                    g.dependencies().toString());
            for (Stage s : g.stages()) {
                List<Stage> needed = g.stagesFor(s);
                assertEquals(s, needed.get(needed.size() - 1), "the target is built last");
                assertTrue(needed.stream().allMatch(n -> n.index() <= s.index()), "only earlier stages");
            }
        }));
    }
}
