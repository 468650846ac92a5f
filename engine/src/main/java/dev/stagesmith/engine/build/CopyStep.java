package dev.stagesmith.engine.build;

import dev.stagesmith.engine.context.BuildContext;
import dev.stagesmith.engine.copy.Chmod;
import dev.stagesmith.engine.copy.CopyException;
import dev.stagesmith.engine.copy.CopyPlanner;
import dev.stagesmith.engine.copy.CopyRequest;
import dev.stagesmith.engine.copy.Owner;
import dev.stagesmith.engine.copy.UserDb;
import dev.stagesmith.engine.fs.Content;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import dev.stagesmith.engine.oci.Digest;
import dev.stagesmith.engine.store.BuildCache;
import dev.stagesmith.grammar.expand.ExpansionException;
import dev.stagesmith.grammar.expand.Expander;
import dev.stagesmith.grammar.stages.Stage;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.Heredoc;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.Word;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * COPY and ADD: pick the source tree (context, stage, image, named context, downloads, heredocs), plan the
 * layer's entries, key the step on what they contain (content digests, never mtimes; a stage or image
 * source by its own key), and write the layer only on a cache miss. {@code --link} keys without the parent
 * so the layer survives a change of base.
 */
final class CopyStep {

    private static final Set<String> COPY_FLAGS = Set.of("from", "chown", "chmod", "link", "parents", "exclude");
    private static final Set<String> ADD_FLAGS = Set.of("chown", "chmod", "link", "checksum", "keep-git-dir",
            "exclude", "unpack");

    private final BuildSession session;
    private final StageBuilder stage;
    private final Instruction instruction;
    private final boolean add;

    CopyStep(BuildSession session, StageBuilder stage, Instruction instruction) {
        this.session = session;
        this.stage = stage;
        this.instruction = instruction;
        this.add = instruction instanceof Add;
    }

    /** Source words, destination and heredocs of COPY or ADD. */
    private List<Word> sourceWords() {
        return instruction instanceof Copy c ? c.sources() : ((Add) instruction).sources();
    }

    private Optional<Word> destinationWord() {
        return instruction instanceof Copy c ? c.destination() : ((Add) instruction).destination();
    }

    private List<Heredoc> heredocs() {
        return instruction instanceof Copy c ? c.heredocs() : ((Add) instruction).heredocs();
    }

    boolean apply() throws StepFailure {
        String keyword = add ? "ADD" : "COPY";
        for (Flag f : instruction.flags()) {
            if (!(add ? ADD_FLAGS : COPY_FLAGS).contains(f.name())) {
                throw new StepFailure("unknown flag for " + keyword + ": --" + f.name());
            }
        }
        Word destWord = destinationWord().orElseThrow(
                () -> new StepFailure(keyword + " needs at least one source and a destination"));
        String dest = stage.expand(destWord);
        boolean link = boolFlag("link");
        boolean parents = boolFlag("parents");
        List<String> excludes = new ArrayList<>();
        for (Flag f : instruction.flags("exclude")) {
            excludes.add(stage.expand(f.value().orElse("")));
        }
        Optional<Chmod> chmod = Optional.empty();
        Optional<String> chmodText = flagValue("chmod");
        if (chmodText.isPresent()) {
            try {
                chmod = Optional.of(Chmod.parse(chmodText.get()));
            } catch (IllegalArgumentException e) {
                throw new StepFailure(e.getMessage());
            }
        }
        Optional<String> chownText = flagValue("chown");
        CopySources sources = sources(keyword);

        StringBuilder text = new StringBuilder(keyword);
        for (Flag f : instruction.flags()) {
            text.append(' ').append("--").append(f.name()).append(f.value().map(v -> "=" + v).orElse(""));
        }
        sources.written().forEach(s -> text.append(' ').append(s));
        text.append(' ').append(dest);
        String createdBy = text + " # buildkit";
        // A stage's or image's key already fixes every byte it holds, and the key before this step fixes the
        // destination tree, so such a step is looked up before planning: a hit reads no layer at all.
        // --link keys without the parent, so its owners (resolved in the parent) must come from the plan.
        boolean keyedBySource = !link && (sources.key().startsWith("stage ") || sources.key().startsWith("image "));
        // A context COPY whose whole context stats the same as last time finds the content key it computed
        // then, without planning or hashing; anything else plans and keys by content.
        Digest plannedKey = sources.fromContext() && !session.noCache()
                ? Digest.of("planned\n" + stage.state().key + "\n" + text + "\nworkdir " + stage.workdir()
                        + "\nchown " + chownText.orElse("") + "\nexclude " + excludes + "\ncontext "
                        + contextFingerprint())
                : null;
        Optional<Digest> known = plannedKey == null ? Optional.empty() : session.cache().planned(plannedKey);
        List<FileEntry> entries = keyedBySource || known.isPresent() ? null
                : plan(sources, dest, chownText, chmod, link, parents, excludes);
        String content = keyedBySource ? "by source"
                : known.isPresent() ? known.get().toString() : contentKey(entries, sources).toString();
        if (plannedKey != null && known.isEmpty()) {
            session.remember(plannedKey, Digest.parse(content));
        }
        String stepText = text + "\nworkdir " + stage.workdir() + "\nsource " + sources.key() + "\ncontent " + content;
        Digest next = stage.chainKey(stepText);
        Digest recordKey = link ? Digest.of("link\n" + stepText) : next;
        Optional<BuildCache.StepRecord> hit = session.noCache() ? Optional.empty() : session.cache().step(recordKey);
        BuildCache.StepRecord record;
        if (hit.isPresent()) {
            record = hit.get();
        } else {
            if (entries == null) {
                entries = plan(sources, dest, chownText, chmod, link, parents, excludes);
            }
            try {
                record = session.writeLayer(entries, createdBy);
            } catch (IOException e) {
                throw new StepFailure("cannot write the layer: " + e.getMessage(), e);
            }
            session.store(recordKey, record);
        }
        stage.commitLayer(next, record, createdBy);
        return hit.isPresent();
    }

