package dev.stagesmith.server.features.build;

import java.util.Optional;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.WorkDoneProgressNotification;

/**
 * How builds reach the client; the protocol layer implements it with the client's capabilities in mind.
 * Progress tokens are a {@code String} or an {@code Integer}, as LSP allows.
 */
public interface BuildReporter {

    /** A new progress token the client agreed to, or empty when it takes no server-created progress. Blocks. */
    Optional<Object> createProgress();

    void progress(Object token, WorkDoneProgressNotification value);

    /** One log line ({@code stagesmith/buildLog}, and {@code window/logMessage} unless the client opted out). */
    void log(BuildLogParams line);

    void show(MessageType type, String message);

    /** Asks the client to ask for code lenses again, if it can. */
    void refreshLenses();
}
