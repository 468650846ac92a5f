package dev.stagesmith.server.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a system tool an end-to-end test needs. In CI ({@code CI=true}) a missing tool fails the test;
 * elsewhere the test is skipped with the package to install.
 */
public final class RequiredTool {

    private RequiredTool() {}

    public static Path find(String command, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = command + " is not installed; install the Debian package " + debianPackage
                + " (apt-get install -y " + debianPackage + ")";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
        return null;
    }
}
