package dev.stagesmith.server.features.completion;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Dependency;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Comment;
import dev.stagesmith.grammar.syntax.Word;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * The stages a reference at the cursor may name: exactly the ones defined before the current stage, so
 * never the stage itself or a later one (BuildKit rejects both). Each shows its base, line and what it
 * copies from; they come in file order, names before indexes.
 */
final class StageCompletions {

    private StageCompletions() {}

    /** {@code COPY --from=}: by name (BuildKit takes the last stage of a name) or by index. */
    static void forCopy(Cursor c, TextRange replace, Items items) {
        if (c.stage() != null) {
            names(c, replace, lastByName(c.graph().stages()), items);
            indexes(c, replace, items);
        }
    }

    /** {@code RUN --mount=from=}: BuildKit looks mount sources up by name only; a number would be an image. */
    static void forMount(Cursor c, TextRange replace, Items items) {
        if (c.stage() != null) {
            names(c, replace, lastByName(c.graph().stages()), items);
        }
    }

    /** {@code FROM <stage>}: BuildKit resolves the base among the stages above, so the last one above of a name. */
    static void forFrom(Cursor c, TextRange replace, Items items) {
        if (c.stage() != null) {
            names(c, replace, lastByName(c.graph().stages().subList(0, c.stage().index())), items);
        }
    }

    private static Map<String, Integer> lastByName(List<Stage> stages) {
        Map<String, Integer> last = new HashMap<>();
        for (Stage s : stages) {
            s.name().ifPresent(n -> last.put(n, s.index()));
        }
        return last;
    }

    /** The names that resolve to an earlier stage; a name whose last stage is this one or later is left out. */
    private static void names(Cursor c, TextRange replace, Map<String, Integer> lastByName, Items items) {
        int current = c.stage().index();
        for (Stage s : c.graph().stages().subList(0, current)) {
            if (s.name().isPresent() && lastByName.get(s.name().get()) == s.index()) {
                CompletionItem item = items.add(s.name().get(), CompletionItemKind.Module, replace, s.name().get());
                describe(c, s, item, items);
            }
        }
    }

    private static void indexes(Cursor c, TextRange replace, Items items) {
        for (Stage s : c.graph().stages().subList(0, c.stage().index())) {
            String index = Integer.toString(s.index());
            CompletionItem item = items.add(index, CompletionItemKind.Module, replace, index);
            describe(c, s, item, items);
        }
    }

    private static void describe(Cursor c, Stage s, CompletionItem item, Items items) {
        item.setDetail(base(c, s));
        StringBuilder doc = new StringBuilder();
        doc.append("**Stage ").append(s.index()).append(s.name().map(n -> " `" + n + "`").orElse(""))
                .append("**, line ").append(c.lineNumber(s.from().range().start())).append("\n\n`")
                .append(firstLine(c, s)).append('`');
        description(c, s).ifPresent(d -> doc.append("\n\n").append(d));
        List<String> sources = sources(c, s);
        if (!sources.isEmpty()) {
            doc.append("\n\nCopies from ").append(String.join(", ", sources)).append('.');
        }
        items.document(item, doc.toString());
    }

    /**
     * The stage's description, as {@code docker build --call=targets} shows it: a comment on the line right
     * above FROM that starts with the stage name ({@code # build compiles the server}).
     */
    private static Optional<String> description(Cursor c, Stage s) {
        List<Comment> comments = c.file().comments();
        int fromLine = c.line(s.from().range().start());
        int lo = 0;
        int hi = comments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int line = c.line(comments.get(mid).range().start());
            if (line < fromLine - 1) {
                lo = mid + 1;
            } else if (line > fromLine - 1) {
                hi = mid - 1;
            } else {
                String text = comments.get(mid).text().strip();
                String name = s.nameWord().map(Word::value).orElse("");
                boolean described = !name.isEmpty() && (text.startsWith(name + " ")
                        || text.startsWith(s.name().orElse("") + " "));
                return described ? Optional.of(text.substring(name.length()).strip()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** What the stage starts from: the image, {@code scratch} or {@code stage <name>}. */
    private static String base(Cursor c, Stage s) {
        if (s.base() instanceof Stage.StageBase b) {
            return "stage " + c.graph().stage(b.index()).displayName();
        }
        if (s.base() instanceof Stage.Scratch) {
            return "scratch";
        }
        Stage.ImageBase image = (Stage.ImageBase) s.base();
        if (image.unresolved().isEmpty() && !image.reference().isEmpty()) {
            return image.reference();
        }
        return s.from().base().map(Word::value).orElse("(no image)");
    }

    private static String firstLine(Cursor c, Stage s) {
        String text = s.from().range().of(c.text()).strip();
        int nl = text.indexOf('\n');
        String line = (nl < 0 ? text : text.substring(0, nl)).strip();
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }

    /** The stages and images the stage copies or mounts from, each once, in order. */
    private static List<String> sources(Cursor c, Stage s) {
        Set<String> out = new LinkedHashSet<>();
        for (Dependency d : c.graph().dependenciesOf(s)) {
            if (d.kind() == Dependency.Kind.FROM) {
                continue;
            }
            if (d.isStage()) {
                Stage t = c.graph().stage(d.targetStage());
                out.add("`" + t.displayName() + "` (line " + c.lineNumber(t.from().range().start()) + ")");
            } else if (d.target() instanceof Dependency.ImageTarget img) {
                out.add("image `" + img.reference() + "`");
            }
        }
        return new ArrayList<>(out);
    }
}
