package org.soleus.io.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.soleus.io.serial.ByteLink;

/** A link that fails in any way ends the writer with a failure the producer sees, never a jam. */
final class ChunkWriterTest {
    /** A link whose write throws what a driver wrapper might: an unchecked exception. */
    private static final class BrokenLink implements ByteLink {
        @Override
        public int read(byte[] buffer, int offset, int length) {
            return -1;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            throw new IllegalStateException("port closed by the driver");
        }

        @Override
        public String name() {
            return "broken";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aWriteThatThrowsAnUncheckedExceptionIsAFailureNotAJam() {
        try (ChunkWriter writer = new ChunkWriter(new BrokenLink(), 16)) {
            assertTrue(writer.offer(new byte[] {1, 2, 3}, 3, 1_000_000_000L), "the first chunk is taken");
            // the guard of 10 s only keeps a broken writer from hanging the test
            assertTrue(writer.awaitIdle(10_000_000_000L), "the writer is idle again after the failed write");
            assertTrue(writer.failed());
            assertFalse(writer.offer(new byte[] {4}, 1, 0), "no more chunks after a failure");
        }
    }
}
