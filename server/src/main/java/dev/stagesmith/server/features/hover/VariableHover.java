package dev.stagesmith.server.features.hover;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.stages.Binding;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.server.features.symbols.Place;
import dev.stagesmith.server.features.symbols.Symbol;
import dev.stagesmith.server.features.symbols.GlobalArgs;
import dev.stagesmith.server.features.symbols.VariableSites;
import dev.stagesmith.server.features.symbols.Visible;
import dev.stagesmith.server.features.symbols.VariableSites.Context;
import java.util.Optional;

/**
 * A variable's value where it is used, after expansion, and where that value was set: an ENV or ARG line,
 * a global ARG with its default and {@code --build-arg}, an automatic platform ARG, or nowhere in the
 * Dockerfile (then the base image may set it).
 */
final class VariableHover {

    private VariableHover() {}

    static void reference(StageGraph graph, Symbol.VariableReference symbol, HoverText out) {
        String name = symbol.reference().name();
        VariableSites.Site site = symbol.site();
        Visible visible = Visible.at(graph, site);
        Optional<Binding> binding = visible.lookup(name);
        boolean runtime = site.context() == Context.RUNTIME;
        if (runtime && binding.isPresent() && binding.get().origin() != Binding.Origin.ENV
                && binding.get().origin() != Binding.Origin.SCRATCH) {
            out.bold("$" + name).text(" is not in the container's environment").paragraph();
            out.text("This runs when the container starts, where ARG values are gone: ").code("$" + name)
                    .text(" is empty unless an ENV or the base image sets it. ");
            origin(graph, binding.get(), site.scopeStage(), out);
            return;
        }
        if (binding.isPresent() && binding.get().isSet()) {
            out.bold("$" + name).text(" = ").code(binding.get().value());
        } else if (binding.isPresent()) {
            out.bold("$" + name).text(" is declared without a value (unset)");
        } else {
            out.bold("$" + name).text(" is not set here");
        }
        expansion(graph, symbol, visible, out);
        out.paragraph();
        if (binding.isPresent()) {
            origin(graph, binding.get(), site.scopeStage(), out);
        } else {
            unknown(graph, name, site, visible.open(), out);
        }
    }

    static void declaration(StageGraph graph, Symbol.VariableDeclaration symbol, HoverText out) {
        VariableSites.Declaration d = symbol.declaration();
        Place place = d.place();
        String name = d.variableName();
        Optional<Binding> binding;
        if (place.isGlobalArg()) {
            binding = GlobalArgs.binding(graph, d.name());
        } else {
            Stage stage = place.stage().orElseThrow();
            binding = graph.environment(stage).before(place.index() + 1).lookup(name)
                    .filter(b -> b.range().equals(d.name().range()));
        }
        out.bold((d.arg() ? "ARG " : "ENV ") + name);
        if (binding.isPresent() && binding.get().isSet()) {
            out.text(" = ").code(binding.get().value());
        } else if (d.arg()) {
            out.text(" (no value)");
        }
        out.paragraph();
        if (binding.isPresent()) {
            origin(graph, binding.get(), place.stage(), out);
        } else {
            out.text("Declared on line " + graph.file().lineNumber(d.name().range().start()) + ".");
        }
        if (place.isGlobalArg()) {
            out.paragraph().text("FROM lines see it; a stage sees it only after ").code("ARG " + name)
                    .text(" in that stage.");
        }
    }

    /** For {@code ${NAME:-word}} and friends, what the whole reference becomes. */
    private static void expansion(StageGraph graph, Symbol.VariableReference symbol, Visible visible,
            HoverText out) {
        if (symbol.reference().modifier().isEmpty() || !symbol.reference().closed()) {
            return;
        }
        String text = symbol.site().word().value().substring(symbol.reference().start(), symbol.reference().end());
        try {
            String value = Expander.expand(text, n -> visible.lookup(n).map(Binding::value).orElse(null),
                    graph.file().escape());
            out.paragraph().code(text).text(" expands to ").code(value);
        } catch (ExpansionException e) {
            out.paragraph().code(text).text(" fails to expand: " + e.getMessage());
        }
    }

