package dev.stagesmith.server.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.stagesmith.grammar.LineIndex;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.server.checks.Finding;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders check results: text for terminals (with the source line and a caret), JSON for tools, SARIF
 * 2.1.0 for code scanning. Lines and columns are 1-based; columns count UTF-16 code units.
 */
final class CheckReports {

    private CheckReports() {}

    static void text(List<CheckCommand.Checked> results, PrintWriter out) {
        Map<Severity, Integer> counts = new TreeMap<>();
        for (CheckCommand.Checked r : results) {
            ParsedDockerfile file = r.file();
            for (Finding f : r.findings()) {
                LineIndex.Position start = file.lines().position(f.range().start());
                LineIndex.Position end = file.lines().position(f.range().end());
                out.printf("%s:%d:%d: %s %s: %s%n", r.name(), start.line() + 1, start.column() + 1,
                        f.severity().label(), f.code(), f.message());
                String line = lineText(file, start.line());
                String gutter = String.format("%5d | ", start.line() + 1);
                out.println(gutter + line);
                int width = end.line() == start.line() ? Math.max(1, end.column() - start.column())
                        : Math.max(1, line.length() - start.column());
                out.println(" ".repeat(gutter.length() - 2) + "| " + caretPadding(line, start.column())
                        + "^".repeat(width));
                counts.merge(f.severity(), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            out.printf("%d file%s checked, no problems%n", results.size(), results.size() == 1 ? "" : "s");
        } else {
            StringBuilder summary = new StringBuilder();
            counts.forEach((s, n) -> summary.append(summary.length() == 0 ? "" : ", ").append(n).append(' ')
                    .append(s.label()).append(n == 1 ? "" : "s"));
            out.printf("%d file%s checked: %s%n", results.size(), results.size() == 1 ? "" : "s", summary);
        }
    }

    /** Spaces under the line up to the column, keeping tabs so the caret lines up in a terminal. */
    private static String caretPadding(String line, int column) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < column && i < line.length(); i++) {
            pad.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return pad.toString();
    }

    private static String lineText(ParsedDockerfile file, int line) {
        int start = file.lines().lineStart(line);
        return file.text().substring(start, file.lines().lineEnd(line, file.text()));
    }

    static String json(List<CheckCommand.Checked> results) {
        JsonArray all = new JsonArray();
        for (CheckCommand.Checked r : results) {
            for (Finding f : r.findings()) {
                JsonObject o = new JsonObject();
                o.addProperty("file", r.name());
                position(r.file(), f, o);
                o.addProperty("severity", f.severity().label());
                o.addProperty("code", f.code());
                o.addProperty("message", f.message());
                all.add(o);
            }
        }
        return gson(all);
    }

    private static void position(ParsedDockerfile file, Finding f, JsonObject o) {
        LineIndex.Position start = file.lines().position(f.range().start());
        LineIndex.Position end = file.lines().position(f.range().end());
        o.addProperty("line", start.line() + 1);
        o.addProperty("column", start.column() + 1);
        o.addProperty("endLine", end.line() + 1);
        o.addProperty("endColumn", end.column() + 1);
    }

    static String sarif(List<CheckCommand.Checked> results, List<Rule> rules) {
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "stagesmith");
        String version = Main.class.getPackage().getImplementationVersion();
        driver.addProperty("semanticVersion", version == null ? "0.0.0" : version.replace("-SNAPSHOT", ""));
        JsonArray ruleList = new JsonArray();
        for (Rule rule : rules) {
            JsonObject r = new JsonObject();
            r.addProperty("id", rule.code());
            JsonObject text = new JsonObject();
            text.addProperty("text", rule.summary());
            r.add("shortDescription", text);
            JsonObject config = new JsonObject();
            config.addProperty("level", level(rule.defaultSeverity()));
            r.add("defaultConfiguration", config);
            ruleList.add(r);
        }
        driver.add("rules", ruleList);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);
        JsonArray out = new JsonArray();
        for (CheckCommand.Checked r : results) {
            for (Finding f : r.findings()) {
                out.add(sarifResult(r, f));
            }
        }
        JsonObject run = new JsonObject();
        run.add("tool", tool);
        run.addProperty("columnKind", "utf16CodeUnits");
        run.add("results", out);
        JsonArray runs = new JsonArray();
        runs.add(run);
        JsonObject root = new JsonObject();
        root.addProperty("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.addProperty("version", "2.1.0");
        root.add("runs", runs);
        return gson(root);
    }

    private static JsonObject sarifResult(CheckCommand.Checked r, Finding f) {
        JsonObject result = new JsonObject();
        result.addProperty("ruleId", f.code());
        result.addProperty("level", level(f.severity()));
        JsonObject message = new JsonObject();
        message.addProperty("text", f.message());
        result.add("message", message);
        LineIndex.Position start = r.file().lines().position(f.range().start());
        LineIndex.Position end = r.file().lines().position(f.range().end());
        JsonObject region = new JsonObject();
        region.addProperty("startLine", start.line() + 1);
        region.addProperty("startColumn", start.column() + 1);
        region.addProperty("endLine", end.line() + 1);
        region.addProperty("endColumn", end.column() + 1);
        JsonObject artifact = new JsonObject();
        artifact.addProperty("uri", uri(r.name()));
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", artifact);
        physical.add("region", region);
        JsonObject location = new JsonObject();
        location.add("physicalLocation", physical);
        JsonArray locations = new JsonArray();
        locations.add(location);
        result.add("locations", locations);
        return result;
    }

    /** A relative path stays relative (code scanning resolves it against the repository root). */
    private static String uri(String name) {
        if (name.equals("<stdin>")) {
            return "stdin";
        }
        Path p = Path.of(name);
        return p.isAbsolute() ? p.toUri().toString() : p.normalize().toString().replace('\\', '/');
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            default -> "note";
        };
    }

    private static String gson(Object tree) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson((com.google.gson.JsonElement) tree);
    }
}
