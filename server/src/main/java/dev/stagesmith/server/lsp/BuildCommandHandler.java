package dev.stagesmith.server.lsp;

import dev.stagesmith.server.features.build.BuildArguments;
import dev.stagesmith.server.features.build.BuildCommands;
import dev.stagesmith.server.features.build.BuildRefusedException;
import dev.stagesmith.server.features.build.BuildService;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * {@code workspace/executeCommand} for the build commands: arguments in, the protocol's errors out
 * (RequestFailed for a refused or failed build, RequestCancelled for a cancelled one). Never blocks.
 */
final class BuildCommandHandler {

    private final BuildService builds;

    BuildCommandHandler(BuildService builds) {
        this.builds = builds;
    }

    /** The command's answer, or empty when it is not a build command. */
    Optional<CompletableFuture<Object>> execute(ExecuteCommandParams params) {
        String command = params.getCommand();
        if (!BuildCommands.NAMES.contains(command)) {
            return Optional.empty();
        }
        try {
            BuildArguments args = BuildArguments.parse(command, params.getArguments());
            if (BuildCommands.CANCEL_BUILD.equals(command)) {
                return Optional.of(CompletableFuture.completedFuture(builds.cancel(args)));
            }
            CompletableFuture<Object> build = builds.build(args, Tokens.value(params.getWorkDoneToken()));
            CompletableFuture<Object> answer = new CompletableFuture<>();
            build.whenComplete((r, e) -> {
                if (e == null) {
                    answer.complete(r);
                } else {
                    answer.completeExceptionally(error(e));
                }
            });
            // $/cancelRequest cancels the answer; that cancels the build.
            answer.whenComplete((r, e) -> {
                if (answer.isCancelled()) {
                    build.cancel(true);
                }
            });
            return Optional.of(answer);
        } catch (IllegalArgumentException e) {
            return Optional.of(CompletableFuture.failedFuture(new ResponseErrorException(
                    new ResponseError(ResponseErrorCode.InvalidParams, e.getMessage(), null))));
        } catch (BuildRefusedException e) {
            return Optional.of(CompletableFuture.failedFuture(error(e)));
        }
    }

    private static ResponseErrorException error(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof BuildRefusedException r) {
            return new ResponseErrorException(new ResponseError(
                    r.cancelled() ? ResponseErrorCode.RequestCancelled : ResponseErrorCode.RequestFailed,
                    r.getMessage(), null));
        }
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError,
                "the build failed unexpectedly: " + cause, null));
    }
}
