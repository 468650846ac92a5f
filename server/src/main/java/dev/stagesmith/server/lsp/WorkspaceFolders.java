package dev.stagesmith.server.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.WorkspaceFolder;

/** The workspace folders a client names at initialize (or its old rootUri), as paths; others are skipped. */
final class WorkspaceFolders {

    private WorkspaceFolders() {}

    @SuppressWarnings("deprecation")
    static List<Path> of(InitializeParams params) {
        List<String> uris = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            params.getWorkspaceFolders().stream().map(WorkspaceFolder::getUri).forEach(uris::add);
        }
        if (uris.isEmpty() && params.getRootUri() != null) {
            uris.add(params.getRootUri());
        }
        List<Path> out = new ArrayList<>();
        for (String u : uris) {
            try {
                URI uri = URI.create(u);
                if ("file".equals(uri.getScheme())) {
                    out.add(Path.of(uri).toAbsolutePath().normalize());
                }
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                // Not a local folder: builds there resolve relative settings against the Dockerfile's directory.
            }
        }
        return List.copyOf(out);
    }
}
