package dev.stagesmith.server.features.build;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.grammar.stages.Platform;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.settings.BuildSettings;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an editor build is made of: the stage a command names, the engine request from the buffer and the
 * settings (context, output and cache relative to the right directories), and the result as the protocol
 * shapes it.
 */
final class EditorBuilds {

    private EditorBuilds() {}

    /** The stage {@code target} names in this version of the document; the last stage without one. */
    static Stage target(DocumentSnapshot snapshot, Optional<String> target) {
        StageGraph graph = snapshot.graph();
        if (graph.stages().isEmpty()) {
            throw BuildService.failed(fileName(snapshot) + " has no FROM instruction, so there is nothing to build");
        }
        if (target.isEmpty()) {
            return graph.defaultTarget().orElseThrow();
        }
        return graph.findTarget(target.get()).orElseThrow(() -> BuildService.failed(fileName(snapshot) + ": target stage \""
                + target.get() + "\" could not be found; stages: "
                + String.join(", ", graph.stages().stream().map(Stage::targetName).toList())));
    }

    /** The engine's request for building {@code stage} of the buffer's text with the settings and {@code args}. */
    static BuildRequest request(DocumentSnapshot snapshot, Path dockerfile, BuildArguments args, Stage stage,
            List<Path> workspaceFolders) {
        BuildSettings settings = snapshot.settings().build();
        Path dir = dockerfile.toAbsolutePath().getParent();
        Path context = settings.context().isEmpty() ? dir : dir.resolve(settings.context()).normalize();
        Path folder = workspaceFolder(dockerfile, workspaceFolders).orElse(dir);
        Map<String, String> buildArgs = new LinkedHashMap<>(snapshot.settings().buildArgs());
        buildArgs.putAll(args.buildArgs());
        Platform platform = args.platform().map(p -> Platform.parse(p).orElseThrow(() -> BuildService.failed(
                "platform " + p + " is not OS/ARCH[/VARIANT], e.g. linux/arm64")))
                .or(() -> snapshot.settings().platform()).orElseGet(Platform::host);
        String output = args.output().orElse(settings.output());
        Map<String, Path> secrets = new LinkedHashMap<>();
        settings.secrets().forEach((id, file) -> {
            Path f = folder.resolve(file).normalize();
            if (!Files.isReadable(f)) {
                throw BuildService.failed("stagesmith.build.secrets: the secret " + id + " is " + f
                        + ", which cannot be read; fix the setting or the file");
            }
            secrets.put(id, f);
        });
        try {
            return BuildRequests.of(BuildRequests.Spec.of(dockerfile, snapshot.text(), context,
                    Optional.of(stage.targetName()), buildArgs, platform,
                    output.isEmpty() ? List.of() : BuildRequests.outputs(List.of(output), folder),
                    settings.cacheDir().isEmpty() ? Optional.empty() : Optional.of(folder.resolve(settings.cacheDir())),
                    secrets), System::getenv);
        } catch (IllegalArgumentException e) {
            throw BuildService.failed(e.getMessage());
        }
    }

    /** The innermost workspace folder holding {@code file}. */
    private static Optional<Path> workspaceFolder(Path file, List<Path> folders) {
        Path abs = file.toAbsolutePath().normalize();
        return folders.stream().filter(abs::startsWith)
                .max(Comparator.comparingInt(Path::getNameCount));
    }

    /** The protocol's result object: {@code {target, digest, configDigest, output, size, seconds, stages}}. */
    static JsonObject resultJson(String target, BuildResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("target", target);
        o.addProperty("digest", r.manifestDigest().toString());
        o.addProperty("configDigest", r.configDigest().toString());
        o.addProperty("output", String.join(", ", r.outputs()));
        o.addProperty("size", r.size());
        o.addProperty("seconds", r.elapsed().toMillis() / 1000.0);
        JsonArray stages = new JsonArray();
        for (BuildResult.StageTiming t : r.stages()) {
            JsonObject s = new JsonObject();
            s.addProperty("name", t.stage());
            s.addProperty("seconds", t.elapsed().toMillis() / 1000.0);
            s.addProperty("cached", t.cached());
            stages.add(s);
        }
        o.add("stages", stages);
        return o;
    }

    private static String fileName(DocumentSnapshot s) {
        return s.path().map(p -> String.valueOf(p.getFileName())).orElse("Dockerfile");
    }

}
