package dev.stagesmith.server.features.build;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** The client as the server sees it: the protocol's methods plus Stagesmith's build log notification. */
public interface BuildClient extends LanguageClient {

    /** {@code stagesmith/buildLog}: one line of a running build's log. */
    @JsonNotification("stagesmith/buildLog")
    void buildLog(BuildLogParams params);

    /** {@code {uri, target, line}}: the line has no line break. */
    record BuildLogParams(String uri, String target, String line) {}
}
