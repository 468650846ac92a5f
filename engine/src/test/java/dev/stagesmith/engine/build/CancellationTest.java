package dev.stagesmith.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void runsEachHookOnceAndOnlyWhileRegistered() {
        Cancellation c = new Cancellation();
        AtomicInteger kept = new AtomicInteger();
        AtomicInteger removed = new AtomicInteger();
        c.onCancel(kept::incrementAndGet);
        c.onCancel(removed::incrementAndGet).close();
        c.cancel();
        c.cancel();
        assertEquals(1, kept.get());
        assertEquals(0, removed.get());
        assertThrows(BuildCancelledException.class, c::check);
    }

    @Test
    void aHookRegisteredAfterCancelRunsAtOnce() {
        Cancellation c = new Cancellation();
        c.cancel();
        AtomicInteger ran = new AtomicInteger();
        c.onCancel(ran::incrementAndGet);
        assertEquals(1, ran.get());
    }

    @Test
    void aCancelledBuildStopsBeforeItsFirstStep() {
        Cancellation c = new Cancellation();
        c.cancel();
        assertThrows(BuildCancelledException.class, () -> Builder.build(null, BuildListener.NONE, c));
    }
}
