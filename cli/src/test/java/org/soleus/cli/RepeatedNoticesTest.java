package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RepeatedNoticesTest {
    private static final String DEFAULT_LENGTH = "the recording states no insole length: 0.27 m assumed";
    private static final String NO_MASS = "no body mass: loading in newtons only";

    @Test
    void aNoticeIsShownForTheFirstInputOnlyAndTheOthersAreCountedOnce() {
        RepeatedNotices notices = new RepeatedNotices("notice", true);
        assertTrue(notices.show(Path.of("data", "a.csv"), DEFAULT_LENGTH));
        assertTrue(notices.show(Path.of("data", "a.csv"), NO_MASS), "another notice is shown too");
        assertTrue(notices.show(Path.of("data", "a.csv"), DEFAULT_LENGTH + " (the other foot)"),
                "the input that got it first shows every notice of its own");
        for (String name : new String[] {"b.csv", "c.csv", "d.csv", "e.csv", "f.csv", "g.csv", "h.csv"}) {
            assertFalse(notices.show(Path.of("data", name), DEFAULT_LENGTH));
        }
        assertFalse(notices.show(Path.of("data", "h.csv"), DEFAULT_LENGTH));
        assertEquals(List.of("the notice \"the recording states no insole length\" shown above for " + Path.of("data", "a.csv")
                + " was given for 7 more inputs too: " + String.join(", ", Path.of("data", "b.csv").toString(),
                Path.of("data", "c.csv").toString(), Path.of("data", "d.csv").toString(), Path.of("data", "e.csv").toString(),
                Path.of("data", "f.csv").toString()) + " and 2 more"
                + " (each input's summary.json has its own in full)"), notices.closingLines(),
                "a notice no other input got needs no closing line");
    }

    @Test
    void aSingleRepeatIsNamedAndALongNoticeIsCut() {
        RepeatedNotices notices = new RepeatedNotices("notice", true);
        String longNotice = "x".repeat(150) + ": details";
        assertTrue(notices.show(Path.of("a.csv"), longNotice));
        assertFalse(notices.show(Path.of("b.csv"), longNotice));
        assertEquals(List.of("the notice \"" + "x".repeat(99) + "…\" shown above for a.csv was given for 1 more input too: b.csv"
                + " (each input's summary.json has its own in full)"), notices.closingLines());
    }

    /** Notices that state the same with other details (an insole size) are one notice; the gist ends before the details. */
    @Test
    void noticesOfTheSameGistAreOne() {
        RepeatedNotices notices = new RepeatedNotices("notice", true);
        assertTrue(notices.show(Path.of("a.txt"), "the recording states no insole length (its insole size '7' is not an EU"
                + " shoe size), so 0.27 m: --insole-length M gives it"));
        assertFalse(notices.show(Path.of("b.txt"), "the recording states no insole length (its insole size '3' is not an EU"
                + " shoe size), so 0.27 m: --insole-length M gives it"));
        assertEquals("no strides", RepeatedNotices.gist("no strides: all 5 candidates were rejected"));
        assertEquals("strides lost to missing samples", RepeatedNotices.gist("strides lost to missing samples (a dropout?): left 1"));
        assertEquals("many candidate strides were rejected", RepeatedNotices.gist("many candidate strides were rejected: left 5"
                + " of 20 (5 stride_duration); a stride lasts 0.6–3 s"));
    }

    /** Warnings are the same only when their texts are: a count or a place in them matters. */
    @Test
    void warningsOfTheSameTextOnlyAreOne() {
        RepeatedNotices warnings = new RepeatedNotices("warning", false);
        assertTrue(warnings.show(Path.of("a.hea"), "signal 2 (right-foot): 1 invalid sample (-2048) read as missing"));
        assertTrue(warnings.show(Path.of("b.hea"), "signal 2 (right-foot): 3 invalid samples (-2048) read as missing"));
        assertTrue(warnings.show(Path.of("a.hea"), "has no time column: --ignore-time changes nothing"));
        assertFalse(warnings.show(Path.of("b.hea"), "has no time column: --ignore-time changes nothing"));
        assertEquals(List.of("the warning \"has no time column\" shown above for a.hea was given for 1 more input too: b.hea"
                + " (each input's summary.json has its own in full)"), warnings.closingLines());
    }

    /** A line that starts with a quoted line of the file is not cut within the quote. */
    @Test
    void aQuotedStartIsKeptWhole() {
        assertEquals("'body_mass_kg: 72' comes after the header row, where metadata lines are comments",
                RepeatedNotices.gist("'body_mass_kg: 72' comes after the header row, where metadata lines are comments:"
                        + " not read (move it above the header row)"));
        assertEquals("'unclosed", RepeatedNotices.gist("'unclosed"));
    }

    @Test
    void noRepeatsNoClosingLines() {
        RepeatedNotices notices = new RepeatedNotices("notice", true);
        assertTrue(notices.show(Path.of("a.csv"), DEFAULT_LENGTH));
        assertTrue(notices.show(Path.of("b.csv"), NO_MASS));
        assertEquals(List.of(), notices.closingLines());
    }
}
