package dev.stagesmith.server.features.semantictokens;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last full result sent for each document, so that a delta request can be answered with the edit from
 * it. Bounded: the documents used least recently are forgotten (their next delta request gets full tokens).
 */
final class TokenResults {

    /** One result: its id and its encoded tokens. */
    record Result(String id, int[] data) {}

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Result> byUri;

    TokenResults(int capacity) {
        this.byUri = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers {@code data} as the latest result for {@code uri} and returns it with a new id. */
    Result remember(String uri, int[] data) {
        Result r = new Result(Long.toString(ids.incrementAndGet()), data);
        synchronized (byUri) {
            byUri.put(uri, r);
        }
        return r;
    }

    /** The latest result for {@code uri}, if its id is {@code id}. */
    Optional<Result> find(String uri, String id) {
        synchronized (byUri) {
            Result r = byUri.get(uri);
            return r != null && r.id().equals(id) ? Optional.of(r) : Optional.empty();
        }
    }
}
