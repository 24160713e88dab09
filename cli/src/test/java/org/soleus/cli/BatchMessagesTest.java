package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BatchMessagesTest {
    @TempDir
    Path dir;

    private final StringWriter text = new StringWriter();

    private BatchMessages messages(Path... inputs) throws IOException {
        for (Path input : inputs) {
            Files.writeString(input, "time\n");
        }
        return new BatchMessages(new PrintWriter(text), BatchProgress.of(new PrintWriter(text), InputSurvey.of(List.of(inputs)),
                inputs.length), false);
    }

    @Test
    void anInputGetsAtMostTenWarningLinesAndTheCountOfTheRest() throws IOException {
        Path walk = dir.resolve("walk.csv");
        BatchMessages messages = messages(walk);
        List<String> warnings = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            warnings.add(walk + ":" + i + ": gap " + i + " filled");
        }
        messages.readerWarnings(walk, warnings);
        String[] lines = text.toString().split("\\R");
        assertEquals(11, lines.length, text.toString());
        assertEquals("soleus analyze: warning: " + walk + ":10: gap 10 filled", lines[9]);
        assertEquals("soleus analyze: warning: 2 more warnings in summary.json", lines[10]);
    }

    /**
     * The cap counts the warnings an input did not show because of it, not those an earlier input
     * got (which a closing line names, past the cap too).
     */
    @Test
    void theCapCountsOnlyTheWarningsItCut() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        BatchMessages messages = messages(a, b);
        List<String> forA = new ArrayList<>();
        List<String> forB = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            forA.add(a + ":" + i + ": w" + i);
            forB.add(b + ":" + i + ": w" + i);
        }
        messages.readerWarnings(a, forA);
        int linesOfA = text.toString().split("\\R").length;
        messages.readerWarnings(b, forB);
        List<String> all = List.of(text.toString().split("\\R"));
        List<String> linesOfB = all.subList(linesOfA, all.size());
        assertEquals(11, linesOfA, text.toString());
        assertEquals(List.of("soleus analyze: warning: " + b + ":11: w11", "soleus analyze: warning: " + b + ":12: w12"),
                linesOfB, "w1 to w10 were a's; w11 and w12, which a's cap cut, are b's to show");
        text.getBuffer().setLength(0);
        messages.closingLines(2);
        assertEquals(10, text.toString().lines().filter(line -> line.contains(" shown above for " + a)).count(),
                text.toString());
    }

    @Test
    void aWarningOfTheSameTextElsewhereIsShownOnceAndNamedInTheClosingLine() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        BatchMessages messages = messages(a, b);
        messages.readerWarnings(a, List.of(a + ":3: the rate given replaces the file's"));
        messages.readerWarnings(b, List.of(b + ":3: the rate given replaces the file's"));
        messages.closingLines(2);
        assertEquals(List.of("soleus analyze: warning: " + a + ":3: the rate given replaces the file's",
                "soleus analyze: warning: the warning \"the rate given replaces the file's\" shown above for " + a
                        + " was given for 1 more input too: " + b + " (each input's summary.json has its own in full)",
                "soleus analyze: skipped 2 files of the records given: their signal files, read through the .hea, and"
                        + " stride tables"), List.of(text.toString().split("\\R")));
    }
}