    private Digest contextFingerprint() throws StepFailure {
        try {
            return session.context().fingerprint();
        } catch (IOException e) {
            throw new StepFailure("cannot read the build context: " + e.getMessage(), e);
        }
    }

    /** The layer's entries: {@code --chown} resolved in the stage, then {@link CopyPlanner}. */
    private List<FileEntry> plan(CopySources sources, String dest, Optional<String> chownText, Optional<Chmod> chmod,
            boolean link, boolean parents, List<String> excludes) throws StepFailure {
        Optional<Owner> chown = Optional.empty();
        if (chownText.isPresent()) {
            try {
                chown = Optional.of(UserDb.of(stage.state().tree()).resolve(chownText.get()));
            } catch (CopyException e) {
                throw new StepFailure(e.getMessage());
            }
        }
        FileTree destTree = link ? FileTree.empty() : stage.state().tree();
        try {
            return CopyPlanner.plan(new CopyRequest(sources.paths(), dest, stage.workdir(), sources.tree().get(),
                    sources.fromContext(), destTree, chown, chmod, link, parents, excludes, add && sources.fromContext(),
                    session.generatedMtime(), session.scratchDir()));
        } catch (CopyException e) {
            throw new StepFailure(e.getMessage());
        } catch (IOException e) {
            throw new StepFailure("cannot read the sources: " + e.getMessage(), e);
        }
    }

    private CopySources sources(String keyword) throws StepFailure {
        List<Heredoc> docs = heredocs();
        List<String> written = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<FileEntry> heredocFiles = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        int doc = 0;
        for (Word w : sourceWords()) {
            if (w.value().startsWith("<<") && doc < docs.size()) {
                Heredoc h = docs.get(doc++);
                String body = h.content();
                if (h.expand()) {
                    body = expandHeredoc(body);
                }
                heredocFiles.add(FileEntry.file(h.name(), 0644, 0, 0, session.generatedMtime(),
                        Content.ofBytes(body.getBytes(StandardCharsets.UTF_8))));
                paths.add(h.name());
                written.add(w.value());
                continue;
            }
            String s = stage.expand(w);
            written.add(s);
            if (isUrl(s)) {
                if (!add) {
                    throw new StepFailure("source can't be a URL for COPY: " + s + " (use ADD, or download it in RUN)");
                }
                urls.add(s);
            }
            paths.add(s);
        }
        Optional<String> from = flagValue("from");
        if (!heredocFiles.isEmpty() && (from.isPresent() || heredocFiles.size() != paths.size())) {
            throw new StepFailure(keyword + " cannot mix heredocs with other sources");
        }
        if (!heredocFiles.isEmpty()) {
            FileTree heredocTree = FileTree.empty().apply(heredocFiles);
            return new CopySources(() -> heredocTree, false, paths, written, "heredoc");
        }
        if (!urls.isEmpty()) {
            if (urls.size() != paths.size()) {
                throw new StepFailure("ADD cannot mix URLs with other sources in one instruction");
            }
            return UrlSource.download(session, urls, flagValue("checksum"), paths, written);
        }
        if (flagValue("checksum").isPresent()) {
            throw new StepFailure("--checksum only applies to URL sources");
        }
        if (from.isEmpty()) {
            try {
                BuildContext ctx = session.context();
                return new CopySources(ctx::tree, true, paths, written, "context");
            } catch (IOException e) {
                throw new StepFailure("cannot read the build context: " + e.getMessage(), e);
            }
        }
        return fromSource(from.get(), paths, written);
    }

