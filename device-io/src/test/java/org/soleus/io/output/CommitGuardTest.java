package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class CommitGuardTest {

    /**
     * A stop that comes while a set of renames runs returns only once the set has ended, and the
     * set runs to its end.
     */
    @Test
    void aStopWaitsForTheRenamesUnderWay() throws Exception {
        CommitGuard guard = new CommitGuard();
        CountDownLatch renaming = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        AtomicInteger renamed = new AtomicInteger();
        Thread committer = new Thread(() -> {
            try {
                guard.run(() -> {
                    renamed.incrementAndGet();
                    renaming.countDown();
                    await(mayFinish);
                    renamed.incrementAndGet();
                });
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        committer.start();
        renaming.await();
        Thread stopper = new Thread(guard::stop);
        stopper.start();
        stopper.join(300);
        assertTrue(stopper.isAlive(), "the stop returned while the renames were under way");
        assertEquals(1, renamed.get());

        mayFinish.countDown();
        stopper.join();
        committer.join();
        assertEquals(2, renamed.get(), "the set ran to its end");
    }

    /** Once the stop has begun, a set of renames is refused without running any. */
    @Test
    void noRenamesBeginAfterTheStop() {
        CommitGuard guard = new CommitGuard();
        guard.stop();
        AtomicInteger renamed = new AtomicInteger();
        IOException e = assertThrows(IOException.class, () -> guard.run(renamed::incrementAndGet));
        assertEquals(0, renamed.get());
        assertTrue(e.getMessage().contains("no file was replaced"), e.getMessage());
    }

    /** Before any stop, the renames run and their failure reaches the caller as it is. */
    @Test
    void runsTheRenamesAndPassesTheirFailureOn() {
        CommitGuard guard = new CommitGuard();
        IOException failure = new IOException("disk gone");
        assertEquals(failure, assertThrows(IOException.class, () -> guard.run(() -> {
            throw failure;
        })));
        AtomicInteger renamed = new AtomicInteger();
        assertDoesNotThrow(() -> guard.run(renamed::incrementAndGet));
        assertEquals(1, renamed.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
