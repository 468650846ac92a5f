package dev.stagesmith.server.lsp;

import dev.stagesmith.server.features.stages.StagesRequest;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import dev.stagesmith.server.workspace.Documents;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * {@code stagesmith/stages} on the wire, as a request and as the command {@code stagesmith.stages}: both
 * hand the same params to {@link StagesRequest}; a request it refuses is answered with RequestFailed.
 */
final class StagesEndpoint implements StagesService {

    private final Requests requests;
    private final Documents documents;

    StagesEndpoint(Requests requests, Documents documents) {
        this.requests = requests;
        this.documents = documents;
    }

    @Override
    public CompletableFuture<StagesRequest.Result> stages(StagesRequest.Params params) {
        return answer(() -> params);
    }

    /** {@code workspace/executeCommand} with {@code stagesmith.stages} and its one argument. */
    CompletableFuture<Object> command(List<Object> arguments) {
        return answer(() -> StagesRequest.params(arguments)).thenApply(r -> r);
    }

    private CompletableFuture<StagesRequest.Result> answer(Supplier<StagesRequest.Params> params) {
        return requests.run(StagesRequest.METHOD, cancel -> {
            try {
                StagesRequest.Params p = params.get();
                if (p == null) {
                    throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                            StagesRequest.METHOD + " needs params {uri, target?, format?}", null));
                }
                Optional<DocumentSnapshot> open = p.uri() == null ? Optional.empty() : documents.get(p.uri());
                DocumentSnapshot snapshot = StagesRequest.snapshot(open, p.uri(), documents.settings());
                cancel.checkCanceled();
                return StagesRequest.answer(snapshot, p);
            } catch (StagesRequest.Refused e) {
                throw new ResponseErrorException(
                        new ResponseError(ResponseErrorCode.RequestFailed, e.getMessage(), null));
            }
        });
    }
}
