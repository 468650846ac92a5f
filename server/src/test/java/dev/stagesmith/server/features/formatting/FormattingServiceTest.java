package dev.stagesmith.server.features.formatting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.dump.BuildKitDump;
import dev.stagesmith.server.SharedData;
import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.features.TextEdits;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import dev.stagesmith.server.lsp.LspSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class FormattingServiceTest {

    // ---- keyword casing ----

    @Test
    void keywordsTakeTheMajorityCasing() {
        assertFormats("FROM alpine\nrun true\nCOPY a b\n", "FROM alpine\nRUN true\nCOPY a b\n");
        assertFormats("from alpine\nrun true\nCOPY a b\n", "from alpine\nrun true\ncopy a b\n");
    }

    @Test
    void aTieIsUpperCaseAndMixedCaseDoesNotVote() {
        assertFormats("from alpine\nRUN true\n", "FROM alpine\nRUN true\n");
        assertFormats("From alpine\nRun true\nrun x\n", "from alpine\nrun true\nrun x\n");
    }

    @Test
    void keywordsInsideOnbuildAreCasedToo() {
        assertFormats("FROM alpine\nRUN x\nonbuild run true\n", "FROM alpine\nRUN x\nONBUILD RUN true\n");
        assertFormats("from alpine\nrun x\nONBUILD Run true\n", "from alpine\nrun x\nonbuild run true\n");
    }

    @Test
    void argumentsKeepTheirCase() {
        assertFormats("FROM alpine as build\nhealthcheck cmd true\nrun echo RUN\n",
                "from alpine as build\nhealthcheck cmd true\nrun echo RUN\n");
        assertFormats("FROM alpine\nCOPY --from=Build a b\n", "FROM alpine\nCOPY --from=Build a b\n");
    }

    @Test
    void unknownInstructionsAreLeftAlone() {
        assertFormats("FROM alpine\nfrob x\n", "FROM alpine\nfrob x\n");
    }

    // ---- spacing ----

    @Test
    void oneSpaceAfterTheKeyword() {
        assertFormats("FROM   alpine\nRUN\techo  hi\n", "FROM alpine\nRUN echo  hi\n");
        assertFormats("FROM alpine\nONBUILD   RUN    echo\n", "FROM alpine\nONBUILD RUN echo\n");
    }

    @Test
    void aKeywordAloneOnItsLineKeepsItsContinuation() {
        assertFormats("FROM alpine\nRUN   \\\n    echo hi\n", "FROM alpine\nRUN \\\n    echo hi\n");
        assertFormats("FROM alpine\nRUN\\\n    echo hi\n", "FROM alpine\nRUN\\\n    echo hi\n");
        assertFormats("FROM alpine\nRUN\t\t\\  \n    echo hi\n", "FROM alpine\nRUN \\\n    echo hi\n");
    }

    @Test
    void trailingWhitespaceGoesEverywhereButHeredocBodies() {
        assertFormats("# syntax=docker/dockerfile:1  \nFROM alpine  \n  \n# note \t\nRUN <<EOF  \necho hi   \nEOF\n",
                "# syntax=docker/dockerfile:1\nFROM alpine\n\n# note\nRUN <<EOF\necho hi   \nEOF\n");
    }

    @Test
    void whitespaceAfterTheContinuationCharacterGoes() {
        assertFormats("FROM alpine\nRUN echo hi \\   \n    there\n", "FROM alpine\nRUN echo hi \\\n    there\n");
    }

    @Test
    void trailingWhitespaceIsKeptWhenTheClientSaysSo() {
        FormattingOptions keep = options(4, true);
        keep.putBoolean("trimTrailingWhitespace", false);
        assertFormats("FROM alpine  \nrun x\n", "FROM alpine  \nRUN x\n", keep);
    }

    // ---- continuation lines ----

    @Test
    void continuationLinesAreIndentedOneLevel() {
        assertFormats("FROM alpine\nENV A=1 \\\n  B=2 \\\n          C=3\n", "FROM alpine\nENV A=1 \\\n    B=2 \\\n    C=3\n");
        assertFormats("FROM alpine\nCOPY a \\\nb \\\n  /dest/\n", "FROM alpine\nCOPY a \\\n    b \\\n    /dest/\n");
    }

    @Test
    void indentationIsRelativeToTheInstruction() {
        assertFormats("FROM alpine\n  ENV A=1 \\\n B=2\n", "FROM alpine\n  ENV A=1 \\\n      B=2\n");
    }

    @Test
    void theRequestChoosesTheIndentation() {
        assertFormats("FROM alpine\nENV A=1 \\\n B=2\n", "FROM alpine\nENV A=1 \\\n  B=2\n", options(2, true));
        assertFormats("FROM alpine\nENV A=1 \\\n B=2\n", "FROM alpine\nENV A=1 \\\n\tB=2\n", options(4, false));
    }

    @Test
    void jsonArraysAcrossLinesAreIndented() {
        assertFormats("FROM alpine\nCMD [\"a\", \\\n\"b\"]\n", "FROM alpine\nCMD [\"a\", \\\n    \"b\"]\n");
    }

    @Test
    void shellCommandsKeepTheirWhitespaceBecauseItIsPartOfTheCommand() {
        // BuildKit joins continuation lines verbatim: "echo hello\" + "ning" is "echo helloning", and
        // the indentation of a continued shell line is inside the string the shell receives.
        assertFormats("FROM alpine\nRUN echo hello\\\nning\n", "FROM alpine\nRUN echo hello\\\nning\n");
        assertFormats("FROM alpine\nRUN apt-get update \\\n  && apt-get install -y curl\n",
                "FROM alpine\nRUN apt-get update \\\n  && apt-get install -y curl\n");
        assertFormats("FROM alpine\nCMD echo \"a \\\n  b\"\n", "FROM alpine\nCMD echo \"a \\\n  b\"\n");
    }

    @Test
    void linesBeforeAShellCommandAreIndented() {
        assertFormats("FROM alpine\nRUN --mount=type=cache,target=/root/.cache \\\n  pip install x\n",
                "FROM alpine\nRUN --mount=type=cache,target=/root/.cache \\\n    pip install x\n");
        // The command's first line stays with the lines that continue it.
        assertFormats("FROM alpine\nRUN --mount=a \\\n  --mount=b \\\n  pip install x \\\n  y\n",
                "FROM alpine\nRUN --mount=a \\\n    --mount=b \\\n  pip install x \\\n  y\n");
    }

    @Test
    void quotedValuesAcrossLinesKeepTheirWhitespace() {
        assertFormats("FROM alpine\nENV A=\"x \\\n  y\" \\\n  B=2\n", "FROM alpine\nENV A=\"x \\\n  y\" \\\n    B=2\n");
        assertFormats("FROM alpine\nLABEL a=b\\\nc\n", "FROM alpine\nLABEL a=b\\\nc\n");
    }

    @Test
    void manyLinesThatCannotAllMoveAreLeftAsTheyAre() {
        // Past 64 lines, a continuation that cannot be re-indented as a whole is not tried line by line.
        String env = "FROM alpine\nENV A=\"x \\\n  y\" \\\n" + "  K=1 \\\n".repeat(70) + "  Z=1\n";
        assertFormats(env, env);
    }

    @Test
    void commentLinesInsideAContinuationAreAligned() {
        assertFormats("FROM alpine\nENV A=1 \\\n# about B\n  B=2\n", "FROM alpine\nENV A=1 \\\n    # about B\n    B=2\n");
        assertFormats("FROM alpine\nRUN apt-get update \\\n      # then install\n  && apt-get install x\n",
                "FROM alpine\nRUN apt-get update \\\n  # then install\n  && apt-get install x\n");
        assertFormats("FROM alpine\nENV A=1 \\\n  B=2 \\\n # last\n", "FROM alpine\nENV A=1 \\\n    B=2 \\\n    # last\n");
    }

    @Test
    void blankLinesInsideAContinuationStayBlank() {
        assertFormats("FROM alpine\nENV A=1 \\\n   \n  B=2\n", "FROM alpine\nENV A=1 \\\n\n    B=2\n");
    }

    @Test
    void heredocBodiesAreNeverTouched() {
        String heredocs = "FROM alpine\nrun <<EOF\n  run  x  \n\tEOF\n  EOF\nEOF\nCOPY <<-A <<B /x\n\t  a\n\tA\n b \nB\n";
        assertFormats(heredocs, heredocs.replace("run <<EOF", "RUN <<EOF"));
    }

    @Test
    void onbuildHeredocBodiesAreNeverTouchedEither() {
        String onbuild = "FROM alpine\nRUN x\nonbuild run <<EOF\n  run  x  \nEOF\n";
        assertFormats(onbuild, onbuild.replace("onbuild run", "ONBUILD RUN"));
    }

    @Test
    void theEscapeDirectiveIsHonoured() {
        assertFormats("# escape=`\nFROM alpine\nENV A=1 `\n B=2\nRUN dir c:\\   \n",
                "# escape=`\nFROM alpine\nENV A=1 `\n    B=2\nRUN dir c:\\\n");
    }

    // ---- the end of the file ----

    @Test
    void aFinalNewlineIsAdded() {
        assertFormats("FROM alpine", "FROM alpine\n");
        assertFormats("FROM alpine\r\nRUN x", "FROM alpine\r\nRUN x\r\n");
        assertFormats("FROM alpine\n   ", "FROM alpine\n");
    }

    @Test
    void theFinalNewlineFollowsTheOptions() {
        FormattingOptions no = options(4, true);
        no.putBoolean("insertFinalNewline", false);
        assertFormats("FROM alpine", "FROM alpine", no);
    }

    @Test
    void trailingBlankLinesAreTrimmedOnlyWhenAsked() {
        assertFormats("FROM alpine\n\n\n", "FROM alpine\n\n\n");
        FormattingOptions trim = options(4, true);
        trim.putBoolean("trimFinalNewlines", true);
        assertFormats("FROM alpine\n\n  \n\n", "FROM alpine\n", trim);
        assertFormats("FROM alpine\r\n\r\n", "FROM alpine\r\n", trim);
        assertFormats("FROM alpine\nRUN <<EOF\n\nEOF\n\n", "FROM alpine\nRUN <<EOF\n\nEOF\n", trim);
    }

    @Test
    void badInputIsFormattedWithoutFailing() {
        assertFormats("", "");
        assertFormats("\n\n", "\n\n");
        assertFormats(" \t\n  ", "\n");
        assertFormats("RUN <<EOF\nnever ends", "RUN <<EOF\nnever ends\n");
        assertFormats("FROM alpine\nRUN echo \\", "FROM alpine\nRUN echo \\\n");
        assertFormats("\u0000\u0001 junk\uFFFF \n", "\u0000\u0001 junk\uFFFF\n");
        assertFormats("\uFEFFfrom alpine\nRUN x", "\uFEFFFROM alpine\nRUN x\n");
    }

    // ---- range formatting ----

    @Test
    void rangeFormattingTouchesOnlyTheInstructionsInTheRange() {
        assertFormatsRange("FROM   alpine  \nRUN   a  \n<|>run   b  \nrun <|>  c  \nRUN   d  ",
                "FROM   alpine  \nRUN   a  \nRUN b\nRUN c\nRUN   d  ");
        assertFormatsRange("FROM alpine\nRUN x\nrun  a<|>  \nrun  b\n", "FROM alpine\nRUN x\nRUN a\nrun  b\n");
        assertFormatsRange("FROM alpine\n\n<|>\nrun  b\n", "FROM alpine\n\n\nrun  b\n");
    }

    // ---- invariants ----

    @Test
    void formattingTwiceChangesNothingMore() {
        String messy = "from  alpine \nENV A=1 \\\n  # c\n B=2   \nrun echo \\\n x\n";
        String once = format(messy, options(4, true));
        assertEquals(once, format(once, options(4, true)));
    }

    @TestFactory
    Stream<DynamicTest> corpusAndConformanceFilesKeepTheirMeaningAndAreStable() throws IOException {
        List<Path> files = new ArrayList<>(SharedData.corpusFiles());
        try (Stream<Path> s = Files.list(SharedData.root().resolve("conformance/buildkit-parser/testfiles"))) {
            s.map(d -> d.resolve("Dockerfile")).filter(Files::isRegularFile).sorted(Comparator.naturalOrder())
                    .forEach(files::add);
        }
        assertTrue(files.size() > 100, "the corpus and the conformance files are there");
        return files.stream().flatMap(f -> Stream.of(options(4, true), options(2, false)).map(o ->
                DynamicTest.dynamicTest(f.getParent().getFileName() + "/" + f.getFileName() + " " + o.getTabSize(),
                        () -> assertKeepsMeaningAndIsStable(Files.readString(f, StandardCharsets.UTF_8), o))));
    }

    private static void assertKeepsMeaningAndIsStable(String text, FormattingOptions options) {
        String once = format(text, options);
        assertEquals(BuildKitDump.dump(Dockerfiles.parse(text)), BuildKitDump.dump(Dockerfiles.parse(once)),
                "formatting changed what BuildKit reads");
        assertEquals(once, format(once, options), "formatting a second time changed the file");
    }

    // ---- through the protocol ----

    @Test
    void formattingTravelsThroughTheProtocol() throws Exception {
        String uri = "file:///project/Dockerfile";
        String text = "from alpine\nRUN  x  \nrun y\nenv A=1 \\\n B=2";
        try (LspSession s = new LspSession().initialize()) {
            assertTrue(s.initialized.getCapabilities().getDocumentFormattingProvider().getLeft());
            assertTrue(s.initialized.getCapabilities().getDocumentRangeFormattingProvider().getLeft());
            s.open(uri, text);
            TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
            List<? extends TextEdit> all = s.server().getTextDocumentService()
                    .formatting(new DocumentFormattingParams(doc, options(2, true))).get(10, TimeUnit.SECONDS);
            assertEquals("from alpine\nrun x\nrun y\nenv A=1 \\\n  B=2\n", TextEdits.apply(Fixture.document(text), all));
            Range second = new Range(new org.eclipse.lsp4j.Position(1, 0), new org.eclipse.lsp4j.Position(1, 2));
            List<? extends TextEdit> some = s.server().getTextDocumentService()
                    .rangeFormatting(new DocumentRangeFormattingParams(doc, options(2, true), second)).get(10, TimeUnit.SECONDS);
            assertEquals("from alpine\nrun x\nrun y\nenv A=1 \\\n B=2", TextEdits.apply(Fixture.document(text), some));
        }
    }

    // ---- helpers ----

    private static void assertFormats(String before, String after) {
        assertFormats(before, after, options(4, true));
    }

    private static void assertFormats(String before, String after, FormattingOptions options) {
        assertEquals(after, format(before, options));
        assertEquals(after, format(after, options), "formatting is idempotent");
    }

    /** {@code marked} has the range between two {@code <|>} markers, or one marker for an empty range. */
    private static void assertFormatsRange(String marked, String after) {
        int a = marked.indexOf(Fixture.CURSOR);
        int second = marked.indexOf(Fixture.CURSOR, a + 1);
        int b = second < 0 ? a : second - Fixture.CURSOR.length();
        String text = marked.replace(Fixture.CURSOR, "");
        DocumentSnapshot doc = Fixture.document(text);
        Range range = new Range(Positions.position(doc.parsed(), a), Positions.position(doc.parsed(), b));
        List<TextEdit> edits = FormattingService.formatRange(doc,
                new DocumentRangeFormattingParams(new TextDocumentIdentifier(Fixture.URI), options(4, true), range));
        assertEquals(after, TextEdits.apply(doc, edits));
    }

    private static String format(String text, FormattingOptions options) {
        DocumentSnapshot doc = Fixture.document(text);
        return TextEdits.apply(doc, FormattingService.format(doc,
                new DocumentFormattingParams(new TextDocumentIdentifier(Fixture.URI), options)));
    }

    private static FormattingOptions options(int tabSize, boolean spaces) {
        return new FormattingOptions(tabSize, spaces);
    }
}
