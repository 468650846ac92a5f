package dev.stagesmith.engine.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A private podman/buildah setup for one test run, as {@code containers-e2e.sh} makes it: vfs storage and
 * run dirs under a temp dir, runc (crun fails on this machine's hybrid cgroups), the cgroupfs manager (no
 * systemd), explicit ulimits (root lacks CAP_SYS_RESOURCE), chroot isolation for RUN. Nothing touches the
 * machine's own storage, so tests cannot disturb each other or the user.
 */
final class ContainersEnv {

    private ContainersEnv() {}

    static Map<String, String> create(Path dir) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("storage.conf"), """
                [storage]
                driver = "vfs"
                graphroot = "%s"
                runroot = "%s"
                """.formatted(dir.resolve("storage"), dir.resolve("runroot")));
        Files.writeString(conf.resolve("containers.conf"), """
                [containers]
                default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
                netns = "none"
                [engine]
                runtime = "runc"
                cgroup_manager = "cgroupfs"
                events_logger = "file"
                events_logfile_path = "%s"
                tmp_dir = "%s"
                static_dir = "%s"
                volume_path = "%s"
                """.formatted(dir.resolve("events.log"), dir.resolve("tmp"), dir.resolve("static"),
                dir.resolve("volumes")));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CONTAINERS_STORAGE_CONF", conf.resolve("storage.conf").toString());
        env.put("CONTAINERS_CONF", conf.resolve("containers.conf").toString());
        env.put("BUILDAH_ISOLATION", "chroot");
        env.put("TMPDIR", Files.createDirectories(dir.resolve("tmpdir")).toString());
        return env;
    }
}
