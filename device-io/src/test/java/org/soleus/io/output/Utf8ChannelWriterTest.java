package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class Utf8ChannelWriterTest {
    /** Characters of every UTF-8 length, and both surrogate halves. */
    private static final char[] ALPHABET = {
        'a', '7', ',', '\n', '\u00b2', '\u00e9', '\u20ac', '\ud800', '\udbff', '\udc00', '\udfff', '\uffff',
    };

    /** What the JDK's writer makes of {@code text}, written in one call. */
    private static byte[] jdkUtf8(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            out.write(text);
        }
        return bytes.toByteArray();
    }

    @Test
    void writesWhatTheJdksEncoderWritesWhereverTheCallsSplitTheText() throws IOException {
        Random random = new Random(20261126);
        for (int trial = 0; trial < 2000; trial++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            String text = new String(chars);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Utf8ChannelWriter out = new Utf8ChannelWriter(Channels.newChannel(bytes));
            int at = 0;
            while (at < chars.length) {
                int piece = Math.min(chars.length - at, 1 + random.nextInt(5));
                String part = text.substring(at, at + piece);
                switch (random.nextInt(5)) {
                    case 0 -> out.write(chars, at, piece);
                    case 1 -> out.write(text, at, piece);
                    case 2 -> out.append(new StringBuilder(part));
                    // ASCII as bytes, also right after a high surrogate that then has no low half
                    case 3 -> {
                        if (part.chars().allMatch(c -> c < 0x80)) {
                            out.writeAscii(part.getBytes(StandardCharsets.US_ASCII), 0, piece);
                        } else {
                            out.write(part);
                        }
                    }
                    default -> {
                        piece = 1;
                        out.write(chars[at]);
                    }
                }
                at += piece;
            }
            out.close();
            assertArrayEquals(jdkUtf8(text), bytes.toByteArray(), () -> "text " + text.chars()
                    .mapToObj(c -> String.format("%04x", c)).toList());
        }
    }

    @Test
    void textLongerThanItsBufferArrivesWhole() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 300_000; i++) {
            text.append(i).append(i % 7 == 0 ? "\u00b2\ud83d\ude00\n" : ",");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new Utf8ChannelWriter(Channels.newChannel(bytes))) {
            out.append(text);
        }
        assertEquals(text.toString(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void asciiBytesLongerThanTheBufferArriveWholeAndInOrder() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 300_000; i++) {
            text.append(i).append(i % 9 == 0 ? '\n' : ',');
        }
        byte[] ascii = text.toString().getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Utf8ChannelWriter out = new Utf8ChannelWriter(Channels.newChannel(bytes))) {
            out.write("head,");
            out.writeAscii(ascii, 3, ascii.length - 3);
            out.write('\u00e9');
        }
        assertEquals("head," + text.substring(3) + "\u00e9", bytes.toString(StandardCharsets.UTF_8));
    }
}
