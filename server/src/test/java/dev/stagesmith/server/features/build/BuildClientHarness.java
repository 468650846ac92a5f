package dev.stagesmith.server.features.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.stagesmith.engine.image.LayoutImage;
import dev.stagesmith.engine.image.OciLayoutReader;
import dev.stagesmith.engine.oci.Descriptor;
import dev.stagesmith.server.lsp.LspSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensWorkspaceCapabilities;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;

/** What the build tests share: a session with progress and lens refresh, commands, and reading a written layout. */
final class BuildClientHarness {

    private BuildClientHarness() {}

    /** A session on {@code folder} (the workspace folder), with the cache in {@code folder/cache}. */
    static LspSession session(Path folder, String extraSettings) throws Exception {
        LspSession s = new LspSession();
        String settings = "{\"build\": {\"cacheDir\": \"cache\"" + extraSettings + "}}";
        s.configuration(settings);
        s.initialize(p -> {
            // Also as initialization options, so the settings are in place before the first build (the
            // workspace/configuration round trip after initialized is asynchronous).
            p.setInitializationOptions(com.google.gson.JsonParser.parseString(settings));
            ClientCapabilities caps = p.getCapabilities();
            WindowClientCapabilities window = new WindowClientCapabilities();
            window.setWorkDoneProgress(true);
            caps.setWindow(window);
            caps.getWorkspace().setCodeLens(new CodeLensWorkspaceCapabilities(true));
            p.setWorkspaceFolders(List.of(new WorkspaceFolder(folder.toUri().toString(), "test")));
        });
        return s;
    }

    static CompletableFuture<Object> command(LspSession s, String command, String uri, String target) {
        JsonObject arg = new JsonObject();
        arg.addProperty("uri", uri);
        if (target != null) {
            arg.addProperty("target", target);
        }
        return s.server().getWorkspaceService().executeCommand(new ExecuteCommandParams(command, List.of(arg)));
    }

    static JsonObject build(LspSession s, String uri, String target) throws Exception {
        Object r;
        try {
            r = command(s, BuildCommands.BUILD_TO_STAGE, uri, target).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            StringBuilder dump = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, st) -> {
                dump.append(t).append('\n');
                for (StackTraceElement el : st) {
                    dump.append("    ").append(el).append('\n');
                }
            });
            Files.writeString(Path.of("target/build-test-threads.txt"), dump);
            throw e;
        }
        return (JsonObject) com.google.gson.JsonParser.parseString(new com.google.gson.Gson().toJson(r));
    }

    /** The error a command answered with; fails when it succeeded. */
    static ResponseError error(CompletableFuture<Object> f, long seconds) throws Exception {
        try {
            Object r = f.get(seconds, TimeUnit.SECONDS);
            throw new AssertionError("expected an error, got " + r);
        } catch (ExecutionException e) {
            assertTrue(e.getCause() instanceof ResponseErrorException, e.getCause().toString());
            return ((ResponseErrorException) e.getCause()).getResponseError();
        }
    }

    /** Every progress notification until (and with) the next end. */
    static List<ProgressParams> progressUntilEnd(LspSession s) throws InterruptedException {
        List<ProgressParams> out = new ArrayList<>();
        while (true) {
            ProgressParams p = s.progress.poll(30, TimeUnit.SECONDS);
            if (p == null) {
                throw new AssertionError("no progress end within 30 s; got " + out);
            }
            out.add(p);
            if (p.getValue().getLeft() instanceof org.eclipse.lsp4j.WorkDoneProgressEnd) {
                return out;
            }
        }
    }

    /** The paths of every file in the image's layers (as written in the tars, without leading slashes). */
    static TreeSet<String> files(Path layout) throws IOException {
        LayoutImage image = OciLayoutReader.read(layout, Optional.empty());
        TreeSet<String> out = new TreeSet<>();
        for (Descriptor d : image.layers()) {
            String digest = d.digest().toString();
            Path blob = layout.resolve("blobs").resolve("sha256").resolve(digest.substring(digest.indexOf(':') + 1));
            try (InputStream in = Files.newInputStream(blob); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    if (!e.isDirectory()) {
                        out.add(e.getName().replaceFirst("^/", ""));
                    }
                }
            }
        }
        return out;
    }

    static String manifestDigest(Path layout) throws IOException {
        return OciLayoutReader.read(layout, Optional.empty()).descriptor().digest().toString();
    }

    static void assertCode(int code, ResponseError e) {
        assertEquals(code, e.getCode(), e.getMessage());
    }
}
