package dev.stagesmith.server.cli;

import dev.stagesmith.server.lsp.LspLauncher;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stagesmith lsp}: the language server, on standard input and output or a loopback socket. */
@Command(
        name = "lsp",
        mixinStandardHelpOptions = true,
        description = {
            "Run the language server. By default it speaks LSP over standard input and output;",
            "with --socket it listens on 127.0.0.1:PORT and serves the first client that connects."
        })
final class LspCommand implements Callable<Integer> {

    @Option(names = "--stdio", description = "Use standard input and output (the default).")
    boolean stdio;

    @Option(names = "--socket", paramLabel = "PORT", description = "Listen on 127.0.0.1:PORT instead.")
    Integer port;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port != null && stdio) {
            throw UserError.usage("choose one of --stdio and --socket");
        }
        if (port != null) {
            if (port < 1 || port > 65535) {
                throw UserError.usage("--socket " + port + " is not a port (1-65535)");
            }
            LspLauncher.serveSocket(port);
        } else {
            LspLauncher.serve(System.in, System.out);
        }
        return ExitCodes.OK;
    }
}
