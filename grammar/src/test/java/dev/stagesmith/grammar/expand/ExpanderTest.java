package dev.stagesmith.grammar.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.stagesmith.grammar.expand.Expander.Options;
import dev.stagesmith.grammar.expand.Expander.Result;
import dev.stagesmith.grammar.expand.Expander.Variables;
import dev.stagesmith.grammar.expand.Expander.Word;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Word expansion case by case; every expected value is what BuildKit's shell lexer
 * ({@code frontend/dockerfile/shell/lex.go}) produces for the same word and variables, except the one
 * case marked as a deliberate difference in {@link #wordSplitting()}.
 */
class ExpanderTest {

    /** Variables most cases expand against; {@code missing} and {@code other} are never set. */
    private static final Map<String, String> ENV = Map.ofEntries(
            Map.entry("a", "apple"),
            Map.entry("e", ""),
            Map.entry("sp", "x  y"),
            Map.entry("ws", "a\tb\nc"),
            Map.entry("path", "/usr/local/bin"),
            Map.entry("file", "archive.tar.gz"),
            Map.entry("ext", ".gz"),
            Map.entry("glob", "*."),
            Map.entry("star", "a*b*c"),
            Map.entry("v", "banana"),
            Map.entry("meta", "(a)[b]{c}|d+e^f$g.h"),
            Map.entry("qm", "what?now"),
            Map.entry("bs", "back\\slash"),
            Map.entry("bsEnd", "x\\"),
            Map.entry("tmpl", "[$0]"),
            Map.entry("cr", "a\rb"),
            Map.entry("nl", "a\nb"),
            Map.entry("h", "<< EOF"),
            Map.entry("emoji", "👽🚀🖖"),
            Map.entry("bom", "\uFEFFab"),
            Map.entry("bomPat", "\uFEFFa"),
            Map.entry("名前", "ünï"),
            Map.entry("über", "over"),
            Map.entry("1", "one"),
            Map.entry("10", "ten"),
            Map.entry("١", "arabic one"));

    private static final Variables VARS = ENV::get;

    /** The shell's special parameters, which BuildKit looks up like any other name. */
    private static final Variables SPECIAL = Map.of(
            "@", "at", "*", "star", "#", "hash", "?", "qm", "-", "dash", "$", "pid", "!", "bang", "0", "zero")::get;

    private static final Options STANDARD = Options.standard('\\');
    private static final Options SKIP_UNSET = STANDARD.withSkipUnsetEnv(true);
    private static final Options RAW_QUOTES = STANDARD.withRawQuotes(true);
    private static final Options RAW_ESCAPES = new Options('\\', false, true, false, false);

    private static String expand(String word, Options options) throws ExpansionException {
        return Expander.process(word, VARS, options).value();
    }

    private static List<String> words(String word, Options options) throws ExpansionException {
        return Expander.words(word, VARS, options);
    }

    // ---- plain references ------------------------------------------------------------------

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void plainReferences(String word, String expected) throws ExpansionException {
        assertEquals(expected, Expander.expand(word, VARS, '\\'));
    }

    static Stream<Arguments> plainReferences() {
        return Stream.of(
                arguments("", ""),
                arguments("hello", "hello"),
                arguments("hello  world", "hello  world"),
                arguments("$a", "apple"),
                arguments("${a}", "apple"),
                arguments("x$a", "xapple"),
                arguments("$a-x", "apple-x"),
                arguments("${a}x", "applex"),
                arguments("$ax", ""),
                arguments("$a$a", "appleapple"),
                arguments("${a}${a}", "appleapple"),
                arguments("$missing", ""),
                arguments("${missing}", ""),
                arguments("$e|", "|"),
                arguments("$a_b", ""),
                arguments("$", "$"),
                arguments("a$", "a$"),
                arguments("$ x", "$ x"),
                arguments("$.x", "$.x"),
                arguments("$/", "$/"),
                arguments("$\\a", "$a"),
                arguments("$1", "one"),
                arguments("$1x", "onex"),
                arguments("$10", "ten"),
                arguments("${10}", "ten"),
                arguments("$2", ""),
                arguments("$01", ""));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void specialParametersAreSingleCharacterNames(String word, String expected) throws ExpansionException {
        assertEquals(expected, Expander.process(word, SPECIAL, STANDARD).value());
    }

    static Stream<Arguments> specialParametersAreSingleCharacterNames() {
        return Stream.of(
                arguments("$@x", "atx"),
                arguments("$*", "star"),
                arguments("$#a", "hasha"),
                arguments("$?", "qm"),
                arguments("$-", "dash"),
                arguments("$$$$", "pidpid"),
                arguments("$!", "bang"),
                arguments("$0", "zero"),
                arguments("$0a", "zeroa"),
                arguments("$00", ""),
                arguments("${#}", "hash"),
                arguments("${@}", "at"),
                arguments("${*}", "star"),
                arguments("${?:-x}", "qm"));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void unicodeNames(String word, String expected) throws ExpansionException {
        assertEquals(expected, expand(word, STANDARD));
    }

    static Stream<Arguments> unicodeNames() {
        return Stream.of(
                arguments("$名前", "ünï"),
                arguments("${名前}", "ünï"),
                arguments("$名前x", ""),
                arguments("${名前:-d}", "ünï"),
                arguments("$über-x", "over-x"),
                // a combining mark is not a letter, so it ends the name
                arguments("$a\u0301", "apple\u0301"),
                // digits of any script make a digit name, and only digits
                arguments("$١x", "arabic onex"),
                // lookups are case-sensitive
                arguments("$A", ""));
    }

    // ---- quotes and escapes ----------------------------------------------------------------

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void quotesAndEscapes(String word, String expected) throws ExpansionException {
        assertEquals(expected, expand(word, STANDARD));
    }

    static Stream<Arguments> quotesAndEscapes() {
        return Stream.of(
                arguments("'$a'", "$a"),
                arguments("\"$a\"", "apple"),
                arguments("'a  b'", "a  b"),
                arguments("\"a'b\"", "a'b"),
                arguments("'a\"b'", "a\"b"),
                arguments("'a\\b'", "a\\b"),
                arguments("\"a\\\"b\"", "a\"b"),
                arguments("\"a\\$a\"", "a$a"),
                arguments("\"a\\\\b\"", "a\\b"),
                // inside double quotes only " $ and the escape itself can be escaped
                arguments("\"a\\b\"", "a\\b"),
                arguments("\"a\\'b\"", "a\\'b"),
                arguments("'it''s'", "its"),
                arguments("\"x\"'y'z", "xyz"),
                arguments("\"${a}!\"", "apple!"),
                arguments("\"${a:-x y}\"", "apple"),
                arguments("\"$\"", "$"),
                arguments("\"\"", ""),
                arguments("''", ""),
                arguments("\"'\"", "'"),
                arguments("'\"'", "\""),
                arguments("\\$a", "$a"),
                arguments("\\\\", "\\"),
                arguments("a\\\\b", "a\\b"),
                arguments("\\a", "a"),
                arguments("a\\", "a"),
                arguments("\\'x\\'", "'x'"),
                arguments("\\\"", "\""),
                arguments("a\\ b", "a b"));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void backtickEscape(String word, String expected) throws ExpansionException {
        assertEquals(expected, Expander.expand(word, VARS, '`'));
    }

    static Stream<Arguments> backtickEscape() {
        return Stream.of(
                arguments("`$a", "$a"),
                arguments("a``b", "a`b"),
                arguments("a` b", "a b"),
                arguments("$a`", "apple"),
                arguments("C:\\dir\\file", "C:\\dir\\file"),
                arguments("\\$a", "\\apple"),
                arguments("\"a`\"b\"", "a\"b"),
                arguments("\"a`$a\"", "a$a"),
                arguments("\"a`b\"", "a`b"),
                arguments("\"a\\\"", "a\\"),
                arguments("'`'", "`"),
                arguments("${missing:-`}}", "}"));
    }

    // ---- ${v-w} ${v+w} ${v?m} and their ':' forms --------------------------------------------

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void unsetAndEmptyVariables(String word, String expected) throws ExpansionException {
        assertEquals(expected, expand(word, STANDARD));
    }

    static Stream<Arguments> unsetAndEmptyVariables() {
        return Stream.of(
                arguments("${a:-d}", "apple"),
                arguments("${e:-d}", "d"),
                arguments("${missing:-d}", "d"),
                arguments("${a-d}", "apple"),
                arguments("${e-d}", ""),
                arguments("${missing-d}", "d"),
                arguments("${a:+s}", "s"),
                arguments("${e:+s}", ""),
                arguments("${missing:+s}", ""),
                arguments("${a+s}", "s"),
                arguments("${e+s}", "s"),
                arguments("${missing+s}", ""),
                arguments("${a:?m}", "apple"),
                arguments("${a?m}", "apple"),
                arguments("${e?m}", ""),
                arguments("${a:-}", "apple"),
                arguments("${a:+}", ""),
                arguments("${missing:-}", ""),
                arguments("${missing-}", ""),
                arguments("pre-${missing:-d}-post", "pre-d-post"));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void modifierWords(String word, String expected) throws ExpansionException {
        assertEquals(expected, expand(word, STANDARD));
    }

    static Stream<Arguments> modifierWords() {
        return Stream.of(
                arguments("${missing:-a b}", "a b"),
                arguments("${missing:-:}", ":"),
                arguments("${missing:--}", "-"),
                arguments("${missing:-{}", "{"),
                // the first } closes the expansion, the second is plain text
                arguments("${missing:-{x}}", "{x}"),
                arguments("${missing:-\\}}", "}"),
                arguments("${missing:-'}'}", "}"),
                // escapes in a - or + word are resolved, not kept
                arguments("${missing:-x\\y}", "xy"),
                arguments("${missing:-${a}}", "apple"),
                arguments("${missing:-$a}", "apple"),
                arguments("${missing:-$a$a}", "appleapple"),
                arguments("${missing:-${e:-${a}}}", "apple"),
                arguments("${missing:-${missing:-deep}}", "deep"),
                arguments("${a:+[${a}]}", "[apple]"),
                arguments("${a:+${missing:-inner}}", "inner"),
                arguments("${missing:-'${a}'}", "${a}"),
                arguments("${missing:-\"${a}\"}", "apple"));
    }

    // ---- ${v#p} ${v##p} ${v%p} ${v%%p} -----------------------------------------------------

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void prefixAndSuffixPatterns(String word, String expected) throws ExpansionException {
        assertEquals(expected, expand(word, STANDARD));
    }

    static Stream<Arguments> prefixAndSuffixPatterns() {
        return Stream.of(
                arguments("${path#*/}", "usr/local/bin"),
                arguments("${path##*/}", "bin"),
                arguments("${path%/*}", "/usr/local"),
                arguments("${path%%/*}", ""),
                arguments("${file%.*}", "archive.tar"),
                arguments("${file%%.*}", "archive"),
                arguments("${file#*.}", "tar.gz"),
                arguments("${file##*.}", "gz"),
                arguments("${v#*a}", "nana"),
                arguments("${v##*a}", ""),
                arguments("${v%a*}", "banan"),
                arguments("${v%%a*}", "b"),
                arguments("${v%n*}", "bana"),
                arguments("${v%%n*}", "ba"),
                arguments("${file#archive}", ".tar.gz"),
                arguments("${file#tar}", "archive.tar.gz"),
                arguments("${file%.gz}", "archive.tar"),
                arguments("${file#?}", "rchive.tar.gz"),
                arguments("${file%??}", "archive.tar."),
                arguments("${file#archive?tar}", ".gz"),
                arguments("${file#}", "archive.tar.gz"),
                arguments("${file##}", "archive.tar.gz"),
                arguments("${file%}", "archive.tar.gz"),
                arguments("${file%%}", "archive.tar.gz"),
                arguments("${file#*}", "archive.tar.gz"),
                arguments("${file##*}", ""),
                arguments("${file%*}", "archive.tar.gz"),
                arguments("${file%%*}", ""),
                arguments("${missing#x}", ""),
                arguments("${missing%%*}", ""),
                arguments("${e#*}", ""),
                arguments("${file%$ext}", "archive.tar"),
                arguments("${file%${ext}}", "archive.tar"),
                // a pattern that comes from a variable still has its wildcards
                arguments("${file#$glob}", "tar.gz"));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void patternCharacters(String word, String expected) throws ExpansionException {
        assertEquals(expected, expand(word, STANDARD));
    }

    static Stream<Arguments> patternCharacters() {
        return Stream.of(
                // regex characters are plain text in a pattern
                arguments("${v#b.n}", "banana"),
                arguments("${meta#(a)[b]}", "{c}|d+e^f$g.h"),
                arguments("${meta%|*}", "(a)[b]{c}"),
                arguments("${meta##*+}", "e^f$g.h"),
                arguments("${meta#*^}", "f$g.h"),
                arguments("${meta#*\\}}", "|d+e^f$g.h"),
                // $ right before the closing brace is a literal $
                arguments("${meta#*$}", "g.h"),
                // escaped wildcards are literal
                arguments("${star#*\\*}", "b*c"),
                arguments("${star##*\\*}", "c"),
                arguments("${star%\\**}", "a*b"),
                arguments("${star%%\\**}", "a"),
                arguments("${star#a\\*}", "b*c"),
                arguments("${qm#*\\?}", "now"),
                arguments("${qm#what?}", "now"),
                arguments("${bs#*\\\\}", "slash"),
                // quotes in a pattern are removed but do not make wildcards literal
                arguments("${file#\"*.\"}", "tar.gz"),
                // a quoted # at the start of the pattern still asks for the longest match
                arguments("${file#'#'*.}", "gz"),
                // wildcards count code points, not UTF-16 units
                arguments("${名前#?}", "nï"),
                arguments("${名前%?}", "ün"),
                arguments("${emoji#?}", "🚀🖖"),
                arguments("${emoji%?}", "👽🚀"),
                arguments("${emoji%%🚀*}", "👽"),
                // like Go's regexp, ? and * match anything but a newline
                arguments("${nl##*}", "\nb"),
                arguments("${nl%%*}", "a\n"),
                arguments("${nl#a?}", "a\nb"),
                arguments("${cr##*}", ""),
                arguments("${cr%%*}", ""),
                arguments("${cr#a?}", "b"));
    }

    // ---- ${v/p/r} ${v//p/r} ----------------------------------------------------------------

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void replacements(String word, String expected) throws ExpansionException {
        assertEquals(expected, expand(word, STANDARD));
    }

    static Stream<Arguments> replacements() {
        return Stream.of(
                arguments("${v/a/o}", "bonana"),
                arguments("${v//a/o}", "bonono"),
                arguments("${v/an/}", "bana"),
                arguments("${v//an/}", "ba"),
                arguments("${v/x/y}", "banana"),
                arguments("${v/a*/X}", "bX"),
                arguments("${v//a*/-}", "b-"),
                arguments("${v//a?/_}", "b__a"),
                arguments("${v/?/X}", "Xanana"),
                arguments("${file/.*/}", "archive"),
                arguments("${v//[a]/x}", "banana"),
                // no bash-style anchors: # and % are plain text
                arguments("${v/#b/B}", "banana"),
                arguments("${v/%a/A}", "banana"),
                arguments("${path//\\//:}", ":usr:local:bin"),
                arguments("${path/\\/usr/}", "/local/bin"),
                // everything after the second slash is the replacement
                arguments("${v/a/x/y}", "bx/ynana"),
                // escapes in the replacement are kept
                arguments("${path//\\//\\/}", "\\/usr\\/local\\/bin"),
                arguments("${v/a/\\}}", "b\\}nana"),
                arguments("${v//a/$a}", "bapplenapplenapple"),
                arguments("${v/n/${missing:-N}}", "baNana"),
                arguments("${v///}", "banana"),
                arguments("${missing/a/b}", ""),
                arguments("${emoji/🚀/-}", "👽-🖖"));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void replaceAllFollowsGoRegexp(String word, String expected) throws ExpansionException {
        assertEquals(expected, expand(word, STANDARD));
    }

    static Stream<Arguments> replaceAllFollowsGoRegexp() {
        return Stream.of(
                // Go's ReplaceAllString reads the replacement as a template: $0 is the match
                arguments("${v//a/'<$0>'}", "b<a>n<a>n<a>"),
                arguments("${v//a/'${0}'}", "banana"),
                arguments("${v//a/'$0$0'}", "baanaanaa"),
                arguments("${v//a/$tmpl}", "b[a]n[a]n[a]"),
                arguments("${v//a/'$1'}", "bnn"),
                arguments("${v//a/'$x'}", "bnn"),
                arguments("${v//n/'$00'}", "baaa"),
                arguments("${v//a/'$$'}", "b$n$n$"),
                arguments("${v//a/'$'}", "b$n$n$"),
                arguments("${v//a/'${0'}", "b${0n${0n${0"),
                // replacing only the first match takes the replacement literally
                arguments("${v/a/'<$0>'}", "b<$0>nana"),
                // an empty match right after a match is not replaced again
                arguments("${v//*/-}", "-"),
                arguments("${v/*/-}", "-"),
                arguments("${v///-}", "-b-a-n-a-n-a-"),
                arguments("${e//*/-}", "-"),
                arguments("${emoji///.}", ".👽.🚀.🖖."));
    }

    // ---- errors ----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} fails: {1}")
    @MethodSource
    void errors(String word, String message) {
        ExpansionException e = assertThrows(ExpansionException.class, () -> expand(word, STANDARD));
        assertTrue(e.getMessage().startsWith("failed to process \""), e.getMessage());
        assertTrue(e.getMessage().endsWith("\": " + message), e.getMessage());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("${}", "syntax error: bad substitution"),
                arguments("${:}", "syntax error: bad substitution"),
                arguments("${:-x}", "syntax error: bad substitution"),
                arguments("${{a}}", "syntax error: bad substitution"),
                arguments("${a:-${}}", "syntax error: bad substitution"),
                arguments("${", "syntax error: missing '}'"),
                arguments("${a:", "syntax error: missing '}'"),
                arguments("${a:-b", "syntax error: missing '}'"),
                arguments("${a:-'b}", "syntax error: missing '}'"),
                // Go prints the end of input as U+FFFD when it names the modifier
                arguments("${a", "unsupported modifier (\uFFFD) in substitution"),
                arguments("${a=b}", "unsupported modifier (=) in substitution"),
                arguments("${a:=b}", "unsupported modifier (:=) in substitution"),
                arguments("${a:#b}", "unsupported modifier (:#) in substitution"),
                arguments("${a:%b}", "unsupported modifier (:%) in substitution"),
                arguments("${a:0:1}", "unsupported modifier (:0) in substitution"),
                arguments("${a b}", "unsupported modifier ( ) in substitution"),
                arguments("${a.b}", "unsupported modifier (.) in substitution"),
                arguments("${#a}", "unsupported modifier (a) in substitution"),
                // after ':' BuildKit reads the word up to '}' before it looks at the modifier
                arguments("${a:}x}", "unsupported modifier (:}) in substitution"),
                arguments("${a:}", "syntax error: missing '}'"),
                arguments("${a:=b", "syntax error: missing '}'"),
                arguments("'abc", "unexpected end of statement while looking for matching single-quote"),
                arguments("\"abc", "unexpected end of statement while looking for matching double-quote"),
                arguments("\"abc\\\"", "unexpected end of statement while looking for matching double-quote"),
                arguments("x \"${a}", "unexpected end of statement while looking for matching double-quote"),
                arguments("${missing:?}", "missing: is not allowed to be unset"),
                arguments("${missing?}", "missing: is not allowed to be unset"),
                arguments("${e:?}", "e: is not allowed to be empty"),
                arguments("${missing:?custom msg}", "missing: custom msg"),
                arguments("${missing?boom}", "missing: boom"),
                arguments("${e:?must be set: $a}", "e: must be set: apple"),
                arguments("${v/a", "syntax error: missing '/' in ${}"),
                arguments("${v/a}", "syntax error: missing '/' in ${}"),
                arguments("${v//}", "syntax error: missing '/' in ${}"),
                arguments("${v//a}", "syntax error: missing '/' in ${}"),
                arguments("${v/a/b", "syntax error: missing '}'"),
                arguments("${v#\\x}", "invalid pattern (\\x) in substitution: invalid escape '\\x'"),
                arguments("${v#\\#}", "invalid pattern (\\#) in substitution: invalid escape '\\#'"),
                arguments("${v/\\x/y}", "invalid pattern (\\x) in substitution: invalid escape '\\x'"),
                // a suffix pattern is matched reversed, and the message shows it reversed
                arguments("${v%a\\x}", "invalid pattern (\\xa) in substitution: invalid escape '\\x'"),
                arguments("${v#$bsEnd}", "invalid pattern (x\\) in substitution: invalid escape '\\\uFFFD'"));
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @MethodSource
    void errorMessagesQuoteTheWordLikeGo(String word, String message) {
        ExpansionException e = assertThrows(ExpansionException.class, () -> expand(word, STANDARD));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> errorMessagesQuoteTheWordLikeGo() {
        return Stream.of(
                arguments("${}", "failed to process \"${}\": syntax error: bad substitution"),
                arguments("\"${e:?}\"", "failed to process \"\\\"${e:?}\\\"\": e: is not allowed to be empty"),
                arguments("${v#\\x}",
                        "failed to process \"${v#\\\\x}\": invalid pattern (\\x) in substitution: invalid escape '\\x'"),
                arguments("'a\tb", "failed to process \"'a\\tb\": "
                        + "unexpected end of statement while looking for matching single-quote"),
                arguments("'\u00a0\u0007é", "failed to process \"'\\u00a0\\aé\": "
                        + "unexpected end of statement while looking for matching single-quote"),
                arguments("'\u0001\uDB40\uDC01", "failed to process \"'\\x01\\U000e0001\": "
                        + "unexpected end of statement while looking for matching single-quote"));
    }

    // ---- word splitting ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void wordSplitting(String word, List<String> expected) throws ExpansionException {
        assertEquals(expected, words(word, STANDARD));
    }

    static Stream<Arguments> wordSplitting() {
        return Stream.of(
                arguments("a b  c", List.of("a", "b", "c")),
                arguments("  lead trail  ", List.of("lead", "trail")),
                arguments("a\tb\nc", List.of("a", "b", "c")),
                arguments("\"a b\" c", List.of("a b", "c")),
                arguments("'a  b'", List.of("a  b")),
                arguments("a\\ b", List.of("a b")),
                arguments("$sp", List.of("x", "y")),
                arguments("$ws", List.of("a", "b", "c")),
                arguments("\"$sp\"", List.of("x  y")),
                arguments("pre$sp", List.of("prex", "y")),
                arguments("$sp-post", List.of("x", "y-post")),
                arguments("''", List.of()),
                arguments("\"\"", List.of()),
                arguments("''$e", List.of()),
                arguments("'' x", List.of("x")),
                arguments("x\"\"", List.of("x")),
                arguments("a'' b", List.of("a", "b")),
                arguments("$e", List.of()),
                arguments("a$e b", List.of("a", "b")),
                // BuildKit shares one buffer across nested ${...} and loses the "a"; we keep it
                arguments("a${missing:-b}c", List.of("abc")),
                arguments("a ${missing:-b c} d", List.of("a", "b", "c", "d")),
                // quotes inside a modifier word do not protect the expanded value from splitting
                arguments("${missing:-'b c'}", List.of("b", "c")),
                // values are not lexed again: a << from a variable is split like any text
                arguments("$h", List.of("<<", "EOF")),
                // Go's unicode.IsSpace: NBSP and ideographic space split, zero-width space does not
                arguments("a\u00a0b", List.of("a", "b")),
                arguments("a\u3000b", List.of("a", "b")),
                arguments("a\u200bb", List.of("a\u200bb")));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void heredocOperatorKeepsFollowingBlanks(String word, List<String> expected) throws ExpansionException {
        assertEquals(expected, words(word, STANDARD));
    }

    static Stream<Arguments> heredocOperatorKeepsFollowingBlanks() {
        return Stream.of(
                arguments("<<EOF", List.of("<<EOF")),
                arguments("<<  EOF", List.of("<<  EOF")),
                arguments("<<\tEOF", List.of("<<\tEOF")),
                arguments("<<\rEOF", List.of("<<\rEOF")),
                arguments("3<< EOF", List.of("3<< EOF")),
                arguments("cat <<EOF >out", List.of("cat", "<<EOF", ">out")),
                arguments("<< EOF x", List.of("<< EOF", "x")),
                arguments("a <<", List.of("a", "<<")),
                arguments("a << ", List.of("a", "<< ")),
                // only blanks right after << are kept: not after <<-
                arguments("<<-  EOF", List.of("<<-", "EOF")),
                arguments("< EOF", List.of("<", "EOF")),
                arguments("<<< x", List.of("<<<", "x")),
                // a vertical tab splits words but is not kept after <<
                arguments("<<\u000bEOF", List.of("<<", "EOF")),
                arguments("'<<' EOF", List.of("<<", "EOF")),
                arguments("\\<< EOF", List.of("<<", "EOF")));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void wordSpans(String word, List<Word> expected) throws ExpansionException {
        assertEquals(expected, Expander.process(word, VARS, STANDARD).words());
    }

    static Stream<Arguments> wordSpans() {
        return Stream.of(
                arguments("ab cd", List.of(new Word("ab", 0, 2), new Word("cd", 3, 5))),
                arguments("  x  ", List.of(new Word("x", 2, 3))),
                arguments("\"a b\"c", List.of(new Word("a bc", 0, 6))),
                arguments("x\\ y", List.of(new Word("x y", 0, 4))),
                arguments("''a", List.of(new Word("a", 0, 3))),
                arguments("'' a", List.of(new Word("a", 3, 4))),
                arguments("<<  EOF", List.of(new Word("<<  EOF", 0, 7))),
                arguments("${a}!", List.of(new Word("apple!", 0, 5))),
                // every word that comes out of one expansion spans all of it
                arguments("$sp", List.of(new Word("x", 0, 3), new Word("y", 0, 3))),
                arguments("a$sp", List.of(new Word("ax", 0, 4), new Word("y", 1, 4))),
                // an expansion that adds nothing to a word is not part of its span
                arguments("a$e b", List.of(new Word("a", 0, 1), new Word("b", 4, 5))),
                arguments("ab$e", List.of(new Word("ab", 0, 2))),
                // indices count UTF-16 units, as Java strings do
                arguments("👽 b", List.of(new Word("👽", 0, 2), new Word("b", 3, 4))),
                // a dropped leading byte order mark still counts in the indices
                arguments("\uFEFFab", List.of(new Word("ab", 1, 3))));
    }

    // ---- matched and unmatched names -------------------------------------------------------

    @ParameterizedTest(name = "{0} uses {1}, misses {2}")
    @MethodSource
    void reportsMatchedAndUnmatchedNames(String word, Set<String> matched, Set<String> unmatched)
            throws ExpansionException {
        Result r = Expander.process(word, VARS, STANDARD);
        assertEquals(matched, r.matched(), "matched");
        assertEquals(unmatched, r.unmatched(), "unmatched");
    }

    static Stream<Arguments> reportsMatchedAndUnmatchedNames() {
        return Stream.of(
                arguments("hello", Set.of(), Set.of()),
                arguments("$a $missing", Set.of("a"), Set.of("missing")),
                arguments("$a$a", Set.of("a"), Set.of()),
                // a set but empty variable is matched
                arguments("${e}", Set.of("e"), Set.of()),
                // the modifier word is expanded even when its value is not used
                arguments("${a:-$missing}", Set.of("a"), Set.of("missing")),
                arguments("${missing:-$a}", Set.of("a"), Set.of("missing")),
                arguments("${a/$missing/x}", Set.of("a"), Set.of("missing")),
                arguments("${file%$ext}", Set.of("file", "ext"), Set.of()),
                arguments("'$a'", Set.of(), Set.of()),
                arguments("\\$a", Set.of(), Set.of()),
                arguments("$1 $2", Set.of("1"), Set.of("2")),
                arguments("$@", Set.of(), Set.of("@")),
                arguments("\"$名前\"", Set.of("名前"), Set.of()),
                arguments("${A}", Set.of(), Set.of("A")));
    }

    // ---- modes -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void skipUnsetEnvLeavesUnsetReferencesVerbatim(String word, String expected) throws ExpansionException {
        assertEquals(expected, expand(word, SKIP_UNSET));
    }

    static Stream<Arguments> skipUnsetEnvLeavesUnsetReferencesVerbatim() {
        return Stream.of(
                arguments("$missing", "$missing"),
                arguments("${missing}", "${missing}"),
                arguments("${missing:-y}", "${missing:-y}"),
                arguments("${missing-y}", "${missing-y}"),
                arguments("${missing:+y}", "${missing:+y}"),
                arguments("${missing+y}", "${missing+y}"),
                arguments("${missing?y}", "${missing?y}"),
                arguments("${missing:?}", "${missing:?}"),
                arguments("${missing#x}", "${missing#x}"),
                arguments("${missing%%x*}", "${missing%%x*}"),
                arguments("${missing#\\*}", "${missing#\\*}"),
                arguments("${missing/a/b}", "${missing/a/b}"),
                // BuildKit rebuilds a replace-all with a single slash
                arguments("${missing//a/b}", "${missing/a/b}"),
                // an unknown modifier after ':' is only refused once the variable is known to be set
                arguments("${missing:=b}", "${missing:=b}"),
                arguments("${missing:}x}", "${missing:}x}"),
                arguments("${missing:-$a}", "${missing:-apple}"),
                arguments("${missing:-$other}", "${missing:-$other}"),
                // the word is rebuilt from its expansion, so quotes are gone
                arguments("${missing:-'a b'}", "${missing:-a b}"),
                arguments("$a $missing", "apple $missing"),
                arguments("${e:-y}", "y"),
                arguments("$1", "one"),
                arguments("$2", "$2"),
                arguments("\"$missing\"", "$missing"));
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @MethodSource
    void skipUnsetEnvStillRefuses(String word, String message) {
        ExpansionException e = assertThrows(ExpansionException.class, () -> expand(word, SKIP_UNSET));
        assertTrue(e.getMessage().endsWith("\": " + message), e.getMessage());
    }

    static Stream<Arguments> skipUnsetEnvStillRefuses() {
        return Stream.of(
                arguments("${a:=b}", "unsupported modifier (:=) in substitution"),
                arguments("${missing=b}", "unsupported modifier (=) in substitution"),
                arguments("${missing:#b}", "unsupported modifier (:#) in substitution"),
                arguments("${}", "syntax error: bad substitution"));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void rawQuotesKeepQuotes(String word, String expected) throws ExpansionException {
        assertEquals(expected, expand(word, RAW_QUOTES));
    }

    static Stream<Arguments> rawQuotesKeepQuotes() {
        return Stream.of(
                arguments("'a b'", "'a b'"),
                arguments("\"$a\"", "\"apple\""),
                arguments("x'y'\"z\"", "x'y'\"z\""),
                arguments("${missing:-'q'}", "'q'"),
                // escapes are still resolved
                arguments("\"a\\\"b\"", "\"a\"b\""),
                arguments("\\'", "'"));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void rawEscapesKeepEscapes(String word, String expected) throws ExpansionException {
        assertEquals(expected, expand(word, RAW_ESCAPES));
    }

    static Stream<Arguments> rawEscapesKeepEscapes() {
        return Stream.of(
                arguments("\\$a", "\\$a"),
                arguments("a\\ b", "a\\ b"),
                arguments("\\\\", "\\\\"),
                arguments("a\\", "a\\"),
                arguments("\"a\\\"b\"", "a\\\"b"),
                // BuildKit writes a kept escape before an ordinary character twice inside double quotes
                arguments("\"a\\b\"", "a\\\\b"),
                // the word of - and + never keeps escapes, whatever the mode
                arguments("${missing:-a\\b}", "ab"),
                arguments("'\\'", "\\"));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void heredocBodiesLeaveQuotesToTheShell(String word, String expected) throws ExpansionException {
        assertEquals(expected, expand(word, Options.heredocBody()));
    }

    static Stream<Arguments> heredocBodiesLeaveQuotesToTheShell() {
        return Stream.of(
                arguments("'$a'", "'apple'"),
                arguments("\"$a\"", "\"apple\""),
                arguments("it's $a", "it's apple"),
                arguments("'unterminated", "'unterminated"),
                arguments("\"${missing:-'x'}\"", "\"'x'\""),
                arguments("\\$a", "$a"));
    }

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void wordsInOtherModes(String word, Options options, List<String> expected) throws ExpansionException {
        assertEquals(expected, words(word, options));
    }

    static Stream<Arguments> wordsInOtherModes() {
        return Stream.of(
                arguments("'a b' c", RAW_QUOTES, List.of("'a b'", "c")),
                arguments("a\\ b c", RAW_ESCAPES, List.of("a\\ b", "c")),
                arguments("'a b'", Options.heredocBody(), List.of("'a", "b'")),
                arguments("RUN <<'EOF' cat", Options.raw(), List.of("RUN", "<<'EOF'", "cat")),
                arguments("<<  \"EOF\"", Options.raw(), List.of("<<  \"EOF\"")),
                arguments("<<$missing \\$y", Options.raw(), List.of("<<$missing", "\\$y")),
                arguments("<<${missing:-a b}", Options.raw(), List.of("<<${missing:-a", "b}")));
    }

    // ---- Go's text/scanner ignores a byte order mark at the start of what it reads ------------

    @ParameterizedTest(name = "{0} => {1}")
    @MethodSource
    void leadingByteOrderMarkIsIgnored(String word, String expected) throws ExpansionException {
        assertEquals(expected, expand(word, STANDARD));
    }

    static Stream<Arguments> leadingByteOrderMarkIsIgnored() {
        return Stream.of(
                arguments("\uFEFF$a", "apple"),
                arguments("x\uFEFF", "x\uFEFF"),
                arguments("\uFEFF\uFEFF", "\uFEFF"),
                // the pattern is scanned again on its own, so its leading mark is dropped too
                arguments("${bom#$bomPat}", "\uFEFFab"),
                // a mark inside a value is an ordinary character
                arguments("${bom#?a}", "b"));
    }
}
