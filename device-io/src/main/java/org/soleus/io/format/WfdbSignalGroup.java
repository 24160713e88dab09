package org.soleus.io.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The signals of a WFDB record stored in one signal file: consecutive signal lines of the
 * header that name the same file, whose samples are interleaved frame by frame (Moody, WFDB
 * header(5) and signal(5)). The file is looked up in the header's folder and must be a regular
 * file other than the header; it is opened for decoding ({@link WfdbSampleDecoder}) once it is
 * known to hold a whole frame.
 *
 * @param file        the signal file, resolved beside the header
 * @param first       the first of the group's signals, whose format and byte offset all share
 * @param firstSignal 0-based index of that signal in the header
 * @param signalCount how many signals the file holds
 */
record WfdbSignalGroup(Path file, WfdbSignalSpec first, int firstSignal, int signalCount) {

    /**
     * The groups of the header's signals, in order.
     *
     * @throws DataFormatException at the signal line of a file that is not a valid path, is
     *                             missing, is no regular file or is the header itself
     */
    static List<WfdbSignalGroup> of(WfdbHeader header) throws DataFormatException {
        List<WfdbSignalSpec> signals = header.signals();
        List<WfdbSignalGroup> groups = new ArrayList<>();
        int s = 0;
        while (s < signals.size()) {
            WfdbSignalSpec first = signals.get(s);
            int end = s + 1;
            while (end < signals.size() && signals.get(end).fileName().equals(first.fileName())) {
                end++;
            }
            groups.add(new WfdbSignalGroup(signalFile(header, first), first, s, end - s));
            s = end;
        }
        return groups;
    }

    /** The group of {@code groups} that holds signal {@code signal} (0-based). */
    static WfdbSignalGroup holding(List<WfdbSignalGroup> groups, int signal) {
        for (WfdbSignalGroup g : groups) {
            if (signal < g.firstSignal() + g.signalCount()) {
                return g;
            }
        }
        throw new IllegalStateException("signal " + signal + " belongs to no group");
    }

    /** The file that {@code first}'s line names, checked to be a file of samples. */
    private static Path signalFile(WfdbHeader header, WfdbSignalSpec first) throws DataFormatException {
        Path file;
        try {
            file = header.file().resolveSibling(first.fileName());
        } catch (InvalidPathException e) {
            throw new DataFormatException(header.file(), first.line(), first.fileColumn(),
                    "signal file name '" + first.fileName() + "' is not a valid path: " + e.getReason());
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(header.file(), first.line(), first.fileColumn(),
                    "signal file '" + first.fileName() + "' " + (Files.isDirectory(file)
                            ? "is a directory, " + file + ", not a file of samples"
                            : Files.exists(file) ? "is not a regular file (a named pipe, device or socket): " + file
                            : "not found; looked for " + file));
        }
        if (isSameFile(file, header.file())) {
            throw new DataFormatException(header.file(), first.line(), first.fileColumn(),
                    "signal file '" + first.fileName() + "' is this header itself, expected the file of samples");
        }
        return file;
    }

    /** Whether {@code a} and {@code b} are one file, also by a link or another spelling of its path. */
    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /**
     * A decoder of the file's samples, positioned after its byte offset.
     *
     * @param bufferBytes the decoder's read buffer, at least 3 bytes
     * @throws DataFormatException when the file holds no whole frame of the group's signals
     */
    WfdbSampleDecoder open(WfdbHeader header, int bufferBytes) throws IOException {
        long size = Files.size(file);
        if (wholeSamples(size - first.byteOffset()) < signalCount) {
            throw new DataFormatException(file, 0, 0, "holds no whole frame of samples (" + size
                    + " bytes, format " + first.format() + ", byte offset " + first.byteOffset()
                    + ") for the " + signalCount + " signal(s) described at " + header.file() + ":"
                    + first.line());
        }
        long expected = header.knowsSampleCount() ? header.sampleCount() * signalCount : -1;
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(first.byteOffset());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new WfdbSampleDecoder(in, first.format(), expected, bufferBytes);
    }

    /** How many whole samples {@code bytes} bytes of the file's format hold (a 212 half pair counting as one). */
    private long wholeSamples(long bytes) {
        return switch (first.format()) {
            case 212 -> bytes <= 0 ? 0 : bytes / 3 * 2 + (bytes % 3 == 2 ? 1 : 0);
            case 16 -> Math.max(0, bytes / 2);
            default -> Math.max(0, bytes);
        };
    }
}
