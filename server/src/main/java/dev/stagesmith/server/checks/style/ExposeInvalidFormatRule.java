package dev.stagesmith.server.checks.style;

import dev.stagesmith.server.checks.CheckInput;
import dev.stagesmith.server.checks.Findings;
import dev.stagesmith.server.checks.Fix;
import dev.stagesmith.server.checks.Rule;
import dev.stagesmith.server.checks.Severity;

/**
 * An IP address or host port in EXPOSE, {@code EXPOSE 8080:80} (BuildKit's ExposeInvalidFormat): EXPOSE
 * only documents container ports, the mapping is ignored, and BuildKit plans to reject it.
 */
public final class ExposeInvalidFormatRule implements Rule {

    @Override
    public String code() {
        return "ExposeInvalidFormat";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public String summary() {
        return "IP address and host-port mapping should not be used in EXPOSE instruction."
                + " This will become an error in a future release";
    }

    @Override
    public void check(CheckInput input, Findings out) {
        for (ExposedPorts.Port p : ExposedPorts.of(input.graph())) {
            PortSpec spec = p.spec();
            if (spec.ip().isEmpty() && spec.hostPort().isEmpty()) {
                continue;
            }
            String message = "EXPOSE instruction should not define an IP address or host-port mapping, found '"
                    + spec.raw() + "'";
            if (p.literal() && spec.valid()) {
                // The image exposes only the container port: keeping just that changes nothing.
                String port = spec.containerPort() + (spec.proto().isEmpty() ? "" : "/" + spec.proto());
                out.report(p.word().range(), message,
                        Fix.replace("Keep only the container port " + port, p.word().range(), port));
            } else {
                out.report(p.word().range(), message);
            }
        }
    }
}
