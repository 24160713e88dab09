package org.soleus.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soleus.core.recording.Side;

final class StrideChartTest {
    private static final double RATE_HZ = 100.0;

    @TempDir
    Path dir;

    @Test
    void rendersBothFeetToAPngOfTheRequestedSize() throws IOException {
        assertTrue(GraphicsEnvironment.isHeadless(), "tests run headless (surefire sets java.awt.headless)");
        Path png = dir.resolve("walk.png");
        Files.writeString(png, "an older file that must be replaced");
        walk().writePng(png, 900, 400);

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(400, image.getHeight());
        assertTrue(countNear(image, StrideChart.LEFT_COLOR) > 300, "left trace drawn");
        assertTrue(countNear(image, StrideChart.RIGHT_COLOR) > 300, "right trace drawn");
        assertTrue(distinctColours(image) > 20, "not blank: " + distinctColours(image) + " colours");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void oneFootAndATimeWindowRenderOnlyThatFoot() throws IOException {
        Path png = dir.resolve("left.png");
        double[] force = stepForce(0.0);
        StrideChart chart = new StrideChart("", 2.0, RATE_HZ)
                .foot(Side.LEFT, force, new double[] {2.5, 3.6}, new double[] {3.1})
                .timeRange(2.0, 4.0);
        Range shown = chart.toChart().getXYPlot().getDomainAxis().getRange();
        assertEquals(2.0, shown.getLowerBound(), 1e-9);
        assertEquals(4.0, shown.getUpperBound(), 1e-9);
        chart.writePng(png, 400, 300);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(countNear(image, StrideChart.LEFT_COLOR) > 100, "left trace drawn");
        assertEquals(0, countNear(image, StrideChart.RIGHT_COLOR), "no right trace");
    }

    @Test
    void rejectsMisuseWithTheFix() {
        StrideChart chart = new StrideChart("t", 0, RATE_HZ);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chart.foot(Side.NONE, new double[10], new double[0], new double[0]));
        assertTrue(e.getMessage().contains("left or right foot"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> chart.foot(Side.LEFT, new double[10], new double[] {Double.NaN}, new double[0]));
        assertTrue(e.getMessage().contains("heel strike time 0 is NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StrideChart("t", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> chart.timeRange(3, 3));
        assertThrows(IllegalStateException.class, chart::toChart);
        chart.foot(Side.RIGHT, new double[10], new double[0], new double[0]);
        e = assertThrows(IllegalArgumentException.class, () -> chart.writePng(dir.resolve("x.png"), 0, 100));
        assertTrue(e.getMessage().contains("got 0 x 100"), e.getMessage());
    }

    /** Ten seconds of both feet, each loaded 62 % of a 1.05 s stride, half a stride apart, with a gap. */
    private static StrideChart walk() {
        double[] left = stepForce(0.0);
        double[] right = stepForce(0.525);
        for (int i = 400; i < 420; i++) {
            right[i] = Double.NaN;
        }
        return new StrideChart("synthetic walk", 0.0, RATE_HZ)
                .foot(Side.LEFT, left, events(0.0, 0.0), events(0.0, 0.651))
                .foot(Side.RIGHT, right, events(0.525, 0.0), events(0.525, 0.651));
    }

    private static double[] stepForce(double offsetS) {
        double[] force = new double[1000];
        for (int i = 0; i < force.length; i++) {
            double phase = ((i / RATE_HZ - offsetS) % 1.05 + 1.05) % 1.05 / 0.651;
            force[i] = phase < 1 ? 750 * Math.sin(Math.PI * phase) * (1 + 0.2 * Math.cos(2 * Math.PI * phase)) : 0;
        }
        return force;
    }

    private static double[] events(double offsetS, double withinStrideS) {
        double[] t = new double[9];
        for (int k = 0; k < t.length; k++) {
            t[k] = offsetS + withinStrideS + 1.05 * k;
        }
        return t;
    }

    private static int countNear(BufferedImage image, Color colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                int d = Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                        + Math.abs(c.getBlue() - colour.getBlue());
                n += d <= 30 ? 1 : 0;
            }
        }
        return n;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
