package org.soleus.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides where each input's results go: straight into the output directory for a single
 * input; otherwise into one sub-folder per input named after the file's base name (the name
 * without its last extension), with {@code -2}, {@code -3}, ... appended in input order when
 * base names collide (compared ignoring case, as on case-insensitive file systems), so that
 * no two inputs ever write into the same folder.
 */
final class OutputFolders {

    private OutputFolders() {
    }

    /** Output folder per input, in input order; one entry per position even for repeated paths. */
    static List<Path> assign(List<Path> inputs, Path outDir) {
        if (inputs.size() == 1) {
            return List.of(outDir);
        }
        List<Path> folders = new ArrayList<>(inputs.size());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String base = baseName(inputs.get(i));
            String name = base;
            for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            folders.add(outDir.resolve(name));
        }
        return List.copyOf(folders);
    }

    /** The file name without its last extension: {@code GaCo01_01.txt} gives {@code GaCo01_01}. */
    static String baseName(Path input) {
        Path fileName = input.toAbsolutePath().normalize().getFileName();
        String name = fileName == null ? "input" : fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
