package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.soleus.io.format.WfdbTextFields.Field;

/**
 * Recognises the files that sit beside recordings, which a glob over a dataset's folder picks up
 * with them ({@code soleus analyze gaitpdb/*.txt}, {@code soleus analyze gaitndd/*}):
 * <ul>
 *   <li>PhysioNet gaitpdb's subject table {@code demographics.txt} (first line
 *       {@code ID<TAB>Study<TAB>Group...}) and its description {@code format.txt} (first line
 *       {@code Data format:});</li>
 *   <li>a WFDB record's signal file: a file that the {@code .hea} beside it with the same name
 *       up to the extension lists among its signals (gaitndd's {@code control1.let} and
 *       {@code control1.rit} of {@code control1.hea}), read through that header;</li>
 *   <li>PhysioNet gaitndd's stride table: a {@code .ts} file beside a {@code .hea} of the same
 *       name whose first row holds {@value #GAITNDD_STRIDE_COLUMNS} numbers;</li>
 *   <li>PhysioNet gaitndd's subject table {@code subject-description.txt} (first line: an empty
 *       cell, then {@code GROUP} among the tab-separated column names), read through each
 *       record's {@code .hea};</li>
 *   <li>a Markdown document ({@code *.md}, e.g. a dataset's {@code README.md}), or another of a
 *       dataset's documents: its licence, read-me, citation, or a PhysioNet download's file list
 *       and checksums ({@code LICENSE-MIT}, {@code COPYING.LESSER}, {@code README.rst},
 *       {@code CITATION.cff}, {@code RECORDS}, {@code SHA256SUMS.txt} …), that is empty or none of
 *       the recording formats;</li>
 *   <li>a table of results, by its header row: {@code soleus analyze}'s {@code events.csv},
 *       {@code strides.csv}, {@code exercises.csv} and {@code series.csv}, the synthetic
 *       session's truth tables and gaitmap's reference strides ({@link #RESULT_HEADERS}); and a JSON document
 *       ({@code *.json} that starts with {@code {}: {@code summary.json}).</li>
 * </ul>
 * Name and content (or the header beside) must both match, so a recording that happens to
 * carry one of these names is still read; a table of results is known by its header row
 * alone, which no recording has. A signal file named unlike its record
 * ({@code rec2.dat} of {@code rec.hea}) has no header of its own name beside it: among
 * several inputs, {@link InputCompanions} finds it through the headers given with it.
 * Stateless and thread-safe.
 */
public final class CompanionFiles {
    /** What a gaitpdb companion file is, as a notice says it. */
    static final String GAITPDB_COMPANION = "a PhysioNet gaitpdb companion file, not a recording";
    /** What gaitndd's subject table is, as a notice says it. */
    static final String GAITNDD_SUBJECTS = "a PhysioNet gaitndd companion file (the subject table, read through each"
            + " record's .hea), not a recording";
    /** What a Markdown document is, as a notice says it. */
    static final String MARKDOWN = "a Markdown document, not a recording";
    /** What a table of results is, as a notice says it. */
    static final String RESULT_TABLE = "a table of events, strides or other results (soleus analyze's, or a dataset's"
            + " reference), not a recording";
    /** What a JSON document is, as a notice says it. */
    static final String JSON = "a JSON document (a summary.json of soleus analyze?), not a recording";
    /**
     * The starts of the header rows of tables of results: {@code soleus analyze}'s events,
     * strides and exercises, the synthetic session's truth tables of strides and calf raises, and
     * gaitmap's reference strides and stride events.
     */
    static final List<String> RESULT_HEADERS = List.of("side,event,time_s", "side,start_s,end_s,stride_s",
            "side,set,rep,kind", "side,index,start_s,toe_off_s", "set,index,start_s,top_s", "s_id,foot,start,end");
    /**
     * The places of {@code series.csv}'s columns after its time: the derived signals of a leg
     * ({@code left.knee.flexion_deg}, {@code left.ankle.pf_moment_nm}, {@code left.achilles.force_n},
     * {@code left.soleus.dominant}), which no recording has (its places are where sensors sit).
     */
    private static final Set<String> SERIES_PLACES = Set.of("knee", "ankle", "achilles", "soleus");
    /** What a dataset's document is, as a notice says it. */
    static final String DOCUMENT = "a dataset's document (licence, read-me, citation or file list), not a recording";
    /**
     * The first words, in lower case, of the names of a dataset's documents: licence, read-me,
     * citation, and the file lists and checksums of a PhysioNet download.
     */
    private static final Set<String> DOCUMENT_NAMES = Set.of("license", "licence", "copying", "readme", "notice",
            "citation", "authors", "changelog", "records", "sha256sums", "sha1sums", "md5sums");
    /**
     * Numbers in a row of gaitndd's stride table: elapsed time, then the left and right stride,
     * swing and stance times and double support, each in seconds and in % of the stride.
     */
    static final int GAITNDD_STRIDE_COLUMNS = 13;