    /** Where the value came from. */
    private static void origin(StageGraph graph, Binding b, Optional<Stage> here, HoverText out) {
        ParsedDockerfile file = graph.file();
        String line = b.range().isEmpty() ? "" : " on line " + file.lineNumber(b.range().start());
        switch (b.origin()) {
            case ENV -> out.text("Set by ENV" + line).text(inherited(graph, b, here)).text(".");
            case ARG -> {
                out.text("Declared by ARG" + line).text(inherited(graph, b, here));
                stageArg(graph, b, out);
            }
            case GLOBAL_ARG -> {
                out.text("Global ARG" + line);
                defaultValue(graph, b, out);
                buildArg(graph, b.name(), out);
            }
            case AUTOMATIC -> out.text("Automatic platform ARG set by BuildKit; this value assumes a build for this"
                    + " machine's platform (it follows --platform).");
            case SCRATCH -> out.text("Set by BuildKit for images built FROM scratch.");
            case BUILD_ARG -> out.text("Set by --build-arg " + b.name() + ".");
            default -> { }
        }
    }

    private static String inherited(StageGraph graph, Binding b, Optional<Stage> here) {
        if (b.stage() < 0 || here.filter(s -> s.index() == b.stage()).isPresent()) {
            return "";
        }
        return " in stage " + graph.stage(b.stage()).displayName() + " (inherited through FROM)";
    }

    /** An in-stage ARG: its default, or the global ARG it takes its value from, and any build arg. */
    private static void stageArg(StageGraph graph, Binding b, HoverText out) {
        Optional<ArgDeclaration> d = GlobalArgs.argDeclaration(graph, b.range());
        if (d.isPresent() && d.get().defaultValue().isPresent()) {
            out.text(", default ").code(d.get().defaultValue().get().value());
            buildArg(graph, b.name(), out);
            return;
        }
        Optional<Binding> global = GlobalArgs.last(graph, b.name());
        if (global.isPresent()) {
            out.text(", which takes the value of the global ARG on line "
                    + graph.file().lineNumber(global.get().range().start()));
            defaultValue(graph, global.get(), out);
        } else if (graph.args().inherited(b.name()).filter(g -> g.origin() == Binding.Origin.AUTOMATIC).isPresent()) {
            out.text(", which takes BuildKit's automatic value for this build.");
            return;
        } else if (graph.args().buildArg(b.name()).isEmpty()) {
            out.text("; it has a value only when ").code("--build-arg " + b.name() + "=…").text(" is given.");
            return;
        }
        buildArg(graph, b.name(), out);
    }

    private static void defaultValue(StageGraph graph, Binding global, HoverText out) {
        Optional<ArgDeclaration> d = GlobalArgs.argDeclaration(graph, global.range());
        if (d.isPresent() && d.get().defaultValue().isPresent()) {
            out.text(", default ").code(d.get().defaultValue().get().value());
        } else {
            out.text(", no default");
        }
    }

    private static void buildArg(StageGraph graph, String name, HoverText out) {
        Optional<String> given = graph.args().buildArg(name);
        if (given.isPresent()) {
            out.text("; overridden by ").code("--build-arg " + name + "=" + given.get()).text(".");
        } else {
            out.text("; a ").code("--build-arg " + name + "=…").text(" overrides it.");
        }
    }

    /** Why a name has no value here, and what would give it one. */
    private static void unknown(StageGraph graph, String name, VariableSites.Site site, boolean open, HoverText out) {
        boolean global = graph.args().declared().stream().anyMatch(b -> b.name().equals(name));
        boolean automatic = graph.args().inherited(name).filter(b -> b.origin() == Binding.Origin.AUTOMATIC)
                .isPresent();
        if (site.scopeStage().isEmpty()) {
            out.text("Only global ARGs declared before this line and BuildKit's automatic platform ARGs are visible"
                    + " here; it expands to an empty string.");
            return;
        }
        if (global || automatic) {
            out.text((global ? "The global ARG " : "The automatic platform ARG ")).code(name)
                    .text(" is not visible in a stage until the stage redeclares it: add ").code("ARG " + name)
                    .text(" after FROM.");
            return;
        }
        boolean shell = site.context() == Context.SHELL || site.context() == Context.RUNTIME;
        if (open) {
            out.text("Not set in this Dockerfile; it may come from the base image ")
                    .code(StageHover.image(chainTop(graph, site.scopeStage().get()))).text(".");
        } else {
            out.text("Not set: it expands to an empty string.");
        }
        if (shell) {
            out.text(" The script may also set it itself.");
        }
    }

    private static Stage chainTop(StageGraph graph, Stage stage) {
        Stage s = stage;
        while (s.base() instanceof Stage.StageBase b && b.index() < s.index()) {
            s = graph.stage(b.index());
        }
        return s;
    }
}
