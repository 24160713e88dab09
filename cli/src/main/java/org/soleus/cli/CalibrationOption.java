package org.soleus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.soleus.core.recording.SampleSink;
import org.soleus.io.calibration.CalibratingSink;
import org.soleus.io.calibration.Calibration;
import org.soleus.io.calibration.CalibrationFile;
import org.soleus.io.format.DataFormatException;
import picocli.CommandLine.Option;

/** {@code --calibration FILE}: converts raw cell counts to newtons ({@link CalibratingSink}). */
final class CalibrationOption {

    @Option(names = "--calibration", paramLabel = "FILE",
            description = "Convert the raw insole cells (<name>_counts) to newtons with this calibration, as "
                    + "'soleus calibrate' writes it (docs/calibration.md); a foot without a force channel gets the "
                    + "sum of its cells.")
    Path file;

    /**
     * The stage that calibrates in front of {@code downstream}, or null without {@code --calibration}.
     *
     * @throws IOException when the file is missing or malformed (the message names it)
     */
    CalibratingSink stage(SampleSink downstream) throws IOException {
        Calibration calibration = read();
        return calibration == null ? null : CalibratingSink.ofWholeStream(calibration, file.toString(), downstream);
    }

    /**
     * The calibration, or null without {@code --calibration}.
     *
     * @throws IOException when the file is malformed (the message names it), or missing or
     *                     unreadable (the message names the option and the file)
     */
    Calibration read() throws IOException {
        if (file == null) {
            return null;
        }
        if (Files.isDirectory(file)) {
            // as an input folder is told, rather than the system's "Is a directory"
            throw new IOException("--calibration " + file + ": is a directory; give the calibration file");
        }
        Optional<Path> through = Files.exists(file) ? Optional.empty() : InputSurvey.fileOnPath(file);
        if (through.isPresent()) {
            // a path through a file (a typo of a folder's name): named, rather than the system's "Not a directory"
            throw new IOException("--calibration " + file + ": " + through.get() + " is a file, not a folder");
        }
        try {
            return CalibrationFile.read(file);
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException e) {
            String described = ErrorHandler.describe(e, false);
            throw new IOException("--calibration " + (described.startsWith(file.toString()) ? described
                    : file + ": " + described), e);
        }
    }

    /** Prints the stage's out-of-range counts on {@code err}, one {@code soleus <command>: warning: } line each. */
    static void reportRange(CalibratingSink stage, PrintWriter err, String command) {
        if (stage != null) {
            for (String line : stage.rangeWarnings()) {
                err.println("soleus " + command + ": warning: " + line);
            }
            err.flush();
        }
    }
}
