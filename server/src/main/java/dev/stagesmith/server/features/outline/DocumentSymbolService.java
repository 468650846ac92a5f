package dev.stagesmith.server.features.outline;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.Cmd;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Directive;
import dev.stagesmith.grammar.syntax.Entrypoint;
import dev.stagesmith.grammar.syntax.Env;
import dev.stagesmith.grammar.syntax.Expose;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Healthcheck;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Label;
import dev.stagesmith.grammar.syntax.Maintainer;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Run;
import dev.stagesmith.grammar.syntax.Shell;
import dev.stagesmith.grammar.syntax.StopSignal;
import dev.stagesmith.grammar.syntax.User;
import dev.stagesmith.grammar.syntax.Volume;
import dev.stagesmith.grammar.syntax.Workdir;
import dev.stagesmith.server.features.BaseImages;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.SymbolTag;

/**
 * {@code textDocument/documentSymbol}: the outline of a Dockerfile as a tree, one symbol per stage (named by
 * its stage name or {@code stage-N}, with its base as detail) holding its instructions; parser directives,
 * global ARGs and anything else before the first FROM at the top level. Clients without hierarchical
 * support get the same symbols as a flat list, instructions naming their stage as container.
 */
public final class DocumentSymbolService {

    private DocumentSymbolService() {}

    /** Whether the client shows a tree ({@code hierarchicalDocumentSymbolSupport}). */
    public static boolean hierarchical(ClientCapabilities client) {
        if (client == null || client.getTextDocument() == null || client.getTextDocument().getDocumentSymbol() == null) {
            return false;
        }
        return Boolean.TRUE.equals(client.getTextDocument().getDocumentSymbol().getHierarchicalDocumentSymbolSupport());
    }

    /** The outline as a tree, in file order. */
    public static List<DocumentSymbol> tree(DocumentSnapshot snapshot) {
        ParsedDockerfile file = snapshot.parsed();
        StageGraph graph = snapshot.graph();
        List<Entry> top = new ArrayList<>();
        for (Directive d : file.directives()) {
            top.add(new Entry(d.range().start(),
                    symbol(file, d.name(), SymbolKind.Property, d.range(), d.nameRange(), d.value())));
        }
        for (Instruction i : graph.globalArgInstructions()) {
            top.add(new Entry(i.range().start(), instruction(file, i)));
        }
        for (Instruction i : graph.preamble()) {
            top.add(new Entry(i.range().start(), instruction(file, i)));
        }
        for (Stage s : graph.stages()) {
            DocumentSymbol stage = symbol(file, stageName(s), SymbolKind.Class, s.range(), selection(s),
                    base(graph, s));
            List<DocumentSymbol> children = new ArrayList<>(s.instructions().size());
            for (Instruction i : s.instructions()) {
                children.add(instruction(file, i));
            }
            stage.setChildren(children);
            top.add(new Entry(s.range().start(), stage));
        }
        top.sort(Comparator.comparingInt(Entry::start));
        return top.stream().map(Entry::symbol).toList();
    }

    /** A top-level symbol and where it starts, to put the symbols in file order. */
    private record Entry(int start, DocumentSymbol symbol) {}

    /** What the stage is built on: the image as pulled (as written if unsettled), a stage, scratch. */
    static String base(StageGraph graph, Stage s) {
        if (s.base() instanceof Stage.StageBase b) {
            return "stage " + stageName(graph.stage(b.index()));
        } else if (s.base() instanceof Stage.Scratch) {
            return "scratch";
        }
        return BaseImages.resolved(graph, s).or(() -> s.from().base().map(w -> w.value())).orElse(null);
    }

    /** The outline as a flat list for clients without tree support: each symbol, then its children. */
    public static List<SymbolInformation> flat(DocumentSnapshot snapshot) {
        List<SymbolInformation> out = new ArrayList<>();
        for (DocumentSymbol s : tree(snapshot)) {
            flatten(snapshot.uri(), s, null, out);
        }
        return out;
    }

    private static void flatten(String uri, DocumentSymbol s, String container, List<SymbolInformation> out) {
        SymbolInformation info = new SymbolInformation(s.getName(), s.getKind(), new Location(uri, s.getRange()),
                container);
        info.setTags(s.getTags());
        out.add(info);
        if (s.getChildren() != null) {
            for (DocumentSymbol c : s.getChildren()) {
                flatten(uri, c, s.getName(), out);
            }
        }
    }

    /** The stage name as written, or BuildKit's {@code stage-N} for an unnamed stage. */
    static String stageName(Stage s) {
        return s.nameWord().map(w -> w.value()).filter(n -> !n.isEmpty()).orElse(s.displayName());
    }

    /** The stage name, else the base, else the FROM keyword: what an editor selects for the stage. */
    static TextRange selection(Stage s) {
        From f = s.from();
        return s.nameWord().map(w -> w.range()).or(() -> f.base().map(w -> w.range())).orElse(f.keyword().range());
    }

    private static DocumentSymbol instruction(ParsedDockerfile file, Instruction i) {
        DocumentSymbol s = symbol(file, InstructionSummary.of(file, i), kind(i), i.range(), i.keyword().range(), null);
        if (i instanceof Maintainer) {
            s.setTags(List.of(SymbolTag.Deprecated));
        }
        return s;
    }

    private static DocumentSymbol symbol(ParsedDockerfile file, String name, SymbolKind kind, TextRange range,
            TextRange selection, String detail) {
        TextRange inside = range.contains(selection) ? selection : TextRange.empty(range.start());
        return new DocumentSymbol(name.isEmpty() ? "?" : name, kind, Positions.range(file, range),
                Positions.range(file, inside), detail);
    }

    /** What an instruction is, in the editor's vocabulary of symbol kinds. */
    static SymbolKind kind(Instruction i) {
        if (i instanceof From) {
            return SymbolKind.Class;
        } else if (i instanceof Run || i instanceof Cmd || i instanceof Entrypoint || i instanceof Shell
                || i instanceof Healthcheck) {
            return SymbolKind.Function;
        } else if (i instanceof Copy || i instanceof Add) {
            return SymbolKind.File;
        } else if (i instanceof Arg || i instanceof Env) {
            return SymbolKind.Variable;
        } else if (i instanceof Label) {
            return SymbolKind.Property;
        } else if (i instanceof Expose) {
            return SymbolKind.Interface;
        } else if (i instanceof Workdir || i instanceof Volume) {
            return SymbolKind.Package;
        } else if (i instanceof User) {
            return SymbolKind.Key;
        } else if (i instanceof StopSignal || i instanceof OnBuild) {
            return SymbolKind.Event;
        } else if (i instanceof Maintainer) {
            return SymbolKind.Field;
        }
        return SymbolKind.Null;
    }
}
