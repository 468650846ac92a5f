package dev.stagesmith.server.features.build;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** {@code workspace/executeCommand} for the build commands; other commands are left to the caller. */
public final class BuildCommands {

    public static final String BUILD_TO_STAGE = "stagesmith.buildToStage";
    public static final String CANCEL_BUILD = "stagesmith.cancelBuild";

    /** The commands this class answers, for {@code executeCommandProvider}. */
    public static final List<String> NAMES = List.of(BUILD_TO_STAGE, CANCEL_BUILD);

    private final BuildService builds;

    public BuildCommands(BuildService builds) {
        this.builds = builds;
    }

    /** The command's answer, or empty when it is not a build command. Never blocks. */
    public Optional<CompletableFuture<Object>> execute(ExecuteCommandParams params) {
        String command = params.getCommand();
        if (!NAMES.contains(command)) {
            return Optional.empty();
        }
        try {
            BuildArguments args = BuildArguments.parse(command, params.getArguments());
            if (BUILD_TO_STAGE.equals(command)) {
                return Optional.of(builds.build(args, params.getWorkDoneToken()));
            }
            return Optional.of(CompletableFuture.completedFuture(builds.cancel(args)));
        } catch (IllegalArgumentException e) {
            return Optional.of(CompletableFuture.failedFuture(new ResponseErrorException(
                    new ResponseError(ResponseErrorCode.InvalidParams, e.getMessage(), null))));
        } catch (ResponseErrorException e) {
            return Optional.of(CompletableFuture.failedFuture(e));
        }
    }
}
