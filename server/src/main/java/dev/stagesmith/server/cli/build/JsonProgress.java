package dev.stagesmith.server.cli.build;

import com.google.gson.JsonObject;
import dev.stagesmith.engine.build.BuildEvent;
import dev.stagesmith.engine.build.BuildException;
import dev.stagesmith.engine.build.BuildResult;
import java.io.PrintWriter;

/** {@code --progress json}: one JSON object per line on stdout, for tools; the summary is the last line. */
final class JsonProgress implements ProgressView {

    private final PrintWriter out;

    JsonProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void on(BuildEvent e) {
        JsonObject o = new JsonObject();
        o.addProperty("event", e instanceof BuildEvent.StepOutput ? "output" : e.getClass().getSimpleName());
        if (e instanceof BuildEvent.StepOutput line) {
            step(o, line.id());
            o.addProperty("line", line.line());
        } else if (e instanceof BuildEvent.StepStarted s) {
            step(o, s.id());
            o.addProperty("text", s.text());
            o.addProperty("start", s.range().start());
            o.addProperty("end", s.range().end());
        } else if (e instanceof BuildEvent.StepCached c) {
            step(o, c.id());
        } else if (e instanceof BuildEvent.StepFinished f) {
            step(o, f.id());
            o.addProperty("seconds", f.elapsed().toNanos() / 1e9);
        } else if (e instanceof BuildEvent.StepFailed f) {
            step(o, f.id());
            o.addProperty("message", f.message());
            o.addProperty("start", f.range().start());
            o.addProperty("end", f.range().end());
        } else if (e instanceof BuildEvent.StepProgress p) {
            step(o, p.id());
            o.addProperty("bytes", p.bytes());
            o.addProperty("total", p.total());
        } else if (e instanceof BuildEvent.StageStarted s) {
            o.addProperty("stage", s.stage());
        } else if (e instanceof BuildEvent.StageFinished f) {
            o.addProperty("stage", f.stage());
            o.addProperty("seconds", f.elapsed().toNanos() / 1e9);
            o.addProperty("cached", f.cached());
        } else if (e instanceof BuildEvent.Transfer t) {
            o.addProperty("what", t.what());
            o.addProperty("bytes", t.bytes());
            o.addProperty("total", t.total());
        } else if (e instanceof BuildEvent.Note n) {
            o.addProperty("message", n.message());
        } else if (e instanceof BuildEvent.Warning w) {
            o.addProperty("message", w.message());
        }
        out.println(o);
        out.flush();
    }

    private static void step(JsonObject o, BuildEvent.StepId id) {
        o.addProperty("stage", id.stage());
        o.addProperty("step", id.index());
        o.addProperty("steps", id.count());
    }

    @Override
    public synchronized void summary(BuildResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("event", "BuildFinished");
        o.addProperty("target", r.target());
        o.addProperty("digest", r.manifestDigest().toString());
        o.addProperty("config", r.configDigest().toString());
        o.addProperty("size", r.size());
        o.addProperty("layers", r.layers());
        o.addProperty("seconds", r.elapsed().toNanos() / 1e9);
        com.google.gson.JsonArray stages = new com.google.gson.JsonArray();
        for (BuildResult.StageTiming t : r.stages()) {
            JsonObject s = new JsonObject();
            s.addProperty("stage", t.stage());
            s.addProperty("seconds", t.elapsed().toNanos() / 1e9);
            s.addProperty("cached", t.cached());
            stages.add(s);
        }
        o.add("stages", stages);
        com.google.gson.JsonArray outputs = new com.google.gson.JsonArray();
        r.outputs().forEach(outputs::add);
        o.add("outputs", outputs);
        out.println(o);
        out.flush();
    }

    @Override
    public synchronized void failed(BuildException e) {
        JsonObject o = new JsonObject();
        o.addProperty("event", "BuildFailed");
        o.addProperty("message", e.getMessage());
        if (e.stage() != null) {
            o.addProperty("stage", e.stage());
        }
        if (e.line() > 0) {
            o.addProperty("line", e.line());
        }
        out.println(o);
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
