package dev.stagesmith.engine.build;

import dev.stagesmith.engine.context.BuildContext;
import dev.stagesmith.engine.context.ContentHasher;
import dev.stagesmith.engine.context.DockerIgnore;
import dev.stagesmith.engine.store.BuildCache;
import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.stages.StageGraph;
import dev.stagesmith.grammar.syntax.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** What the stages of one build share: the request, the parsed file, the cache, the context, the events. */
final class BuildSession {

    /** The directory under the context where default outputs go; never part of the context itself. */
    static final String OWN_DIR = ".stagesmith";

    private final BuildRequest request;
    private final ParsedDockerfile file;
    private final StageGraph graph;
    private final BuildCache cache;
    private final BuildListener listener;
    private final Cancellation cancellation;
    private final Instant buildTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Map<Instruction, String> triggerTexts = Collections.synchronizedMap(new IdentityHashMap<>());
    final Map<Integer, CompletableFuture<ImageState>> stages = new ConcurrentHashMap<>();
    final Map<Integer, Instant> lastCreated = new ConcurrentHashMap<>();
    /** Stage and image roots materialized for RUN --mount from=, by their cache key. */
    final Map<String, Path> mountRoots = new ConcurrentHashMap<>();
    private BuildContext context;
    private ContentHasher hasher;
    private BaseImages images;
    private final List<Path> scratchDirs = Collections.synchronizedList(new ArrayList<>());

    BuildSession(BuildRequest request, ParsedDockerfile file, StageGraph graph, BuildCache cache,
            BuildListener listener, Cancellation cancellation) {
        this.request = request;
        this.cancellation = cancellation;
        this.file = file;
        this.graph = graph;
        this.cache = cache;
        this.listener = listener;
    }

    /** A finished stage's final state (the scheduler only starts a stage after the ones it needs). */
    ImageState stageState(int index) {
        CompletableFuture<ImageState> f = stages.get(index);
        if (f == null) {
            throw new IllegalStateException("stage " + index + " was not scheduled before a stage that needs it");
        }
        return f.join();
    }

    Cancellation cancellation() {
        return cancellation;
    }

    BuildRequest request() {
        return request;
    }

    ParsedDockerfile file() {
        return file;
    }

    StageGraph graph() {
        return graph;
    }

    BuildCache cache() {
        return cache;
    }

    boolean noCache() {
        return request.noCache();
    }

    void images(BaseImages images) {
        this.images = images;
    }

    BaseImages images() {
        return images;
    }

    void emit(BuildEvent e) {
        try {
            listener.on(e);
        } catch (RuntimeException ignored) {
            // A listener that fails must not fail the build.
        }
    }

    /** The build context, walked once on first use (a target that copies nothing from it never walks it). */
    synchronized BuildContext context() throws IOException {
        if (context == null) {
            DockerIgnore ignore = dockerIgnore();
            context = BuildContext.walk(request.context(), ignore);
            hasher = ContentHasher.open(cache.root(), context.root());
        }
        return context;
    }

    synchronized ContentHasher hasher() throws IOException {
        context();
        return hasher;
    }

    /**
     * {@code <Dockerfile>.dockerignore} next to the Dockerfile wins over the context's {@code .dockerignore},
     * as in BuildKit. Our own output directory is always left out so a build never copies its last output.
     */
    private DockerIgnore dockerIgnore() throws IOException {
        Path specific = request.dockerfile().resolveSibling(request.dockerfile().getFileName() + ".dockerignore");
        Path general = request.context().resolve(".dockerignore");
        Path chosen = Files.isRegularFile(specific) ? specific : Files.isRegularFile(general) ? general : null;
        List<String> patterns = new ArrayList<>();
        if (chosen != null) {
            patterns.addAll(DockerIgnore.readPatterns(Files.readString(chosen)));
        }
        patterns.add(OWN_DIR);
        try {
            return DockerIgnore.of(patterns);
        } catch (DockerIgnore.InvalidPatternException e) {
            throw new IOException(chosen + ": invalid pattern '" + e.pattern() + "': " + e.getMessage()
                    + "; fix or remove the line", e);
        }
    }

    /** A fresh temp directory for this build (downloads, extracted archives), removed when the build ends. */
    Path scratchDir() throws IOException {
        Path dir = Files.createTempDirectory(cache.root(), ".scratch-");
        scratchDirs.add(dir);
        return dir;
    }

    void close() {
        if (hasher != null) {
            hasher.save();
        }
        for (Path dir : scratchDirs) {
            Trees.deleteQuietly(dir);
        }
    }

    /** The history and config time: SOURCE_DATE_EPOCH when set, else when the content was first made. */
    Instant created(Instant made) {
        if (request.sourceDateEpoch().isPresent()) {
            return Instant.ofEpochSecond(request.sourceDateEpoch().getAsLong());
        }
        return made == null ? buildTime : made;
    }

    /**
     * The mtime of what the build makes itself (directories COPY and WORKDIR create, heredoc files):
     * SOURCE_DATE_EPOCH, or the epoch, so those layers are the same from build to build.
     */
    long generatedMtime() {
        return request.sourceDateEpoch().orElse(0L);
    }

    Instant buildTime() {
        return buildTime;
    }

    void store(dev.stagesmith.engine.oci.Digest key, BuildCache.StepRecord record) {
        try {
            cache.putStep(key, record);
        } catch (IOException e) {
            emit(new BuildEvent.Warning("could not record a step in the cache (" + e.getMessage()
                    + "); the next build will do it again"));
        }
    }

    /** Writes a layer into the blob store and returns its record, made now. */
    BuildCache.StepRecord writeLayer(java.util.Collection<dev.stagesmith.engine.fs.FileEntry> entries, String createdBy)
            throws IOException {
        try (dev.stagesmith.engine.store.BlobStore.Writer w = cache.blobs().writer()) {
            dev.stagesmith.engine.layer.LayerWriter.Result r =
                    dev.stagesmith.engine.layer.LayerWriter.write(entries, w, request.sourceDateEpoch());
            w.commit(java.util.Optional.of(r.diffId()));
            return new BuildCache.StepRecord(r.diffId(), r.size(), createdBy, buildTime);
        }
    }

    void registerTrigger(Instruction trigger, String text) {
        triggerTexts.put(trigger, text);
    }

    /** The instruction as the user wrote it, on one line, for progress and history. */
    String display(Instruction i) {
        String trigger = triggerTexts.get(i);
        if (trigger != null) {
            return trigger;
        }
        TextRange r = i.range();
        String text = file.text().substring(r.start(), Math.min(r.end(), file.text().length()));
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        return first.strip().replaceAll("\\s+", " ") + (nl >= 0 && nl < text.strip().length() ? " ..." : "");
    }

    /** Where an instruction is in the Dockerfile; an inherited ONBUILD trigger is not, so it is at its FROM. */
    TextRange rangeOf(Stage stage, Instruction i) {
        return triggerTexts.containsKey(i) ? stage.from().range() : i.range();
    }

    /** A failure naming file:line, the stage and the reason; ONBUILD triggers blame the FROM line. */
    BuildException failure(String message, Stage stage, Instruction culprit, Throwable cause) {
        TextRange where = rangeOf(stage, culprit);
        int line = file.startLine(where);
        String name = request.dockerfile().getFileName() == null ? "Dockerfile"
                : request.dockerfile().getFileName().toString();
        return new BuildException(name + ":" + line + ": stage " + stage.displayName() + ": " + message,
                stage.displayName(), line, where, cause);
    }
}
