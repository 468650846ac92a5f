package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.applyFix;
import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WrongArgumentCountRuleTest {

    private final WrongArgumentCountRule rule = new WrongArgumentCountRule();

    @Test
    void copyAndAddNeedADestination() {
        assertFindings(rule, "FROM alpine\n⟦COPY app.jar⟧\n",
                "COPY requires at least two arguments, but only one was provided. Destination could not be determined");
        assertFindings(rule, "FROM alpine\n⟦ADD [\"a\"]⟧\n", "ADD requires at least two arguments, but only one");
        assertFindings(rule, "FROM alpine\n⟦COPY⟧\n", "COPY requires at least two arguments");
        assertFindings(rule, "FROM alpine\n⟦COPY⟧ --from=build\n", "COPY requires at least two arguments");
        assertFindings(rule, "FROM alpine\n⟦COPY <<EOF⟧\nhello\nEOF\n", "Destination could not be determined");
    }

    @Test
    void exactlyOne() {
        assertFindings(rule, "FROM alpine\n⟦WORKDIR⟧\n⟦USER⟧\n⟦STOPSIGNAL⟧\n⟦MAINTAINER⟧\n",
                "WORKDIR requires exactly one argument", "USER requires exactly one argument",
                "STOPSIGNAL requires exactly one argument", "MAINTAINER requires exactly one argument");
    }

    @Test
    void atLeastOne() {
        assertFindings(rule, "FROM alpine\n⟦EXPOSE⟧\n⟦VOLUME⟧ []\n⟦ENV⟧\n⟦LABEL⟧\n⟦ARG⟧\n⟦ONBUILD⟧\n⟦HEALTHCHECK⟧\n⟦SHELL⟧\n",
                "EXPOSE requires at least one argument", "VOLUME requires at least one argument",
                "ENV requires at least one argument", "LABEL requires at least one argument",
                "ARG requires at least one argument", "ONBUILD requires at least one argument",
                "HEALTHCHECK requires at least one argument", "SHELL requires at least one argument");
    }

    @Test
    void blankNames() {
        assertFindings(rule, "FROM alpine\nENV ⟦=x⟧\nLABEL a=b ⟦=c⟧\nARG ⟦=1⟧\n",
                "ENV names can not be blank", "LABEL names can not be blank", "ARG names can not be blank");
    }

    @Test
    void healthcheck() {
        assertFindings(rule, "FROM alpine\nHEALTHCHECK NONE ⟦--x y⟧\n", "HEALTHCHECK NONE takes no arguments");
        assertFindings(rule, "FROM alpine\nHEALTHCHECK ⟦CMD⟧\n", "Missing command after HEALTHCHECK CMD");
        assertFindings(rule, "FROM alpine\nHEALTHCHECK ⟦CMD []⟧\n", "Missing command after HEALTHCHECK CMD");
        assertEquals("FROM alpine\nHEALTHCHECK NONE\n", applyFix(rule, "FROM alpine\nHEALTHCHECK NONE curl x\n"));
    }

    @Test
    void checksOnbuildTriggers() {
        assertFindings(rule, "FROM alpine\nONBUILD ⟦COPY a⟧\n", "COPY requires at least two arguments");
    }

    @Test
    void quietOnWellFormedInstructions() {
        assertNoFindings(rule, """
                FROM alpine
                COPY a b
                ADD --chmod=644 a b c/
                COPY <<EOF /etc/motd
                hi
                EOF
                WORKDIR /app
                USER app:app
                STOPSIGNAL SIGTERM
                MAINTAINER me
                EXPOSE 80
                VOLUME /data
                ENV A=1 B=2
                ENV LEGACY value
                LABEL a=b
                ARG X Y=1
                ONBUILD RUN make
                HEALTHCHECK NONE
                HEALTHCHECK --interval=5s CMD curl -f http://localhost/
                HEALTHCHECK CMD ["true"]
                SHELL ["/bin/sh", "-c"]
                RUN
                CMD
                ENTRYPOINT []
                """);
    }
}