    /**
     * A recognised companion file.
     *
     * @param what     what it is, as a notice about a skipped input says it
     * @param instead  the error when it is given alone: what it is and what to give instead
     * @param signalOf the WFDB header whose signal file it is, or null for other companions
     * @param record   the WFDB header of the record it is part of (its signal file or stride
     *                 table), or null for other companions
     */
    record Companion(String what, String instead, Path signalOf, Path record) {
        Companion(String what, String instead) {
            this(what, instead, null, null);
        }
    }

    private CompanionFiles() {
    }

    /** The companion file {@code file} is, from its name, its head and the files beside it; empty for any other file. */
    static Optional<Companion> identify(Path file, FileHead head) {
        Path fileName = file.getFileName();
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toString();
        Optional<Companion> ofRecord = ofWfdbRecord(file, name, head);
        if (ofRecord.isPresent()) {
            return ofRecord;
        }
        List<String> lines = head.lines();
        Optional<Companion> document = asDocument(name, lines);
        if (document.isPresent()) {
            return document;
        }
        return lines.isEmpty() ? Optional.empty() : byFirstLine(name, lines.get(0));
    }

    /**
     * A Markdown document or a dataset's document ({@link #isDocumentName}) by its name, when it
     * is empty or none of the recording formats by its content.
     */
    private static Optional<Companion> asDocument(String name, List<String> lines) {
        boolean markdown = name.toLowerCase(Locale.ROOT).endsWith(".md");
        if ((markdown || isDocumentName(name)) && (lines.isEmpty() || FormatDetector.byContent(lines) == null)) {
            String what = markdown ? MARKDOWN : DOCUMENT;
            return Optional.of(new Companion(what, what + ": give the recording files"));
        }
        return Optional.empty();
    }

