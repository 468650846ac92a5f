package dev.stagesmith.engine.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and secret for one registry. An identity token from {@code docker login} is carried with the
 * user name {@code <token>}, which is how Docker's credential helpers mark it too.
 */
public record Credentials(String username, String secret) {

    static final String IDENTITY_TOKEN_USER = "<token>";

    /** The value of an {@code Authorization: Basic} header. */
    public String basicAuthorization() {
        String pair = username + ":" + secret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[" + username + ", ***]";
    }
}
