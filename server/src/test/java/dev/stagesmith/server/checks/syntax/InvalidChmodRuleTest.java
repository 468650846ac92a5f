package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class InvalidChmodRuleTest {

    private final InvalidChmodRule rule = new InvalidChmodRule();

    @Test
    void numbersMustBeOctalUpTo07777() {
        assertFindings(rule, "FROM alpine\nCOPY --chmod=⟦64a⟧ a b\n",
                "invalid chmod parameter: '64a'. it should be octal string and between 0 and 07777");
        assertFindings(rule, "FROM alpine\nADD --chmod=⟦10000⟧ a b\n", "invalid chmod parameter: '10000'");
        assertFindings(rule, "FROM alpine\nCOPY --chmod=⟦0789⟧ a b\n", "invalid chmod parameter: '0789'");
    }

    @Test
    void symbolicModesFollowChmod() {
        assertFindings(rule, "FROM alpine\nCOPY --chmod=⟦rwx⟧ a b\n", "invalid chmod parameter: 'rwx': invalid syntax");
        assertFindings(rule, "FROM alpine\nCOPY --chmod=⟦u=rw,⟧ a b\n");
        assertFindings(rule, "FROM alpine\nCOPY --chmod=⟦+644⟧ a b\n");
        assertFindings(rule, "FROM alpine\nCOPY --chmod=⟦u=rw;g=r⟧ a b\n");
    }

    @Test
    void checksOnbuildTriggers() {
        assertFindings(rule, "FROM alpine\nONBUILD COPY --chmod=⟦999⟧ a b\n");
    }

    @Test
    void quietOnValidModesVariablesAndEmpty() {
        assertNoFindings(rule, """
                FROM alpine
                COPY --chmod=0755 a b
                COPY --chmod=644 a b
                COPY --chmod=07777 a b
                COPY --chmod=0 a b
                COPY --chmod=u=rwX,go=rX a b
                COPY --chmod=a+x a b
                COPY --chmod=go-w,u+s a b
                COPY --chmod=u=rwx,go=u-w a b
                COPY --chmod=+X a b
                COPY --chmod= a b
                ARG MODE=0644
                COPY --chmod=$MODE a b
                RUN --mount=type=cache,target=/x,mode=0777 true
                """);
    }
}
