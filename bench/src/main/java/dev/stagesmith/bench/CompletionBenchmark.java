package dev.stagesmith.bench;

import dev.stagesmith.server.features.completion.CompletionService;
import dev.stagesmith.server.settings.Settings;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code textDocument/completion} on a generated 3,000-line, 60-stage file, sampled so JMH reports
 * percentiles. {@code cached}: the version's parse and stage model already exist (a second request, or
 * diagnostics ran first); {@code afterEdit}: a new version, so the request also parses and builds the
 * stage model, as the first request after a keystroke does. Target: p95 under 15 ms for both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class CompletionBenchmark {

    /** Where the cursor is: typing a stage at the end, a variable, a keyword or a mount option mid-file. */
    @Param({"copy-from-end", "variable-middle", "keyword-middle", "mount-middle"})
    public String site;

    private String text;
    private Position position;
    private DocumentSnapshot cached;
    private final ClientCapabilities client = client();

    @Setup(Level.Trial)
    public void load() {
        String file = GeneratedDockerfile.generate(3_000, 60);
        int middle = file.indexOf("\nWORKDIR $APP_HOME", file.length() / 2) + 1;
        int at = switch (site) {
            case "copy-from-end" -> {
                file = file + "COPY --from=";
                yield file.length();
            }
            case "variable-middle" -> middle + "WORKDIR $".length();
            case "keyword-middle" -> {
                file = file.substring(0, middle) + "CO\n" + file.substring(middle);
                yield middle + 2;
            }
            case "mount-middle" -> {
                file = file.substring(0, middle) + "RUN --mount=type=cache,\n" + file.substring(middle);
                yield middle + "RUN --mount=type=cache,".length();
            }
            default -> throw new IllegalArgumentException(site);
        };
        text = file;
        String before = file.substring(0, at);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        position = new Position(line, at - before.lastIndexOf('\n') - 1);
        cached = snapshot(1);
        if (complete(cached).getItems().isEmpty()) {
            throw new IllegalStateException("no suggestions at " + site);
        }
    }

    private DocumentSnapshot snapshot(int version) {
        return new DocumentSnapshot("file:///bench/Dockerfile", version, text, Settings.defaults());
    }

    private CompletionList complete(DocumentSnapshot s) {
        return CompletionService.complete(s, position, client, (item, edit) -> item.setTextEdit(Either.forLeft(edit)));
    }

    @Benchmark
    public CompletionList cached() {
        return complete(cached);
    }

    @Benchmark
    public CompletionList afterEdit() {
        return complete(snapshot(2));
    }

    private static ClientCapabilities client() {
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        text.setCompletion(new CompletionCapabilities(new CompletionItemCapabilities(true)));
        caps.setTextDocument(text);
        return caps;
    }
}
