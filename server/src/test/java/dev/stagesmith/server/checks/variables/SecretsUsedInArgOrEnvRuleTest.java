package dev.stagesmith.server.checks.variables;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsUsedInArgOrEnvRuleTest {

    private final SecretsUsedInArgOrEnvRule rule = new SecretsUsedInArgOrEnvRule();

    @Test
    void reportsSecretLookingNames() {
        assertFindings(rule, "FROM scratch\nARG ⟦AWS_SECRET_ACCESS_KEY⟧\n",
                "Do not use ARG or ENV instructions for sensitive data (ARG \"AWS_SECRET_ACCESS_KEY\")");
        assertFindings(rule, "FROM scratch\nENV ⟦GITHUB_TOKEN⟧=x ⟦api_key⟧=y\n", "(ENV \"GITHUB_TOKEN\")",
                "(ENV \"api_key\")");
        assertFindings(rule, "FROM scratch\nENV ⟦DB_Password⟧ hunter2\n", "(ENV \"DB_Password\")");
    }

    @Test
    void envKeysAreCheckedAfterExpansion() {
        assertFindings(rule, "FROM scratch\nARG P=DB\nENV ⟦${P}_PASSWORD⟧=x\n", "(ENV \"DB_PASSWORD\")");
    }

    @Test
    void quietForAllowedAndUnrelatedNames() {
        assertNoFindings(rule, "FROM scratch\nARG PUBLIC_KEY KEY_FILE TOKEN_VERSION KEYBOARD MONKEY AUTHOR\n"
                + "ENV SECRETS_DIR=/run/secrets\n");
    }

    @Test
    void argsBeforeTheFirstFromAreNotChecked() {
        assertNoFindings(rule, "ARG NPM_TOKEN\nFROM scratch\n");
    }

    @Test
    void matchesBuildKitsTokenRules() {
        for (String name : List.of("auth", "TOKEN", "my_apikey", "credentials_x", "PWORD", "db_passwd_2")) {
            assertTrue(SecretsUsedInArgOrEnvRule.looksSecret(name), name);
        }
        for (String name : List.of("tokens", "mykey", "key_public", "file_secret", "AUTHORIZATION", "")) {
            assertFalse(SecretsUsedInArgOrEnvRule.looksSecret(name), name);
        }
    }
}
