package dev.stagesmith.server.features.completion;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.MountSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * {@code RUN --mount=} fields: the keys the mount's type accepts (as BuildKit's {@code parseMount} checks
 * them), then the values of the keys that have a vocabulary: types, sharing modes, booleans, modes, ids
 * and the stages a mount may read from.
 */
final class MountCompletions {

    private record Key(String name, String insert, String doc) {}

    private static final Key TYPE = new Key("type", "type=", "The kind of mount: `bind` (the default), `cache`,"
            + " `tmpfs`, `secret` or `ssh`. Write it first: BuildKit checks later keys against it.");
    private static final Key TARGET = new Key("target", "target=", "Where the mount appears (also `dst`, `destination`).");
    private static final Key SOURCE = new Key("source", "source=", "The path to mount from the `from` stage or image,"
            + " or from the build context (also `src`).");
    private static final Key FROM = new Key("from", "from=", "The stage or image to mount from, by name.");
    private static final Key RW = new Key("rw", "rw", "Lets the command write to the mount (writes are discarded).");
    private static final Key RO = new Key("ro", "ro", "Makes the mount read-only.");
    private static final Key SHARING = new Key("sharing", "sharing=", "How parallel builds share the cache: `shared`"
            + " (the default), `private` or `locked`.");
    private static final Key MODE = new Key("mode", "mode=", "The file mode of the mount, in octal.");
    private static final Key UID = new Key("uid", "uid=", "The user id that owns the mount (default 0).");
    private static final Key GID = new Key("gid", "gid=", "The group id that owns the mount (default 0).");
    private static final Key SIZE = new Key("size", "size=", "The size limit of the tmpfs, such as `64m`.");
    private static final Key REQUIRED = new Key("required", "required", "Fails the build when the secret or SSH agent"
            + " is not given (otherwise it is skipped).");
    private static final Key ENV = new Key("env", "env=", "Exposes the secret as this environment variable.");

    private static final Map<String, List<Key>> KEYS = Map.of(
            "bind", List.of(TARGET, SOURCE, FROM, RW),
            "cache", List.of(TARGET, id("The cache id; mounts with the same id share it (default: the target)."),
                    SHARING, FROM, SOURCE, MODE, UID, GID, RO),
            "tmpfs", List.of(TARGET, SIZE),
            "secret", List.of(id("The secret id, as given to the build with --secret id=... (default: the target's"
                    + " file name)."), TARGET, ENV, REQUIRED, MODE, UID, GID),
            "ssh", List.of(id("The SSH agent socket or key id, as given with --ssh (default: default)."), TARGET,
                    REQUIRED, MODE, UID, GID));

    private static final Map<String, String> TYPES = Map.of(
            "bind", "the build context or a stage, read-only by default",
            "cache", "a directory kept between builds (package caches, compilers)",
            "tmpfs", "an empty in-memory directory",
            "secret", "a secret file (or variable) the image does not keep",
            "ssh", "the SSH agent socket, for private repositories");

    private static final List<String> CACHE_TARGETS = List.of("/root/.cache", "/var/cache/apt", "/var/lib/apt",
            "/root/.npm", "/go/pkg/mod", "/root/.cache/go-build", "/root/.m2", "/root/.cache/pip");

    private MountCompletions() {}

    private static Key id(String doc) {
        return new Key("id", "id=", doc);
    }

    static void complete(Cursor c, int valueStart, Items items) {
        String value = c.text().substring(valueStart, Math.max(valueStart, c.wordEnd()));
        int at = c.offset() - valueStart;
        MountSpec spec = MountSpec.parse(value);
        // An empty field (after '=' or a trailing ',') is not in the spec; it starts at the cursor.
        MountSpec.Field field = spec.fields().stream().filter(f -> f.from() <= at && at <= f.to()).findFirst()
                .orElse(new MountSpec.Field("", "", at, at, at));
        if (field.from() == at && field.to() > at) {
            return; // in front of an existing field: whatever we inserted would run into it
        }
        String before = value.substring(field.from(), at);
        int eq = before.indexOf('=');
        if (eq < 0) {
            keys(spec, field, TextRange.of(valueStart + field.from(), c.offset()), items);
        } else {
            TextRange replace = TextRange.of(valueStart + field.from() + eq + 1, c.offset());
            values(c, before.substring(0, eq).trim().toLowerCase(Locale.ROOT), type(spec, field), replace, items);
        }
    }

