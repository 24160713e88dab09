package org.soleus.io.live;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.soleus.io.serial.ByteLink;
import org.soleus.io.serial.LinkOpener;
import org.soleus.io.serial.SerialPortException;

/**
 * Two ends of an in-memory serial line, with an unplug switch: while unplugged, opening fails
 * with "not found", reads on links opened before report the connection gone and writes fail.
 * Bytes written while no reader is connected are kept, as a pseudo-terminal keeps them, up to
 * 64 kB; then a write waits for a reader, or for its link to be closed.
 */
final class MemoryPort {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private final byte[] buffer = new byte[1 << 16];
    private int head;
    private int size;
    private int generation;
    private boolean plugged = true;

    /** Opens the reading end. */
    LinkOpener reader() {
        return () -> open("reader");
    }

    /** Opens the writing end. */
    LinkOpener writer() {
        return () -> open("writer");
    }

    void unplug() {
        lock.lock();
        try {
            plugged = false;
            generation++;
            head = 0;
            size = 0;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void plug() {
        lock.lock();
        try {
            plugged = true;
        } finally {
            lock.unlock();
        }
    }

    private ByteLink open(String name) throws SerialPortException {
        lock.lock();
        try {
            if (!plugged) {
                throw new SerialPortException(SerialPortException.Kind.NOT_FOUND, "no serial port '" + name + "'");
            }
            return new End(name, generation);
        } finally {
            lock.unlock();
        }
    }

    private final class End implements ByteLink {
        private final String name;
        private final int openedIn;
        private volatile boolean closed;

        End(String name, int openedIn) {
            this.name = name;
            this.openedIn = openedIn;
        }

        @Override
        public int read(byte[] dst, int offset, int length) {
            lock.lock();
            try {
                long waitNanos = TimeUnit.MILLISECONDS.toNanos(20);
                while (size == 0 && generation == openedIn && waitNanos > 0) {
                    waitNanos = readable.awaitNanos(waitNanos);
                }
                if (generation != openedIn) {
                    return -1;
                }
                int n = Math.min(length, size);
                for (int i = 0; i < n; i++) {
                    dst[offset + i] = buffer[(head + i) & (buffer.length - 1)];
                }
                head = (head + n) & (buffer.length - 1);
                size -= n;
                writable.signalAll();
                return n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void write(byte[] src, int offset, int length) throws IOException {
            lock.lock();
            try {
                int done = 0;
                while (done < length) {
                    if (generation != openedIn || closed) {
                        throw new IOException(name + (closed ? ": closed" : ": gone"));
                    }
                    if (size == buffer.length) {
                        writable.await(20, TimeUnit.MILLISECONDS);
                        continue;
                    }
                    int n = Math.min(length - done, buffer.length - size);
                    for (int i = 0; i < n; i++) {
                        buffer[(head + size + i) & (buffer.length - 1)] = src[offset + done + i];
                    }
                    size += n;
                    done += n;
                    readable.signalAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(name + ": interrupted", e);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
