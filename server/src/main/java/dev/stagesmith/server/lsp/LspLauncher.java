package dev.stagesmith.server.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Connects a {@link StagesmithLanguageServer} to a client over streams (stdio) or a loopback socket. */
public final class LspLauncher {

    private LspLauncher() {}

    /** Serves one client on {@code in}/{@code out} until the connection ends. */
    public static void serve(InputStream in, OutputStream out) throws InterruptedException {
        StagesmithLanguageServer server = new StagesmithLanguageServer();
        Launcher<LanguageClient> launcher = new Launcher.Builder<LanguageClient>()
                .setLocalService(server)
                .setRemoteInterface(StagesmithClient.class)
                .setInput(in)
                .setOutput(out)
                .create();
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        try {
            listening.get();
        } catch (ExecutionException e) {
            // The stream ended or broke: the editor is gone.
        }
    }

    /** Listens on 127.0.0.1:{@code port} and serves the first client that connects. */
    public static void serveSocket(int port) throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                Socket connection = socket.accept()) {
            serve(connection.getInputStream(), connection.getOutputStream());
        }
    }
}
