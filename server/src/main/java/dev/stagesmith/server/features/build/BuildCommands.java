package dev.stagesmith.server.features.build;

import java.util.List;

/** The build commands' ids, as code lenses and {@code executeCommandProvider} name them. */
public final class BuildCommands {

    public static final String BUILD_TO_STAGE = "stagesmith.buildToStage";
    public static final String CANCEL_BUILD = "stagesmith.cancelBuild";

    /** Every build command, for {@code executeCommandProvider}. */
    public static final List<String> NAMES = List.of(BUILD_TO_STAGE, CANCEL_BUILD);

    private BuildCommands() {}
}
