package dev.stagesmith.grammar.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.grammar.expand.VariableReferences.Syntax;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariableReferencesTest {

    /** Each reference as name@[start,end). */
    private static List<String> refs(String text, Syntax syntax, char escape) {
        return VariableReferences.find(text, syntax, escape).stream()
                .map(r -> r.name() + "@" + text.substring(r.start(), r.end()) + (r.closed() ? "" : "…"))
                .toList();
    }

    private static List<String> word(String text) {
        return refs(text, Syntax.WORD, '\\');
    }

    @Test
    void findsBareAndBracedReferences() {
        assertEquals(List.of("APP@${APP}", "V@$V"), word("/opt/${APP}/bin-$V"));
        assertEquals(List.of("A@${A:-$B}", "B@$B"), word("${A:-$B}"));
        assertEquals(List.of("A@${A:?msg}"), word("${A:?msg}"));
        assertEquals(List.of("A@${A/x/y}"), word("${A/x/y}"));
        assertEquals(List.of("A@${A:-x…"), word("${A:-x"));
        assertEquals(List.of("1@$1", "@@$@"), word("$1$@"));
    }

    @Test
    void escapesAndSingleQuotesHideDollars() {
        assertEquals(List.of("B@$B"), word("\\$A '$C' \"$B\" \"\\$D\""));
        assertEquals(List.of("A@$A"), refs("`$B $A", Syntax.WORD, '`'));
        assertEquals(List.of(), word("$ ${} ${:x} $."));
    }

    @Test
    void heredocBodiesKeepQuotesLiteral() {
        assertEquals(List.of("A@$A", "B@$B"), refs("'$A' \\$C $B", Syntax.HEREDOC, '`'));
    }

    @Test
    void shellTextKnowsCommentsSubstitutionsAndLengths() {
        assertEquals(List.of("A@$A", "B@${#B}", "C@$C"), refs("echo $A ${#B} $(cat $C) # $D\n", Syntax.SHELL, '`'));
        assertEquals(List.of("E@$E"), refs("echo $'$D' \"\\$F\" $E", Syntax.SHELL, '\\'));
    }
}
