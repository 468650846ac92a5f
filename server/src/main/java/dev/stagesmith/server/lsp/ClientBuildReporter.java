package dev.stagesmith.server.lsp;

import com.google.gson.JsonElement;
import dev.stagesmith.server.features.build.BuildLogParams;
import dev.stagesmith.server.features.build.BuildReporter;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Builds' messages to the client, each only as far as the client announced it understands: server-created
 * progress with {@code window.workDoneProgress}, lens refresh with {@code workspace.codeLens.refreshSupport},
 * the log as {@code stagesmith/buildLog} and also {@code window/logMessage} unless
 * {@code experimental.stagesmithBuildLog} is true.
 */
final class ClientBuildReporter implements BuildReporter {

    private final Supplier<LanguageClient> client;
    private final Supplier<ClientCapabilities> capabilities;
    private final AtomicInteger tokens = new AtomicInteger();

    ClientBuildReporter(Supplier<LanguageClient> client, Supplier<ClientCapabilities> capabilities) {
        this.client = client;
        this.capabilities = capabilities;
    }

    @Override
    public Optional<Object> createProgress() {
        LanguageClient c = client.get();
        var window = capabilities.get().getWindow();
        if (c == null || window == null || !Boolean.TRUE.equals(window.getWorkDoneProgress())) {
            return Optional.empty();
        }
        String token = "stagesmith-build-" + tokens.incrementAndGet() + "-" + UUID.randomUUID();
        try {
            c.createProgress(new WorkDoneProgressCreateParams(Tokens.of(token))).get(10, TimeUnit.SECONDS);
            return Optional.of(token);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }

    @Override
    public void progress(Object token, WorkDoneProgressNotification value) {
        LanguageClient c = client.get();
        if (c != null) {
            c.notifyProgress(new ProgressParams(Tokens.of(token), org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(value)));
        }
    }

    @Override
    public void log(BuildLogParams line) {
        LanguageClient c = client.get();
        if (c instanceof StagesmithClient s) {
            s.buildLog(line);
        }
        if (c != null && !buildLogOnly()) {
            c.logMessage(new MessageParams(MessageType.Log, line.line()));
        }
    }

    @Override
    public void show(MessageType type, String message) {
        LanguageClient c = client.get();
        if (c != null) {
            c.showMessage(new MessageParams(type, message));
        }
    }

    @Override
    public void refreshLenses() {
        LanguageClient c = client.get();
        var ws = capabilities.get().getWorkspace();
        if (c != null && ws != null && ws.getCodeLens() != null
                && Boolean.TRUE.equals(ws.getCodeLens().getRefreshSupport())) {
            c.refreshCodeLenses().exceptionally(e -> null);
        }
    }

    private boolean buildLogOnly() {
        Object experimental = capabilities.get().getExperimental();
        if (!(experimental instanceof JsonElement e) || !e.isJsonObject()) {
            return false;
        }
        JsonElement flag = e.getAsJsonObject().get("stagesmithBuildLog");
        return flag != null && flag.isJsonPrimitive() && flag.getAsJsonPrimitive().isBoolean() && flag.getAsBoolean();
    }
}
