package dev.stagesmith.grammar.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What BuildKit knows about each Dockerfile instruction: its name, the builder flags it accepts (with
 * the kind BuildKit's flag parser gives each) and a one-line description. Pure data, shared by the
 * checks, completion and hover; it follows BuildKit's {@code instructions/parse.go} and its RUN hooks.
 */
public final class InstructionReference {

    /** How BuildKit's flag parser ({@code bflag.go}) reads a flag. */
    public enum FlagKind {
        /** {@code --link}, {@code --link=true} or {@code --link=false}; any other value is an error. */
        BOOL,
        /** {@code --from=value}: a value is required and the flag may appear once. */
        STRING,
        /** {@code --mount=value}: a value is required and the flag may appear any number of times. */
        REPEATABLE
    }

    /**
     * One builder flag.
     *
     * @param name the name without dashes ({@code from})
     * @param kind how BuildKit reads it
     * @param description one line for hover and completion
     */
    public record FlagInfo(String name, FlagKind kind, String description) {

        /** The flag as written, with its dashes ({@code --from}). */
        public String text() {
            return "--" + name;
        }

        /** Whether the flag needs {@code =value}. */
        public boolean requiresValue() {
            return kind != FlagKind.BOOL;
        }

        public boolean repeatable() {
            return kind == FlagKind.REPEATABLE;
        }
    }

    /**
     * One instruction.
     *
     * @param name the keyword in upper case ({@code COPY})
     * @param syntax the usage line as the Dockerfile reference writes it
     * @param description one line for hover and completion
     * @param flags the flags BuildKit accepts, in the reference's order
     */
    public record InstructionInfo(String name, String syntax, String description, List<FlagInfo> flags) {

        public InstructionInfo {
            flags = List.copyOf(flags);
        }

        /** The flag called {@code name} (without dashes, case-sensitive as in BuildKit), if this instruction has it. */
        public Optional<FlagInfo> flag(String name) {
            for (FlagInfo f : flags) {
                if (f.name().equals(name)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        /** The flag names without dashes. */
        public List<String> flagNames() {
            return flags.stream().map(FlagInfo::name).toList();
        }
    }

    private static final Map<String, InstructionInfo> BY_NAME = new LinkedHashMap<>();

    static {
        add("ADD", "ADD [--chown=<user>:<group>] [--chmod=<perms>] [--link] [--checksum=<digest>] <src>... <dest>",
                "Adds local files, URLs, Git repositories or extracted archives to the image.",
                string("chown", "Sets the user and group that own the added files."),
                string("chmod", "Sets the permissions of the added files (octal such as 0755, or symbolic such as u=rwX,go=rX)."),
                bool("link", "Adds the files in an independent layer that survives changes to earlier layers."),
                bool("keep-git-dir", "Keeps the .git directory when adding a Git repository."),
                string("checksum", "Verifies the checksum of a remote source (sha256:... for URLs, a commit for Git)."),
                bool("unpack", "Whether to extract archives (on by default for local archives, off for URLs)."),
                repeatable("exclude", "Leaves out paths matching this pattern; may be given more than once."));
        add("ARG", "ARG <name>[=<default value>] [<name>[=<default value>]...]",
                "Declares build arguments, optionally with default values.");
        add("CMD", "CMD [\"executable\", \"param\"...] | CMD command param...",
                "Sets the default command the container runs.");
        add("COPY", "COPY [--from=<stage|image>] [--chown=<user>:<group>] [--chmod=<perms>] [--link] <src>... <dest>",
                "Copies files from the build context, a stage or an image into the image.",
                string("from", "Copies from a build stage (by name or index), a named context or an image instead of the context."),
                string("chown", "Sets the user and group that own the copied files."),
                string("chmod", "Sets the permissions of the copied files (octal such as 0755, or symbolic such as u=rwX,go=rX)."),
                bool("link", "Copies the files in an independent layer that survives changes to earlier layers."),
                bool("parents", "Keeps the parent directories of the sources below the destination."),
                repeatable("exclude", "Leaves out paths matching this pattern; may be given more than once."));
        add("ENTRYPOINT", "ENTRYPOINT [\"executable\", \"param\"...] | ENTRYPOINT command param...",
                "Sets the executable the container runs.");
        add("ENV", "ENV <key>=<value> [<key>=<value>...]",
                "Sets environment variables for later instructions and the container.");
        add("EXPOSE", "EXPOSE <port>[/<protocol>]...",
                "Documents the ports the container listens on.");
        add("FROM", "FROM [--platform=<platform>] <image> [AS <name>]",
                "Starts a new build stage from an image, an earlier stage or scratch.",
                string("platform", "Selects the platform of the base image, such as linux/amd64 or $BUILDPLATFORM."));
        add("HEALTHCHECK", "HEALTHCHECK [options] CMD command | HEALTHCHECK NONE",
                "Sets the command that checks the container is healthy, or disables the inherited one.",
                string("interval", "Time between checks (a Go duration such as 30s; default 30s)."),
                string("timeout", "Time a check may take before it counts as failed (default 30s)."),
                string("start-period", "Start-up time during which failures do not count (default 0s)."),
                string("start-interval", "Time between checks during the start period (default 5s)."),
                string("retries", "Consecutive failures needed to report the container unhealthy (default 3)."));
        add("LABEL", "LABEL <key>=<value> [<key>=<value>...]",
                "Adds metadata to the image.");
        add("MAINTAINER", "MAINTAINER <name>",
                "Sets the author field of the image (deprecated: use LABEL org.opencontainers.image.authors).");
        add("ONBUILD", "ONBUILD <INSTRUCTION>",
                "Stores an instruction that runs when another build uses this image as its base.");
        add("RUN", "RUN [--mount=<spec>] [--network=<mode>] [--security=<mode>] <command> | RUN [\"executable\", \"param\"...]",
                "Runs a command in a new layer of the image.",
                repeatable("mount", "Mounts a cache, secret, SSH agent, tmpfs or bind source for this command; may be repeated."),
                string("network", "The network the command runs with: default, none or host."),
                string("security", "The security mode: sandbox (default) or insecure (needs the security.insecure entitlement)."),
                repeatable("device", "Makes a CDI device available to the command; may be repeated."));
        add("SHELL", "SHELL [\"executable\", \"parameters\"]",
                "Sets the shell used by the shell form of later instructions.");
        add("STOPSIGNAL", "STOPSIGNAL <signal>",
                "Sets the signal that stops the container (a name such as SIGTERM or a number).");
        add("USER", "USER <user>[:<group>]",
                "Sets the user (and group) later instructions and the container run as.");
        add("VOLUME", "VOLUME [\"/path\"...] | VOLUME /path...",
                "Declares mount points for external volumes.");
        add("WORKDIR", "WORKDIR <path>",
                "Sets the working directory for later instructions and the container.");
    }

    private InstructionReference() {}

    private static void add(String name, String syntax, String description, FlagInfo... flags) {
        BY_NAME.put(name, new InstructionInfo(name, syntax, description, List.of(flags)));
    }

    private static FlagInfo bool(String name, String description) {
        return new FlagInfo(name, FlagKind.BOOL, description);
    }

    private static FlagInfo string(String name, String description) {
        return new FlagInfo(name, FlagKind.STRING, description);
    }

    private static FlagInfo repeatable(String name, String description) {
        return new FlagInfo(name, FlagKind.REPEATABLE, description);
    }

    /** Every instruction, in alphabetical order. */
    public static List<InstructionInfo> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** Every instruction name, upper case, in alphabetical order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The instruction with this keyword, ignoring case as BuildKit does. */
    public static Optional<InstructionInfo> find(String keyword) {
        return Optional.ofNullable(BY_NAME.get(keyword.toUpperCase(Locale.ROOT)));
    }

    public static boolean isInstruction(String keyword) {
        return BY_NAME.containsKey(keyword.toUpperCase(Locale.ROOT));
    }
}
