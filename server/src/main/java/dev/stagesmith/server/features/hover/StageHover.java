package dev.stagesmith.server.features.hover;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.features.symbols.StageUses;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage at a glance: its name and line, its base chain down to the image ({@code build ← deps ←
 * golang:1.22}), what it copies and mounts from, and which stages need it.
 */
final class StageHover {

    private StageHover() {}

    static void declaration(StageGraph graph, Stage stage, HoverText out) {
        describe(graph, stage, out);
    }

    static void reference(StageGraph graph, Dependency use, Stage target, HoverText out) {
        ParsedDockerfile file = graph.file();
        if (use.kind() != Dependency.Kind.FROM && use.text().matches("[+-]?[0-9]+")) {
            out.text("Refers to stage " + target.index() + " by its index.").paragraph();
        }
        if (use.kind() == Dependency.Kind.ONBUILD) {
            out.text("In an ONBUILD trigger: resolved when stage ").code(graph.stage(use.stage()).displayName())
                    .text(" is built on this one.").paragraph();
        }
        if (target.index() == use.stage()) {
            out.text("Refers to its own stage: BuildKit stops with a circular dependency.").paragraph();
        } else if (target.index() > use.stage()) {
            out.text("BuildKit rejects this: stage ").code(target.displayName()).text(" is defined later (line "
                    + line(file, target) + "), after the stage that uses it.").paragraph();
        }
        describe(graph, target, out);
    }

    private static void describe(StageGraph graph, Stage stage, HoverText out) {
        ParsedDockerfile file = graph.file();
        if (stage.name().isPresent()) {
            out.bold("Stage").text(" ").code(stage.name().get());
        } else {
            out.bold("Stage " + stage.index()).text(" (").code(stage.displayName()).text(", no name)");
        }
        out.text(": stage " + (stage.index() + 1) + " of " + graph.stages().size() + ", line " + line(file, stage));
        if (graph.defaultTarget().filter(s -> s == stage).isPresent()) {
            out.text("; the default target");
        }
        out.paragraph().text("Base: ").code(chain(graph, stage)).paragraph();
        sources(graph, stage, out);
        dependents(graph, stage, out);
    }

    /** {@code build ← deps ← golang:1.22}: the stage, the stages it is built on, then the image. */
    static String chain(StageGraph graph, Stage stage) {
        List<String> parts = new ArrayList<>();
        Stage s = stage;
        for (int guard = 0; guard <= graph.stages().size(); guard++) {
            parts.add(s.displayName());
            if (s.base() instanceof Stage.StageBase b && b.index() < s.index()) {
                s = graph.stage(b.index());
                continue;
            }
            parts.add(image(s));
            break;
        }
        return String.join(" ← ", parts);
    }

    /** What the stage starts from when that is not a stage: the image after global ARGs, or scratch. */
    static String image(Stage s) {
        if (s.base() instanceof Stage.Scratch) {
            return "scratch";
        }
        if (s.base() instanceof Stage.ImageBase img && img.unresolved().isEmpty() && !img.reference().isEmpty()) {
            return img.reference();
        }
        return s.from().base().map(w -> w.value()).orElse("?");
    }

    private static void sources(StageGraph graph, Stage stage, HoverText out) {
        List<Dependency> uses = new ArrayList<>();
        for (Dependency d : graph.dependenciesOf(stage)) {
            if (d.kind() != Dependency.Kind.FROM) {
                uses.add(d);
            }
        }
        if (uses.isEmpty()) {
            return;
        }
        out.text("Copies from:");
        for (Dependency d : uses) {
            out.item();
            int target = StageUses.target(d);
            if (target >= 0) {
                out.code(graph.stage(target).displayName());
            } else if (d.target() instanceof Dependency.ImageTarget) {
                out.text("image ").code(d.text());
            } else {
                out.code(d.text()).text(" (refused by BuildKit)");
            }
            out.text(", " + how(d) + ", line " + graph.file().lineNumber(d.range().start()));
        }
        out.paragraph();
    }

    private static void dependents(StageGraph graph, Stage stage, HoverText out) {
        List<Dependency> uses = graph.dependentsOf(stage).stream().filter(d -> StageUses.target(d) == stage.index())
                .toList();
        if (uses.isEmpty()) {
            out.text("No stage uses it" + (graph.defaultTarget().filter(s -> s == stage).isPresent() ? "."
                    : "; it is built only as a --target."));
            return;
        }
        out.text("Used by:");
        for (Dependency d : uses) {
            out.item().code(graph.stage(d.stage()).displayName())
                    .text(", " + how(d) + ", line " + graph.file().lineNumber(d.range().start()));
        }
        out.paragraph();
    }

    private static String how(Dependency d) {
        return switch (d.kind()) {
            case FROM -> "FROM";
            case COPY -> "COPY --from";
            case MOUNT -> "RUN --mount from=";
            case ONBUILD -> StageUses.isMount(d) ? "ONBUILD RUN --mount from=" : "ONBUILD COPY --from";
        };
    }

    static int line(ParsedDockerfile file, Stage stage) {
        return file.lineNumber(stage.from().range().start());
    }
}
