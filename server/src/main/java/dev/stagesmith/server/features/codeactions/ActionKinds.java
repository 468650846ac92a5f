package dev.stagesmith.server.features.codeactions;

import java.util.List;
import org.eclipse.lsp4j.CodeActionContext;

/**
 * The kinds of code action the client asked for ({@code context.only}): a kind is accepted when it is one of
 * them or below one of them ({@code refactor} accepts {@code refactor.extract}). No list accepts every kind.
 */
final class ActionKinds {

    private final List<String> only;

    private ActionKinds(List<String> only) {
        this.only = only;
    }

    static ActionKinds of(CodeActionContext context) {
        List<String> only = context == null || context.getOnly() == null ? List.of() : context.getOnly();
        return new ActionKinds(only.stream().filter(k -> k != null && !k.isEmpty()).toList());
    }

    boolean accepts(String kind) {
        if (only.isEmpty()) {
            return true;
        }
        for (String k : only) {
            if (kind.equals(k) || kind.startsWith(k + ".")) {
                return true;
            }
        }
        return false;
    }
}
