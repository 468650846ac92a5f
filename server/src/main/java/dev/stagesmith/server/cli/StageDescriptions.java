package dev.stagesmith.server.cli;

import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;

/** Short human descriptions of stages, shared by the text and JSON renderings. */
final class StageDescriptions {

    private StageDescriptions() {}

    /** {@code scratch}, {@code stage build}, or the image reference after expanding global ARGs. */
    static String base(StageGraph graph, Stage stage) {
        Stage.Base base = stage.base();
        if (base instanceof Stage.Scratch) {
            return "scratch";
        }
        if (base instanceof Stage.StageBase b) {
            return "stage " + graph.stage(b.index()).displayName();
        }
        Stage.ImageBase image = (Stage.ImageBase) base;
        return image.reference().isEmpty() ? "(none)" : image.reference();
    }
}
