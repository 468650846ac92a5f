package dev.stagesmith.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the generated benchmark Dockerfile to a file, so peers parse exactly the same text. */
public final class WriteGenerated {

    private WriteGenerated() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: WriteGenerated LINES STAGES FILE");
            System.exit(2);
        }
        Files.writeString(Path.of(args[2]), GeneratedDockerfile.generate(Integer.parseInt(args[0]),
                Integer.parseInt(args[1])));
    }
}
