package dev.stagesmith.engine.build;

/** The build stopped because its {@link Cancellation} was pressed; nothing half-written is left behind. */
public final class BuildCancelledException extends BuildException {

    public BuildCancelledException() {
        super("build cancelled");
    }
}
