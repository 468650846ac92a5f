package dev.stagesmith.server.features.build;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;

/**
 * "▶ Build stage NAME" above every FROM (and "▶ Build image" above the last). {@code textDocument/codeLens}
 * answers ranges and data straight from the snapshot's stage model; {@code codeLens/resolve} adds the
 * command from the build's state, so typing never waits on anything build-related.
 */
public final class CodeLensService {

    private final BuildService builds;

    public CodeLensService(BuildService builds) {
        this.builds = builds;
    }

    /** Unresolved lenses: a range on each FROM and {@code data = {uri, target, image}}. */
    public static List<CodeLens> lenses(DocumentSnapshot snapshot) {
        StageGraph graph = snapshot.graph();
        List<CodeLens> out = new ArrayList<>();
        List<Stage> stages = graph.stages();
        for (Stage s : stages) {
            var range = Positions.range(snapshot.parsed(), s.from().range());
            out.add(new CodeLens(range, null, data(snapshot.uri(), s, false)));
            if (s == stages.get(stages.size() - 1)) {
                out.add(new CodeLens(range, null, data(snapshot.uri(), s, true)));
            }
        }
        return out;
    }

    private static JsonObject data(String uri, Stage s, boolean image) {
        JsonObject o = new JsonObject();
        o.addProperty("uri", uri);
        o.addProperty("target", s.targetName());
        o.addProperty("label", s.name().orElse("#" + s.index()));
        o.addProperty("image", image);
        return o;
    }

    /** Fills the lens's command from the state of its build; a lens without usable data is returned as is. */
    public CodeLens resolve(CodeLens lens) {
        Optional<JsonObject> data = lens.getData() instanceof JsonElement e && e.isJsonObject()
                ? Optional.of(e.getAsJsonObject()) : Optional.empty();
        if (data.isEmpty() || !data.get().has("uri") || !data.get().has("target")) {
            return lens;
        }
        JsonObject d = data.get();
        String uri = d.get("uri").getAsString();
        String target = d.get("target").getAsString();
        boolean image = d.has("image") && d.get("image").getAsBoolean();
        String label = d.has("label") ? d.get("label").getAsString() : target;
        JsonObject argument = new JsonObject();
        argument.addProperty("uri", uri);
        argument.addProperty("target", target);
        String idle = image ? "▶ Build image" : "▶ Build stage " + label;
        Optional<BuildStatus> status = builds.status(new BuildKey(uri, target));
        Command command;
        if (status.isPresent() && status.get() instanceof BuildStatus.Running) {
            command = new Command("Building… (cancel)", BuildCommands.CANCEL_BUILD, List.of(argument));
        } else if (status.isPresent() && status.get() instanceof BuildStatus.Built b) {
            command = new Command("✓ built " + BuildService.seconds(b.seconds()) + " · " + shortDigest(b.digest()),
                    BuildCommands.BUILD_TO_STAGE, List.of(argument));
        } else if (status.isPresent() && status.get() instanceof BuildStatus.Failed f) {
            command = new Command(f.line() > 0 ? "✗ failed at line " + f.line() : "✗ failed",
                    BuildCommands.BUILD_TO_STAGE, List.of(argument));
        } else {
            command = new Command(idle, BuildCommands.BUILD_TO_STAGE, List.of(argument));
        }
        lens.setCommand(command);
        return lens;
    }

    /** {@code sha256:} and the first 12 hex digits, as image ids are usually shown. */
    static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        return digest.substring(0, Math.min(digest.length(), colon + 13));
    }
}
