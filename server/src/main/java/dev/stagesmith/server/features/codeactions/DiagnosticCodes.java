package dev.stagesmith.server.features.codeactions;

import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Rules;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;

/**
 * The rule code of a diagnostic a client sends back. lsp4j types the code as jsonrpc's {@code Either}, which
 * only the protocol layer may touch, so the code is looked up by equality among the codes Stagesmith
 * publishes; a code no rule has is not one of ours.
 */
final class DiagnosticCodes {

    private static final Map<Object, String> KNOWN = known();

    private DiagnosticCodes() {}

    static Optional<String> of(Diagnostic d) {
        Object code = d.getCode();
        return code == null ? Optional.empty() : Optional.ofNullable(KNOWN.get(code));
    }

    private static Map<Object, String> known() {
        Map<Object, String> out = new HashMap<>();
        for (Rule rule : Rules.all()) {
            Diagnostic probe = new Diagnostic();
            probe.setCode(rule.code());
            out.put(probe.getCode(), rule.code());
        }
        return Map.copyOf(out);
    }
}
