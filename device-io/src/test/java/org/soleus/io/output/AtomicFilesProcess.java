package org.soleus.io.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Another process for {@link AtomicFilesTest}: {@code stage <target>} stages a file, prints
 * {@code staged} and then waits for a line on stdin (so that it can be killed while it holds
 * the temporary file); {@code clean <dir> <name>} prints what {@link AtomicFiles#removeAbandoned}
 * removed.
 */
final class AtomicFilesProcess {
    private AtomicFilesProcess() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("stage")) {
            Path target = Path.of(args[1]);
            try (AtomicFiles.Staged unused = AtomicFiles.stage(target, out -> out.write("half of it"))) {
                System.out.println("staged");
                System.out.flush();
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
        } else {
            System.out.println(AtomicFiles.removeAbandoned(Path.of(args[1]), List.of(args[2])));
        }
    }
}
