package dev.stagesmith.server.features.stages;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.server.features.Positions;
import dev.stagesmith.server.graph.GraphFormat;
import dev.stagesmith.server.graph.StageDiagram;
import dev.stagesmith.server.settings.Settings;
import dev.stagesmith.server.workspace.DocumentSnapshot;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Range;

/**
 * {@code stagesmith/stages} (and the command {@code stagesmith.stages}): the stage graph of a Dockerfile
 * as data — stages, bases, FROM ranges, edges, what a target needs — and, on request, as DOT, Mermaid or
 * SVG, for an editor's graph view. Shapes are in docs/lsp-extensions.md.
 */
public final class StagesRequest {

    public static final String METHOD = "stagesmith/stages";
    public static final String COMMAND = "stagesmith.stages";

    private static final Gson GSON = new Gson();

    private StagesRequest() {}

    /** The request: the document, the stage a build would target (name or index), the picture wanted. */
    public record Params(String uri, String target, String format) {}

    /** What a stage starts from: {@code image}, {@code stage} or {@code scratch}, and as text. */
    public record Base(String kind, String text) {}

    /** One stage; {@code name} is null for an unnamed stage, {@code line} and {@code range} are the FROM's. */
    @JsonAdapter(NullName.class)
    public record StageInfo(int index, String name, String label, Base base, int line, Range range, boolean needed) {}

    /** Stage {@code to} uses stage {@code from} by a FROM, a COPY --from or a RUN --mount from=. */
    public record EdgeInfo(int from, int to, String kind, int line, Range range) {}

    /** The answer; {@code rendered} only when a format was asked for. */
    public record Result(String uri, List<StageInfo> stages, List<EdgeInfo> edges, String rendered) {}

    /**
     * Writes {@code "name": null} for an unnamed stage, as the protocol says, where lsp4j's Gson would leave
     * the member out (it does not serialize nulls).
     */
    static final class NullName implements TypeAdapterFactory {
        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
            TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
            return new TypeAdapter<>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    JsonElement tree = delegate.toJsonTree(value);
                    if (tree.isJsonObject() && !tree.getAsJsonObject().has("name")) {
                        JsonObject ordered = new JsonObject();
                        tree.getAsJsonObject().entrySet().forEach(e -> {
                            ordered.add(e.getKey(), e.getValue());
                            if (e.getKey().equals("index")) {
                                ordered.add("name", JsonNull.INSTANCE);
                            }
                        });
                        tree = ordered;
                    }
                    boolean nulls = out.getSerializeNulls();
                    out.setSerializeNulls(true);
                    try {
                        elements.write(out, tree);
                    } finally {
                        out.setSerializeNulls(nulls);
                    }
                }

                @Override
                public T read(JsonReader in) throws IOException {
                    return delegate.read(in);
                }
            };
        }
    }

    /** A request that cannot be answered as asked; the message says what to change. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The command's single argument (a JSON object on the wire) as request params. */
    public static Params params(List<Object> arguments) {
        if (arguments == null || arguments.size() != 1) {
            throw new Refused(COMMAND + " takes one argument {uri, target?, format?}; got "
                    + (arguments == null ? 0 : arguments.size()));
        }
        Object argument = arguments.get(0);
        if (argument instanceof Params p) {
            return p;
        }
        try {
            JsonElement json = argument instanceof JsonElement e ? e : GSON.toJsonTree(argument);
            if (json.isJsonObject()) {
                return GSON.fromJson(json, Params.class);
            }
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            // Reported below, like any other argument of the wrong shape.
        }
        throw new Refused(COMMAND + " takes an object {uri, target?, format?} with string values; got " + argument);
    }

    /**
     * The open document's snapshot, or, for a {@code file:} URI that is not open, the file as saved, read
     * with the current settings: a graph view may ask for a Dockerfile the user never opened.
     */
    public static DocumentSnapshot snapshot(Optional<DocumentSnapshot> open, String uri, Settings settings) {
        if (uri == null || uri.isBlank()) {
            throw new Refused(METHOD + " needs the document's uri");
        }
        if (open.isPresent()) {
            return open.get();
        }
        Optional<Path> path = filePath(uri);
        if (path.isEmpty()) {
            throw new Refused(uri + " is not open; open it in the editor first");
        }
        try {
            return new DocumentSnapshot(uri, 0, Files.readString(path.get(), StandardCharsets.UTF_8), settings);
        } catch (NoSuchFileException e) {
            throw new Refused(uri + " is not open and no such file exists; open or save it first");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new Refused(uri + " is not open and cannot be read (" + e.getMessage() + "); open it first");
        }
    }

    private static Optional<Path> filePath(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Optional.of(Path.of(u)) : Optional.empty();
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    public static Result answer(DocumentSnapshot snapshot, Params params) {
        StageGraph graph = snapshot.graph();
        Optional<GraphFormat> format = format(params.format());
        Optional<Stage> target = Optional.empty();
        if (params.target() != null && !params.target().isEmpty()) {
            target = Optional.of(graph.findTarget(params.target()).orElseThrow(() -> unknownTarget(graph, params)));
        }
        StageDiagram diagram = StageDiagram.of(graph, target);
        ParsedDockerfile file = graph.file();
        List<StageInfo> stages = diagram.nodes().stream().map(n -> new StageInfo(n.index(), n.name().orElse(null),
                n.label(), new Base(n.baseKind().wire(), n.baseText()), n.line(), Positions.range(file, n.from()),
                n.needed())).toList();
        List<EdgeInfo> edges = diagram.edges().stream().map(e -> new EdgeInfo(e.from(), e.to(), e.kind().wire(),
                e.line(), Positions.range(file, e.range()))).toList();
        return new Result(snapshot.uri(), stages, edges, format.map(f -> f.render(diagram)).orElse(null));
    }

    private static Optional<GraphFormat> format(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(GraphFormat.parse(name).orElseThrow(() -> new Refused("format \"" + name
                + "\" is not one of dot, mermaid, svg; pass one of those, or none for the data alone")));
    }

    private static Refused unknownTarget(StageGraph graph, Params params) {
        String file = params.uri().substring(params.uri().lastIndexOf('/') + 1);
        StringBuilder msg = new StringBuilder("target stage \"" + params.target() + "\" is not defined in " + file);
        graph.closestName(params.target()).ifPresent(n -> msg.append("; did you mean \"").append(n).append("\"?"));
        if (graph.stages().isEmpty()) {
            msg.append(", which has no FROM instruction");
        }
        return new Refused(msg.toString());
    }
}
