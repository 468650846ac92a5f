package dev.stagesmith.engine.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases are a {@code .dockerignore} text, a context path and whether the build leaves that path out. The
 * first group is the Dockerfile reference's own examples; the rest pin moby's behaviour at its edges.
 */
class DockerIgnoreTest {

    private static Arguments excluded(String dockerignore, String path) {
        return Arguments.of(dockerignore, path, true);
    }

    private static Arguments kept(String dockerignore, String path) {
        return Arguments.of(dockerignore, path, false);
    }

    static Stream<Arguments> referenceExamples() {
        return Stream.of(
                // "# comment / */temp* / */*/temp* / temp?"
                excluded("# comment\n*/temp*\n*/*/temp*\ntemp?", "somedir/temporary.txt"),
                excluded("# comment\n*/temp*\n*/*/temp*\ntemp?", "somedir/temp"),
                excluded("# comment\n*/temp*\n*/*/temp*\ntemp?", "somedir/subdir/temporary.txt"),
                excluded("# comment\n*/temp*\n*/*/temp*\ntemp?", "tempa"),
                excluded("# comment\n*/temp*\n*/*/temp*\ntemp?", "tempb"),
                kept("# comment\n*/temp*\n*/*/temp*\ntemp?", "# comment"),
                kept("*/temp*", "temp"),
                kept("*/temp*", "a/b/temporary.txt"),
                excluded("*/temp*", "somedir/temp/file.txt"),
                kept("*/*/temp*", "somedir/temporary.txt"),
                kept("temp?", "temp"),
                kept("temp?", "tempab"),
                kept("temp?", "dir/tempa"),
                excluded("temp?", "tempa/inside"),
                // "**/*.go" excludes .go files in every directory, the root included.
                excluded("**/*.go", "main.go"),
                excluded("**/*.go", "cmd/app/main.go"),
                kept("**/*.go", "main.go.txt"),
                // "*.md" then "!README.md": every Markdown file but the README.
                excluded("*.md\n!README.md", "CHANGES.md"),
                kept("*.md\n!README.md", "README.md"),
                kept("*.md\n!README.md", "docs/guide.md"),
                // Order matters: the last matching line wins.
                excluded("*.md\n!README*.md\nREADME-secret.md", "README-secret.md"),
                kept("*.md\n!README*.md\nREADME-secret.md", "README-public.md"),
                excluded("*.md\n!README*.md\nREADME-secret.md", "notes.md"),
                kept("*.md\nREADME-secret.md\n!README*.md", "README-secret.md"),
                // "**" alone excludes everything.
                excluded("**", "Dockerfile"),
                excluded("**", "any/depth/at/all"),
                // ".git" excludes the directory and what is in it, at the root only.
                excluded(".git", ".git"),
                excluded(".git", ".git/objects/ab/cdef"),
                kept(".git", ".gitignore"),
                kept(".git", "vendor/lib/.git"),
                // A leading "/" means the context root: "/foo/bar" and "foo/bar" are the same pattern.
                excluded("/foo/bar", "foo/bar"),
                excluded("/foo/bar", "foo/bar/baz"),
                kept("/foo/bar", "x/foo/bar"),
                // Patterns are cleaned: "./", a trailing "/" and ".." are lexical.
                excluded("./foo", "foo"),
                excluded("foo/", "foo"),
                excluded("foo/", "foo/x"),
                excluded("foo/../bar", "bar"),
                kept("foo/../bar", "foo"));
    }

