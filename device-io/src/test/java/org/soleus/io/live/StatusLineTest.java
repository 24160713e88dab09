package org.soleus.io.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Messages printed on lines of their own, above a status line drawn in place. */
final class StatusLineTest {
    private static final String NL = System.lineSeparator();

    @Test
    void aMessagePostedFromAnotherThreadIsPrintedByTheLoopOnALineOfItsOwn() throws Exception {
        StringWriter text = new StringWriter();
        StatusLine status = new StatusLine(new PrintWriter(text), true);
        status.draw("12.0 s  100.0 Hz");
        Thread reader = new Thread(() -> status.post("soleus: /dev/ttyUSB0 disconnected"));
        reader.start();
        reader.join();
        assertEquals("\r12.0 s  100.0 Hz", text.toString(), "nothing written into the status line by the other thread");

        status.printPosted();
        status.draw("12.5 s  0.0 Hz");
        assertEquals("\r12.0 s  100.0 Hz" + "\r" + " ".repeat(16) + "\r" + "soleus: /dev/ttyUSB0 disconnected" + NL
                + "\r12.5 s  0.0 Hz", text.toString());
    }

    @Test
    void aShorterStatusLineCoversTheLongerOneBefore() {
        StringWriter text = new StringWriter();
        StatusLine status = new StatusLine(new PrintWriter(text), true);
        status.draw("123456");
        status.draw("1234");
        assertEquals("\r123456\r1234  ", text.toString());
    }

    @Test
    void aLineWiderThanATerminalIsCutSoThatItDoesNotWrap() {
        StringWriter text = new StringWriter();
        StatusLine status = new StatusLine(new PrintWriter(text), true);
        status.draw("x".repeat(120));
        assertEquals("\r" + "x".repeat(78) + "…", text.toString());
    }

    @Test
    void aLineIsCutToTheWidthOfTheTerminal() {
        StringWriter text = new StringWriter();
        StatusLine status = new StatusLine(new PrintWriter(text), true, 40);
        status.draw("x".repeat(120));
        assertEquals("\r" + "x".repeat(38) + "…", text.toString());
    }

    @Test
    void offATerminalNoStatusLineIsDrawnAndMessagesArePlainLines() {
        StringWriter text = new StringWriter();
        StatusLine status = new StatusLine(new PrintWriter(text), false);
        status.draw("12.0 s  100.0 Hz");
        status.post("first");
        status.post("second");
        status.printPosted();
        status.println("third");
        assertEquals("first" + NL + "second" + NL + "third" + NL, text.toString());
    }
}
