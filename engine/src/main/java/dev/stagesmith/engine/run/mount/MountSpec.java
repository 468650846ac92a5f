package dev.stagesmith.engine.run.mount;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One parsed {@code RUN --mount} value with BuildKit's keys, defaults and checks; nothing is touched on disk.
 *
 * @param target the absolute, cleaned mount point; empty only for a secret that goes to {@code env=} alone
 * @param source {@code source|src}: a path in the context or in {@code from} (bind, cache); a secret's id alias
 * @param from {@code from=}: a stage or image name (bind, cache)
 * @param id a cache, secret or ssh id with its default filled in; empty for other types
 * @param mode the file mode for cache (0755), secret (0400) and ssh (0600) mounts
 * @param env a secret's {@code env=} variable name
 */
public record MountSpec(Type type, String target, String source, Optional<String> from, boolean readOnly,
                        String id, Sharing sharing, int mode, int uid, int gid, long sizeBytes, boolean required,
                        Optional<String> env) {

    public enum Type {
        BIND, CACHE, TMPFS, SECRET, SSH;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Sharing { SHARED, PRIVATE, LOCKED }

    private static final String KEYS = "type, target (dst, destination), source (src), from, ro (readonly), "
            + "rw (readwrite), id, sharing, mode, uid, gid, size, required, env";
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?");

    /**
     * Parses one {@code --mount} value.
     *
     * @param workdir the RUN's working directory, for a relative target
     * @param sshIndex how many {@code type=ssh} mounts came before this one in the same RUN (the default target)
     */
    public static MountSpec parse(String value, String workdir, int sshIndex) throws MountException {
        List<String> fields = Csv.fields(value);
        Type type = Type.BIND;
        for (String f : fields) {
            int eq = f.indexOf('=');
            if (eq > 0 && f.substring(0, eq).trim().equalsIgnoreCase("type")) {
                type = type(f.substring(eq + 1), value);
            }
        }
        Builder b = new Builder(type, value);
        for (String f : fields) {
            b.field(f);
        }
        return b.build(workdir, sshIndex);
    }

    private static Type type(String word, String value) throws MountException {
        for (Type t : Type.values()) {
            if (t.word().equals(word.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new MountException("--mount=" + value + ": unknown type '" + word
                + "'; use bind, cache, tmpfs, secret or ssh");
    }

    /** The options in the order a parse reads them; defaults and checks come in {@link #build}. */
    private static final class Builder {
        final Type type;
        final String value;
        String target = "";
        String source = "";
        String from;
        Boolean readOnly;
        String id = "";
        Sharing sharing;
        Integer mode;
        Integer uid;
        Integer gid;
        long size;
        boolean required;
        String env;

        Builder(Type type, String value) {
            this.type = type;
            this.value = value;
        }

        void field(String field) throws MountException {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (eq < 0) {
                switch (key) {
                    case "ro", "readonly" -> readOnly = true;
                    case "rw", "readwrite" -> readOnly = false;
                    case "required" -> {
                        only(key, Type.SECRET, Type.SSH);
                        required = true;
                    }
                    case "" -> { }
                    default -> throw error("'" + field + "' is not key=value (only ro, rw and required stand alone)");
                }
                return;
            }
            String v = field.substring(eq + 1);
            switch (key) {
                case "type" -> { }
                case "from" -> from = v;
                case "source", "src" -> source = v;
                case "target", "dst", "destination" -> target = v;
                case "ro", "readonly" -> readOnly = bool(key, v);
                case "rw", "readwrite" -> readOnly = !bool(key, v);
                case "required" -> {
                    only(key, Type.SECRET, Type.SSH);
                    required = bool(key, v);
                }
                case "size" -> {
                    only(key, Type.TMPFS);
                    size = size(v);
                }
                case "id" -> id = v;
                case "sharing" -> {
                    only(key, Type.CACHE);
                    sharing = switch (v.toLowerCase(Locale.ROOT)) {
                        case "shared" -> Sharing.SHARED;
                        case "private" -> Sharing.PRIVATE;
                        case "locked" -> Sharing.LOCKED;
                        default -> throw error("sharing=" + v + " is not shared, private or locked");
                    };
                }
                case "mode" -> {
                    only(key, Type.CACHE, Type.SECRET, Type.SSH);
                    mode = number(key, v, 8);
                }
                case "uid" -> {
                    only(key, Type.CACHE, Type.SECRET, Type.SSH);
                    uid = number(key, v, 10);
                }
                case "gid" -> {
                    only(key, Type.CACHE, Type.SECRET, Type.SSH);
                    gid = number(key, v, 10);
                }
                case "env" -> {
                    only(key, Type.SECRET);
                    if (!v.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        throw error("env=" + v + " is not a variable name (letters, digits, _)");
                    }
                    env = v;
                }
                default -> throw error("unknown option '" + key + "'; the options are " + KEYS);
            }
        }

        MountSpec build(String workdir, int sshIndex) throws MountException {
            if (type == Type.SECRET) {
                if (from != null) {
                    throw error("a secret mount takes no from= (secrets come from --secret)");
                }
                if (!source.isEmpty() && !id.isEmpty()) {
                    throw error("a secret mount takes id= or source=, not both");
                }
                if (source.isEmpty() && id.isEmpty() && target.isEmpty()) {
                    throw error("a secret mount needs id= (or target=, whose file name is the id)");
                }
            }
            String resolved = target.isEmpty() ? "" : absolute(target, workdir);
            String fullId = switch (type) {
                case CACHE -> id.isEmpty() ? resolved : id;
                case SECRET -> !source.isEmpty() ? source : !id.isEmpty() ? id : baseName(resolved);
                case SSH -> id.isEmpty() ? "default" : id;
                default -> "";
            };
            if (resolved.isEmpty()) {
                resolved = switch (type) {
                    case SECRET -> env != null ? "" : absolute("/run/secrets/" + fullId, "/");
                    case SSH -> "/run/buildkit/ssh_agent." + sshIndex;
                    default -> throw error("type=" + type.word() + " needs target=PATH (or dst=, destination=)");
                };
            }
            if (resolved.equals("/")) {
                throw error("target=/ cannot be a mount point; mount below it");
            }
            if (type == Type.SECRET && fullId.isEmpty()) {
                throw error("a secret mount needs id=");
            }
            int defaultMode = switch (type) {
                case CACHE -> 0755;
                case SECRET -> 0400;
                case SSH -> 0600;
                default -> 0;
            };
            // BuildKit: binds and secrets are read-only, caches and tmpfs writable, unless ro/rw says otherwise.
            boolean ro = readOnly != null ? readOnly : type == Type.BIND || type == Type.SECRET || type == Type.SSH;
            return new MountSpec(type, resolved, source, Optional.ofNullable(from), ro, fullId,
                    sharing == null ? Sharing.SHARED : sharing, mode == null ? defaultMode : mode,
                    uid == null ? 0 : uid, gid == null ? 0 : gid, size, required, Optional.ofNullable(env));
        }

        private void only(String key, Type... types) throws MountException {
            for (Type t : types) {
                if (t == type) {
                    return;
                }
            }
            StringBuilder allowed = new StringBuilder();
            for (Type t : types) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append("type=").append(t.word());
            }
            throw error("'" + key + "' does not apply to type=" + type.word() + "; it is for " + allowed);
        }

        private boolean bool(String key, String v) throws MountException {
            return switch (v) {
                case "1", "t", "T", "true", "TRUE", "True" -> true;
                case "0", "f", "F", "false", "FALSE", "False" -> false;
                default -> throw error(key + "=" + v + " is not true or false");
            };
        }

        private int number(String key, String v, int radix) throws MountException {
            try {
                long n = Long.parseLong(v, radix);
                if (n < 0 || n > 0xFFFF_FFFFL || (radix == 8 && n > 07777)) {
                    throw new NumberFormatException();
                }
                return (int) n;
            } catch (NumberFormatException e) {
                throw error(key + "=" + v + " is not " + (radix == 8 ? "an octal mode like 0755" : "a number like 1000"));
            }
        }

        private long size(String v) throws MountException {
            Matcher m = SIZE.matcher(v.trim());
            if (!m.matches()) {
                throw error("size=" + v + " is not a size like 64m or 1g");
            }
            double n = Double.parseDouble(m.group(1));
            int power = m.group(2) == null ? 0 : "kmgtp".indexOf(Character.toLowerCase(m.group(2).charAt(0))) + 1;
            return (long) (n * Math.pow(1024, power));
        }

        private MountException error(String what) {
            return new MountException("--mount=" + value + ": " + what);
        }
    }

    /** {@code target} against {@code workdir}, with {@code .} and {@code ..} gone (never above {@code /}). */
    static String absolute(String target, String workdir) {
        String joined = target.startsWith("/") ? target : (workdir.isEmpty() ? "/" : workdir) + "/" + target;
        Deque<String> parts = new ArrayDeque<>();
        for (String p : joined.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** What this mount adds to the step's cache key: its options, never file content or a secret's value. */
    String describe() {
        return type.word() + " target=" + target + " source=" + source + " from=" + from.orElse("") + " ro=" + readOnly
                + " id=" + id + " sharing=" + sharing + " mode=" + Integer.toOctalString(mode) + " uid=" + uid
                + " gid=" + gid + " size=" + sizeBytes + " required=" + required + " env=" + env.orElse("");
    }
}
