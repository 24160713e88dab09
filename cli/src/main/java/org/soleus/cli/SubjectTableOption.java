package org.soleus.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.soleus.core.analysis.UnknownBodyMassException;
import org.soleus.io.analysis.RecordingAnalysis;
import org.soleus.io.format.DataFormatException;
import org.soleus.io.format.ReadOptions;
import org.soleus.io.format.SubjectTable;
import org.soleus.io.format.UnknownSampleRateException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --subjects CSV}: each recording's subject, its body mass and foot dimensions, and the
 * recording's sample rate ({@link SubjectTable}).
 */
final class SubjectTableOption {

    @Option(names = SubjectTable.OPTION, paramLabel = "CSV",
            description = "Each recording's subject: a CSV file with the column file and any of body_mass_kg, insole_length_m"
                    + " (or insole_size, EU), heel_to_ankle_m and sample_rate_hz, a row per recording naming its file"
                    + " (S01/walk.txt where inputs share a name). A row's values win over --mass, --insole-length,"
                    + " --heel-to-ankle, --rate and the file's"
                    + " (docs/recording-format.md, \"Subjects per recording\").")
    Path file;

    /** The table read, or null without the option. */
    private SubjectTable table;

    /**
     * Reads the table and checks it against the {@code inputs} to analyse (one row per input at
     * most), printing a warning for each row that names none of them: before any input is read.
     *
     * @param warning how a warning line starts
     * @throws IOException when the table is missing, unreadable or malformed, or a row names more
     *                     than one input or an input is named by more than one row: the message
     *                     names the option and the file, and the row where one is at fault
     */
    void read(CommandSpec spec, List<Path> inputs, String warning) throws IOException {
        if (file == null) {
            return;
        }
        if (file.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), SubjectTable.OPTION + ": expected a CSV file, got an"
                    + " empty path");
        }
        try {
            table = SubjectTable.read(file);
            table.requireOneRowPerInput(inputs);
        } catch (DataFormatException e) {
            throw new IOException(SubjectTable.OPTION + " " + e.getMessage(), e);
        } catch (IOException e) {
            String described = ErrorHandler.describe(e, false);
            throw new IOException(SubjectTable.OPTION + " " + (described.startsWith(file.toString()) ? described
                    : file + ": " + described), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        table.rowsNamingNone(inputs).forEach(line -> err.println(warning + line));
    }

    /**
     * {@code analysis} with what the table, when given, has for {@code input}.
     *
     * @throws IllegalArgumentException naming the input and the row, when the row's foot dimension
     *                                  does not fit the other one given for every input
     */
    RecordingAnalysis forInput(RecordingAnalysis analysis, Path input) {
        Optional<SubjectTable.Entry> entry = table == null ? Optional.empty() : table.entryFor(input);
        try {
            return entry.map(analysis::withSubject).orElse(analysis);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(input + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code e}, the body mass of {@code input} being unknown, saying where the table, when given,
     * could give it: the row's empty cell, the missing column or a row to add. It does not keep
     * {@code e} as its cause, whose one line ends in how to give the mass for every input.
     */
    RuntimeException unknownMass(UnknownBodyMassException e, Path input) {
        if (table == null) {
            return e;
        }
        return new IllegalArgumentException(e.getMessage() + "; " + whereTableCouldGive(input, "body_mass_kg",
                table.hasMassColumn(), table.massColumnNumber()) + " (or give --mass KG for every input without one)");
    }

    /**
     * {@code e}, the sample rate of {@code input} being unknown, saying where the table, when
     * given, could give it (the row's empty cell, the missing column or a row to add) instead of
     * the reader's advice; without a table, in a run of several inputs ({@code inputs}), adding
     * that a table can give this input's rate alone, where {@code --rate} would give it to all.
     */
    IOException unknownRate(UnknownSampleRateException e, Path input, int inputs) {
        if (table != null) {
            return new IOException(e.withAdvice(whereTableCouldGive(input, ReadOptions.SAMPLE_RATE_KEY,
                    table.hasRateColumn(), table.rateColumnNumber()) + " (or give --rate HZ for every input)"), e);
        }
        if (inputs > 1) {
            return new IOException(e.getMessage() + "; among inputs at other rates, give this one's in a "
                    + ReadOptions.SAMPLE_RATE_KEY + " column of " + SubjectTable.OPTION + " CSV", e);
        }
        return e;
    }

    /**
     * Where the table could give {@code input} the value of {@code column}: the row's empty cell,
     * the column or a row to add.
     */
    private String whereTableCouldGive(Path input, String column, boolean hasColumn, int columnNumber) {
        return table.entryFor(input)
                .map(row -> hasColumn ? row.givenBy() + ":" + columnNumber + " leaves " + column + " empty: fill it in"
                        : SubjectTable.OPTION + " " + file + " has no " + column + " column: add one")
                .orElse("no row of " + SubjectTable.OPTION + " " + file + " names it: add one");
    }
}
