package dev.stagesmith.grammar.stages;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.syntax.Instruction;

/**
 * An edge of the stage graph: stage {@code stage} needs {@code target} because of one instruction.
 *
 * @param stage the index of the stage that has the reference
 * @param kind how the reference is made
 * @param target what is referenced
 * @param instruction the instruction making the reference (for {@link Kind#ONBUILD}, the parent's ONBUILD)
 * @param text the reference as written ({@code builder}, {@code 0}, {@code nginx:alpine})
 * @param range where the reference is written
 */
public record Dependency(int stage, Kind kind, Target target, Instruction instruction, String text, TextRange range) {

    /** How one stage refers to another stage or to an image. */
    public enum Kind {
        /** {@code FROM <stage>}. */
        FROM,
        /** {@code COPY --from=<stage|index|image>}. */
        COPY,
        /** {@code RUN --mount=...,from=<stage|index|image>}. */
        MOUNT,
        /** A {@code COPY --from} or mount in an ONBUILD of the parent stage, run when this stage is built. */
        ONBUILD
    }

    /** What a reference points at. */
    public sealed interface Target {}

    /** A stage of this Dockerfile. */
    public record StageTarget(int index) implements Target {}

    /** No stage has that name, so BuildKit pulls it as an image. */
    public record ImageTarget(String reference) implements Target {}

    /** BuildKit refuses the reference: a variable, or an index out of range. */
    public record Invalid(String reason) implements Target {}

    public boolean isStage() {
        return target instanceof StageTarget;
    }

    /** The referenced stage's index, or -1 when the reference is not to a stage. */
    public int targetStage() {
        return target instanceof StageTarget t ? t.index() : -1;
    }
}
