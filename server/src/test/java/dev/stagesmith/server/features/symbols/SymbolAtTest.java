package dev.stagesmith.server.features.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagesmith.server.features.Fixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SymbolAtTest {

    /** What the resolver finds at the cursor, as {@code Kind text [scope]}, or "nothing". */
    private static void check(String marked, String expected) {
        Fixture f = Fixture.of(marked);
        Optional<Symbol> symbol = SymbolAt.find(f.snapshot(), f.offset());
        assertEquals(expected, symbol.map(s -> describe(f, s)).orElse("nothing"), marked);
    }

    private static String describe(Fixture f, Symbol s) {
        String text = s.range().of(f.text());
        if (s instanceof Symbol.StageReference r) {
            return "stage-reference " + text + " -> " + r.target().displayName();
        }
        if (s instanceof Symbol.ImageReference i) {
            return "image " + text + " = " + i.reference();
        }
        if (s instanceof Symbol.VariableReference v) {
            return "variable " + text + " " + scope(v.variable());
        }
        if (s instanceof Symbol.VariableDeclaration v) {
            return "declaration " + text + " " + scope(v.variable());
        }
        return (s instanceof Symbol.Keyword ? "keyword " : s instanceof Symbol.FlagName ? "flag "
                : "stage-declaration ") + text;
    }

    private static String scope(Variable v) {
        return v.isGlobal() ? "global" : "family-" + v.scope();
    }

    @Test
    void keywordsAndFlags() {
        check("FR<|>OM alpine", "keyword FROM");
        check("FROM<|> alpine", "keyword FROM");
        check("FROM alpine\nCOPY --<|>from=0 /a /b", "flag --from");
        check("FROM alpine\nCOPY --fr<|>om=0 /a /b", "flag --from");
        check("FROM alpine\nONBUILD CO<|>PY --from=x /a /b", "keyword COPY");
        check("FROM alpine\nONBU<|>ILD COPY /a /b", "keyword ONBUILD");
        check("FROM alpine\nRUN --mou<|>nt=type=cache,target=/c make", "flag --mount");
    }

    @Test
    void stageDeclarationsAndReferences() {
        check("FROM alpine AS bu<|>ild", "stage-declaration build");
        check("FROM alpine AS build<|>", "stage-declaration build");
        check("FROM alpine AS build\nFROM alpine\nCOPY --from=bu<|>ild /a /b", "stage-reference build -> build");
        check("FROM alpine AS build\nFROM alpine\nCOPY --from=BUI<|>LD /a /b", "stage-reference BUILD -> build");
        check("FROM alpine AS build\nFROM alpine\nCOPY --from=build<|> /a /b", "stage-reference build -> build");
        check("FROM alpine AS build\nFROM alpine\nCOPY --from=<|>0 /a /b", "stage-reference 0 -> build");
        check("FROM alpine AS build\nFROM bu<|>ild", "stage-reference build -> build");
        check("FROM alpine AS build\nFROM alpine\nRUN --mount=type=cache,from=bu<|>ild,target=/c make",
                "stage-reference build -> build");
        check("FROM alpine AS build\nFROM alpine\nRUN --mount=type=cache,fr<|>om=build,target=/c make", "nothing");
    }

    @Test
    void onbuildTriggersResolveOnlyWhereAStageInheritsThem() {
        check("FROM alpine AS tools\nFROM alpine AS base\nONBUILD COPY --from=to<|>ols /t /t\nFROM base",
                "stage-reference tools -> tools");
        check("FROM alpine AS tools\nFROM alpine AS base\nONBUILD COPY --from=to<|>ols /t /t", "nothing");
        check("FROM alpine\nONBUILD ENV A=$<|>B", "nothing");
    }

    @Test
    void fromIsCaseSensitiveWhileFromFlagsAreNot() {
        check("FROM alpine AS build\nFROM Bu<|>ild", "image Build = Build");
        check("FROM alpine AS Build\nFROM bu<|>ild", "stage-reference build -> build");
    }

    @Test
    void images() {
        check("FROM gol<|>ang:1.22", "image golang:1.22 = golang:1.22");
        check("ARG V=1.22\nFROM go<|>lang:${V}", "image golang:${V} = golang:1.22");
        check("FROM scra<|>tch", "image scratch = scratch");
        check("FROM alpine\nCOPY --from=ngi<|>nx:latest /a /b", "image nginx:latest = nginx:latest");
    }

    @Test
    void variablesInsideWords() {
        check("ARG V=1.22\nFROM golang:${<|>V}", "variable V global");
        check("ARG V=1.22\nFROM golang:$<|>V", "variable V global");
        check("FROM alpine\nENV A=1\nRUN echo $<|>A", "variable A family-0");
        check("FROM alpine\nENV A=1\nRUN echo '$<|>A'", "nothing");
        check("FROM alpine\nENV A=1\nRUN echo \\$<|>A", "nothing");
        check("FROM alpine\nENV A=1\nWORKDIR /x/${A:-$<|>B}/y", "variable B family-0");
        check("FROM alpine\nENV A=1\nWORKDIR /x/${A:-$B}<|>/y", "variable A family-0");
        check("FROM alpine\nENV A=1\nCMD echo $A<|>", "variable A family-0");
        check("FROM alpine\nARG A=1 B=$<|>A", "variable A family-0");
        check("FROM alpine\nRUN --mount=type=cache,target=/$<|>HOME/c make", "variable HOME family-0");
        check("FROM alpine\nCOPY --chown=$<|>U /a /b", "variable U family-0");
        check("FROM alpine\nRUN <<EOF\necho $<|>X\nEOF", "variable X family-0");
    }

    @Test
    void positionsInsideWordsThatRunOverContinuationLines() {
        check("FROM alpine\nENV A=1\nRUN echo one \\\n    two $<|>A \\\n  three", "variable A family-0");
        check("FROM alpine\nENV A=1\nWORKDIR /x\\\n/$<|>A", "variable A family-0");
        check("FROM alpine AS build\nFROM alpine\nCOPY --from=\\\nbu<|>ild /a /b", "stage-reference build -> build");
    }

    @Test
    void shellParametersAndQuotedFlagValuesAreNotNames() {
        check("FROM alpine\nRUN echo $<|>1 $@", "nothing");
        check("FROM alpine\nRUN echo $1 $<|>@", "nothing");
        check("FROM alpine\nCOPY --chown=\"$<|>U\" /a /b", "nothing");
        check("FROM alpine\nRUN <<-EOF\n\techo $<|>X\n\tEOF", "variable X family-0");
    }

    @Test
    void variableDeclarationsAndScopes() {
        check("ARG V<|>ERSION=1\nFROM alpine", "declaration VERSION global");
        check("ARG VERSION=1\nFROM alpine\nARG VER<|>SION", "declaration VERSION global");
        check("ARG VERSION=1\nFROM alpine\nARG VERSION\nRUN echo $VER<|>SION", "variable VERSION global");
        check("ARG VERSION=1\nFROM alpine\nRUN echo $VER<|>SION", "variable VERSION family-0");
        check("FROM alpine\nENV GO<|>OS=linux", "declaration GOOS family-0");
        check("FROM alpine AS a\nENV X=1\nFROM a\nRUN echo $<|>X", "variable X family-0");
        check("FROM alpine AS a\nFROM a\nENV X=1\nRUN echo $<|>X", "variable X family-1");
        check("FROM alpine\nARG TARGETARCH\nRUN echo $TARGET<|>ARCH", "variable TARGETARCH global");
    }

    @Test
    void nothingOutsideInstructionsOrInBadInput() {
        check("# comm<|>ent\nFROM alpine", "nothing");
        check("<|>", "nothing");
        check("FROM alpine\n\n<|>\nRUN x", "nothing");
        check("FROM alpine\nRUN echo ${<|>", "nothing");
        check("FROM alpine\nRUN echo ${A<|>", "variable A family-0");
        check("\u0000\u0001FR<|>OM \uFFFF", "keyword \u0000\u0001FROM");
    }
}
