package dev.stagesmith.server.lsp;

import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Progress tokens between lsp4j's {@code Either<String, Integer>} and the features' plain {@code String}/{@code Integer}. */
final class Tokens {

    private Tokens() {}

    static Either<String, Integer> of(Object token) {
        return token instanceof Integer i ? Either.forRight(i) : Either.forLeft(String.valueOf(token));
    }

    /** The token's value, or null for none. */
    static Object value(Either<String, Integer> token) {
        return token == null ? null : token.isLeft() ? token.getLeft() : token.getRight();
    }
}
