package dev.stagesmith.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --secret} and {@code --ssh} values, in the forms {@code docker buildx build} takes. A secret from an
 * environment variable is written to a private file in {@code spill} (the engine reads secrets from files);
 * the caller deletes it after the build.
 */
final class BuildSecrets {

    private static final int SOCKET = 0140000;

    private BuildSecrets() {}

    /**
     * {@code id=ID[,src=FILE|,env=VAR][,type=file|env]}. With neither {@code src} nor {@code env}, the
     * variable {@code ID} if it is set, else the file {@code ID}, as buildx does.
     */
    static Map<String, Path> secrets(List<String> values, Function<String, String> environment, Path spill) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String value : values) {
            String id = null;
            String src = null;
            String env = null;
            String type = null;
            for (String field : value.split(",")) {
                int eq = field.indexOf('=');
                if (eq <= 0) {
                    throw UserError.usage("--secret " + value + ": '" + field + "' is not key=value; "
                            + "write --secret id=ID,src=FILE or --secret id=ID,env=VAR");
                }
                String v = field.substring(eq + 1);
                switch (field.substring(0, eq).trim().toLowerCase(Locale.ROOT)) {
                    case "id" -> id = v;
                    case "src", "source" -> src = v;
                    case "env" -> env = v;
                    case "type" -> {
                        if (!v.equals("file") && !v.equals("env")) {
                            throw UserError.usage("--secret " + value + ": type=" + v + " is not file or env");
                        }
                        type = v;
                    }
                    default -> throw UserError.usage("--secret " + value + ": unknown key '" + field.substring(0, eq)
                            + "'; the keys are id, src (source), env and type");
                }
            }
            if (id == null || id.isEmpty()) {
                throw UserError.usage("--secret " + value + " has no id; write --secret id=ID,src=FILE");
            }
            if ("env".equals(type) && env == null) {
                env = src != null ? src : id; // buildx: with type=env, src names the variable
                src = null;
            }
            if (src == null && env == null && type == null) {
                if (environment.apply(id) != null) {
                    env = id;
                } else {
                    src = id;
                }
            }
            if (out.containsKey(id)) {
                throw UserError.usage("--secret id=" + id + " is given twice; keep one");
            }
            out.put(id, env != null ? fromEnvironment(id, env, environment, spill) : fromFile(id, src));
        }
        return out;
    }

    private static Path fromFile(String id, String src) {
        Path file = Path.of(src == null ? id : src);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw UserError.usage("--secret id=" + id + ": " + file + (Files.exists(file)
                    ? " is not a readable file" : " does not exist") + "; check src=");
        }
        return file.toAbsolutePath();
    }

    private static Path fromEnvironment(String id, String var, Function<String, String> environment, Path spill) {
        String v = environment.apply(var);
        if (v == null) {
            throw UserError.usage("--secret id=" + id + ": the environment variable " + var + " is not set; "
                    + "export it or use src=FILE");
        }
        try {
            Path file = Files.createTempFile(spill, "secret-", "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, v.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw UserError.usage("--secret id=" + id + ": cannot keep the value for the build in " + spill + ": "
                    + e.getMessage());
        }
    }

    /** {@code default}, {@code ID} (both mean the agent at SSH_AUTH_SOCK) or {@code ID=SOCKET}. */
    static Map<String, String> ssh(List<String> values, Function<String, String> environment) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            String id = eq < 0 ? value : value.substring(0, eq);
            if (id.isEmpty()) {
                throw UserError.usage("--ssh " + value + " has no id; write --ssh default or --ssh ID=SOCKET");
            }
            String socket;
            if (eq < 0) {
                socket = environment.apply("SSH_AUTH_SOCK");
                if (socket == null || socket.isEmpty()) {
                    throw UserError.usage("--ssh " + id + ": SSH_AUTH_SOCK is not set; start an agent "
                            + "(eval $(ssh-agent); ssh-add) or write --ssh " + id + "=SOCKET");
                }
            } else {
                socket = value.substring(eq + 1);
                if (socket.contains(",")) {
                    throw UserError.usage("--ssh " + value + ": only one agent socket per id is supported; "
                            + "load several keys into one agent with ssh-add");
                }
            }
            Path p = Path.of(socket);
            if (!isSocket(p)) {
                throw UserError.usage("--ssh " + id + ": " + socket + (Files.exists(p)
                        ? " is not a socket (key files are not supported: load the key with ssh-add and pass "
                                + "the agent's socket)" : " does not exist; is the agent running?"));
            }
            out.put(id, p.toAbsolutePath().toString());
        }
        return out;
    }

    private static boolean isSocket(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & 0170000) == SOCKET;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
