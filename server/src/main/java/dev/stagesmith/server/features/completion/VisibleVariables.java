package dev.stagesmith.server.features.completion;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Binding;
import dev.stagesmith.grammar.stages.Scope;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Instruction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * Which variables a word sees, from the stage model: the global scope in FROM lines, the automatic ARGs and
 * earlier global ARGs in a global ARG's default, the stage's environment before the instruction elsewhere,
 * and where each was set, for the suggestion's documentation.
 */
final class VisibleVariables {

    /** Whose variables a word sees. */
    enum Reach { NONE, GLOBAL, PREAMBLE, STAGE, RUNTIME }

    private VisibleVariables() {}

    static Map<String, Binding> at(Cursor c, Instruction target, Reach reach) {
        Map<String, Binding> out = new LinkedHashMap<>();
        switch (reach) {
            case GLOBAL -> {
                out.putAll(c.graph().args().scope().bindings());
                c.graph().args().declared().forEach(b -> out.putIfAbsent(b.name(), b));
            }
            case PREAMBLE -> {
                c.graph().args().scope().bindings().values().stream()
                        .filter(b -> b.origin() == Binding.Origin.AUTOMATIC).forEach(b -> out.put(b.name(), b));
                c.graph().args().declared().stream().filter(b -> b.range().end() <= c.wordStart())
                        .forEach(b -> out.put(b.name(), b));
            }
            default -> {
                if (c.stage() == null || c.index() < 0) {
                    return out;
                }
                out.putAll(c.graph().environment(c.stage()).before(c.index()).bindings());
                if (target instanceof Arg a) {
                    earlierDeclarations(c, a, out);
                }
            }
        }
        return out;
    }

    /** Each name of one ARG sees the names declared before it in the same instruction. */
    private static void earlierDeclarations(Cursor c, Arg a, Map<String, Binding> out) {
        Scope after = c.graph().environment(c.stage()).before(c.index() + 1);
        for (ArgDeclaration d : a.declarations()) {
            if (d.name().range().end() <= c.wordStart()) {
                String name = d.name().value();
                out.put(name, after.lookup(name).orElse(
                        new Binding(name, null, Binding.Origin.ARG, d.name().range(), c.stage().index())));
            }
        }
    }

    /**
     * A name after a stage's {@code ARG}: the global ARGs and automatic platform ARGs the stage does not
     * see yet, which a bare {@code ARG NAME} brings into it.
     */
    static void redeclarable(Cursor c, TextRange replace, Items items) {
        if (c.stage() == null || c.index() < 0) {
            return;
        }
        Scope visible = c.graph().environment(c.stage()).before(c.index());
        Map<String, Binding> global = new LinkedHashMap<>();
        c.graph().args().declared().forEach(b -> global.putIfAbsent(b.name(), b));
        c.graph().args().scope().bindings().values().forEach(b -> global.putIfAbsent(b.name(), b));
        for (Binding b : global.values()) {
            if (visible.lookup(b.name()).isPresent()) {
                continue;
            }
            CompletionItem item = items.add(b.name(), CompletionItemKind.Variable, replace, b.name());
            item.setDetail(detail(b));
            items.document(item, b.origin() == Binding.Origin.AUTOMATIC
                    ? "Brings BuildKit's automatic platform `ARG` into this stage."
                    : "Brings the global `ARG` from line " + c.lineNumber(b.range().start())
                            + " into this stage, with its value.");
        }
    }

    static String detail(Binding b) {
        return b.value() == null ? "declared without a value" : b.value().isEmpty() ? "\"\"" : b.value();
    }

    static String origin(Cursor c, Binding b) {
        String line = "line " + c.lineNumber(b.range().start());
        String where = switch (b.origin()) {
            case GLOBAL_ARG -> "Global `ARG` on " + line + ". FROM lines see it; a stage sees it after `ARG "
                    + b.name() + "`.";
            case AUTOMATIC -> "Automatic platform `ARG`, set by BuildKit for this build.";
            case ARG -> "`ARG` on " + line + inherited(c, b) + ".";
            case ENV -> "`ENV` on " + line + inherited(c, b) + ".";
            case SCRATCH -> "BuildKit's `PATH` for a stage built `FROM scratch`.";
            case BUILD_ARG -> "A build argument.";
        };
        boolean overridden = (b.origin() == Binding.Origin.ARG || b.origin() == Binding.Origin.GLOBAL_ARG)
                && c.graph().args().buildArg(b.name()).isPresent();
        return overridden ? where + " Its value comes from the `stagesmith.build.args` setting." : where;
    }

    private static String inherited(Cursor c, Binding b) {
        if (c.stage() == null || b.stage() < 0 || b.stage() == c.stage().index()) {
            return "";
        }
        return ", inherited from stage `" + c.graph().stage(b.stage()).displayName() + "` through FROM";
    }
}
