package dev.stagesmith.engine.registry;

import java.io.IOException;

/** A registry operation failed; the message says what, where, and what the user can do about it. */
public class RegistryException extends IOException {

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
