package dev.stagesmith.engine.backend;

import dev.stagesmith.engine.build.BuildCancelledException;
import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.engine.build.Cancellation;
import dev.stagesmith.engine.build.Output;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.grammar.stages.Platform;
import dev.stagesmith.grammar.stages.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;

/**
 * Builds with podman or buildah (the same build library underneath): {@code build --layers} into the tool's
 * own storage, then {@code push} the image, by its ID, to each output ({@code oci:}, {@code oci-archive:},
 * {@code docker-archive:}, {@code docker://} for --push). The image gets no name unless {@code --tag} asks:
 * removing a temporary name ({@code rmi}) would also delete the intermediate images that are the tool's step
 * cache, and every rebuild would start cold. The tool's configuration (storage, runtime, isolation) is the
 * user's, read from the environment it runs in.
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
        checkContexts(req);
        ExternalTool.checkNames(req);
        Path exe = ExternalTool.find(tool, "install it (apt-get install " + tool + ")", env);
        StepMap map = StepMap.of(req);
        Stage target = map.target(req.target());
        Path work = null;
        try {
            work = Files.createTempDirectory("stagesmith-" + tool + "-");
            Path iidFile = work.resolve("image-id");
            List<String> argv = buildCommand(exe.toString(), req, ExternalTool.dockerfile(req, work), iidFile,
                    ExternalTool.anyInsecure(req, map.graph().stagesFor(target)));
            ContainersProgress progress = new ContainersProgress(map, listener, target);
            Set<String> before = containers(exe);
            ToolRun.Result r;
            try {
                r = ToolRun.run(argv, env, req.context().toAbsolutePath(), progress, cancellation);
            } catch (BuildCancelledException e) {
                removeNewContainers(exe, before);
                throw e;
            }
            if (r.exit() != 0) {
                throw ExternalTool.failure(tool, map, progress, r, listener);
            }
            progress.complete();
            String id = Files.readString(iidFile).strip();
            id = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
            return export(exe, req, target, id, work, progress, listener, cancellation, start);
        } catch (IOException e) {
            throw new BuildException(tool + " could not be run: " + e.getMessage(), e);
        } finally {
            ExternalTool.deleteQuietly(work);
        }
    }

    /** The IDs of the tool's containers, including buildah's working containers (podman: {@code --external}). */
    private Set<String> containers(Path exe) {
        List<String> argv = "podman".equals(tool)
                ? List.of(exe.toString(), "ps", "--all", "--external", "--quiet", "--no-trunc")
                : List.of(exe.toString(), "containers", "--all", "--quiet", "--notruncate");
        try {
            ToolRun.Result r = ToolRun.quiet(argv, env, Path.of("/"), new Cancellation());
            return r.exit() == 0 ? new HashSet<>(r.tail()) : Set.of();
        } catch (IOException | BuildException e) {
            return Set.of();
        }
    }

    /**
     * A killed build leaves its working container behind; this removes the containers that appeared while it
     * ran. A build the user runs at the same moment with the same storage could lose one too, which is why
     * this runs only after a cancel, never after an ordinary failure.
     */
    private void removeNewContainers(Path exe, Set<String> before) {
        Set<String> left = new HashSet<>(containers(exe));
        left.removeAll(before);
        left.remove("");
        if (left.isEmpty()) {
            return;
        }
        List<String> argv = new ArrayList<>(List.of(exe.toString(), "rm"));
        if ("podman".equals(tool)) {
            argv.add("--force");
        }
        argv.addAll(left);
        try {
            ToolRun.quiet(argv, env, Path.of("/"), new Cancellation());
        } catch (IOException | BuildException e) {
            // best effort: the tool's own prune removes what is left
        }
    }

    /** The {@code build} command line; maps in sorted order, so the same request gives the same command. */
    List<String> buildCommand(String exe, BuildRequest req, Path dockerfile, Path iidFile, boolean insecure) {
        List<String> argv = new ArrayList<>(List.of(exe, "build", "--layers", "-f", dockerfile.toString()));
        req.target().ifPresent(t -> argv.addAll(List.of("--target", t)));
        new TreeMap<>(req.buildArgs()).forEach((k, v) -> argv.addAll(List.of("--build-arg", k + "=" + v)));
        if (!req.platform().equals(Platform.host())) {
            // the tool's default is this machine; naming it anyway makes buildah warn about unused TARGET* args
            argv.addAll(List.of("--platform", req.platform().toString()));
        }
        ExternalTool.addInputs(argv, req);
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
        argv.addAll(List.of("--iidfile", iidFile.toString(), req.context().toAbsolutePath().toString()));
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

    private BuildResult export(Path exe, BuildRequest req, Stage target, String image, Path work,
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
            push(exe, req, image, "oci:" + fresh + ":" + refName, Optional.empty(), cancellation);
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
            push(exe, req, image, dest, Optional.empty(), cancellation);
            written.add(dest);
        }
        if (req.tag().isPresent()) {
            run(List.of(exe.toString(), "tag", image, imageName), req, cancellation, "tag " + imageName);
            written.add("tagged " + imageName + " in " + tool + "'s storage");
        }
        Optional<Digest> pushed = Optional.empty();
        if (req.push().isPresent()) {
            Path digestFile = work.resolve("pushed-digest");
            listener.on(new BuildEvent.Note("push " + req.push().get()));
            push(exe, req, image, "docker://" + req.push().get(), Optional.of(digestFile), cancellation);
            pushed = Optional.of(Digest.of(Files.readString(digestFile).strip()));
            written.add("pushed " + req.push().get());
        }
        if (readFrom == null) {
            readFrom = work.resolve("result");
            push(exe, req, image, "oci:" + readFrom + ":" + refName, Optional.empty(), cancellation);
        }
        return ExternalTool.result(target, readFrom, refName, pushed, progress.timings(), written,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private void push(Path exe, BuildRequest req, String image, String dest, Optional<Path> digestFile,
            Cancellation cancellation) throws BuildException, IOException {
        List<String> argv = new ArrayList<>(List.of(exe.toString(), "push", "--quiet"));
        if (!req.compress() && "buildah".equals(tool) && !dest.startsWith("docker://")) {
            argv.add("--disable-compression");
        }
        if (dest.startsWith("docker://") && ExternalTool.insecure(req, dest.substring("docker://".length()))) {
            argv.add("--tls-verify=false");
        }
        digestFile.ifPresent(f -> argv.addAll(List.of("--digestfile", f.toString())));
        argv.addAll(List.of(image, dest));
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
}
