package dev.stagesmith.engine.backend;

import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.engine.build.Builder;
import dev.stagesmith.engine.build.Cancellation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The build backends by name. */
public final class Backends {

    public static final String EMBEDDED = "embedded";
    public static final String PODMAN = "podman";
    public static final String BUILDAH = "buildah";
    public static final String DOCKER = "docker";

    /** Whether a backend can build on this machine, and its version or what is missing. */
    public record Availability(String name, boolean available, String detail) {}

    private Backends() {}

    /** Every name {@link #named} accepts, the default first. */
    public static List<String> names() {
        return List.of(EMBEDDED, PODMAN, BUILDAH, DOCKER);
    }

    public static BuildBackend named(String name) throws BuildException {
        return named(name, Optional.empty());
    }

    /** A backend by name; {@code builder} is docker's {@code --builder} and an error for any other engine. */
    public static BuildBackend named(String name, Optional<String> builder) throws BuildException {
        return named(name, builder, System.getenv());
    }

    /** As {@link #named(String, Optional)}, with the environment the external tool runs in. */
    public static BuildBackend named(String name, Optional<String> builder, Map<String, String> env)
            throws BuildException {
        if (builder.isPresent() && !DOCKER.equals(name)) {
            throw new BuildException("--builder " + builder.get() + " names a BuildKit builder, which only"
                    + " --engine docker uses; drop it or add --engine docker");
        }
        return switch (name) {
            case EMBEDDED -> embedded();
            case PODMAN, BUILDAH -> new ContainersBackend(name, env);
            case DOCKER -> new DockerBackend(builder, env);
            default -> throw new BuildException("unknown build engine '" + name + "': choose one of "
                    + String.join(", ", names()));
        };
    }

    /** What each backend needs and whether this machine has it; runs each tool's version command. */
    public static List<Availability> probe(Map<String, String> env) {
        return List.of(
                new Availability(EMBEDDED, true, "built in"),
                probe(PODMAN, List.of("--version"), "install it (apt-get install podman)", env),
                probe(BUILDAH, List.of("--version"), "install it (apt-get install buildah)", env),
                probe(DOCKER, List.of("buildx", "version"), DockerBackend.INSTALL, env));
    }

    private static Availability probe(String name, List<String> versionArgs, String install,
            Map<String, String> env) {
        String command = DOCKER.equals(name) ? "docker" : name;
        Path exe;
        try {
            exe = ExternalTool.find(command, install, env);
        } catch (BuildException e) {
            return new Availability(name, false, e.getMessage());
        }
        List<String> argv = new ArrayList<>(List.of(exe.toString()));
        argv.addAll(versionArgs);
        Optional<String> version = ExternalTool.firstLine(argv, env);
        return version.map(v -> new Availability(name, true, v + " (" + exe + ")"))
                .orElseGet(() -> new Availability(name, false, exe + " " + String.join(" ", versionArgs)
                        + " failed: " + install + ", or build with --engine embedded"));
    }

    public static BuildBackend embedded() {
        return new BuildBackend() {
            @Override
            public String name() {
                return EMBEDDED;
            }

            @Override
            public BuildResult build(BuildRequest request, BuildListener listener, Cancellation cancellation)
                    throws BuildException {
                return Builder.build(request, listener, cancellation);
            }
        };
    }
}
