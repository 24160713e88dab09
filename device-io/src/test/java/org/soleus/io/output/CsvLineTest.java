package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class CsvLineTest {

    @Test
    void cellsOfEveryKindMakeTheLineAStringBuilderWouldMake() {
        CsvLine line = new CsvLine(4);
        line.append("left").append(',').append(0L).append(',').append(-42L).append(',').append(Long.MAX_VALUE)
                .append(',').append(Long.MIN_VALUE).append(',');
        Decimals.append(line, -1.5, 2).append(',').appendDigits(7, 4).append('\n');
        String expected = new StringBuilder("left").append(',').append(0L).append(',').append(-42L).append(',')
                .append(Long.MAX_VALUE).append(',').append(Long.MIN_VALUE).append(",-1.50,0007\n").toString();
        assertEquals(expected, line.toString());
        assertEquals(expected.length(), line.length());
    }

    @Test
    void clearingStartsTheNextLineFromNothing() {
        CsvLine line = new CsvLine(64);
        line.append("a long first line that is longer than the second one");
        assertEquals("b,1", line.clear().append('b').append(',').append(1L).toString());
    }

    @Test
    void aCharacterOrLabelOutsideAsciiIsRefusedAndLeavesTheLineAsItWas() {
        CsvLine line = new CsvLine(8).append("ok,");
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> line.append('\u00e9'));
        assertEquals("not an ASCII character: U+e9", c.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> line.append("M\u00fcller"));
        assertEquals("not an ASCII text: M\u00fcller", s.getMessage());
        assertEquals("ok,", line.toString());
    }

    @Test
    void theSameBytesReachAChannelWriterAndAnyOtherWriter() throws IOException {
        CsvLine line = new CsvLine(16);
        for (int i = 0; i < 50; i++) {
            Decimals.append(line.append("right,"), i * 1.0625, 4).append(',').append((long) i).append(',');
        }
        line.append('\n');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Utf8ChannelWriter channel = new Utf8ChannelWriter(Channels.newChannel(bytes))) {
            line.writeTo(channel);
            line.writeTo(channel);
        }
        StringWriter chars = new StringWriter();
        line.writeTo(chars);
        line.writeTo(chars);
        assertEquals(chars.toString(), bytes.toString(StandardCharsets.UTF_8));
        assertEquals(2 * line.length(), bytes.size());
    }
}
