package dev.stagesmith.server.workspace;

import dev.stagesmith.server.settings.Settings;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The open documents, by URI, each as its latest snapshot. Safe to read from any thread. */
public final class Documents {

    private final Map<String, DocumentSnapshot> open = new ConcurrentHashMap<>();
    private volatile Settings settings = Settings.defaults();

    public DocumentSnapshot open(String uri, int version, String text) {
        DocumentSnapshot s = new DocumentSnapshot(uri, version, text, settings);
        open.put(uri, s);
        return s;
    }

    /** Replaces the text of an open document; an unknown URI is opened, as clients sometimes race. */
    public DocumentSnapshot replace(String uri, int version, String text) {
        DocumentSnapshot s = open.get(uri);
        DocumentSnapshot next = s == null ? new DocumentSnapshot(uri, version, text, settings)
                : s.withText(version, text);
        open.put(uri, next);
        return next;
    }

    public void close(String uri) {
        open.remove(uri);
    }

    public Optional<DocumentSnapshot> get(String uri) {
        return Optional.ofNullable(open.get(uri));
    }

    public Collection<DocumentSnapshot> all() {
        return open.values();
    }

    public Settings settings() {
        return settings;
    }

    /** New settings apply to every open document (their parses are redone lazily). */
    public void settings(Settings newSettings) {
        settings = newSettings;
        open.replaceAll((uri, s) -> s.withSettings(newSettings));
    }
}
