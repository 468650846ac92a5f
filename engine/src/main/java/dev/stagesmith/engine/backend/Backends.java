package dev.stagesmith.engine.backend;

import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.engine.build.Builder;
import dev.stagesmith.engine.build.Cancellation;
import java.util.List;

/** The build backends by name. */
public final class Backends {

    public static final String EMBEDDED = "embedded";

    private Backends() {}

    /** Every name {@link #named} accepts, the default first. */
    public static List<String> names() {
        return List.of(EMBEDDED);
    }

    public static BuildBackend named(String name) throws BuildException {
        return switch (name) {
            case EMBEDDED -> embedded();
            default -> throw new BuildException("unknown build engine '" + name + "': choose one of "
                    + String.join(", ", names()));
        };
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
