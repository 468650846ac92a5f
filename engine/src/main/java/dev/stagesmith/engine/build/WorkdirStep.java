package dev.stagesmith.engine.build;

import dev.stagesmith.engine.copy.CopyException;
import dev.stagesmith.engine.copy.Owner;
import dev.stagesmith.engine.copy.UserDb;
import dev.stagesmith.engine.fs.FileEntry;
import dev.stagesmith.engine.fs.FileTree;
import dev.stagesmith.engine.store.BuildCache;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** WORKDIR's {@code mkdir -p}: the directories that do not exist yet, owned by the USER in effect. */
final class WorkdirStep {

    private final BuildSession session;
    private final StageBuilder stage;

    WorkdirStep(BuildSession session, StageBuilder stage) {
        this.session = session;
        this.stage = stage;
    }

    BuildCache.StepRecord create(String dir) throws StepFailure {
        FileTree tree = stage.state().tree();
        String path = tree.resolve(dir.substring(1), true).orElseThrow(
                () -> new StepFailure("WORKDIR " + dir + " goes through a symlink loop"));
        List<FileEntry> created = new ArrayList<>();
        Owner owner = owner(tree);
        String sofar = "";
        for (String part : path.isEmpty() ? new String[0] : path.split("/")) {
            sofar = sofar.isEmpty() ? part : sofar + "/" + part;
            if (tree.get(sofar).isEmpty()) {
                created.add(FileEntry.dir(sofar, 0755, owner.uid(), owner.gid(), session.generatedMtime()));
            } else if (!tree.isDirectory(sofar)) {
                throw new StepFailure("WORKDIR " + dir + ": /" + sofar + " exists and is not a directory");
            }
        }
        if (created.isEmpty()) {
            return new BuildCache.StepRecord(null, 0, "WORKDIR " + dir, session.buildTime());
        }
        try {
            return session.writeLayer(created, "WORKDIR " + dir);
        } catch (IOException e) {
            throw new StepFailure("cannot write the layer: " + e.getMessage(), e);
        }
    }

    private Owner owner(FileTree tree) throws StepFailure {
        String user = stage.user();
        if (user.isEmpty()) {
            return Owner.ROOT;
        }
        try {
            return UserDb.of(tree).resolve(user);
        } catch (CopyException e) {
            throw new StepFailure("WORKDIR with USER " + user + ": " + e.getMessage());
        }
    }
}
