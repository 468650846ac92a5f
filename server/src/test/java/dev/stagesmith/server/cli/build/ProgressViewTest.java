package dev.stagesmith.server.cli.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.stagesmith.engine.build.BuildEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** How RUN output appears in each progress view. */
class ProgressViewTest {

    private static final BuildEvent.StepId ID = new BuildEvent.StepId("build", 1, 3, 5);

    @Test
    void plainPrefixesEachLineWithItsStep() {
        assertEquals("#[build 3/5] compiling main.c", PlainProgress.format(new BuildEvent.StepOutput(ID, "compiling main.c")));
    }

    @Test
    void jsonEmitsAnOutputEvent() {
        StringWriter w = new StringWriter();
        new JsonProgress(new PrintWriter(w)).on(new BuildEvent.StepOutput(ID, "a \"quoted\" line"));
        JsonObject o = JsonParser.parseString(w.toString().strip()).getAsJsonObject();
        assertEquals("output", o.get("event").getAsString());
        assertEquals("build", o.get("stage").getAsString());
        assertEquals(3, o.get("step").getAsInt());
        assertEquals("a \"quoted\" line", o.get("line").getAsString());
    }

    @Test
    void liveShowsTheLastLinesUnderTheRunningStep() {
        StringWriter err = new StringWriter();
        LiveProgress live = new LiveProgress(new PrintWriter(new StringWriter()), new PrintWriter(err));
        try {
            live.on(new BuildEvent.StepStarted(ID, "RUN make", new dev.stagesmith.grammar.TextRange(0, 8)));
            for (int i = 1; i <= LiveProgress.TAIL + 2; i++) {
                live.on(new BuildEvent.StepOutput(ID, "line " + i + "\033[31m"));
            }
            live.on(new BuildEvent.Note("redraw"));
        } finally {
            live.close();
        }
        String screen = err.toString();
        String last = screen.substring(screen.lastIndexOf("[+] Building"));
        assertEquals(false, last.contains("    line 2 "), last);
        for (int i = 3; i <= LiveProgress.TAIL + 2; i++) {
            assertEquals(true, last.contains("    line " + i + " [31m"), last);
        }
    }
}
