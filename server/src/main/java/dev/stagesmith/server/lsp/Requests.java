package dev.stagesmith.server.lsp;

import dev.stagesmith.server.features.rename.RenameRefusedException;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import dev.stagesmith.server.workspace.Documents;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Runs requests off the message thread, cancellable, each isolated: a bug answers that one request with
 * an error and the server keeps serving. A request for a document that is not open gets the empty answer;
 * a refused rename gets its reason as the error message.
 */
final class Requests {

    private static final System.Logger LOG = System.getLogger(Requests.class.getName());

    private final ExecutorService executor;
    private final Documents documents;

    Requests(ExecutorService executor, Documents documents) {
        this.executor = executor;
        this.documents = documents;
    }

    /** Runs {@code work} on the latest snapshot of {@code uri}; {@code empty} answers when it is not open. */
    <T> CompletableFuture<T> onDocument(String method, String uri, Supplier<T> empty,
            Function<DocumentSnapshot, T> work) {
        return run(method, cancel -> {
            Optional<DocumentSnapshot> snapshot = uri == null ? Optional.empty() : documents.get(uri);
            if (snapshot.isEmpty()) {
                return empty.get();
            }
            cancel.checkCanceled();
            return work.apply(snapshot.get());
        });
    }

    <T> CompletableFuture<T> run(String method, Function<CancelChecker, T> work) {
        return CompletableFutures.computeAsync(executor, cancel -> {
            try {
                return work.apply(cancel);
            } catch (CancellationException | ResponseErrorException e) {
                throw e;
            } catch (RenameRefusedException e) {
                throw new ResponseErrorException(
                        new ResponseError(ResponseErrorCode.RequestFailed, e.getMessage(), null));
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(Level.ERROR, method + " failed", e);
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError,
                        "Stagesmith could not answer " + method + ": " + e, null));
            }
        });
    }
}