    /** {@code --from}: a stage index, an earlier stage by name, a named context, or an image. */
    private CopySources fromSource(String from, List<String> paths, List<String> written) throws StepFailure {
        Stage current = stage.stage();
        Optional<Stage> target = Optional.empty();
        if (from.matches("[0-9]+")) {
            int index = Integer.parseInt(from);
            if (index >= session.graph().stages().size()) {
                throw new StepFailure("invalid stage index " + from + ": the Dockerfile has "
                        + session.graph().stages().size() + " stages");
            }
            target = Optional.of(session.graph().stage(index));
        } else {
            target = session.graph().findByName(from);
        }
        if (target.isPresent()) {
            Stage t = target.get();
            if (t.index() >= current.index()) {
                throw new StepFailure("cannot copy from stage \"" + from + "\", it needs to be defined before "
                        + "current stage \"" + current.displayName() + "\"");
            }
            ImageState source = session.stageState(t.index());
            return new CopySources(source::tree, false, paths, written, "stage " + source.key);
        }
        BaseImages.Source image = session.images().forCopy(from);
        if (image.directory() != null) {
            // Files outside the main context are keyed by reading them (see contentKey).
            return new CopySources(image.directory()::tree, false, paths, written, "dir " + image.directory().root());
        }
        return new CopySources(image.state()::tree, false, paths, written, "image " + image.state().key);
    }

    /** What the planned entries contain: path, kind, mode, owner, link and content digest, never mtimes. */
    private Digest contentKey(List<FileEntry> entries, CopySources sources) throws StepFailure {
        List<FileEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(FileEntry::path));
        StringBuilder sb = new StringBuilder();
        try {
            BuildContext ctx = sources.fromContext() ? session.context() : null;
            Map<String, Digest> contextDigests = ctx == null ? Map.of() : contextDigests(ctx, sorted);
            for (FileEntry e : sorted) {
                sb.append(e.path()).append(' ').append(e.type()).append(' ').append(Integer.toOctalString(e.mode()))
                        .append(' ').append(e.uid()).append(':').append(e.gid()).append(' ').append(e.linkTarget());
                if (e.content() != null) {
                    sb.append(' ').append(contentDigest(e.content(), ctx, contextDigests));
                }
                sb.append('\n');
            }
        } catch (IOException e) {
            throw new StepFailure("cannot read a source file: " + e.getMessage(), e);
        }
        return Digest.of(sb.toString());
    }

    private Map<String, Digest> contextDigests(BuildContext ctx, List<FileEntry> entries) throws IOException {
        List<String> rel = new ArrayList<>();
        for (FileEntry e : entries) {
            if (e.content() instanceof Content.OnDisk d && d.file().startsWith(ctx.root())) {
                rel.add(relative(ctx, d.file()));
            }
        }
        return session.hasher().digests(ctx, rel);
    }

    private static String relative(BuildContext ctx, Path file) {
        return ctx.root().relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static String contentDigest(Content c, BuildContext ctx, Map<String, Digest> known) throws IOException {
        if (c instanceof Content.OnDisk d) {
            if (ctx != null && d.file().startsWith(ctx.root())) {
                Digest k = known.get(relative(ctx, d.file()));
                if (k != null) {
                    return k.toString();
                }
            }
            try (var in = c.open()) {
                return Digest.of(in).toString();
            }
        }
        if (c instanceof Content.InMemory m) {
            return Digest.of(m.bytes()).toString();
        }
        // A slice of a stored layer: the source's key already says what it holds.
        return "layer";
    }

    private String expandHeredoc(String body) throws StepFailure {
        try {
            return Expander.process(body, stage.state().env::get, Expander.Options.heredocBody()).value();
        } catch (ExpansionException e) {
            throw new StepFailure("cannot expand the heredoc: " + e.getMessage());
        }
    }

    private boolean boolFlag(String name) throws StepFailure {
        Optional<Flag> f = instruction.flag(name);
        if (f.isEmpty()) {
            return false;
        }
        String v = f.get().value().orElse("true").toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new StepFailure("--" + name + " wants true or false, not '" + v + "'");
        };
    }

    private Optional<String> flagValue(String name) throws StepFailure {
        Optional<Flag> f = instruction.flag(name);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        if (f.get().value().isEmpty() || f.get().value().get().isEmpty()) {
            throw new StepFailure("--" + name + " needs a value");
        }
        return Optional.of(name.equals("from") ? f.get().value().get() : stage.expand(f.get().value().get()));
    }

    static boolean isUrl(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }
}
