package dev.stagesmith.server.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import java.util.Locale;
import java.util.Optional;

/**
 * The stage graph as JSON, for tools: stages with base, lines, and every reference (kind, target,
 * position); with a target, the build order. Lines and columns are 1-based.
 */
final class StagesJson {

    private StagesJson() {}

    static String render(String file, StageGraph graph, Optional<Stage> target) {
        JsonObject root = new JsonObject();
        root.addProperty("file", file);
        JsonArray stages = new JsonArray();
        for (Stage s : graph.stages()) {
            stages.add(stage(graph, s));
        }
        root.add("stages", stages);
        target.ifPresent(t -> {
            root.addProperty("target", t.targetName());
            JsonArray order = new JsonArray();
            for (Stage s : graph.stagesFor(t)) {
                order.add(s.index());
            }
            root.add("buildOrder", order);
        });
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static JsonObject stage(StageGraph graph, Stage s) {
        ParsedDockerfile file = graph.file();
        JsonObject o = new JsonObject();
        o.addProperty("index", s.index());
        s.name().ifPresent(n -> o.addProperty("name", n));
        o.addProperty("displayName", s.displayName());
        o.add("base", base(s));
        o.addProperty("line", file.startLine(s.range()));
        o.addProperty("endLine", file.endLine(s.range()));
        JsonArray needs = new JsonArray();
        graph.directDependencies(s).forEach(d -> needs.add(d.index()));
        o.add("needs", needs);
        JsonArray refs = new JsonArray();
        for (Dependency d : graph.dependenciesOf(s)) {
            refs.add(reference(file, d));
        }
        o.add("references", refs);
        return o;
    }

    private static JsonObject base(Stage s) {
        JsonObject o = new JsonObject();
        if (s.base() instanceof Stage.Scratch) {
            o.addProperty("kind", "scratch");
        } else if (s.base() instanceof Stage.StageBase b) {
            o.addProperty("kind", "stage");
            o.addProperty("stage", b.index());
        } else {
            Stage.ImageBase img = (Stage.ImageBase) s.base();
            o.addProperty("kind", "image");
            o.addProperty("image", img.reference());
            if (!img.unresolved().isEmpty()) {
                JsonArray names = new JsonArray();
                img.unresolved().forEach(names::add);
                o.add("unresolvedVariables", names);
            }
        }
        return o;
    }

    private static JsonObject reference(ParsedDockerfile file, Dependency d) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", d.kind().name().toLowerCase(Locale.ROOT));
        o.addProperty("text", d.text());
        if (d.target() instanceof Dependency.StageTarget t) {
            o.addProperty("stage", t.index());
        } else if (d.target() instanceof Dependency.ImageTarget i) {
            o.addProperty("image", i.reference());
        } else if (d.target() instanceof Dependency.Invalid inv) {
            o.addProperty("error", inv.reason());
        }
        o.add("range", range(file, d.range()));
        return o;
    }

    private static JsonObject range(ParsedDockerfile file, TextRange r) {
        JsonObject o = new JsonObject();
        var start = file.lines().position(r.start());
        var end = file.lines().position(r.end());
        o.addProperty("line", start.line() + 1);
        o.addProperty("column", start.column() + 1);
        o.addProperty("endLine", end.line() + 1);
        o.addProperty("endColumn", end.column() + 1);
        return o;
    }
}
