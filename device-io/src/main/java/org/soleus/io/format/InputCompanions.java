package org.soleus.io.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The companion files among the inputs of one run: what {@link CompanionFiles} recognises in a
 * file on its own, and besides every signal file that a WFDB header ({@code .hea}) among the
 * inputs lists, whatever its name ({@code rec.hea} listing {@code rec.dat} and
 * {@code rec2.dat}: no {@code rec2.hea} is beside {@code rec2.dat} to tell). A signal file whose
 * header is beside it but not among the inputs is an error that says to give the header, since
 * its record would otherwise not be analysed at all. The headers are
 * read once, when made; one that cannot be read or parsed lists nothing (the WFDB reader says
 * what is wrong with it when it is analysed). Immutable and thread-safe.
 */
public final class InputCompanions {
    /** Header file name per signal file the headers list, keyed by absolute normalised path. */
    private final Map<Path, String> signalFileHeaders;
    /** The headers among the inputs, absolute and normalised. */
    private final Set<Path> headers;

    private InputCompanions(Map<Path, String> signalFileHeaders, Set<Path> headers) {
        this.signalFileHeaders = Map.copyOf(signalFileHeaders);
        this.headers = Set.copyOf(headers);
    }

    /** Reads the signal file lists of the WFDB headers among {@code inputs} (by their {@code .hea} extension). */
    public static InputCompanions of(List<Path> inputs) {
        Map<Path, String> listed = new HashMap<>();
        Set<Path> headers = new HashSet<>();
        for (Path input : inputs) {
            Path fileName = input.getFileName();
            if (fileName == null || !fileName.toString().toLowerCase(Locale.ROOT).endsWith(".hea")
                    || !Files.isRegularFile(input)) {
                continue;
            }
            headers.add(key(input));
            for (String signalFile : CompanionFiles.signalFiles(input)) {
                listed.putIfAbsent(key(input.resolveSibling(signalFile)), fileName.toString());
            }
        }
        return new InputCompanions(listed, headers);
    }

    /**
     * What {@code input} is when it is a companion file, e.g.
     * {@code "a signal file of control1.hea, read through it"}; empty for a recording.
     *
     * @throws DataFormatException for a signal file whose header is not among the inputs: its
     *                             record would not be analysed (the message says to give the header)
     * @throws IOException         when the file cannot be read
     */
    public Optional<String> describe(Path input) throws IOException {
        Optional<CompanionFiles.Companion> alone = CompanionFiles.identify(input, FileHead.read(input));
        if (alone.isPresent()) {
            CompanionFiles.Companion companion = alone.get();
            if (companion.signalOf() != null && !headers.contains(key(companion.signalOf()))) {
                throw new DataFormatException(input, 0, 0, companion.instead());
            }
            return Optional.of(companion.what());
        }
        String header = signalFileHeaders.get(key(input));
        return header == null ? Optional.empty() : Optional.of(CompanionFiles.signalFileOf(header));
    }

    /**
     * Whether {@code input}, a companion file, is part of a record whose WFDB header is among the
     * inputs: one of its signal files (whatever its name) or its stride table. Such files are read
     * through the header, or only sit beside it, as expected of a glob over a record's folder.
     *
     * @throws IOException when the file cannot be read
     */
    public boolean isPartOfARecordGiven(Path input) throws IOException {
        Optional<CompanionFiles.Companion> alone = CompanionFiles.identify(input, FileHead.read(input));
        Path record = alone.map(CompanionFiles.Companion::record).orElse(null);
        return record != null ? headers.contains(key(record)) : signalFileHeaders.containsKey(key(input));
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
