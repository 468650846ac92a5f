package dev.stagesmith.grammar.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Variables are expanded exactly where BuildKit expands them, and left alone everywhere else. */
class ExpansionsTest {

    /** The words of the instruction on the Dockerfile's last line that BuildKit expands, joined by {@code |}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '^', textBlock = """
            ENV A=$X B=${Y}                                  ; A|$X|B|${Y}
            LABEL org.opencontainers.image.version=$V        ; org.opencontainers.image.version|$V
            COPY --from=$STAGE --chown=$U:$G --chmod=$M $SRC /dst/ ; $SRC|/dst/|$U:$G|$M
            ADD --checksum=$SUM https://example.test/$F /f   ; https://example.test/$F|/f|$SUM
            WORKDIR $HOME/app                                ; $HOME/app
            USER $UID                                        ; $UID
            VOLUME ["$DATA"]                                 ; $DATA
            STOPSIGNAL $SIG                                  ; $SIG
            EXPOSE $PORT 443/$PROTO                          ; $PORT|443/$PROTO
            ARG A=$X B                                       ; $X
            RUN --mount=type=cache,target=$CACHE echo $NOT   ; type=cache,target=$CACHE
            RUN echo $NOT_EXPANDED                           ; ^^
            CMD echo $NOT_EXPANDED                           ; ^^
            ENTRYPOINT ["$NOT_EXPANDED"]                     ; ^^
            SHELL ["/bin/$NOT_EXPANDED", "-c"]               ; ^^
            HEALTHCHECK CMD curl $NOT_EXPANDED               ; ^^
            ONBUILD COPY $LATER /x                           ; ^^
            MAINTAINER $NOT_EXPANDED                         ; ^^
            FROM --platform=$BUILDPLATFORM $IMAGE AS x       ; $IMAGE|$BUILDPLATFORM
            """)
    void onlyTheWordsBuildKitExpandsAreExpanded(String line, String expected) {
        ParsedDockerfile parsed = Dockerfiles.parse("FROM scratch\n" + line + "\n");
        Instruction last = parsed.instructions().get(parsed.instructions().size() - 1);
        String words = Expansions.expandedWords(last).stream().map(Word::value).collect(Collectors.joining("|"));
        assertEquals(expected == null ? "" : expected, words);
    }

    @Test
    void namesOfOneArgSeeTheOnesBeforeThem() {
        StageGraph g = StageGraph.of(Dockerfiles.parse("FROM alpine\nARG A=1 B=${A}2 C=${D}\n"));
        List<Expansions.Expanded> e = Expansions.expand(g, g.stage(0), 0);
        assertEquals(List.of("1", "12", ""), e.stream().map(Expansions.Expanded::value).toList());
        assertEquals(java.util.Set.of(), e.get(1).unresolved());
        assertEquals(java.util.Set.of("D"), e.get(2).unresolved());
    }

    @Test
    void failuresSayWhereInTheWord() {
        StageGraph g = StageGraph.of(Dockerfiles.parse("FROM alpine\nWORKDIR /a/${}\n"));
        Expansions.Expanded e = Expansions.expand(g, g.stage(0), 0).get(0);
        assertEquals(java.util.Optional.of(3), e.error().map(m -> e.errorIndex()));
    }

    @Test
    void heredocMarkersAreNotPaths() {
        ParsedDockerfile parsed = Dockerfiles.parse("FROM scratch\nCOPY <<EOF $DEST\nhello\nEOF\n");
        List<Word> words = Expansions.expandedWords(parsed.instructions().get(1));
        assertEquals(List.of("$DEST"), words.stream().map(Word::value).toList());
    }

    @Test
    void expansionUsesTheEnvironmentBeforeTheInstructionAndReportsUnsetNames() {
        StageGraph g = StageGraph.of(Dockerfiles.parse("""
                ARG IMAGE=alpine
                FROM $IMAGE
                ENV DIR=/srv
                WORKDIR $DIR/$SUB
                """));
        Stage s = g.stage(0);
        Expansions.Expanded from = Expansions.expand(g, s, -1).get(0);
        assertEquals("alpine", from.value());
        Expansions.Expanded workdir = Expansions.expand(g, s, 1).get(0);
        assertEquals("/srv/", workdir.value());
        assertEquals(java.util.Set.of("SUB"), workdir.unresolved());
    }
}
