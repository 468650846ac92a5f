package dev.stagesmith.engine.run;

import java.util.List;
import java.util.Optional;

/**
 * One process to run in a sandbox on a root filesystem: what a RUN step becomes once its environment is
 * worked out.
 *
 * @param argv the program and its arguments (for shell form: the SHELL, then the command)
 * @param env {@code NAME=value} entries, in order
 * @param cwd the absolute working directory inside the root
 * @param uid the user to run as, resolved from the root's {@code /etc/passwd}
 * @param gid its primary group
 * @param groups its supplementary groups
 * @param hostname the sandbox's host name
 * @param mounts bound over the root, in order (a later mount may sit inside an earlier one)
 * @param stdin bytes fed to the process's standard input (a heredoc given to the shell), else /dev/null
 */
public record RunSpec(List<String> argv, List<String> env, String cwd, int uid, int gid, List<Integer> groups,
                      String hostname, Network network, List<SandboxMount> mounts, Optional<byte[]> stdin) {

    public RunSpec {
        argv = List.copyOf(argv);
        env = List.copyOf(env);
        groups = List.copyOf(groups);
        mounts = List.copyOf(mounts);
    }
}
