package dev.stagesmith.engine.context;

import dev.stagesmith.grammar.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@code .dockerignore} file: which build-context paths a build leaves out. The text is read as moby's
 * {@code ignorefile.ReadAll} reads it and paths are matched as patternmatcher's
 * {@code MatchesOrParentMatches} matches them: patterns apply in order and the last one that matches
 * wins; a pattern matches a path when it matches the path or any of its parent directories; a {@code !}
 * exception is only tried on a path that is excluded so far, a plain pattern only on one that is not.
 * Pure logic: the caller reads the file.
 */
public final class DockerIgnore implements Predicate<String> {

    /** A pattern moby rejects: the build would fail reading {@code .dockerignore}. */
    public static final class InvalidPatternException extends Exception {

        private static final long serialVersionUID = 1L;

        private final String pattern;

        public InvalidPatternException(String pattern, String reason) {
            super("invalid .dockerignore pattern \"" + pattern + "\": " + reason);
            this.pattern = pattern;
        }

        public String pattern() {
            return pattern;
        }
    }

    private final List<IgnorePattern> patterns;
    private final boolean exclusions;

    private DockerIgnore(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.exclusions = patterns.stream().anyMatch(IgnorePattern::isExclusion);
    }

    /**
     * The patterns of a {@code .dockerignore} text, as {@code ignorefile.ReadAll} returns them: a byte order
     * mark dropped from the first line, lines starting with {@code #} skipped (only in the first column),
     * the rest trimmed, blank ones skipped, each cleaned ({@code ./a/} becomes {@code a}) with one leading
     * {@code /} removed, and a {@code !} kept in front of its cleaned pattern.
     */
    public static List<String> readPatterns(String text) {
        List<String> out = new ArrayList<>();
        boolean firstLine = true;
        for (String line : lines(text)) {
            if (firstLine && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            firstLine = false;
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = GoStrings.trimSpace(line);
            if (pattern.isEmpty()) {
                continue;
            }
            boolean invert = pattern.charAt(0) == '!';
            if (invert) {
                pattern = GoStrings.trimSpace(pattern.substring(1));
            }
            if (!pattern.isEmpty()) {
                pattern = GoPaths.clean(pattern);
                if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                    pattern = pattern.substring(1);
                }
            }
            out.add(invert ? "!" + pattern : pattern);
        }
        return out;
    }

    /** Reads and compiles a {@code .dockerignore} text. */
    public static DockerIgnore parse(String text) throws InvalidPatternException {
        return of(readPatterns(text));
    }

    /**
     * Compiles patterns as patternmatcher's {@code New} does: each trimmed and cleaned, blank ones skipped,
     * a lone {@code !} rejected, and each checked against Go's glob syntax.
     */
    public static DockerIgnore of(List<String> patterns) throws InvalidPatternException {
        List<IgnorePattern> compiled = new ArrayList<>();
        for (String raw : patterns) {
            String p = GoStrings.trimSpace(raw);
            if (p.isEmpty()) {
                continue;
            }
            p = GoPaths.clean(p);
            boolean exclusion = p.charAt(0) == '!';
            if (exclusion) {
                if (p.length() == 1) {
                    throw new InvalidPatternException(p, "illegal exclusion pattern: \"!\"");
                }
                p = p.substring(1);
            }
            if (!GoPaths.isValidGlob(p)) {
                throw new InvalidPatternException(p, "syntax error in pattern");
            }
            compiled.add(new IgnorePattern(p, exclusion));
        }
        return new DockerIgnore(compiled);
    }

    public List<IgnorePattern> patterns() {
        return patterns;
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether some pattern is a {@code !} exception (then a directory may be excluded yet keep some files). */
    public boolean hasExclusions() {
        return exclusions;
    }

    /**
     * Whether the build leaves {@code path} out: a slash-separated path relative to the context root,
     * matched with its parent directories, the last matching pattern deciding.
     *
     * @throws InvalidPatternException when a pattern that has to be evaluated cannot be (Go reports an error)
     */
    public boolean excludes(String path) throws InvalidPatternException {
        boolean matched = false;
        String parent = GoPaths.dir(path);
        String[] parentDirs = parent.split("/", -1);
        for (IgnorePattern pattern : patterns) {
            if (pattern.isExclusion() != matched) {
                continue;
            }
            boolean match = pattern.matches(path);
            if (!match && !parent.equals(".")) {
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < parentDirs.length && !match; i++) {
                    if (i > 0) {
                        prefix.append('/');
                    }
                    prefix.append(parentDirs[i]);
                    match = pattern.matches(prefix.toString());
                }
            }
            if (match) {
                matched = !pattern.isExclusion();
            }
        }
        return matched;
    }

    /** {@link #excludes}, answering false where a pattern cannot be evaluated. */
    @Override
    public boolean test(String path) {
        try {
            return excludes(path);
        } catch (InvalidPatternException e) {
            return false;
        }
    }

    /**
     * Whether a pattern excludes everything at the context root ({@code *}, {@code **} or {@code **}{@code /*}),
     * the only case in which BuildKit calls copying the whole context ({@code COPY . /dst}) a copy of
     * ignored files.
     */
    public boolean excludesEverything() {
        for (IgnorePattern p : patterns) {
            if (!p.isExclusion() && (p.text().equals("*") || p.text().equals("**") || p.text().equals("**/*"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Go's {@code filepath.Clean} for a slash-separated path: how moby cleans patterns, and how BuildKit
     * cleans a COPY source before asking whether it is ignored.
     */
    public static String cleanPath(String path) {
        return GoPaths.clean(path);
    }

    /** Lines as Go's {@code bufio.ScanLines} yields them: split at {@code \n}, a trailing {@code \r} dropped. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            out.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = end + 1;
        }
        return out;
    }
}