    /**
     * The companion file whose first line is {@code first}: a table of results, a JSON document,
     * or, by name and first line, a gaitpdb or gaitndd companion.
     */
    private static Optional<Companion> byFirstLine(String name, String first) {
        String stripped = first.strip();
        if (isResultTable(stripped)) {
            return Optional.of(new Companion(RESULT_TABLE, RESULT_TABLE + ": give the recording it came from"));
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".json") && stripped.startsWith("{")) {
            return Optional.of(new Companion(JSON, JSON + ": give the recording it came from"));
        }
        if (name.equals("demographics.txt") || name.equals("format.txt")) {
            return isGaitpdbCompanion(name, stripped)
                    ? Optional.of(new Companion(GAITPDB_COMPANION, GAITPDB_COMPANION)) : Optional.empty();
        }
        if (name.equals(GaitnddSubjectTable.FILE_NAME)) {
            return isGaitnddSubjectHeader(first)
                    ? Optional.of(new Companion(GAITNDD_SUBJECTS, GAITNDD_SUBJECTS + ": give the records' .hea files"))
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Whether gaitpdb's {@code format.txt} or {@code demographics.txt} starts as it does, by its
     * first line stripped of blanks: {@code Data format:}, or {@code ID<TAB>Study<TAB>Group...}.
     */
    private static boolean isGaitpdbCompanion(String name, String stripped) {
        List<String> cells = ReaderSupport.tabCells(stripped);
        return name.equals("format.txt") ? stripped.equals("Data format:")
                : cells.size() > 2 && cells.get(0).equals("ID") && cells.get(1).equals("Study")
                && cells.get(2).equals("Group");
    }

    /** Whether {@code first} is gaitndd's subject table's header row: an empty cell, then {@code GROUP} among the column names. */
    private static boolean isGaitnddSubjectHeader(String first) {
        List<String> cells = ReaderSupport.tabCells(first);
        return cells.size() > 1 && cells.get(0).isEmpty() && cells.contains("GROUP");
    }

    /**
     * Whether {@code header} is the header row of a table of results: it starts as one of
     * {@link #RESULT_HEADERS} (followed by a comma or nothing), or it is {@code series.csv}'s, a
     * time column followed by derived signals of the legs only ({@link #SERIES_PLACES}).
     */
    private static boolean isResultTable(String header) {
        for (String start : RESULT_HEADERS) {
            if (header.equals(start) || header.startsWith(start + ",")) {
                return true;
            }
        }
        String[] cells = header.split(",");
        if (cells.length < 2 || !cells[0].equals("time_s")) {
            return false;
        }
        for (int c = 1; c < cells.length; c++) {
            String[] parts = cells[c].split("\\.");
            if (parts.length < 3 || !(parts[0].equals("left") || parts[0].equals("right")) || !SERIES_PLACES.contains(parts[1])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code name} is that of a dataset's document: its first word (up to a dot, a hyphen
     * or an underscore) one of {@link #DOCUMENT_NAMES}, whatever follows: {@code LICENSE},
     * {@code LICENSE-APACHE-2.0}, {@code COPYING.LESSER}, {@code README.old.txt},
     * {@code CITATION.bib}, PhysioNet's {@code RECORDS} and {@code SHA256SUMS.txt}.
     */
    private static boolean isDocumentName(String name) {
        String lowerCase = name.toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < lowerCase.length() && ".-_".indexOf(lowerCase.charAt(end)) < 0) {
            end++;
        }
        return DOCUMENT_NAMES.contains(lowerCase.substring(0, end));
    }

    /**
     * A signal file or stride table of the WFDB record whose header ({@code <stem>.hea}) is
     * beside {@code file}.
     */
    private static Optional<Companion> ofWfdbRecord(Path file, String name, FileHead head) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || name.substring(dot).equalsIgnoreCase(".hea")) {
            return Optional.empty();
        }
        Path header = file.resolveSibling(name.substring(0, dot) + ".hea");
        if (!Files.isRegularFile(header)) {
            return Optional.empty();
        }
        String headerName = String.valueOf(header.getFileName());
        Path normalised = file.normalize();
        for (String signalFile : signalFiles(header)) {
            if (header.resolveSibling(signalFile).normalize().equals(normalised)) {
                return Optional.of(new Companion(signalFileOf(headerName),
                        "a signal file of " + headerName + ": give " + header + " instead", header, header));
            }
        }
        if (name.substring(dot).equals(".ts") && isStrideRow(head)) {
            String what = "the stride table of " + headerName + ", not a recording";
            return Optional.of(new Companion(what, what + ": give " + header + " instead", null, header));
        }
        return Optional.empty();
    }

    /** What a signal file of the WFDB header {@code headerName} is, as a notice says it. */
    static String signalFileOf(String headerName) {
        return "a signal file of " + headerName + ", read through it";
    }

    /**
     * The signal file names a WFDB header lists; empty when the header cannot be read or parsed
     * (the WFDB reader says what is wrong with it when the header itself is given).
     */
    static List<String> signalFiles(Path header) {
        try {
            return WfdbHeaderParser.parse(header).signals().stream().map(WfdbSignalSpec::fileName).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Whether the head's first non-blank line is a row of a gaitndd stride table: 13 numbers. */
    private static boolean isStrideRow(FileHead head) {
        for (String line : head.lines()) {
            List<Field> fields = WfdbTextFields.split(line);
            if (fields.isEmpty()) {
                continue;
            }
            if (fields.size() != GAITNDD_STRIDE_COLUMNS) {
                return false;
            }
            for (Field field : fields) {
                if (Double.isNaN(ReaderSupport.parseDoubleOrNaN(field.text()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
