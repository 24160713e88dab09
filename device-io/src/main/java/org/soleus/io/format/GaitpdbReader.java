package org.soleus.io.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.soleus.core.recording.BodyMass;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.InsoleCell;
import org.soleus.core.recording.InsoleLayout;
import org.soleus.core.recording.RecordingMetadata;
import org.soleus.core.recording.SampleSink;
import org.soleus.core.recording.Side;
import org.soleus.io.format.text.DelimitedRowParser;
import org.soleus.io.format.text.TextSource;

/**
 * Reads PhysioNet gaitpdb text files ("Gait in Parkinson's Disease",
 * https://physionet.org/content/gaitpdb/): 19 tab-separated columns per line, CRLF line ends, sometimes empty
 * columns at the end of a line: as many as the first line ends in, at most (a row that ends in
 * more has a cell too many). Column 1 is the time in seconds, columns 2–9 the vertical
 * ground reaction force (N) under the 8 sensors of the left foot, 10–17 the right foot,
 * 18 and 19 each foot's total force.
 *
 * <p>Channels: {@code left.insole.cell01_n} … {@code cell08_n}, the same for {@code right},
 * then {@code left.insole.force_n} and {@code right.insole.force_n}. The rate comes from the time
 * column (100 Hz in the database). Each foot's {@link InsoleLayout} holds the sensor positions
 * that the database's {@code format.txt} lists (arbitrary units). The body mass comes from a
 * {@code demographics.txt} beside the file (row {@code ID} = file name before {@code _}, or the
 * one row whose ID differs from it only by O written as 0, with a warning; column {@code Weight};
 * {@code NaN} = unknown), unless given in the options; no such file, or
 * one that cannot be read or used for the subject, is a warning naming it and why, and leaves
 * the body mass unknown.
 *
 * <p>Stateless and thread-safe.
 */
public final class GaitpdbReader implements RecordingReader {
    /** Columns per line. */
    public static final int COLUMNS = 19;
    private static final int SENSORS_PER_FOOT = 8;
    /** The table of subjects beside the data files. */
    private static final String DEMOGRAPHICS = "demographics.txt";
    /** How a warning about {@value #DEMOGRAPHICS} ends. */
    private static final String MASS_UNKNOWN = Recordings.BODY_MASS_UNKNOWN;

    /**
     * Sensor positions (x, y) in arbitrary units, origin between the feet, y forward, from the
     * table "Sensor X Y" in gaitpdb's {@code format.txt} (after the Infotronic documentation):
     * L1–L8 then R1–R8.
     */
    private static final double[][] SENSOR_XY = {
            {-500, -800}, {-700, -400}, {-300, -400}, {-700, 0}, {-300, 0}, {-700, 400}, {-300, 400}, {-500, 800},
            {500, -800}, {700, -400}, {300, -400}, {700, 0}, {300, 0}, {700, 400}, {300, 400}, {500, 800},
    };

    private static final List<ChannelName> CHANNELS = channels();
    private static final Map<Side, InsoleLayout> LAYOUTS = layouts();

    @Override
    public RecordingFormat format() {
        return RecordingFormat.GAITPDB;
    }

