package dev.stagesmith.engine.run;

/** RUN {@code --network}: BuildKit's three modes. */
public enum Network {
    /** The host's network, as BuildKit's default provider gives on a machine without CNI. */
    DEFAULT,
    /** A network namespace with only loopback. */
    NONE,
    /** The host's network namespace. */
    HOST
}
