package dev.stagesmith.grammar.stages;

import java.util.Map;
import java.util.Optional;

/**
 * What a build sets from outside the Dockerfile and the stage model must know: {@code --build-arg}
 * values, the build and target platforms, and the target stage.
 */
public record ModelOptions(
        Map<String, String> buildArgs, Platform buildPlatform, Platform targetPlatform, Optional<String> target) {

    public ModelOptions {
        buildArgs = Map.copyOf(buildArgs);
    }

    /** No build args, this machine's platform for both, no target (the last stage). */
    public static ModelOptions defaults() {
        Platform host = Platform.host();
        return new ModelOptions(Map.of(), host, host, Optional.empty());
    }

    public ModelOptions withBuildArgs(Map<String, String> args) {
        return new ModelOptions(args, buildPlatform, targetPlatform, target);
    }

    public ModelOptions withTarget(String stage) {
        return new ModelOptions(buildArgs, buildPlatform, targetPlatform, Optional.ofNullable(stage));
    }

    public ModelOptions withTargetPlatform(Platform platform) {
        return new ModelOptions(buildArgs, buildPlatform, platform, target);
    }
}
