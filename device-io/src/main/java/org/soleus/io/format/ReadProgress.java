package org.soleus.io.format;

/**
 * Told how far {@link Recordings#read} has got in a text file, for a progress display: called
 * on the reading thread, after every part of a file read in parts and every
 * {@value RowStreamer#PROGRESS_ROWS} rows of one read row by row. Files of other formats
 * (WFDB) report nothing.
 */
@FunctionalInterface
public interface ReadProgress {
    /** Reports nothing. */
    ReadProgress NONE = bytes -> { };

    /**
     * @param bytes bytes of the file read so far, from its start
     */
    void readUpTo(long bytes);
}
