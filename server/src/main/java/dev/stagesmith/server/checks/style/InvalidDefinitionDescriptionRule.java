package dev.stagesmith.server.checks.style;

import dev.stagesmith.grammar.syntax.Arg;
import dev.stagesmith.grammar.syntax.ArgDeclaration;
import dev.stagesmith.grammar.syntax.Comment;
import dev.stagesmith.grammar.syntax.From;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.ExperimentalRule;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A comment right above FROM or ARG that does not start with the stage or argument name (BuildKit's
 * experimental InvalidDefinitionDescription). Such a comment is what {@code docker build --call=outline}
 * and {@code --call=targets} show as the description, so a stray note there ends up in those listings.
 */
public final class InvalidDefinitionDescriptionRule implements ExperimentalRule {

    @Override
    public String code() {
        return "InvalidDefinitionDescription";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`."
                + " If this is not intended to be a description comment, add an empty line or comment between the"
                + " instruction and the comment.";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        SourceLines lines = new SourceLines(input.file());
        Map<Integer, Comment> commentByLine = new HashMap<>();
        for (Comment c : input.file().comments()) {
            commentByLine.put(lines.line(c.range().start()), c);
        }
        for (Instruction i : input.file().instructions()) {
            List<String> names = names(i);
            Comment comment = commentByLine.get(lines.line(i.range().start()) - 1);
            if (names.isEmpty() || comment == null) {
                continue;
            }
            // BuildKit reads the description from the last comment line; an empty "#" line ends a description.
            String text = SourceLines.trimGoSpace(comment.text());
            if (text.isEmpty() || names.contains(text.split(" ", -1)[0])) {
                continue;
            }
            String kind = i instanceof From ? "FROM" : "ARG";
            String example = names.size() == 1 || i instanceof From ? names.get(0) : "<arg_key>";
            List<Fix> fixes = new ArrayList<>();
            fixes.add(Fix.insert("Separate the comment from " + kind + " with an empty line",
                    lines.end(lines.line(comment.range().start())), "\n"));
            if (!example.startsWith("<")) {
                fixes.add(Fix.replace("Start the comment with '" + example + "'", comment.range(),
                        "# " + example + " " + text));
            }
            out.report(comment.range(), "Comment for " + kind + " should follow the format: `# " + example
                    + " <description>`", Set.of(), fixes);
        }
    }

    /** The names a description may start with: the stage name (as written or lower-cased), or the ARG keys. */
    private static List<String> names(Instruction i) {
        if (i instanceof From f && f.stageName().isPresent()) {
            String name = f.stageName().get().value();
            return List.of(name.toLowerCase(Locale.ROOT), name);
        }
        if (i instanceof Arg a) {
            return a.declarations().stream().map(ArgDeclaration::name).map(Word::value).toList();
        }
        return List.of();
    }
}
