package dev.stagesmith.engine.backend;

import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.engine.image.LayoutImage;
import dev.stagesmith.engine.image.OciLayoutReader;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.registry.ImageReference;
import dev.stagesmith.grammar.stages.Stage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** What the external backends share: finding the tool, naming outputs, failures, and reading the result. */
final class ExternalTool {

    /** Where the default output goes under the context, as the embedded engine writes it. */
    static final Path OWN_DIR = Path.of(".stagesmith");

    private ExternalTool() {}

    /** The tool's path on {@code PATH}, or the one-line error saying what to install. */
    static Path find(String command, String install, Map<String, String> env) throws BuildException {
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new BuildException(command + " is not installed (not found on PATH): " + install
                + ", or build with --engine embedded");
    }

    /** The first line a short command prints, or empty when it fails; gives up after ten seconds. */
    static Optional<String> firstLine(List<String> argv, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            // --version output is a few lines, far below a pipe's buffer, so waiting before reading is safe
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0 || out.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(out.lines().findFirst().orElse("").strip());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The Dockerfile to hand the tool: the file itself when its text is what the request carries, otherwise
     * (an unsaved editor buffer) a copy in {@code work}.
     */
    static Path dockerfile(BuildRequest req, Path work) throws IOException {
        Path df = req.dockerfile().toAbsolutePath();
        if (Files.isRegularFile(df) && Files.readString(df).equals(req.dockerfileText())) {
            return df;
        }
        Path copy = work.resolve("Dockerfile");
        Files.writeString(copy, req.dockerfileText(), StandardCharsets.UTF_8);
        return copy;
    }

    /** Checks {@code --tag} and {@code --push} before any tool runs, as the embedded engine does on export. */
    static void checkNames(BuildRequest req) throws BuildException {
        for (String[] named : List.of(new String[] {"--tag", req.tag().orElse(null)},
                new String[] {"--push", req.push().orElse(null)})) {
            if (named[1] == null) {
                continue;
            }
            try {
                ImageReference.parse(named[1]);
            } catch (IllegalArgumentException e) {
                throw new BuildException(named[0] + " " + named[1] + ": " + e.getMessage());
            }
        }
    }

    /** The name the OCI layout's index gives the image: the tag's tag, or the target's name. */
    static String refName(BuildRequest req, Stage target) {
        return req.tag().map(t -> ImageReference.parse(t).tag().orElse("latest")).orElse(target.targetName());
    }

    /** The secrets, SSH agents and named contexts every tool takes the same way, in sorted order. */
    static void addInputs(List<String> argv, BuildRequest req) {
        new TreeMap<>(req.secrets()).forEach((id, file) -> argv.addAll(List.of("--secret",
                "id=" + id + ",src=" + file.toAbsolutePath())));
        new TreeMap<>(req.ssh()).forEach((id, sock) -> argv.addAll(List.of("--ssh", id + "=" + sock)));
        new TreeMap<>(req.buildContexts()).forEach((n, v) -> argv.addAll(List.of("--build-context", n + "=" + v)));
    }

    /** The image name in archives: the tag, or {@code localhost/<target>:latest}. */
    static String imageName(BuildRequest req, Stage target) {
        return req.tag().map(t -> ImageReference.parse(t).toString())
                .orElse("localhost/" + safeName(target.targetName()) + ":latest");
    }

    static Path defaultLayout(BuildRequest req, Stage target) {
        return req.context().toAbsolutePath().resolve(OWN_DIR).resolve("out").resolve(safeName(target.targetName()));
    }

    static String safeName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    }

    /** Whether a registry may be reached without TLS: a loopback host or one the user listed. */
    static boolean insecure(BuildRequest req, String reference) {
        try {
            ImageReference ref = ImageReference.parse(reference);
            return ref.isLoopback() || req.registry().insecureRegistries().contains(ref.domain());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether any base image or the push target of this build may be reached without TLS. */
    static boolean anyInsecure(BuildRequest req, List<Stage> needed) {
        for (Stage s : needed) {
            if (s.base() instanceof Stage.ImageBase img && insecure(req, img.reference())) {
                return true;
            }
        }
        return req.push().map(p -> insecure(req, p)).orElse(false);
    }

    /**
     * A failed tool run as one error: the first line names the Dockerfile line, stage and step when the
     * output shows which step failed (otherwise the tool and its exit code), the tool's last lines follow.
     */
    static BuildException failure(String tool, StepMap map, ProgressTracker progress, ToolRun.Result r,
            BuildListener listener) {
        String tail = r.tail().isEmpty() ? "" : "\n" + String.join("\n", r.tail());
        Optional<StepMap.Step> step = progress.failedStep();
        String why = progress.reason().orElse("failed");
        if (step.isPresent()) {
            StepMap.Step s = step.get();
            String line = map.fileName() + ":" + s.line() + ": stage " + s.stage().displayName() + ": " + s.text()
                    + ": " + why + " (" + tool + " exited with code " + r.exit() + ")";
            listener.on(new BuildEvent.StepFailed(s.id(), line, s.range()));
            return new BuildException(line + tail, s.stage().displayName(), s.line(), s.range(), null);
        }
        return new BuildException(tool + " failed with exit code " + r.exit()
                + progress.reason().map(x -> ": " + x).orElse("") + " (its last lines follow)" + tail);
    }

    /** The result, read from an OCI layout the tool wrote. */
    static BuildResult result(Stage target, Path layout, String refName, Optional<Digest> pushed,
            List<BuildResult.StageTiming> stages, List<String> written, Duration elapsed) throws BuildException {
        try {
            LayoutImage image = OciLayoutReader.read(layout, Optional.of(refName));
            long size = image.layers().stream().mapToLong(Descriptor::size).sum();
            Digest config = image.config().map(Descriptor::digest).orElseThrow(
                    () -> new IOException("the image is an index, not a manifest"));
            return new BuildResult(target.targetName(), pushed.orElse(image.descriptor().digest()), config, size,
                    image.layers().size(), stages, written, elapsed);
        } catch (IOException e) {
            throw new BuildException("cannot read the image the tool wrote to " + layout + ": " + e.getMessage(), e);
        }
    }

    /** Moves a freshly written layout over the default output, so it never holds half an image. */
    static void swapIn(Path fresh, Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        Path old = dir.resolveSibling("." + dir.getFileName() + ".old-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
        if (Files.exists(dir)) {
            Files.move(dir, old);
        }
        Files.move(fresh, dir);
        deleteQuietly(old);
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a temp dir left behind is harmless
                }
            });
        } catch (IOException e) {
            // as above
        }
    }

    /** The named contexts the podman/buildah of this machine can take: directories, URLs and images. */
    static final Set<String> CONTAINERS_CONTEXT_SCHEMES = Set.of("docker-image://", "container-image://",
            "docker://", "http://", "https://");
}
