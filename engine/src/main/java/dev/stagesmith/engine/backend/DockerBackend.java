package dev.stagesmith.engine.backend;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.engine.build.Cancellation;
import dev.stagesmith.engine.build.Output;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.grammar.stages.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds with {@code docker buildx build}, so BuildKit does the work: the local daemon's, or a remote or
 * distributed one reached with {@code --builder NAME}. BuildKit writes every output itself
 * ({@code --output type=oci|docker|image}); the digests come from {@code --metadata-file}. A base image
 * on a registry without TLS is BuildKit's own configuration (buildkitd.toml), not a flag of the build.
 */
final class DockerBackend implements BuildBackend {

    static final String INSTALL = "install Docker and its buildx plugin (`docker buildx version` must work)";

    private final Optional<String> builder;
    private final Map<String, String> env;

    DockerBackend(Optional<String> builder, Map<String, String> env) {
        this.builder = builder;
        this.env = Map.copyOf(env);
    }

    @Override
    public String name() {
        return Backends.DOCKER;
    }

    @Override
    public BuildResult build(BuildRequest req, BuildListener listener, Cancellation cancellation)
            throws BuildException {
        long start = System.nanoTime();
        ExternalTool.checkNames(req);
        Path exe = ExternalTool.find("docker", INSTALL, env);
        StepMap map = StepMap.of(req);
        Stage target = map.target(req.target());
        Path work = null;
        try {
            work = Files.createTempDirectory("stagesmith-docker-");
            Path fresh = work.resolve("layout");
            Path metadata = work.resolve("metadata.json");
            List<String> argv = command(exe.toString(), req, target, ExternalTool.dockerfile(req, work), metadata,
                    fresh);
            BuildkitProgress progress = new BuildkitProgress(map, listener);
            ToolRun.Result r = ToolRun.run(argv, env, req.context().toAbsolutePath(), progress, cancellation);
            if (r.exit() != 0) {
                if (r.tail().stream().anyMatch(l -> l.contains("unknown command: docker buildx")
                        || l.contains("'buildx' is not a docker command"))) {
                    throw new BuildException("docker has no buildx plugin: " + INSTALL
                            + ", or build with --engine embedded");
                }
                throw ExternalTool.failure("docker buildx", map, progress, r, listener);
            }
            progress.complete();
            String refName = ExternalTool.refName(req, target);
            List<String> written = new ArrayList<>();
            Path readFrom = null;
            if (req.outputs().isEmpty()) {
                Path dir = ExternalTool.defaultLayout(req, target);
                ExternalTool.swapIn(fresh, dir);
                readFrom = dir;
                written.add("oci:" + dir + ":" + refName);
            }
            for (Output o : req.outputs()) {
                if (o instanceof Output.OciLayout l) {
                    readFrom = readFrom == null ? l.dir().toAbsolutePath() : readFrom;
                    written.add("oci:" + l.dir().toAbsolutePath() + ":" + refName);
                } else {
                    Output.Archive a = (Output.Archive) o;
                    written.add((a.kind() == Output.Archive.Kind.OCI ? "oci-archive:" : "docker-archive:")
                            + a.file().toAbsolutePath());
                }
            }
            req.push().ifPresent(p -> written.add("pushed " + p));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (readFrom != null) {
                Optional<Digest> pushed = req.push().isPresent() ? metadataDigest(metadata, "containerimage.digest")
                        : Optional.empty();
                return ExternalTool.result(target, readFrom, refName, pushed, progress.timings(), written, elapsed);
            }
            Digest manifest = metadataDigest(metadata, "containerimage.digest").orElseThrow(
                    () -> new BuildException("docker buildx wrote no image digest to " + metadata));
            Digest config = metadataDigest(metadata, "containerimage.config.digest").orElse(manifest);
            listener.on(new BuildEvent.Note("image " + manifest));
            return new BuildResult(target.targetName(), manifest, config, 0, 0, progress.timings(), written, elapsed);
        } catch (IOException e) {
            throw new BuildException("docker buildx could not be run: " + e.getMessage(), e);
        } finally {
            ExternalTool.deleteQuietly(work);
        }
    }

    /**
     * The {@code docker buildx build} command line for a request; the default output is an OCI layout
     * directory at {@code defaultLayout} (moved into place after the build).
     */
    List<String> command(String exe, BuildRequest req, Stage target, Path dockerfile, Path metadata,
            Path defaultLayout) {
        List<String> argv = new ArrayList<>(List.of(exe, "buildx", "build", "--progress", "plain"));
        builder.ifPresent(b -> argv.addAll(List.of("--builder", b)));
        argv.addAll(List.of("-f", dockerfile.toString()));
        req.target().ifPresent(t -> argv.addAll(List.of("--target", t)));
        new TreeMap<>(req.buildArgs()).forEach((k, v) -> argv.addAll(List.of("--build-arg", k + "=" + v)));
        if (req.sourceDateEpoch().isPresent() && !req.buildArgs().containsKey("SOURCE_DATE_EPOCH")) {
            argv.addAll(List.of("--build-arg", "SOURCE_DATE_EPOCH=" + req.sourceDateEpoch().getAsLong()));
        }
        argv.addAll(List.of("--platform", req.platform().toString()));
        ExternalTool.addInputs(argv, req);
        if (req.noCache()) {
            argv.add("--no-cache");
        }
        if (req.pull()) {
            argv.add("--pull");
        }
        argv.addAll(List.of("--metadata-file", metadata.toString()));
        String name = ExternalTool.imageName(req, target);
        // BuildKit names the layout's entry after the tag of name=, so it gets the same ref as the embedded engine
        String layoutName = name.substring(0, lastColonOfTag(name)) + ":" + ExternalTool.refName(req, target);
        String compression = req.compress() ? ",compression=gzip" : ",compression=uncompressed";
        if (req.outputs().isEmpty()) {
            argv.addAll(List.of("--output", "type=oci,dest=" + defaultLayout + ",tar=false,name=" + layoutName
                    + compression));
        }
        for (Output o : req.outputs()) {
            if (o instanceof Output.OciLayout l) {
                argv.addAll(List.of("--output", "type=oci,dest=" + l.dir().toAbsolutePath() + ",tar=false,name="
                        + layoutName + compression));
            } else {
                Output.Archive a = (Output.Archive) o;
                String type = a.kind() == Output.Archive.Kind.OCI ? "oci" : "docker";
                argv.addAll(List.of("--output", "type=" + type + ",dest=" + a.file().toAbsolutePath() + ",name="
                        + (type.equals("oci") ? layoutName : name) + compression));
            }
        }
        req.push().ifPresent(p -> argv.addAll(List.of("--output", "type=image,name=" + p + ",push=true"
                + (ExternalTool.insecure(req, p) ? ",registry.insecure=true" : ""))));
        req.tag().ifPresent(t -> argv.addAll(List.of("-t", t)));
        argv.add(req.context().toAbsolutePath().toString());
        return argv;
    }

    private static int lastColonOfTag(String name) {
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? colon : name.length();
    }

    private static Optional<Digest> metadataDigest(Path metadata, String key) throws BuildException {
        try {
            JsonObject json = JsonParser.parseString(Files.readString(metadata)).getAsJsonObject();
            return json.has(key) ? Optional.of(Digest.of(json.get(key).getAsString())) : Optional.empty();
        } catch (IOException | JsonParseException | IllegalStateException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
