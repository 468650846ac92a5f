package dev.stagesmith.engine.backend;

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
import java.util.UUID;

/**
 * Builds with podman or buildah (the same build library underneath): {@code build} to a temporary image
 * name in the tool's own storage, {@code push} from there to each output ({@code oci:}, {@code oci-archive:},
 * {@code docker-archive:}, {@code docker://} for --push), then the temporary name is removed. The tool's
 * configuration (storage, runtime, isolation) is the user's, read from the environment it runs in.
 */
final class ContainersBackend implements BuildBackend {

    private final String tool;
    private final Map<String, String> env;

    /** @param tool {@code podman} or {@code buildah}; @param env the environment the tool runs in */
    ContainersBackend(String tool, Map<String, String> env) {
        this.tool = tool;
        this.env = Map.copyOf(env);
    }

    @Override
    public String name() {
        return tool;
    }

    @Override
    public BuildResult build(BuildRequest req, BuildListener listener, Cancellation cancellation)
            throws BuildException {
        long start = System.nanoTime();
        Path exe = ExternalTool.find(tool, "install it (apt-get install " + tool + ")", env);
        StepMap map = StepMap.of(req);
        Stage target = map.target(req.target());
        checkContexts(req);
        String temp = "localhost/stagesmith-build-" + UUID.randomUUID().toString().substring(0, 12) + ":latest";
        Path work = null;
        boolean built = false;
        try {
            work = Files.createTempDirectory("stagesmith-" + tool + "-");
            List<String> argv = buildCommand(exe.toString(), req, ExternalTool.dockerfile(req, work), temp,
                    ExternalTool.anyInsecure(req, map.graph().stagesFor(target)));
            ContainersProgress progress = new ContainersProgress(map, listener, target);
            ToolRun.Result r = ToolRun.run(argv, env, req.context().toAbsolutePath(), progress, cancellation);
            built = true; // even a failed build may have committed the name; the finally removes it
            if (r.exit() != 0) {
                throw ExternalTool.failure(tool, map, progress, r, listener);
            }
            progress.complete();
            return export(exe, req, target, temp, work, progress, listener, cancellation, start);
        } catch (IOException e) {
            throw new BuildException(tool + " could not be run: " + e.getMessage(), e);
        } finally {
            if (built) {
                removeQuietly(exe, temp);
            }
            ExternalTool.deleteQuietly(work);
        }
    }

    /** The {@code build} command line; package-private so tests can see how each request field maps. */
    List<String> buildCommand(String exe, BuildRequest req, Path dockerfile, String temp, boolean insecure) {
        List<String> argv = new ArrayList<>(List.of(exe, "build", "--layers", "-f", dockerfile.toString()));
        req.target().ifPresent(t -> argv.addAll(List.of("--target", t)));
        req.buildArgs().forEach((k, v) -> argv.addAll(List.of("--build-arg", k + "=" + v)));
        argv.addAll(List.of("--platform", req.platform().toString()));
        req.secrets().forEach((id, file) -> argv.addAll(List.of("--secret",
                "id=" + id + ",src=" + file.toAbsolutePath())));
        req.ssh().forEach((id, sock) -> argv.addAll(List.of("--ssh", id + "=" + sock)));
        req.buildContexts().forEach((n, v) -> argv.addAll(List.of("--build-context", n + "=" + v)));
        if (req.noCache()) {
            argv.add("--no-cache");
        }
        if (req.pull()) {
            argv.add("--pull=always");
        }
        req.sourceDateEpoch().ifPresent(t -> argv.addAll(List.of("--timestamp", Long.toString(t))));
        if (insecure) {
            argv.add("--tls-verify=false");
        }
        argv.addAll(List.of("-t", temp, req.context().toAbsolutePath().toString()));
        return argv;
    }

    /** podman and buildah of Debian 12 take directories, URLs and images as named contexts, no OCI layouts. */
    private void checkContexts(BuildRequest req) throws BuildException {
        for (Map.Entry<String, String> c : req.buildContexts().entrySet()) {
            String v = c.getValue();
            boolean known = ExternalTool.CONTAINERS_CONTEXT_SCHEMES.stream().anyMatch(v::startsWith);
            if (!known && v.contains("://")) {
                throw new BuildException("--build-context " + c.getKey() + "=" + v + ": " + tool
                        + " cannot take " + v.substring(0, v.indexOf("://") + 3) + " contexts (it takes a directory,"
                        + " a URL or docker-image://REF): push the image to a registry and name it with"
                        + " docker-image://, or build with --engine embedded");
            }
        }
    }

