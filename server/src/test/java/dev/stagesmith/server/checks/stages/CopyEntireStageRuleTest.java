package dev.stagesmith.server.checks.stages;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class CopyEntireStageRuleTest {

    private final CopyEntireStageRule rule = new CopyEntireStageRule();

    @Test
    void reportsCopyingAWholeStageOverAnImage() {
        assertFindings(rule, """
                FROM golang AS build
                RUN go build -o /app .
                FROM debian
                COPY --from=build ⟦/⟧ /
                COPY --link --from=0 ⟦.⟧ /.
                """,
                "This copies the entire filesystem of stage \"build\", its base image included, over this stage",
                "stage \"build\"");
    }

    @Test
    void quietOnExportStagesImageAliasesSquashesAndPaths() {
        assertNoFindings(rule, """
                FROM golang AS build
                RUN go build -o /out/app .
                FROM scratch AS export
                COPY --from=build /out /
                FROM tonistiigi/xx AS xx
                FROM debian
                COPY --from=export / /
                COPY --from=xx / /
                COPY --from=build /out/app /usr/bin/app
                COPY --from=build / /build/
                COPY --from=busybox / /
                FROM scratch
                COPY --from=build / /
                """);
    }
}
