package dev.stagesmith.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.stages.StageGraph;
import org.junit.jupiter.api.Test;

/** The benchmark input is what it claims to be: ~10,000 valid lines in 200 connected stages. */
class GeneratedDockerfileTest {

    @Test
    void generatesTheRequestedShape() {
        String text = GeneratedDockerfile.generate(10_000, 200);
        long lines = text.lines().count();
        assertTrue(lines >= 9_800 && lines <= 10_200, "lines: " + lines);
        ParsedDockerfile parsed = Dockerfiles.parse(text);
        assertEquals(java.util.List.of(), parsed.errors());
        StageGraph g = StageGraph.of(parsed);
        assertEquals(200, g.stages().size());
        assertTrue(g.cycles().isEmpty());
        assertEquals(200, g.stagesFor(g.defaultTarget().orElseThrow()).size(), "the last stage needs all");
    }
}
