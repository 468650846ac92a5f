package dev.stagesmith.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.server.SharedData;
import dev.stagesmith.server.features.definition.DefinitionService;
import dev.stagesmith.server.features.highlight.HighlightService;
import dev.stagesmith.server.features.hover.HoverService;
import dev.stagesmith.server.features.references.ReferencesService;
import dev.stagesmith.server.features.rename.RenameRefusedException;
import dev.stagesmith.server.features.rename.RenameService;
import dev.stagesmith.server.features.symbols.Occurrences;
import dev.stagesmith.server.features.symbols.Symbol;
import dev.stagesmith.server.features.symbols.SymbolAt;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import dev.stagesmith.server.workspace.TextChanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/**
 * Every navigation feature at every offset of odd Dockerfiles, and at the word boundaries (and every few
 * offsets) of the real corpus: nothing throws (but a refused rename), hovers cover the cursor, and a rename
 * keeps the symbol's mentions together.
 */
class NavigationRobustnessTest {

    private static final List<String> ODD = List.of(
            "",
            "\n\n\n",
            "FROM",
            "FROM alpine AS",
            "FROM alpine AS build\nCOPY --from=",
            "FROM alpine\nRUN echo ${",
            "FROM alpine\nRUN echo ${A:-${B",
            "FROM alpine\nRUN <<EOF\necho $X",
            "FROM alpine\nENV A=\"unterminated $A",
            "FROM alpine\nRUN --mount=type=cache,from=\"quoted\",target=/x make",
            "ARG A=${\nFROM ${A}",
            "FROM alpine\\\n AS \\\n b\nCOPY --from=\\\nb /a /b",
            "# escape=`\nFROM alpine\nENV A=1\nRUN echo `$A $A",
            "\u0000\u0001\u0002FROM \uD800 AS \uDFFF\r\r\nCOPY --from=\uFFFF /a /b",
            "FROM alpine AS a\nFROM a AS b\nFROM b AS a\nCOPY --from=a /x /y\nONBUILD COPY --from=b /x /y\nFROM a");

    /** Each checked rename parses the file again; a few per file find what every one would, much faster. */
    private static final int RENAMES_PER_FILE = 12;

    @Test
    void oddInputs() {
        for (String text : ODD) {
            everyOffset(text, 1);
        }
        Random random = new Random(42);
        for (int n = 0; n < 40; n++) {
            StringBuilder b = new StringBuilder();
            String alphabet = "FROM AS COPY --from= ARG ENV RUN $ { } : - = \" ' \\ \n\t<<EOF a b 0 ,";
            for (int k = 0; k < 60; k++) {
                b.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            everyOffset(b.toString(), 1);
        }
    }

    @Test
    void realDockerfiles() throws IOException {
        for (Path p : SharedData.corpusFiles()) {
            everyOffset(Files.readString(p), 4);
        }
    }

    /** Every {@code stride}-th offset, and every offset where a word, name or value starts or ends. */
    private static void everyOffset(String text, int stride) {
        DocumentSnapshot doc = Fixture.document(text);
        Set<TextRange> done = new HashSet<>();
        int[] renames = {0};
        for (int offset = 0; offset <= text.length(); offset++) {
            if (offset % stride != 0 && !boundary(text, offset)) {
                continue;
            }
            Optional<Symbol> symbol = SymbolAt.find(doc, offset);
            if (symbol.isEmpty() || !done.add(symbol.get().range())) {
                continue;
            }
            assertTrue(symbol.get().hitRange().touches(offset), text);
            Position at = Positions.position(doc.parsed(), offset);
            var hover = HoverService.hover(doc, at, new ClientCapabilities());
            if (hover != null) {
                TextRange r = Positions.textRange(doc.parsed(), hover.getRange());
                assertTrue(r.touches(offset), "hover range " + r + " misses " + offset + " in " + text);
            }
            DefinitionService.definition(doc, at);
            ReferencesService.references(doc, at, true);
            HighlightService.highlights(doc, at);
            if (renames[0] < RENAMES_PER_FILE && renameKeepsMentionsTogether(doc, symbol.get(), at)) {
                renames[0]++;
            }
        }
    }

    private static boolean boundary(String text, int offset) {
        return offset == 0 || offset == text.length()
                || Character.isLetterOrDigit(text.charAt(offset)) != Character.isLetterOrDigit(text.charAt(offset - 1));
    }

    /** After a rename, the renamed symbol has as many mentions as before; false when the rename was refused. */
    private static boolean renameKeepsMentionsTogether(DocumentSnapshot doc, Symbol symbol, Position at) {
        String newName = symbol.stageSymbol().isPresent() ? "renamed" : "RENAMED_VAR";
        TextDocumentEdit edit;
        try {
            RenameService.prepare(doc, at);
            edit = RenameService.rename(doc, at, newName);
        } catch (RenameRefusedException e) {
            return false;
        }
        int before = Occurrences.of(doc.graph(), symbol).size();
        List<TextEdit> edits = new ArrayList<>(edit.getEdits());
        edits.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                .thenComparing(e -> e.getRange().getStart().getCharacter()));
        String text = doc.text();
        for (int k = edits.size() - 1; k >= 0; k--) {
            var r = edits.get(k).getRange();
            text = TextChanges.apply(text, r.getStart().getLine(), r.getStart().getCharacter(), r.getEnd().getLine(),
                    r.getEnd().getCharacter(), edits.get(k).getNewText());
        }
        DocumentSnapshot after = Fixture.document(text);
        int first = Positions.offset(doc.parsed(), edits.get(0).getRange().getStart());
        Optional<Symbol> renamed = SymbolAt.find(after, first);
        assertTrue(renamed.isPresent(), "nothing at the first edit after renaming in:\n" + text);
        assertEquals(before, Occurrences.of(after.graph(), renamed.get()).size(),
                "mentions before and after renaming:\n" + doc.text() + "\n---\n" + text);
        return true;
    }
}
