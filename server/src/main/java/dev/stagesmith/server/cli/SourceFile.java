package dev.stagesmith.server.cli;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.SyntaxError;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A Dockerfile read for a command: the name to show in messages and its text. */
record SourceFile(String name, String text) {

    /** Reads {@code path} ({@code -} is standard input) as UTF-8; invalid bytes become U+FFFD, as in an editor. */
    static SourceFile read(String path, InputStream stdin) {
        try {
            if (path.equals("-")) {
                return new SourceFile("<stdin>", decode(stdin.readAllBytes()));
            }
            Path p = Path.of(path);
            if (Files.isDirectory(p)) {
                Path inside = p.resolve("Dockerfile");
                if (!Files.isRegularFile(inside)) {
                    throw new UserError(path + " is a directory without a Dockerfile; pass the Dockerfile's path",
                            ExitCodes.USAGE);
                }
                p = inside;
                path = inside.toString();
            }
            return new SourceFile(path, decode(Files.readAllBytes(p)));
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read " + path + ": no such file", ExitCodes.USAGE);
        } catch (AccessDeniedException e) {
            throw new UserError("cannot read " + path + ": permission denied", ExitCodes.USAGE);
        } catch (IOException e) {
            throw new UserError("cannot read " + path + ": " + e.getMessage(), ExitCodes.USAGE);
        }
    }

    /** Prints each syntax error of {@code parsed} (this file parsed) as {@code FILE:LINE: message}. */
    void printSyntaxErrors(ParsedDockerfile parsed, PrintWriter err) {
        for (SyntaxError e : parsed.errors()) {
            err.println(name + ":" + parsed.startLine(e.range()) + ": " + e.message());
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
