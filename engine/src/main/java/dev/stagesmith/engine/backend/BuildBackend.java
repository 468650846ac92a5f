package dev.stagesmith.engine.backend;

import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildListener;
import dev.stagesmith.engine.build.BuildRequest;
import dev.stagesmith.engine.build.BuildResult;
import dev.stagesmith.engine.build.Cancellation;

/**
 * Something that builds a Dockerfile to a target: the embedded engine, or an engine the user already has
 * (podman, buildah, docker buildx). The CLI's {@code --engine} and the setting {@code stagesmith.build.engine}
 * choose one; every backend reports the same events and fails with the same kind of one-line error.
 */
public interface BuildBackend {

    /** {@code embedded}, {@code podman}, {@code buildah} or {@code docker}. */
    String name();

    BuildResult build(BuildRequest request, BuildListener listener, Cancellation cancellation) throws BuildException;
}
