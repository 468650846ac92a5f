package dev.stagesmith.engine.build;

import dev.stagesmith.engine.oci.Digest;
import java.time.Duration;
import java.util.List;

/** A finished build: the target image's manifest digest, its size, and where time went. */
public record BuildResult(String target, Digest manifestDigest, Digest configDigest, long size, int layers,
                          List<StageTiming> stages, List<String> outputs, Duration elapsed) {

    /** One stage's wall time, and whether every step of it came from the cache. */
    public record StageTiming(String stage, Duration elapsed, boolean cached, int steps) {}
}
