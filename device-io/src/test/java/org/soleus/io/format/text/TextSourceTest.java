package org.soleus.io.format.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read faults name the file they happened in, as every other error of a reader does. */
final class TextSourceTest {
    @TempDir
    Path dir;

    @Test
    void aFileTruncatedWhileItsPartIsReadIsNamed() throws IOException {
        Path p = Files.writeString(dir.resolve("walk.csv"), "1,2\n3,4\n");
        try (FileChannel channel = FileChannel.open(p, StandardOpenOption.READ);
             TextSource part = TextSource.range(channel, p, 0, 100, true, TextSource.newBuffer())) {
            FileSystemException e = assertThrows(FileSystemException.class, part::readLine);
            assertEquals(p + ": the file ends at byte 8, before the 100 bytes it had when reading began: it was"
                    + " truncated while being read", e.getMessage());
            assertEquals(p.toString(), e.getFile());
        }
    }

    @Test
    void aDeviceReadErrorIsNamedAndSpecificErrorsPassUnchanged() throws IOException {
        Path p = dir.resolve("walk.csv");
        IOException device = new IOException("Input/output error");
        try (TextSource text = new TextSource(failing(device), p, TextSource.DEFAULT_BUFFER_BYTES)) {
            IOException e = assertThrows(IOException.class, text::readLine);
            assertEquals(p + ": cannot be read: Input/output error", e.getMessage());
            assertSame(device, e.getCause());
        }
        InterruptedIOException interrupted = new InterruptedIOException("interrupted");
        try (TextSource text = new TextSource(failing(interrupted), p, TextSource.DEFAULT_BUFFER_BYTES)) {
            assertSame(interrupted, assertThrows(IOException.class, text::readLine));
        }
    }

    private static InputStream failing(IOException fault) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw fault;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw fault;
            }
        };
    }
}