    static Stream<Arguments> edgeCases() {
        return Stream.of(
                // "*" and "?" stop at "/", but a match on a parent directory covers everything below it.
                excluded("*", "file"),
                excluded("*", "dir/file"),
                kept("*.log", "logs/app.log"),
                kept("dir/*", "dir"),
                excluded("dir/*", "dir/x/y"),
                // A trailing "**" is a prefix test: the directory itself is not matched.
                kept("dir/**", "dir"),
                excluded("dir/**", "dir/a/b"),
                excluded("a**", "abc/d"),
                // A leading "**" is a suffix test, and "**/x" also matches "x" at the root.
                excluded("**/node_modules", "node_modules"),
                excluded("**/node_modules", "a/b/node_modules"),
                excluded("**/node_modules", "a/node_modules/pkg/index.js"),
                kept("**/node_modules", "xnode_modules"),
                excluded("**foo", "barfoo"),
                excluded("a/**/b", "a/b"),
                excluded("a/**/b", "a/x/y/b"),
                kept("a/**/b", "a/xb"),
                excluded("a/**/*", "a/x"),
                // Classes.
                excluded("[abc].txt", "a.txt"),
                kept("[abc].txt", "d.txt"),
                excluded("[^abc].txt", "d.txt"),
                kept("[^abc].txt", "a.txt"),
                excluded("[a-c]*", "bxx"),
                excluded("[[:digit:]]*", "1abc"),
                kept("[[:digit:]]*", ":abc"),
                // Go reads "[*]" as the class "[[^/]" repeated, then "]": a quirk kept on purpose.
                excluded("[*]", "]"),
                kept("[*]", "*"),
                // Escapes.
                excluded("\\*.txt", "*.txt"),
                kept("\\*.txt", "a.txt"),
                excluded("a\\?", "a?"),
                kept("a\\?", "ab"),
                excluded("a\\\\b*", "a\\b"),
                // Regex metacharacters are literal.
                excluded("foo.*", "foo.txt"),
                kept("foo.*", "fooxtxt"),
                excluded("a+b*", "a+bc"),
                kept("a+b*", "aab"),
                excluded("(x)*", "(x)y"),
                excluded("{a,b}*", "{a,b}c"),
                kept("{a,b}*", "a"),
                excluded("$HOME*", "$HOMEx"),
                // "^" reaches Go's regexp unescaped and anchors there, so this pattern matches nothing.
                kept("a^b*", "a^bc"),
                excluded("a b", "a b"),
                // Exceptions re-include only what is excluded so far; the last matching line wins.
                excluded("logs\n!logs/keep.log", "logs/other.log"),
                kept("logs\n!logs/keep.log", "logs/keep.log"),
                kept("!foo", "foo"),
                excluded("foo\n!foo\nfoo", "foo"),
                kept("*\n! keep", "keep"),
                // Comments only in the first column; an indented "#" line is a pattern.
                excluded("  # not a comment", "# not a comment"),
                // CRLF line ends and a byte order mark are read away.
                excluded("foo\r\nbar\r\n", "bar"),
                excluded("\uFEFFfoo", "foo"),
                // Paths are compared as given: an absolute COPY source is not under any pattern.
                kept("foo", "/foo"),
                excluded("*", "."),
                // An unusable pattern that never has to be evaluated does no harm.
                excluded("foo\n[z-a]*", "foo"));
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} -> {2}")
    @MethodSource({"referenceExamples", "edgeCases"})
    void matchesAsMoby(String dockerignore, String path, boolean expected) throws Exception {
        assertEquals(expected, DockerIgnore.parse(dockerignore).excludes(path));
    }

    @Test
    void readsPatternsAsIgnorefileReadAll() {
        String text = "test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! ";
        assertEquals(List.of("test1", "test2", "a/file/here", "lastfile", "!inverted/abs/path", "!", "!"),
                DockerIgnore.readPatterns(text));
        assertEquals(List.of("/"), DockerIgnore.readPatterns("/\n"));
        assertEquals(List.of(), DockerIgnore.readPatterns(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"!", "[", "abc[", "[]", "[a-]", "[-a]", "a\\", "[a"})
    void rejectsWhatPatternmatcherRejects(String pattern) {
        assertThrows(DockerIgnore.InvalidPatternException.class, () -> DockerIgnore.parse(pattern));
    }

    @Test
    void aPatternGoCannotCompileFailsWhenItIsEvaluated() throws Exception {
        DockerIgnore ignore = DockerIgnore.parse("[z-a]*");
        assertThrows(DockerIgnore.InvalidPatternException.class, () -> ignore.excludes("b"));
        assertFalse(ignore.test("b"));
    }

    @Test
    void tellsWhetherExceptionsOrAWholeContextExclusionArePresent() throws Exception {
        assertTrue(DockerIgnore.parse("*\n!src").hasExclusions());
        assertFalse(DockerIgnore.parse("*.md").hasExclusions());
        assertTrue(DockerIgnore.parse("**/*").excludesEverything());
        assertTrue(DockerIgnore.parse("./*").excludesEverything());
        assertFalse(DockerIgnore.parse("*.md\n!*").excludesEverything());
        assertTrue(DockerIgnore.parse("# nothing\n\n").isEmpty());
    }
}