    private BuildResult export(Path exe, BuildRequest req, Stage target, String temp, Path work,
            ProgressTracker progress, BuildListener listener, Cancellation cancellation, long start)
            throws BuildException, IOException {
        String refName = ExternalTool.refName(req, target);
        String imageName = ExternalTool.imageName(req, target);
        List<String> written = new ArrayList<>();
        Path readFrom = null;
        if (req.outputs().isEmpty()) {
            Path dir = ExternalTool.defaultLayout(req, target);
            Path fresh = work.resolve("layout");
            listener.on(new BuildEvent.Note("export oci:" + dir + ":" + refName));
            push(exe, req, temp, "oci:" + fresh + ":" + refName, Optional.empty(), cancellation);
            ExternalTool.swapIn(fresh, dir);
            readFrom = dir;
            written.add("oci:" + dir + ":" + refName);
        }
        for (Output o : req.outputs()) {
            String dest;
            if (o instanceof Output.OciLayout l) {
                dest = "oci:" + l.dir().toAbsolutePath() + ":" + refName;
                Files.createDirectories(l.dir().toAbsolutePath());
                readFrom = readFrom == null ? l.dir().toAbsolutePath() : readFrom;
            } else {
                Output.Archive a = (Output.Archive) o;
                Path file = a.file().toAbsolutePath();
                Files.createDirectories(file.getParent());
                Files.deleteIfExists(file); // the archive transports refuse to add to an existing file
                dest = a.kind() == Output.Archive.Kind.OCI ? "oci-archive:" + file + ":" + refName
                        : "docker-archive:" + file + ":" + imageName;
            }
            listener.on(new BuildEvent.Note("export " + dest));
            push(exe, req, temp, dest, Optional.empty(), cancellation);
            written.add(dest);
        }
        if (req.tag().isPresent()) {
            run(List.of(exe.toString(), "tag", temp, imageName), req, cancellation, "tag " + imageName);
            written.add("tagged " + imageName + " in " + tool + "'s storage");
        }
        Optional<Digest> pushed = Optional.empty();
        if (req.push().isPresent()) {
            Path digestFile = work.resolve("pushed-digest");
            listener.on(new BuildEvent.Note("push " + req.push().get()));
            push(exe, req, temp, "docker://" + req.push().get(), Optional.of(digestFile), cancellation);
            pushed = Optional.of(Digest.of(Files.readString(digestFile).strip()));
            written.add("pushed " + req.push().get());
        }
        if (readFrom == null) {
            readFrom = work.resolve("result");
            push(exe, req, temp, "oci:" + readFrom + ":" + refName, Optional.empty(), cancellation);
        }
        return ExternalTool.result(target, readFrom, refName, pushed, progress.timings(), written,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private void push(Path exe, BuildRequest req, String temp, String dest, Optional<Path> digestFile,
            Cancellation cancellation) throws BuildException, IOException {
        List<String> argv = new ArrayList<>(List.of(exe.toString(), "push", "--quiet"));
        if (!req.compress() && "buildah".equals(tool) && !dest.startsWith("docker://")) {
            argv.add("--disable-compression");
        }
        if (dest.startsWith("docker://") && ExternalTool.insecure(req, dest.substring("docker://".length()))) {
            argv.add("--tls-verify=false");
        }
        digestFile.ifPresent(f -> argv.addAll(List.of("--digestfile", f.toString())));
        argv.addAll(List.of(temp, dest));
        run(argv, req, cancellation, "push to " + dest);
    }

    private void run(List<String> argv, BuildRequest req, Cancellation cancellation, String what)
            throws BuildException, IOException {
        ToolRun.Result r = ToolRun.quiet(argv, env, req.context().toAbsolutePath(), cancellation);
        if (r.exit() != 0) {
            throw new BuildException(tool + " could not " + what + " (exit code " + r.exit() + ")"
                    + (r.tail().isEmpty() ? "" : ": " + String.join("\n", r.tail())));
        }
    }

    /** Removes the temporary name (the layers stay as cache); runs even after a cancel. */
    private void removeQuietly(Path exe, String temp) {
        try {
            ToolRun.quiet(List.of(exe.toString(), "rmi", "-f", temp), env, Path.of("/"), new Cancellation());
        } catch (IOException | BuildException e) {
            // nothing was committed under that name, or the tool is gone: nothing to clean
        }
    }
}
