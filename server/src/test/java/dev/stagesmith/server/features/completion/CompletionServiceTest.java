package dev.stagesmith.server.features.completion;

import static dev.stagesmith.server.features.completion.Completions.check;
import static dev.stagesmith.server.features.completion.Completions.checkEdit;
import static dev.stagesmith.server.features.completion.Completions.item;
import static dev.stagesmith.server.features.completion.Completions.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.server.features.Fixture;
import dev.stagesmith.server.settings.Settings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CompletionServiceTest {

    private static final String[] ALL_KEYWORDS = {"ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM",
        "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"};

    @Nested
    class Keywords {

        @Test
        void beforeTheFirstFromOnlyArgAndFrom() {
            check("<|>", "ARG", "FROM");
            check("ARG V=1\n<|>", "ARG", "FROM");
            check("# a comment\nF<|>", "ARG", "FROM");
        }

        @Test
        void everyInstructionInsideAStage() {
            check("FROM alpine\n<|>", ALL_KEYWORDS);
            check("FROM alpine\n  C<|>", ALL_KEYWORDS);
            check("FROM alpine\nRUN a\n\n<|>\nRUN b", ALL_KEYWORDS);
        }

        @Test
        void followTheFilesCasingMajority() {
            check("from alpine\nrun a\nFROM b\n<|>", "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from",
                    "healthcheck", "label", "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume",
                    "workdir");
            check("fr<|>", "arg", "from");
            check("FR<|>", "ARG", "FROM");
        }

        @Test
        void plainKeywordsWithoutSnippetSupportReplaceTheTypedWord() {
            checkEdit("FROM alpine\nCO<|>", "COPY", "FROM alpine\nCOPY <|>");
            CompletionItem copy = item("FROM alpine\nCO<|>", "COPY");
            assertEquals(InsertTextFormat.PlainText, copy.getInsertTextFormat());
            assertTrue(copy.getDetail().startsWith("COPY [--from="), copy.getDetail());
            assertTrue(copy.getDocumentation().getRight().getValue().contains("Copies files"));
        }

        @Test
        void snippetsWhenTheClientSupportsThem() {
            List<CompletionItem> items = items("FROM alpine\nCO<|>", true, Settings.defaults());
            CompletionItem copy = item(items, "COPY");
            assertEquals(InsertTextFormat.Snippet, copy.getInsertTextFormat());
            assertEquals("COPY ${1:src} ${2:dest}", copy.getTextEdit().getLeft().getNewText());
            assertEquals("COPY --from=${1:stage} ${2:src} ${3:dest}",
                    item(items, "COPY --from").getTextEdit().getLeft().getNewText());
            List<CompletionItem> lower = items("from alpine\n<|>", true, Settings.defaults());
            assertEquals("from ${1:image} as ${2:name}", item(lower, "from as").getTextEdit().getLeft().getNewText());
            assertEquals("healthcheck --interval=${1:30s} --timeout=${2:30s} cmd ${3:command}",
                    item(lower, "healthcheck").getTextEdit().getLeft().getNewText());
        }

        @Test
        void noSnippetsBeforeFromButThoseOfArgAndFrom() {
            List<String> labels = items("<|>", true, Settings.defaults()).stream().map(CompletionItem::getLabel).toList();
            assertEquals(List.of("ARG", "FROM", "FROM AS"), labels);
        }

        @Test
        void overAnExistingKeywordOnlyTheKeywordIsReplaced() {
            checkEdit("FROM alpine\nCO<|>PY a b", "COPY", "FROM alpine\nCOPY<|> a b");
            checkEdit("FROM alpine\nRUN<|> a", "WORKDIR", "FROM alpine\nWORKDIR<|> a");
            List<CompletionItem> items = items("FROM alpine\nCO<|>PY a b", true, Settings.defaults());
            assertEquals(InsertTextFormat.PlainText, item(items, "COPY").getInsertTextFormat());
        }

        @Test
        void theFirstFromKeywordCanOnlyBecomeArgOrFrom() {
            check("FR<|>OM alpine", "ARG", "FROM");
        }

        @Test
        void afterOnbuildNoOnbuildFromOrMaintainer() {
            check("FROM alpine\nONBUILD <|>", "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
                    "HEALTHCHECK", "LABEL", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");
            checkEdit("FROM alpine\nONBUILD CO<|>", "COPY", "FROM alpine\nONBUILD COPY <|>");
        }

        @Test
        void maintainerIsMarkedDeprecatedForClientsThatShowIt() {
            ClientCapabilities caps = Completions.client(false);
            caps.getTextDocument().getCompletion().getCompletionItem().setDeprecatedSupport(true);
            Fixture f = Fixture.of("FROM alpine\n<|>");
            CompletionItem m = Completions.item(Completions.at(f, f.position(), caps), "MAINTAINER");
            assertEquals(true, m.getDeprecated());
        }

        @Test
        void notInsideArgumentsOrComments() {
            check("FROM alpine\nRUN echo <|>");
            check("FROM alpine\nRUN echo \\\n  <|>");
            check("FROM alpine\n# see <|>");
            check("FROM alpine\nRUN a \\\n# CO<|>\n  b");
        }

        @Test
        void notBeforeOtherTextOnTheLine() {
            check("<|># syntax=docker/dockerfile:1\nFROM alpine");
            check("FROM alpine\n<|>  RUN a");
        }
    }

    @Nested
    class Directives {

        @Test
        void namesOnlyAtTheTop() {
            check("#<|>", "syntax", "escape", "check");
            check("# <|>\nFROM alpine", "syntax", "escape", "check");
            check("# syntax=docker/dockerfile:1\n# <|>", "escape", "check");
            check("# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=all\n# <|>");
        }

        @Test
        void notOnceSomethingElseCame() {
            check("FROM alpine\n# <|>");
            check("# a comment\n# <|>");
            check("\n# <|>");
        }

        @Test
        void insertsTheNameWithItsUsualValue() {
            checkEdit("# sy<|>", "syntax", "# syntax=docker/dockerfile:1<|>");
            checkEdit("#<|>", "check", "#check=<|>");
        }

        @Test
        void values() {
            check("# syntax=<|>", "docker/dockerfile:1", "docker/dockerfile:1-labs");
            check("# escape=<|>", "\\", "`");
            check("# check=<|>", "skip=", "error=", "experimental=");
            check("# check=error=true;<|>", "skip=", "experimental=");
            check("# check=skip=all;error=<|>", "true", "false");
        }

        @Test
        void checkSkipCompletesRuleCodes() {
            List<String> labels = items("# check=skip=<|>").stream().map(CompletionItem::getLabel).toList();
            assertEquals("all", labels.get(0));
            assertTrue(labels.contains("JSONArgsRecommended"), labels.toString());
            assertTrue(labels.contains("unknown-stage-reference"), labels.toString());
            List<String> more = items("# check=skip=JSONArgsRecommended,<|>").stream().map(CompletionItem::getLabel)
                    .toList();
            assertTrue(!more.contains("JSONArgsRecommended") && !more.contains("all"), more.toString());
            checkEdit("# check=skip=JSONArgsRecommended,Un<|>", "UndefinedVar",
                    "# check=skip=JSONArgsRecommended,UndefinedVar<|>");
            check("# check=experimental=<|>", "all", "InvalidDefinitionDescription");
        }
    }

    @Nested
    class Flags {

        @Test
        void theInstructionsFlagsAfterADash() {
            check("FROM alpine\nCOPY -<|>", "--from", "--chown", "--chmod", "--link", "--parents", "--exclude");
            check("FROM alpine\nCOPY --<|>", "--from", "--chown", "--chmod", "--link", "--parents", "--exclude");
            check("FROM --<|>", "--platform");
            check("FROM alpine\nRUN --<|>", "--mount", "--network", "--security", "--device");
            check("FROM alpine\nHEALTHCHECK --<|>", "--interval", "--timeout", "--start-period", "--start-interval",
                    "--retries");
        }

        @Test
        void notOnesAlreadyGivenUnlessTheyRepeat() {
            check("FROM alpine\nCOPY --from=a --link --exclude=x -<|>", "--chown", "--chmod", "--parents",
                    "--exclude");
            check("FROM alpine\nRUN --network=none --mount=type=cache,target=/x --<|>", "--mount", "--security",
                    "--device");
            check("FROM alpine\nCOPY --from=a --<|>ch", "--chown", "--chmod", "--link", "--parents", "--exclude");
        }

        @Test
        void theFlagBeingTypedIsNotCountedAsGiven() {
            check("FROM alpine\nCOPY --li<|>", "--from", "--chown", "--chmod", "--link", "--parents", "--exclude");
        }

        @Test
        void noFlagsOnceTheArgumentsStarted() {
            check("FROM alpine\nCOPY a -<|>");
            check("FROM alpine\nRUN apt-get install -<|>");
            check("FROM alpine\nCOPY -- -<|>");
            check("FROM alpine\nENV -<|>");
            check("FROM alpine\nUNKNOWN --<|>");
        }

        @Test
        void valueFlagsInsertTheirEqualsSign() {
            checkEdit("FROM alpine\nCOPY --fr<|>", "--from", "FROM alpine\nCOPY --from=<|>");
            checkEdit("FROM alpine\nCOPY -<|>", "--link", "FROM alpine\nCOPY --link<|>");
            assertEquals("Copies from a build stage (by name or index), a named context or an image instead of the"
                    + " context.", item("FROM alpine\nCOPY --<|>", "--from").getDetail());
        }

        @Test
        void flagsOnAContinuationLine() {
            check("FROM alpine\nRUN --mount=type=cache,target=/x \\\n    --ne<|>", "--mount", "--network",
                    "--security", "--device");
        }
    }

    @Nested
    class Stages {

        private static final String FILE = """
                FROM golang:1.22 AS build
                FROM build AS test
                FROM scratch
                FROM alpine
                COPY --from=<|>
                FROM alpine AS final
                """;

        @Test
        void copyFromOffersExactlyTheEarlierStagesByNameThenIndex() {
            check(FILE, "build", "test", "0", "1", "2");
        }

        @Test
        void neverTheCurrentOrALaterStage() {
            check("FROM alpine AS a\nFROM alpine AS b\nCOPY --from=<|>\nFROM alpine AS c", "a", "0");
            check("FROM alpine AS a\nCOPY --from=<|>");
            check("COPY --from=<|>\nFROM alpine AS a");
        }

        @Test
        void aNameWhoseLastStageIsThisOneOrLaterIsOnlyOfferedByIndex() {
            check("FROM alpine AS a\nFROM alpine AS a\nCOPY --from=<|>", "0");
            check("FROM alpine AS a\nFROM alpine AS b\nCOPY --from=<|>\nFROM alpine AS a", "0");
            check("FROM alpine AS a\nFROM alpine AS b\nFROM alpine\nCOPY --from=<|>\nFROM alpine AS a", "b", "0", "1");
            check("FROM alpine AS a\nFROM alpine AS a\nFROM alpine\nCOPY --from=<|>", "a", "0", "1");
        }

        @Test
        void detailIsTheBaseAndDocumentationTheLineAndSources() {
            CompletionItem build = item(FILE, "build");
            assertEquals("golang:1.22", build.getDetail());
            CompletionItem test = item(FILE, "test");
            assertEquals("stage build", test.getDetail());
            assertEquals("**Stage 1 `test`**, line 2\n\n`FROM build AS test`",
                    test.getDocumentation().getRight().getValue());
            assertEquals("scratch", item("FROM scratch AS s\nFROM alpine\nCOPY --from=<|>", "s").getDetail());
            String doc = item("""
                    FROM alpine AS a
                    FROM alpine AS b
                    COPY --from=a /x /x
                    RUN --mount=from=nginx:1,target=/n true
                    FROM alpine
                    COPY --from=<|>
                    """, "b").getDocumentation().getRight().getValue();
            assertTrue(doc.endsWith("Copies from `a` (line 1), image `nginx:1`."), doc);
        }

        @Test
        void documentationShowsTheStagesDescriptionComment() {
            String doc = item("# build compiles the server\nFROM golang AS build\nFROM alpine\nCOPY --from=<|>", "build")
                    .getDocumentation().getRight().getValue();
            assertTrue(doc.endsWith("`FROM golang AS build`\n\ncompiles the server"), doc);
            String none = item("# a note\nFROM golang AS build\nFROM alpine\nCOPY --from=<|>", "build")
                    .getDocumentation().getRight().getValue();
            assertTrue(none.endsWith("`FROM golang AS build`"), none);
        }

        @Test
        void theBaseShowsExpandedGlobalArgs() {
            assertEquals("golang:1.22", item("ARG GO=1.22\nFROM golang:${GO} AS b\nFROM alpine\nCOPY --from=<|>", "b")
                    .getDetail());
            assertEquals("golang:${NOPE}", item("FROM golang:${NOPE} AS b\nFROM alpine\nCOPY --from=<|>", "b")
                    .getDetail());
        }

        @Test
        void replacesThePartlyTypedName() {
            checkEdit("FROM alpine AS builder\nFROM alpine\nCOPY --from=bu<|> /a /b", "builder",
                    "FROM alpine AS builder\nFROM alpine\nCOPY --from=builder<|> /a /b");
        }

        @Test
        void fromOffersEarlierNamedStagesWithoutIndexes() {
            check("FROM alpine AS a\nFROM alpine\nFROM <|>", "a");
            check("FROM alpine AS a\nFROM --platform=$BUILDPLATFORM <|>", "a");
            check("FROM alpine AS a\nFROM alpine AS b\nFROM <|>\nFROM alpine AS c", "a", "b");
            check("FROM <|>");
            checkEdit("FROM alpine AS builder\nFROM bu<|>", "builder", "FROM alpine AS builder\nFROM builder<|>");
        }

        @Test
        void fromResolvesADuplicateNameToTheLastOneAbove() {
            check("FROM alpine AS a\nFROM node AS a\nFROM <|>\nFROM alpine AS a", "a");
            assertEquals("node", item("FROM alpine AS a\nFROM node AS a\nFROM <|>\nFROM alpine AS a", "a").getDetail());
        }

        @Test
        void afterTheBaseOnlyAs() {
            check("FROM alpine <|>", "AS");
            check("from alpine <|>", "as");
            check("FROM alpine a<|>", "AS");
            check("FROM alpine x<|>");
            check("FROM alpine AS <|>");
        }

        @Test
        void onbuildCopyFromOffersEarlierStages() {
            check("FROM alpine AS a\nFROM alpine\nONBUILD COPY --from=<|>", "a", "0");
        }

        @Test
        void mountFromOffersNamesOnly() {
            check("FROM alpine AS a\nFROM alpine\nRUN --mount=from=<|>", "a");
            check("FROM alpine AS a\nFROM alpine\nRUN --mount=type=cache,from=<|>,target=/x", "a");
            checkEdit("FROM alpine AS deps\nFROM alpine\nRUN --mount=type=bind,from=d<|>",
                    "deps", "FROM alpine AS deps\nFROM alpine\nRUN --mount=type=bind,from=deps<|>");
        }
    }

    @Nested
    class Mounts {

        @Test
        void typeFirstThenTheKeysOfABindMount() {
            check("FROM alpine\nRUN --mount=<|>", "type", "target", "source", "from", "rw");
            checkEdit("FROM alpine\nRUN --mount=ty<|>", "type", "FROM alpine\nRUN --mount=type=<|>");
        }

        @Test
        void types() {
            check("FROM alpine\nRUN --mount=type=<|>", "bind", "cache", "tmpfs", "secret", "ssh");
            checkEdit("FROM alpine\nRUN --mount=type=ca<|>", "cache", "FROM alpine\nRUN --mount=type=cache<|>");
        }

        @Test
        void keysPerTypeAndNotTwice() {
            check("FROM alpine\nRUN --mount=type=cache,<|>", "target", "id", "sharing", "from", "source", "mode", "uid",
                    "gid", "ro");
            check("FROM alpine\nRUN --mount=type=cache,dst=/x,<|>", "id", "sharing", "from", "source", "mode", "uid",
                    "gid", "ro");
            check("FROM alpine\nRUN --mount=type=tmpfs,<|>", "target", "size");
            check("FROM alpine\nRUN --mount=type=secret,<|>", "id", "target", "env", "required", "mode", "uid", "gid");
            check("FROM alpine\nRUN --mount=type=ssh,<|>", "id", "target", "required", "mode", "uid", "gid");
            check("FROM alpine\nRUN --mount=type=cache,fr<|>", "target", "id", "sharing", "from", "source", "mode",
                    "uid", "gid", "ro");
        }

        @Test
        void sizeAndRequiredOnlyAfterTheType() {
            check("FROM alpine\nRUN --mount=<|>,type=tmpfs", "target");
            check("FROM alpine\nRUN --mount=target=/go/pkg,<|>type=cache");
            check("FROM alpine\nRUN --mount=target=/s,<|>,type=secret", "id", "env", "mode", "uid", "gid");
        }

        @Test
        void values() {
            check("FROM alpine\nRUN --mount=type=cache,sharing=<|>", "shared", "private", "locked");
            check("FROM alpine\nRUN --mount=type=secret,id=x,required=<|>", "true", "false");
            check("FROM alpine\nRUN --mount=type=cache,ro=<|>", "true", "false");
            check("FROM alpine\nRUN --mount=type=secret,mode=<|>", "0400", "0600", "0644");
            check("FROM alpine\nRUN --mount=type=tmpfs,size=<|>", "64m", "1g");
            check("FROM alpine\nRUN --mount=type=bind,sharing=<|>");
            check("FROM alpine\nRUN --mount=type=bind,source=<|>");
            assertTrue(items("FROM alpine\nRUN --mount=type=cache,target=<|>").stream()
                    .anyMatch(i -> i.getLabel().equals("/go/pkg/mod")));
        }

        @Test
        void inQuotesOrForOtherInstructionsNothing() {
            check("FROM alpine\nRUN --mount=\"type=<|>");
            check("FROM alpine\nCOPY --mount=<|>");
        }
    }

    @Nested
    class Variables {

        @Test
        void stageArgAndEnvBeforeTheLine() {
            check("FROM alpine\nARG A=1\nENV B=2\nRUN echo $<|>\nENV C=3", "A", "B");
            check("FROM alpine\nARG A=1\nENV B=2\nRUN echo ${<|>", "A", "B");
        }

        @Test
        void dollarInsertsTheNameAndBraceClosesIt() {
            checkEdit("FROM alpine\nENV FOO=1\nRUN echo $F<|>", "FOO", "FROM alpine\nENV FOO=1\nRUN echo $FOO<|>");
            checkEdit("FROM alpine\nENV FOO=1\nRUN echo ${F<|>", "FOO", "FROM alpine\nENV FOO=1\nRUN echo ${FOO}<|>");
            checkEdit("FROM alpine\nENV FOO=1\nRUN echo ${<|>}", "FOO", "FROM alpine\nENV FOO=1\nRUN echo ${FOO}<|>");
            checkEdit("FROM alpine\nENV FOO=1\nRUN echo \"$<|>\"", "FOO", "FROM alpine\nENV FOO=1\nRUN echo \"$FOO<|>\"");
        }

        @Test
        void detailIsTheValueAndDocumentationWhereItWasSet() {
            CompletionItem foo = item("FROM alpine AS s\nENV FOO=bar\nRUN $<|>", "FOO");
            assertEquals("bar", foo.getDetail());
            assertEquals("`ENV` on line 2.", foo.getDocumentation().getRight().getValue());
            CompletionItem unset = item("FROM alpine\nARG NOVALUE\nRUN $<|>", "NOVALUE");
            assertEquals("declared without a value", unset.getDetail());
        }

        @Test
        void inheritedThroughFromStage() {
            String file = "FROM alpine AS base\nENV FROM_BASE=1\nARG BASE_ARG=2\nFROM base\nENV OWN=3\nRUN $<|>";
            check(file, "FROM_BASE", "BASE_ARG", "OWN");
            assertEquals("`ENV` on line 2, inherited from stage `base` through FROM.",
                    item(file, "FROM_BASE").getDocumentation().getRight().getValue());
            check("FROM alpine AS base\nENV X=1\nFROM alpine\nRUN $<|>");
        }

        @Test
        void globalArgsOnlyInFromLinesOrOnceRedeclared() {
            check("ARG VERSION=1\nFROM alpine\nRUN $<|>");
            check("ARG VERSION=1\nFROM alpine\nARG VERSION\nRUN $<|>", "VERSION");
            assertEquals("1", item("ARG VERSION=1\nFROM alpine\nARG VERSION\nRUN $<|>", "VERSION").getDetail());
            List<String> from = labels("ARG VERSION=1\nARG UNSET\nFROM alpine:$<|>");
            assertTrue(from.contains("VERSION") && from.contains("UNSET") && from.contains("TARGETPLATFORM"),
                    from.toString());
        }

        @Test
        void automaticPlatformArgsOnlyWhenDeclaredInTheStage() {
            check("FROM alpine\nRUN $<|>");
            check("FROM alpine\nARG TARGETARCH\nRUN $<|>", "TARGETARCH");
            List<String> platform = labels("FROM --platform=$<|> alpine");
            assertTrue(platform.contains("BUILDPLATFORM") && platform.contains("TARGETOS"), platform.toString());
        }

        @Test
        void scratchHasPath() {
            check("FROM scratch\nENV A=1\nRUN $<|>", "PATH", "A");
        }

        @Test
        void runtimeInstructionsSeeEnvOnly() {
            check("FROM alpine\nARG A=1\nENV B=2\nCMD echo $<|>", "B");
            check("FROM alpine\nARG A=1\nENV B=2\nHEALTHCHECK CMD echo $<|>", "B");
        }

        @Test
        void argDefaultsSeeEarlierNamesOfTheSameArg() {
            check("FROM alpine\nARG A=1 B=$<|>", "A");
            check("FROM alpine\nARG A=$<|>");
            check("ARG A=1\nARG B=$<|>", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "BUILDOSVERSION",
                    "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "TARGETOSVERSION", "TARGETSTAGE", "A");
        }

        @Test
        void aStageArgNameRedeclaresWhatTheStageDoesNotSeeYet() {
            String automatic = "BUILDPLATFORM BUILDOS BUILDARCH BUILDVARIANT BUILDOSVERSION TARGETPLATFORM TARGETOS"
                    + " TARGETARCH TARGETVARIANT TARGETOSVERSION TARGETSTAGE";
            check("ARG V=1\nARG NONE\nFROM alpine\nARG <|>", ("V NONE " + automatic).split(" "));
            check("ARG V=1\nFROM alpine\nARG V TARGETOS\nARG T<|>", automatic.replace(" TARGETOS ", " ").split(" "));
            assertEquals("1", item("ARG V=1\nFROM alpine\nARG <|>", "V").getDetail());
            check("ARG V=1\nARG <|>");
            check("ARG V=1\nFROM alpine\nARG X=<|>");
        }

        @Test
        void nowhereBuildKitDoesNotExpand() {
            check("FROM alpine AS a\nFROM alpine\nCOPY --from=$<|>");
            check("FROM alpine AS a\nFROM alpine\nRUN --mount=from=$<|>");
            check("FROM alpine\nENV A=1\nRUN echo '$<|>'");
            check("FROM alpine\nENV A=1\nRUN echo \\$<|>");
            check("FROM alpine\nENV A=1\nSHELL [\"$<|>\"]");
            check("FROM alpine\nENV A=1\nONBUILD RUN $<|>");
            check("FROM alpine AS $<|>");
            check("FROM alpine\nENV A=1\nRUN echo $1<|>");
        }

        @Test
        void expandedFlagValues() {
            check("FROM alpine\nARG U=app\nCOPY --chown=$<|> a b", "U");
            check("FROM alpine\nARG D=/x\nRUN --mount=type=cache,target=$<|>", "D");
        }

        @Test
        void heredocBodies() {
            check("FROM alpine\nENV A=1\nRUN <<EOF\necho $<|>\nEOF\n", "A");
            check("FROM alpine\nENV A=1\nCOPY <<EOF /x\n$<|>\nEOF\n", "A");
            check("FROM alpine\nENV A=1\nCOPY <<'EOF' /x\n$<|>\nEOF\n");
            check("FROM alpine\nENV A=1\nRUN <<EOF\nCO<|>\nEOF\n");
        }

        @Test
        void aHeredocBeingTypedHasNoTerminatorYet() {
            check("FROM alpine\nENV A=1\nRUN <<EOF\necho hi\n$<|>", "A");
            check("FROM alpine\nENV A=1\nRUN <<EOF\n<|>");
            check("FROM alpine\nENV A=1\nRUN <<EOF\nEOF\n<|>", ALL_KEYWORDS);
        }

        private static List<String> labels(String marked) {
            return items(marked).stream().map(CompletionItem::getLabel).toList();
        }
    }

    @Nested
    class FlagValues {

        @Test
        void platforms() {
            List<String> labels = items("FROM --platform=<|> alpine").stream().map(CompletionItem::getLabel).toList();
            assertEquals(List.of("$BUILDPLATFORM", "$TARGETPLATFORM", "linux/amd64", "linux/arm64", "linux/arm/v7"),
                    labels.subList(0, 5));
            checkEdit("FROM --platform=lin<|> alpine", "linux/arm64", "FROM --platform=linux/arm64<|> alpine");
        }

        @Test
        void chmod() {
            check("FROM alpine\nCOPY --chmod=<|> a b", "0755", "0644", "0700", "0600", "0555", "0444", "u=rwX,go=rX");
        }

        @Test
        void chownWithTheStagesUsers() {
            check("FROM alpine\nCOPY --chown=<|> a b", "root:root", "1000:1000");
            check("""
                    FROM alpine AS base
                    RUN addgroup -S app && adduser -S -G app app
                    FROM base
                    RUN useradd -m -u 1001 bob
                    USER nobody:nogroup
                    COPY --chown=<|> a b
                    USER late
                    """, "nobody:nogroup", "bob", "nobody", "app:app", "root:root", "1000:1000");
        }

        @Test
        void userCompletesTheSameUsers() {
            check("FROM alpine\nRUN useradd app\nUSER <|>", "app", "root");
        }

        @Test
        void runNetworkAndSecurity() {
            check("FROM alpine\nRUN --network=<|>", "default", "none", "host");
            check("FROM alpine\nRUN --security=<|>", "sandbox", "insecure");
        }

        @Test
        void booleansAndDurations() {
            check("FROM alpine\nCOPY --link=<|>", "true", "false");
            check("FROM alpine\nHEALTHCHECK --interval=<|>", "30s", "10s", "1m");
            check("FROM alpine\nHEALTHCHECK <|>", "CMD", "NONE");
            check("FROM alpine\nHEALTHCHECK --retries=3 <|>", "CMD", "NONE");
        }

        @Test
        void unknownFlagsAndFlagsOfOtherInstructionsHaveNoValues() {
            check("FROM alpine\nCOPY --platform=<|>");
            check("FROM alpine\nCOPY --nope=<|>");
        }

        @Test
        void stopsignal() {
            assertEquals("SIGTERM", items("FROM alpine\nSTOPSIGNAL <|>").get(0).getLabel());
        }
    }

    @Nested
    class Robustness {

        @Test
        void settingOffAnswersNothing() {
            Settings off = new Settings(Map.of(), Map.of(), Optional.empty(), true, false);
            assertEquals(List.of(), items("FROM alpine\n<|>", false, off));
        }

        @Test
        void positionsOutsideTheText() {
            Fixture f = Fixture.of("FROM alpine AS a\nFROM alpine\nCOPY --from=<|>");
            for (Position p : List.of(new Position(-1, -5), new Position(99, 0), new Position(2, 999),
                    new Position(0, -1))) {
                Completions.at(f, p, Completions.client(true));
            }
            assertEquals(List.of("a", "0"), Completions.at(f, new Position(2, 999), Completions.client(false)).stream()
                    .map(CompletionItem::getLabel).toList());
            Completions.at(f, null, null);
        }

        @Test
        void oddTextNeverFails() {
            for (String text : List.of("", "\n\n", "\r\n<|>", "\u0000\u0001\uFFFF<|>", "FROM\\\n<|>", "RUN <<EOF\n$<|>",
                    "FROM a\nRUN <<EOF\n${<|>", "FROM a\nRUN --mount=,,,=,<|>", "FROM a\nRUN --mount=type=cache,\"<|>",
                    "# check=skip=;;,<|>", "FROM a\nCOPY --from=<|>\uD800", "ONBUILD <|>", "FROM a\nONBUILD ONBUILD <|>",
                    "FROM a\n\t\t<|>\t", "FROM a AS b\nFROM b AS a\nFROM a\nCOPY --chown=<|>", "`<|>",
                    "# escape=`\nFROM a\nRUN echo `\n  $<|>", "FROM a\nENV A=1\nRUN ${A:-${<|>}}")) {
                String marked = text.contains(Fixture.CURSOR) ? text : text + Fixture.CURSOR;
                items(marked, true, Settings.defaults());
                items(marked, false, Settings.defaults());
            }
        }

        @Test
        void crlfLines() {
            check("FROM alpine AS a\r\nFROM alpine\r\nCOPY --from=<|>\r\n", "a", "0");
            check("FROM alpine\r\n<|>\r\nRUN x", ALL_KEYWORDS);
        }
    }
}
