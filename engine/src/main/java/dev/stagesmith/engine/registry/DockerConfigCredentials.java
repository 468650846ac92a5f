package dev.stagesmith.engine.registry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Credentials from a Docker client config ({@code <dir>/config.json}): a credential helper for the host
 * ({@code credHelpers}), then the default store ({@code credsStore}), then inline {@code auths}. The file is
 * read on every lookup so a {@code docker login} in another terminal takes effect without a restart.
 * Helpers are searched on an explicit path so tests (and embedders) decide which binaries may run.
 */
public final class DockerConfigCredentials {

    /** What a lookup found; {@code source} says where it came from or why nothing was found. */
    public record Lookup(Optional<Credentials> credentials, String source) {}

    private static final String HELPER_PREFIX = "docker-credential-";

    private final Path configFile;
    private final List<Path> helperPath;
    private final Duration helperTimeout;

    public DockerConfigCredentials(Path configDir, List<Path> helperPath, Duration helperTimeout) {
        this.configFile = configDir.resolve("config.json");
        this.helperPath = List.copyOf(helperPath);
        this.helperTimeout = helperTimeout;
    }

    /** Helpers are looked up on this process's {@code PATH}. */
    public static DockerConfigCredentials fromEnvironment(Path configDir, Duration helperTimeout) {
        List<Path> dirs = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                dirs.add(Path.of(dir));
            }
        }
        return new DockerConfigCredentials(configDir, dirs, helperTimeout);
    }

    public Path configFile() {
        return configFile;
    }

    public Lookup lookup(ImageReference ref) throws RegistryException {
        try {
            return lookupIn(ref);
        } catch (IllegalStateException e) {
            throw new RegistryException("docker config " + configFile + " has an unexpected shape: " + e.getMessage()
                    + "; fix or remove it", e);
        }
    }

    private Lookup lookupIn(ImageReference ref) throws RegistryException {
        Optional<JsonObject> config = readConfig();
        if (config.isEmpty()) {
            return new Lookup(Optional.empty(), "no " + configFile);
        }
        JsonObject root = config.get();
        Set<String> hosts = ref.hostAliases();
        List<String> notes = new ArrayList<>();
        Optional<String> helperKey = matchingKey(object(root, "credHelpers"), hosts);
        if (helperKey.isPresent()) {
            String helper = string(object(root, "credHelpers").get(helperKey.get()));
            Optional<Credentials> c = runHelper(helper, helperKey.get(), notes);
            if (c.isPresent()) {
                return new Lookup(c, "credential helper " + HELPER_PREFIX + helper);
            }
        }
        if (root.has("credsStore")) {
            String store = string(root.get("credsStore"));
            Optional<Credentials> c = runHelper(store, ref.credentialServerAddress(), notes);
            if (c.isPresent()) {
                return new Lookup(c, "credential store " + HELPER_PREFIX + store);
            }
        }
        Optional<String> authKey = matchingKey(object(root, "auths"), hosts);
        if (authKey.isPresent()) {
            Optional<Credentials> c = inline(object(object(root, "auths"), authKey.get()), authKey.get());
            if (c.isPresent()) {
                return new Lookup(c, configFile + " auths." + authKey.get());
            }
        }
        notes.add("no entry for " + ref.domain() + " in " + configFile);
        return new Lookup(Optional.empty(), String.join("; ", notes));
    }

    private Optional<JsonObject> readConfig() throws RegistryException {
        String text;
        try {
            text = Files.readString(configFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new RegistryException("cannot read docker config " + configFile + ": " + e.getMessage(), e);
        }
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw new RegistryException("docker config " + configFile + " is not a JSON object; fix or remove it");
            }
            return Optional.of(e.getAsJsonObject());
        } catch (JsonParseException e) {
            throw new RegistryException("docker config " + configFile + " is not valid JSON (" + e.getMessage()
                    + "); fix or remove it", e);
        }
    }

    /** Keys may be {@code host}, {@code https://host} or {@code http://host/v1/}; only the host part counts. */
    private static Optional<String> matchingKey(JsonObject map, Set<String> hosts) {
        for (String key : map.keySet()) {
            if (hosts.contains(hostOf(key))) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    static String hostOf(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        return slash >= 0 ? k.substring(0, slash) : k;
    }

    private Optional<Credentials> inline(JsonObject entry, String key) throws RegistryException {
        if (entry.has("identitytoken") && !string(entry.get("identitytoken")).isEmpty()) {
            return Optional.of(new Credentials(Credentials.IDENTITY_TOKEN_USER, string(entry.get("identitytoken"))));
        }
        if (entry.has("auth") && !string(entry.get("auth")).isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(string(entry.get("auth")).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new RegistryException("docker config " + configFile + ": auths." + key
                        + ".auth is not base64; log in again with docker login", e);
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new RegistryException("docker config " + configFile + ": auths." + key
                        + ".auth must encode user:password; log in again with docker login");
            }
            return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
        if (entry.has("username") && entry.has("password")) {
            return Optional.of(new Credentials(string(entry.get("username")), string(entry.get("password"))));
        }
        return Optional.empty();
    }

    /** Runs {@code docker-credential-<name> get}; a missing helper is a note, not an error. */
    private Optional<Credentials> runHelper(String name, String serverAddress, List<String> notes)
            throws RegistryException {
        Optional<Path> binary = findHelper(name);
        if (binary.isEmpty()) {
            notes.add(HELPER_PREFIX + name + " (named in " + configFile + ") is not installed");
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(binary.get().toString(), "get").redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(serverAddress.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readNBytes(64 * 1024);
            }
            if (!p.waitFor(helperTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new RegistryException(binary.get() + " did not answer within " + helperTimeout.toSeconds() + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                notes.add(HELPER_PREFIX + name + " has no credentials for " + serverAddress + " (" + text + ")");
                return Optional.empty();
            }
            return Optional.of(parseHelperAnswer(text, binary.get()));
        } catch (IOException e) {
            throw new RegistryException("cannot run credential helper " + binary.get() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while running credential helper " + binary.get(), e);
        }
    }

    private static Credentials parseHelperAnswer(String text, Path helper) throws RegistryException {
        try {
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            return new Credentials(string(o.get("Username")), string(o.get("Secret")));
        } catch (RuntimeException e) {
            throw new RegistryException("credential helper " + helper + " answered something that is not"
                    + " {\"Username\",\"Secret\"} JSON", e);
        }
    }

    private Optional<Path> findHelper(String name) {
        for (Path dir : helperPath) {
            Path candidate = dir.resolve(HELPER_PREFIX + name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement e = parent.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    /** Wrong JSON types (an object where a string belongs) end up here and are reported with the file name. */
    private static String string(JsonElement e) {
        if (e != null && !e.isJsonNull() && !e.isJsonPrimitive()) {
            throw new IllegalStateException("expected a string, found " + e);
        }
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
}
