package dev.stagesmith.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.Dockerfiles;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Run;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RUN's argv and environment as BuildKit's dispatchRun builds them. */
class RunCommandTest {

    private static final List<String> NO_SHELL = List.of();

    @Test
    void shellFormGoesThroughTheDefaultShellVerbatim() throws Exception {
        RunCommand c = RunCommand.of(run("RUN echo $HOME && make \"a b\""), NO_SHELL);
        assertEquals(List.of("/bin/sh", "-c", "echo $HOME && make \"a b\""), c.argv());
        assertEquals(Optional.empty(), c.script());
    }

    @Test
    void shellFormUsesShell() throws Exception {
        assertEquals(List.of("/bin/bash", "-eo", "pipefail", "-c", "false | true"),
                RunCommand.of(run("RUN false | true"), List.of("/bin/bash", "-eo", "pipefail", "-c")).argv());
    }

    @Test
    void execFormIsRunDirectlyWithoutExpansion() throws Exception {
        assertEquals(List.of("/bin/echo", "$HOME", "a b"),
                RunCommand.of(run("RUN [\"/bin/echo\", \"$HOME\", \"a b\"]"), List.of("/bin/bash", "-c")).argv());
    }

    @Test
    void aLoneHeredocIsTheShellsCommand() throws Exception {
        RunCommand c = RunCommand.of(run("RUN <<EOF\necho one\necho $two\nEOF\n"), NO_SHELL);
        assertEquals(List.of("/bin/sh", "-c", "echo one\necho $two\n"), c.argv());
    }

    @Test
    void aChompedHeredocLosesLeadingTabs() throws Exception {
        RunCommand c = RunCommand.of(run("RUN <<-EOF\n\techo one\n\tEOF\n"), NO_SHELL);
        assertEquals(List.of("/bin/sh", "-c", "echo one\n"), c.argv());
    }

    @Test
    void aHeredocWithAShebangRunsAsAFile() throws Exception {
        RunCommand c = RunCommand.of(run("RUN <<script\n#!/bin/awk -f\nBEGIN { print 1 }\nscript\n"), NO_SHELL);
        assertEquals(List.of("/bin/sh", "-c", "/dev/pipes/script"), c.argv());
        assertEquals(new RunCommand.Script("script", "#!/bin/awk -f\nBEGIN { print 1 }\n"), c.script().orElseThrow());
    }

    @Test
    void aHeredocInsideACommandIsLeftToTheShell() throws Exception {
        RunCommand c = RunCommand.of(run("RUN cat <<EOF > /x\nhello\nEOF\n"), NO_SHELL);
        assertEquals(List.of("/bin/sh", "-c", "cat <<EOF > /x\nhello\nEOF"), c.argv());
    }

    @Test
    void twoHeredocsAreAppendedInOrder() throws Exception {
        RunCommand c = RunCommand.of(run("RUN cat <<A - <<B\na\nA\nb\nB\n"), NO_SHELL);
        assertEquals("cat <<A - <<B\na\nA\nb\nB", c.argv().get(2));
    }

    @Test
    void anEmptyExecFormIsAnError() {
        assertThrows(StepFailure.class, () -> RunCommand.of(run("RUN []"), NO_SHELL));
    }

    @Test
    void environmentKeepsOrderAndAddsTheDefaultPath() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("B", "2");
        env.put("A", "1");
        assertEquals(List.of("B=2", "A=1", "PATH=" + RunCommand.DEFAULT_PATH), RunCommand.env(env));
        env.put("PATH", "/bin");
        assertEquals(List.of("B=2", "A=1", "PATH=/bin"), RunCommand.env(env));
    }

    @Test
    void historyListsTheArgsButNotTheEnv() throws Exception {
        RunCommand c = RunCommand.of(run("RUN make"), NO_SHELL);
        Map<String, String> buildEnv = new LinkedHashMap<>();
        buildEnv.put("PATH", "/bin");
        buildEnv.put("VERSION", "1.2");
        buildEnv.put("MODE", "fast");
        assertEquals("RUN |2 VERSION=1.2 MODE=fast /bin/sh -c make # buildkit", c.history(buildEnv, Set.of("PATH")));
        assertEquals("RUN /bin/sh -c make # buildkit", c.history(Map.of("PATH", "/bin"), Set.of("PATH")));
    }

    private static Run run(String text) {
        var parsed = Dockerfiles.parse("FROM scratch\n" + text + (text.endsWith("\n") ? "" : "\n"));
        assertTrue(!parsed.hasErrors(), () -> text + ": " + parsed);
        for (Instruction i : parsed.instructions()) {
            if (i instanceof Run r) {
                return r;
            }
        }
        throw new AssertionError("no RUN in " + text);
    }
}
