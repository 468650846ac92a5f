package dev.stagesmith.server.lsp;

import dev.stagesmith.server.features.build.BuildLogParams;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** The client as the server sees it: the protocol's methods plus Stagesmith's notifications. */
public interface StagesmithClient extends LanguageClient {

    /** {@code stagesmith/buildLog}: one line of a running build's log. */
    @JsonNotification("stagesmith/buildLog")
    void buildLog(BuildLogParams params);
}
