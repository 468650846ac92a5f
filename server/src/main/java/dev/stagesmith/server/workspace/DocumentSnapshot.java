package dev.stagesmith.server.workspace;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Checker;
import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One version of an open Dockerfile, immutable. The parse, the stage graph and the findings are computed
 * on first use and kept, so every request on the same version shares them (the per-version cache).
 */
public final class DocumentSnapshot {

    private final String uri;
    private final int version;
    private final String text;
    private final Settings settings;
    private final Supplier<ParsedDockerfile> parsed;
    private final Supplier<StageGraph> graph;
    private final Supplier<List<Finding>> findings;

    public DocumentSnapshot(String uri, int version, String text, Settings settings) {
        this.uri = uri;
        this.version = version;
        this.text = text;
        this.settings = settings;
        this.parsed = memoize(() -> Dockerfiles.parse(text));
        this.graph = memoize(() -> StageGraph.of(parsed(), settings.modelOptions()));
        this.findings = memoize(() -> Checker.withAllRules().check(
                new CheckInput(parsed(), graph(), dockerignore()), settings.ruleSeverities()));
    }

    public String uri() {
        return uri;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    public Settings settings() {
        return settings;
    }

    public ParsedDockerfile parsed() {
        return parsed.get();
    }

    public StageGraph graph() {
        return graph.get();
    }

    /** Every rule's findings for this version, with the settings' severities applied. */
    public List<Finding> findings() {
        return findings.get();
    }

    /** The same document with new text (a newer version), keeping the settings. */
    public DocumentSnapshot withText(int newVersion, String newText) {
        return new DocumentSnapshot(uri, newVersion, newText, settings);
    }

    public DocumentSnapshot withSettings(Settings newSettings) {
        return new DocumentSnapshot(uri, version, text, newSettings);
    }

    /** Offset of a zero-based line and UTF-16 column, clamped into the text. */
    public int offset(int line, int column) {
        return parsed().lines().offset(line, column);
    }

    public TextRange clamp(TextRange r) {
        int end = Math.min(r.end(), text.length());
        return TextRange.of(Math.min(r.start(), end), end);
    }

    /** The file on disk, for file URIs; used to find the build context's .dockerignore. */
    public Optional<Path> path() {
        try {
            java.net.URI u = java.net.URI.create(uri);
            return "file".equals(u.getScheme()) ? Optional.of(Path.of(u)) : Optional.empty();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<Predicate<String>> dockerignore() {
        return path().flatMap(p -> p.getParent() == null ? Optional.empty()
                : dev.stagesmith.server.checks.style.DockerIgnoreFiles.forBuild(p, p.getParent()));
    }

    /** Computes once, on first use, from any thread. */
    private static <T> Supplier<T> memoize(Supplier<T> compute) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = compute.get();
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }
}