    private static List<ChannelName> channels() {
        List<ChannelName> names = new ArrayList<>();
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            for (int i = 1; i <= SENSORS_PER_FOOT; i++) {
                names.add(ChannelName.of(side, "insole", cellQuantity(i), "n"));
            }
        }
        names.add(ChannelName.of(Side.LEFT, "insole", "force", "n"));
        names.add(ChannelName.of(Side.RIGHT, "insole", "force", "n"));
        return List.copyOf(names);
    }

    private static String cellQuantity(int oneBased) {
        return oneBased < 10 ? "cell0" + oneBased : "cell" + oneBased;
    }

    private static Map<Side, InsoleLayout> layouts() {
        Map<Side, InsoleLayout> map = new EnumMap<>(Side.class);
        for (int s = 0; s < 2; s++) {
            List<InsoleCell> cells = new ArrayList<>();
            for (int i = 0; i < SENSORS_PER_FOOT; i++) {
                double[] xy = SENSOR_XY[s * SENSORS_PER_FOOT + i];
                cells.add(new InsoleCell(cellQuantity(i + 1), xy[0], xy[1], Double.NaN));
            }
            map.put(s == 0 ? Side.LEFT : Side.RIGHT, new InsoleLayout("au", Double.NaN, cells));
        }
        return map;
    }

    @Override
    public void read(Path path, ReadOptions options, SampleSink sink) throws IOException {
        List<String> warnings = new ArrayList<>();
        RecordingMetadata metadata = metadata(path, options, warnings);
        String[] labels = new String[COLUMNS];
        int[] targets = new int[COLUMNS];
        labels[0] = "time";
        targets[0] = DelimitedRowParser.TIME;
        for (int c = 1; c < COLUMNS; c++) {
            labels[c] = CHANNELS.get(c - 1).toString();
            targets[c] = c - 1;
        }
        try (TextSource text = TextSource.open(path)) {
            if (text.atEnd()) {
                throw new DataFormatException(path, 0, 0, "the file is empty");
            }
            DelimitedRowParser rows = new DelimitedRowParser(text, '\t', labels, targets);
            new RowStreamer(path, rows, CHANNELS.size(), true).stream(path.toString(), CHANNELS, metadata,
                    StatedRate.NONE, Double.NaN, options, "pass the rate explicitly (--rate 100 for gaitpdb)", sink, warnings);
        }
    }

    private static RecordingMetadata metadata(Path path, ReadOptions options, List<String> warnings) {
        String name = String.valueOf(path.getFileName());
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
        int underscore = stem.indexOf('_');
        String subject = underscore > 0 ? stem.substring(0, underscore) : stem;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("source_format", "physionet-gaitpdb");
        properties.put("source_file", name);
        properties.put("subject", subject);
        if (subject.length() >= 4) {
            String group = subject.substring(2, 4);
            properties.put("study", subject.substring(0, 2));
            if (group.equalsIgnoreCase("Co")) {
                properties.put("group", "control");
            } else if (group.equalsIgnoreCase("Pt")) {
                properties.put("group", "parkinson");
            }
        }
        if (underscore > 0) {
            properties.put("walk", stem.substring(underscore + 1));
        }
        properties.put("sensor_placement", "insole, 8 force sensors per foot (format.txt)");
        List<String> demographicsWarnings = new ArrayList<>();
        double massKg = bodyMassFromDemographics(path, subject, demographicsWarnings);
        if (!Double.isNaN(massKg) && Double.isNaN(options.bodyMassKg())) {
            properties.put(RecordingMetadata.BODY_MASS_SOURCE, DEMOGRAPHICS);
        }
        if (Double.isNaN(options.bodyMassKg())) {
            warnings.addAll(demographicsWarnings);
        }
        massKg = ReaderSupport.explicitBodyMass(path + ": ", DEMOGRAPHICS + "'s", massKg, options, warnings);
        return new RecordingMetadata(massKg, LAYOUTS, properties);
    }

    /**
     * The subject's weight from {@code demographics.txt} in the same folder (the subject's ID
     * matched ignoring case: a file renamed to lower case keeps its subject; failing that, the
     * one row whose ID differs only by O written as 0, with a warning), or NaN when the
     * file, the subject or the weight is missing. The file only adds the body mass, so its
     * problems never fail the read: a file that is there but cannot be read, that is damaged,
     * lacks the subject or gives no usable weight adds a warning naming the file (with line and
     * column where a cell is at fault) and the reason, and the mass stays unknown. No file at
     * all is a warning too, naming the file looked for: gaitpdb's force is in newtons, whose
     * loading in body weights needs the mass, so a walk copied away from its table would
     * otherwise fail without saying why the mass is unknown.
     */
    static double bodyMassFromDemographics(Path dataFile, String subject, List<String> warnings) {
        Path demographics = dataFile.resolveSibling(DEMOGRAPHICS);
        if (!Files.exists(demographics)) {
            warnings.add(demographics + ": no such file (gaitpdb's subject table, whose Weight column gives the body"
                    + " mass)" + MASS_UNKNOWN);
            return Double.NaN;
        }
        try (BufferedReader in = Files.newBufferedReader(demographics, StandardCharsets.ISO_8859_1)) {
            return weight(demographics, in, subject, warnings);
        } catch (IOException e) {
            warnings.add(demographics + ": cannot be read (" + ReaderSupport.reason(e) + ")" + MASS_UNKNOWN);
            return Double.NaN;
        }
    }

    private static double weight(Path demographics, BufferedReader in, String subject, List<String> warnings)
            throws IOException {
        String headerLine = in.readLine();
        if (headerLine == null) {
            warnings.add(demographics + ": is empty; expected a header row naming the ID and Weight columns"
                    + MASS_UNKNOWN);
            return Double.NaN;
        }
        List<String> header = ReaderSupport.tabCells(headerLine);
        int idColumn = header.indexOf("ID");
        int weightColumn = header.indexOf("Weight");
        if (idColumn < 0 || weightColumn < 0) {
            warnings.add(demographics + ":1: expected a tab-separated header row naming the ID and Weight columns, found "
                    + (idColumn < 0 && weightColumn < 0 ? "neither" : "no " + (idColumn < 0 ? "ID" : "Weight")) + MASS_UNKNOWN);
            return Double.NaN;
        }
        String line;
        long lineNumber = 1;
        List<String> row = null;
        long rowLine = 0;
        List<String> nearRow = null;
        long nearLine = 0;
        int nearRows = 0;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            List<String> cells = ReaderSupport.tabCells(line);
            if (cells.size() <= idColumn) {
                continue;
            }
            String id = cells.get(idColumn);
            if (id.equalsIgnoreCase(subject)) {
                if (row == null) {
                    row = cells;
                    rowLine = lineNumber;
                } else if (!sameWeight(cell(cells, weightColumn), cell(row, weightColumn))) {
                    warnings.add(demographics + ":" + lineNumber + ":" + (weightColumn + 1) + ": a second row for subject "
                            + subject + ", with the Weight '" + cell(cells, weightColumn) + "'; the first, on line "
                            + rowLine + ", is taken ('" + cell(row, weightColumn) + "')");
                }
            } else if (oFoldedToZero(id).equals(oFoldedToZero(subject))) {
                nearRow = cells;
                nearLine = lineNumber;
                nearRows++;
            }
        }
        if (row != null) {
            return weightOfRow(demographics + ":" + rowLine + ":", row, subject, weightColumn, warnings);
        }
        if (nearRows == 1) {
            String where = demographics + ":" + nearLine + ":";
            warnings.add(where + (idColumn + 1) + ": no row for subject " + subject + "; taking the row of "
                    + nearRow.get(idColumn) + ", whose ID differs from it only by the letter O written as the digit 0");
            return weightOfRow(where, nearRow, subject, weightColumn, warnings);
        }
        warnings.add(demographics + ": no row for subject " + subject + " (ID column " + (idColumn + 1) + ")"
                + MASS_UNKNOWN);
        return Double.NaN;
    }

    /** Whether two Weight cells give the same weight: as numbers ({@code 83} and {@code 83.0}), or as text. */
    private static boolean sameWeight(String a, String b) {
        double x = ReaderSupport.parseDoubleOrNaN(a);
        return a.equals(b) || x == ReaderSupport.parseDoubleOrNaN(b);
    }

    /** The cell {@code column} of a row, or an empty string where the row ends before it. */
    private static String cell(List<String> cells, int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    /**
     * The body mass in the Weight cell of a subject's row of {@code demographics.txt}, at
     * {@code where} (its file and line).
     */
    private static double weightOfRow(String where, List<String> cells, String subject, int weightColumn,
                                      List<String> warnings) {
        if (cells.size() <= weightColumn) {
            warnings.add(where + (cells.size() + 1) + ": the row of " + subject + " ends after " + cells.size()
                    + " cells, before its Weight cell (column " + (weightColumn + 1) + ")" + MASS_UNKNOWN);
            return Double.NaN;
        }
        String weight = cells.get(weightColumn);
        if (weight.isEmpty() || weight.equalsIgnoreCase("NaN")) {
            warnings.add(where + (weightColumn + 1) + ": the Weight of " + subject + " is "
                    + (weight.isEmpty() ? "empty" : "'" + weight + "'") + " (not recorded)" + MASS_UNKNOWN);
            return Double.NaN;
        }
        double kg = ReaderSupport.parseDoubleOrNaN(weight);
        if (BodyMass.accepted(kg)) {
            return kg;
        }
        warnings.add(where + (weightColumn + 1) + ": expected a body mass of " + BodyMass.RANGE + " as the Weight of "
                + subject + ", found '" + weight + "'" + MASS_UNKNOWN);
        return Double.NaN;
    }

    /**
     * {@code id} in upper case with every letter O as the digit 0: the dataset's table spells one
     * subject {@code Juc010} for {@code JuCo10}, the name of its trial files.
     */
    private static String oFoldedToZero(String id) {
        return id.toUpperCase(Locale.ROOT).replace('O', '0');
    }
}
