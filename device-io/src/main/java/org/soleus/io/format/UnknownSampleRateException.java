package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file states no sample rate and none was given, so its samples cannot be timed. The message
 * is one line: {@code <file>: the file states no sample rate: <advice>}, the reader's advice on
 * how to give one (gaitmap's: {@code --rate <Hz>}); a caller that knows other ways, such as a
 * table of subjects, puts its own in its place ({@link #withAdvice}).
 */
public final class UnknownSampleRateException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Path file;
    private final String problem;

    /**
     * @param file    the file
     * @param problem what is missing, e.g. {@code the file states no sample rate}
     * @param advice  how to give the rate
     */
    public UnknownSampleRateException(Path file, String problem, String advice) {
        super(file + ": " + problem + ": " + advice);
        this.file = file;
        this.problem = problem;
    }

    /** The message with {@code advice} in place of the reader's. */
    public String withAdvice(String advice) {
        return file + ": " + problem + ": " + advice;
    }
}
