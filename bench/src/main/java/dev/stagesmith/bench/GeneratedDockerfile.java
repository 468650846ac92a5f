package dev.stagesmith.bench;

/**
 * A large, realistic multi-stage Dockerfile for benchmarks: global ARGs, stages built on earlier
 * stages, COPY --from, cache mounts, multi-line RUN with continuations, heredocs, ENV/LABEL/WORKDIR.
 * Deterministic, so runs compare.
 */
public final class GeneratedDockerfile {

    private final StringBuilder out;
    private int lines;

    private GeneratedDockerfile(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** About {@code lines} lines in {@code stages} stages (each stage gets an equal share). */
    public static String generate(int lines, int stages) {
        GeneratedDockerfile g = new GeneratedDockerfile(lines * 64);
        g.line("# syntax=docker/dockerfile:1");
        g.line("ARG BASE_IMAGE=debian:12-slim");
        g.line("ARG VERSION=1.0.0");
        int perStage = Math.max(12, (lines - g.lines) / stages);
        for (int s = 0; s < stages; s++) {
            g.stage(s, perStage);
        }
        return g.out.toString();
    }

    private void stage(int s, int size) {
        int start = lines;
        line(s % 10 == 0 ? "FROM ${BASE_IMAGE} AS s" + s : "FROM s" + (s - 1) + " AS s" + s);
        line("ARG VERSION");
        line("ENV APP_HOME=/opt/s" + s + " PATH=/opt/s" + s + "/bin:$PATH");
        line("WORKDIR $APP_HOME");
        if (s >= 2) {
            line("COPY --from=s" + (s - 2) + " --chown=app:app /opt/s" + (s - 2) + "/out ./in/");
        }
        line("LABEL org.opencontainers.image.title=\"stage " + s + "\" org.opencontainers.image.version=\"${VERSION}\"");
        line("RUN <<EOF");
        line("set -eux");
        line("echo \"building stage " + s + "\"");
        line("EOF");
        for (int step = 0; lines - start + 3 <= size - 1; step++) {
            line("RUN --mount=type=cache,target=/var/cache/apt apt-get update && \\");
            line("    apt-get install -y --no-install-recommends pkg-" + s + "-" + step + " && \\");
            line("    make -C src/" + step + " -j\"$(nproc)\" install");
        }
        while (lines - start < size - 1) {
            line("EXPOSE " + (8000 + lines - start));
        }
        line("CMD [\"/opt/s" + s + "/bin/run\", \"--port\", \"8080\"]");
    }

    private void line(String text) {
        out.append(text).append('\n');
        lines++;
    }
}
