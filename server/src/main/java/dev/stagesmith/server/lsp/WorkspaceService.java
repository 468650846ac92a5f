package dev.stagesmith.server.lsp;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;

/** {@code workspace/*}: configuration changes re-read the settings through {@code workspace/configuration}. */
final class WorkspaceService implements org.eclipse.lsp4j.services.WorkspaceService {

    private final Runnable reloadSettings;

    WorkspaceService(Runnable reloadSettings) {
        this.reloadSettings = reloadSettings;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        reloadSettings.run();
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // No watched files are registered yet.
    }
}
