package dev.stagesmith.server.lsp;

import dev.stagesmith.server.features.stages.StagesRequest;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/**
 * The {@code stagesmith/stages} request as lsp4j sees it (a {@code @JsonDelegate} must return an interface);
 * a typed client may use it too.
 */
@JsonSegment("stagesmith")
public interface StagesService {

    @JsonRequest("stages")
    CompletableFuture<StagesRequest.Result> stages(StagesRequest.Params params);
}