    /** The type given elsewhere in the mount, {@code bind} without one. */
    private static String type(MountSpec spec, MountSpec.Field current) {
        for (MountSpec.Field f : spec.fields()) {
            if (f != current && f.key().equals("type")) {
                return f.value().toLowerCase(Locale.ROOT);
            }
        }
        return "bind";
    }

    private static void keys(MountSpec spec, MountSpec.Field current, TextRange replace, Items items) {
        Set<String> given = new HashSet<>();
        boolean typeBefore = false;
        for (MountSpec.Field f : spec.fields()) {
            if (f != current) {
                given.add(canonical(f.key()));
                typeBefore |= f.key().equals("type") && f.from() < current.from();
            }
        }
        String type = type(spec, current);
        if (!given.contains("type")) {
            key(TYPE, "mount option", replace, items);
        }
        for (Key k : KEYS.getOrDefault(type, List.of())) {
            // BuildKit checks size= and required against the type given before them.
            boolean needsType = k == SIZE || k == REQUIRED;
            if (!given.contains(canonical(k.name())) && (!needsType || typeBefore)) {
                key(k, type + " mount option", replace, items);
            }
        }
    }

    private static void key(Key k, String detail, TextRange replace, Items items) {
        CompletionItem item = items.add(k.name(), CompletionItemKind.Field, replace, k.insert());
        item.setFilterText(k.name());
        item.setDetail(detail);
        items.document(item, k.doc());
    }

    private static String canonical(String key) {
        return switch (key) {
            case "src" -> "source";
            case "dst", "destination" -> "target";
            case "readonly", "ro", "readwrite", "rw" -> "rw";
            default -> key;
        };
    }

    private static void values(Cursor c, String key, String type, TextRange replace, Items items) {
        if (!accepts(type, key)) {
            return;
        }
        switch (key) {
            case "type" -> {
                for (String t : List.of("bind", "cache", "tmpfs", "secret", "ssh")) {
                    items.value(t, replace, TYPES.get(t), null);
                }
            }
            case "from" -> StageCompletions.forMount(c, replace, items);
            case "sharing" -> {
                items.value("shared", replace, "used by parallel builds at once (the default)", null);
                items.value("private", replace, "a new cache for each parallel build", null);
                items.value("locked", replace, "parallel builds wait for each other", null);
            }
            case "readonly", "ro", "readwrite", "rw", "required" -> {
                items.value("true", replace, "boolean", null);
                items.value("false", replace, "boolean", null);
            }
            case "mode" -> modes(type, replace, items);
            case "uid", "gid" -> {
                items.value("0", replace, "root (the default)", null);
                items.value("1000", replace, "the first regular user on most distributions", null);
            }
            case "size" -> {
                items.value("64m", replace, "64 MiB", null);
                items.value("1g", replace, "1 GiB", null);
            }
            case "target", "dst", "destination" -> {
                if (type.equals("cache")) {
                    for (String t : CACHE_TARGETS) {
                        items.value(t, replace, "package or build cache", null);
                    }
                }
            }
            default -> { }
        }
    }

    /** Whether a mount of {@code type} takes {@code key} (a type given by a variable takes anything). */
    private static boolean accepts(String type, String key) {
        List<Key> keys = KEYS.get(type);
        String k = canonical(key);
        return keys == null || k.equals("type") || keys.stream().anyMatch(x -> canonical(x.name()).equals(k));
    }

    private static void modes(String type, TextRange replace, Items items) {
        if (type.equals("cache")) {
            items.value("0755", replace, "the default for caches", null);
            items.value("0777", replace, "writable by every user", null);
        } else {
            items.value("0400", replace, type.equals("secret") ? "the default for secrets" : "owner may read", null);
            items.value("0600", replace, type.equals("ssh") ? "the default for the SSH socket" : "owner may read and write",
                    null);
            items.value("0644", replace, "everyone may read", null);
        }
    }
}
