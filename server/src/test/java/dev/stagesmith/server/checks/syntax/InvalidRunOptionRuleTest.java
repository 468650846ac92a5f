package dev.stagesmith.server.checks.syntax;

import static dev.stagesmith.server.checks.RuleTester.assertFindings;
import static dev.stagesmith.server.checks.RuleTester.assertNoFindings;

import org.junit.jupiter.api.Test;

class InvalidRunOptionRuleTest {

    private final InvalidRunOptionRule rule = new InvalidRunOptionRule();

    @Test
    void networkAndSecurity() {
        assertFindings(rule, "FROM a\nRUN --network=⟦bridge⟧ make\n", "invalid network mode \"bridge\"");
        assertFindings(rule, "FROM a\nRUN --network=⟦$NET⟧ make\n", "invalid network mode \"$NET\"");
        assertFindings(rule, "FROM a\nRUN --security=⟦privileged⟧ make\n", "security \"privileged\" is not valid");
    }

    @Test
    void mountFields() {
        assertFindings(rule, "FROM a\nRUN --mount=⟦type=cahce⟧,target=/x make\n",
                "unsupported mount type \"cahce\" (did you mean cache?)");
        assertFindings(rule, "FROM a\nRUN --mount=type=cache,⟦tagret=/x⟧ make\n",
                "unexpected key 'tagret' in 'tagret=/x' (did you mean target?)");
        assertFindings(rule, "FROM a\nRUN --mount=type=cache,target=/x,⟦sharing=global⟧ make\n",
                "unsupported sharing value \"global\"");
        assertFindings(rule, "FROM a\nRUN --mount=type=cache,target=/x,⟦mode=999⟧ make\n", "invalid value 999 for mode");
        assertFindings(rule, "FROM a\nRUN --mount=type=cache,target=/x,⟦uid=root⟧ make\n", "invalid value root for uid");
        assertFindings(rule, "FROM a\nRUN --mount=target=/x,⟦ro=yes⟧ make\n", "invalid value for ro: yes");
        assertFindings(rule, "FROM a\nRUN --mount=type=bind,⟦required⟧ make\n",
                "unexpected key 'required' for mount type 'bind'");
        assertFindings(rule, "FROM a\nRUN --mount=⟦required⟧,type=secret,id=x make\n",
                "unexpected key 'required' for mount type 'bind'");
        assertFindings(rule, "FROM a\nRUN --mount=type=cache,⟦size=1g⟧ make\n", "unexpected key 'size' for mount type 'cache'");
        assertFindings(rule, "FROM a\nRUN --mount=type=cache,⟦target⟧ make\n", "invalid field 'target' must be a key=value pair");
        assertFindings(rule, "FROM a\nRUN --mount=⟦type=bind,target=/x,mode=0600⟧ make\n",
                "mode not allowed for \"bind\" type mounts");
        assertFindings(rule, "FROM a\nRUN --mount=⟦type=secret⟧ make\n", "invalid secret mount. one of source, target required");
        assertFindings(rule, "FROM a\nRUN --mount=⟦type=secret,id=a,from=b⟧ make\n", "secret mount should not have a from");
        assertFindings(rule, "FROM a\nRUN --mount=⟦type=secret,id=a,src=b⟧ make\n", "both source and id can't be set");
        assertFindings(rule, "FROM a\nRUN --mount=⟦type=tmpfs,target=/t,sharing=locked⟧ make\n",
                "invalid cache sharing set for tmpfs mount");
    }

    @Test
    void devices() {
        assertFindings(rule, "FROM a\nRUN --device=gpu,⟦other⟧ make\n", "invalid field 'other' must be a key=value pair");
        assertFindings(rule, "FROM a\nRUN --device=gpu,⟦name=x⟧ make\n", "device name already set to gpu");
        assertFindings(rule, "FROM a\nRUN --device=gpu,⟦required=maybe⟧ make\n", "invalid value for required: maybe");
    }

    @Test
    void quietOnValidOptionsAndVariables() {
        assertNoFindings(rule, """
                FROM a
                RUN --network=none --security=insecure make
                RUN --network=host --network=default make
                RUN --mount=type=cache,target=/root/.cache,sharing=locked,id=pip,mode=0755,uid=1000,gid=1000 make
                RUN --mount=type=secret,id=token,required,env=TOKEN make
                RUN --mount=type=secret,target=/run/secrets/x,required=true make
                RUN --mount=type=ssh make
                RUN --mount=type=tmpfs,target=/tmp,size=64m make
                RUN --mount=from=build,source=/out,target=/in,ro make
                RUN --mount=type=bind,target=/x,rw=true,readonly=false make
                RUN --mount=type=$KIND,target=/x,mode=0600 make
                RUN --mount=type=cache,target=/x,uid=$UID make
                RUN --mount="type=cache,target=/x" make
                RUN --device=vendor.com/gpu=all,required make
                RUN --device=name=gpu,required=true make
                """);
    }
}
