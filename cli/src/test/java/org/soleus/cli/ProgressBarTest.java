package org.soleus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

final class ProgressBarTest {

    @Test
    void redrawsInPlaceAndErasesItself() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 80);
        bar.show(0.5, "1/2 walk.txt: reading");
        assertEquals("\r[############------------]  50%  1/2 walk.txt: reading", text.toString());
        int drawn = text.toString().length() - 1;
        bar.show(1.0, "2/2 x");
        String second = text.toString().substring(drawn + 1);
        assertTrue(second.startsWith("\r[########################] 100%  2/2 x"), second);
        assertEquals(drawn + 1, second.length(), "the shorter line must overwrite the longer one");
        int visible = "[########################] 100%  2/2 x".length();
        bar.clear();
        assertTrue(text.toString().endsWith("\r" + " ".repeat(visible) + "\r"), text.toString());
    }

    @Test
    void cutsLongLabelsToOneLine() {
        StringWriter text = new StringWriter();
        new ProgressBar(new PrintWriter(text), 80).show(0.0, "x".repeat(200));
        assertEquals(80, text.toString().length());
    }
}
