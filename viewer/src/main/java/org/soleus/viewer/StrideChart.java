package org.soleus.viewer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.ui.Layer;
import org.soleus.core.recording.SampleRates;
import org.soleus.core.recording.Side;

/**
 * Force against time for one or both feet, with a vertical line at every heel strike (solid) and
 * toe off (dashed), rendered to PNG. Each foot has its own colour (Okabe–Ito blue for the left,
 * vermilion for the right, distinguishable with the common colour-vision deficiencies); its event
 * lines are a lighter shade of it. Dense signals are drawn with JFreeChart's
 * {@link SamplingXYLineRenderer}, which draws one vertical min–max bar per pixel column instead of
 * every segment, so hours of 100 Hz data render quickly; NaN samples leave gaps.
 *
 * <pre>
 *   new StrideChart("walk", 0.0, 100.0)
 *       .foot(Side.LEFT, leftForceN, leftHeelStrikesS, leftToeOffsS)
 *       .foot(Side.RIGHT, rightForceN, rightHeelStrikesS, rightToeOffsS)
 *       .timeRange(10.0, 20.0)
 *       .writePng(Path.of("walk.png"), 1600, 500);
 * </pre>
 *
 * <p>The arrays are kept, not copied: do not modify them before rendering. Rendering needs no
 * display; set {@code java.awt.headless=true} where there is none. Not thread-safe.
 */
public final class StrideChart {
    /** Left-foot colour (Okabe–Ito blue). */
    public static final Color LEFT_COLOR = new Color(0x0072B2);
    /** Right-foot colour (Okabe–Ito vermilion). */
    public static final Color RIGHT_COLOR = new Color(0xD55E00);

    private static final int MAX_PIXELS = 16_384;
    private static final Stroke TRACE_STROKE = new BasicStroke(1.5f);
    private static final Stroke HEEL_STRIKE_STROKE = new BasicStroke(1.0f);
    private static final Stroke TOE_OFF_STROKE = new BasicStroke(1.0f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10.0f, new float[] {4.0f, 3.0f}, 0.0f);
    private static final Stroke LEGEND_STROKE = new BasicStroke(3.0f);
    private static final Stroke LEGEND_TOE_OFF_STROKE = new BasicStroke(2.0f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10.0f, new float[] {4.0f, 3.0f}, 0.0f);
    private static final Color EVENT_LEGEND_COLOR = Color.GRAY;

    private final String title;
    private final double startS;
    private final double sampleRateHz;
    private final Map<Side, Foot> feet = new EnumMap<>(Side.class);
    private double fromS = Double.NaN;
    private double toS = Double.NaN;

    private record Foot(double[] forceN, double[] heelStrikesS, double[] toeOffsS) {
    }

    /**
     * @param title        chart title, may be empty
     * @param startS       time of sample 0, s
     * @param sampleRateHz samples per second of every force array, > 0
     * @throws IllegalArgumentException if the start is not finite or the rate not a positive finite number
     */
    public StrideChart(String title, double startS, double sampleRateHz) {
        this.title = Objects.requireNonNull(title, "title");
        if (!Double.isFinite(startS)) {
            throw new IllegalArgumentException("start time must be finite, got " + startS + " s");
        }
        SampleRates.require(sampleRateHz);
        this.startS = startS;
        this.sampleRateHz = sampleRateHz;
    }

    /**
     * Adds (or replaces) the trace and events of one foot.
     *
     * @param side         {@link Side#LEFT} or {@link Side#RIGHT}
     * @param forceN       force per sample, N, on this chart's time base; NaN for missing samples
     * @param heelStrikesS heel-strike times, s, on the same time base (empty for none)
     * @param toeOffsS     toe-off times, s (empty for none)
     * @return this chart
     * @throws IllegalArgumentException if the side is {@code NONE} or an event time is not finite
     */
    public StrideChart foot(Side side, double[] forceN, double[] heelStrikesS, double[] toeOffsS) {
        Objects.requireNonNull(side, "side");
        if (side == Side.NONE) {
            throw new IllegalArgumentException("a stride chart shows the left or right foot, got side NONE");
        }
        Objects.requireNonNull(forceN, "forceN");
        checkFinite("heel strike", heelStrikesS);
        checkFinite("toe off", toeOffsS);
        feet.put(side, new Foot(forceN, heelStrikesS, toeOffsS));
        return this;
    }

    /**
     * Shows only {@code fromS .. toS} instead of the whole signal.
     *
     * @return this chart
     * @throws IllegalArgumentException unless {@code fromS < toS}, both finite
     */
    public StrideChart timeRange(double fromS, double toS) {
        if (!(Double.isFinite(fromS) && Double.isFinite(toS) && fromS < toS)) {
            throw new IllegalArgumentException("time range must be finite with from < to, got " + fromS + " .. "
                    + toS + " s");
        }
        this.fromS = fromS;
        this.toS = toS;
        return this;
    }

    /**
     * Builds the JFreeChart: one series per foot (left first), its events as domain markers.
     *
     * @throws IllegalStateException if no foot was added
     */
    public JFreeChart toChart() {
        if (feet.isEmpty()) {
            throw new IllegalStateException("add at least one foot before rendering");
        }
        List<String> keys = new ArrayList<>(feet.size());
        List<double[]> values = new ArrayList<>(feet.size());
        SamplingXYLineRenderer renderer = new SamplingXYLineRenderer();
        NumberAxis timeAxis = new NumberAxis("time (s)");
        timeAxis.setAutoRangeIncludesZero(false);
        NumberAxis forceAxis = new NumberAxis("force (N)");
        XYPlot plot = new XYPlot(null, timeAxis, forceAxis, renderer);
        LegendItemCollection legend = new LegendItemCollection();
        for (Map.Entry<Side, Foot> entry : feet.entrySet()) {
            int series = keys.size();
            Color color = entry.getKey() == Side.LEFT ? LEFT_COLOR : RIGHT_COLOR;
            Color eventColor = blendWithWhite(color, 0.55f);
            keys.add(entry.getKey().label());
            values.add(entry.getValue().forceN());
            renderer.setSeriesPaint(series, color);
            renderer.setSeriesStroke(series, TRACE_STROKE);
            legend.add(legendLine(entry.getKey().label(), LEGEND_STROKE, color));
            for (double t : entry.getValue().heelStrikesS()) {
                plot.addDomainMarker(new ValueMarker(t, eventColor, HEEL_STRIKE_STROKE), Layer.BACKGROUND);
            }
            for (double t : entry.getValue().toeOffsS()) {
                plot.addDomainMarker(new ValueMarker(t, eventColor, TOE_OFF_STROKE), Layer.BACKGROUND);
            }
        }
        plot.setDataset(new UniformSeriesDataset(startS, sampleRateHz, keys, values));
        legend.add(legendLine("heel strike", LEGEND_STROKE, EVENT_LEGEND_COLOR));
        legend.add(legendLine("toe off", LEGEND_TOE_OFF_STROKE, EVENT_LEGEND_COLOR));
        plot.setFixedLegendItems(legend);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        if (!Double.isNaN(fromS)) {
            timeAxis.setRange(fromS, toS);
        }
        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Renders the chart to a PNG file: written under a temporary name in the same directory, then
     * renamed over {@code file}, so readers never see a half-written image.
     *
     * @param widthPx  1 .. 16384
     * @param heightPx 1 .. 16384
     * @throws IllegalArgumentException if a size is out of range
     * @throws IOException              if the file cannot be written
     */
    public void writePng(Path file, int widthPx, int heightPx) throws IOException {
        Objects.requireNonNull(file, "file");
        if (widthPx < 1 || widthPx > MAX_PIXELS || heightPx < 1 || heightPx > MAX_PIXELS) {
            throw new IllegalArgumentException("image size must be 1.." + MAX_PIXELS + " pixels each way, got "
                    + widthPx + " x " + heightPx);
        }
        JFreeChart chart = toChart();
        Path target = file.toAbsolutePath();
        // Not Files.createTempFile: its owner-only permissions would stay with the renamed image.
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid()
                + "." + Thread.currentThread().getId() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                ChartUtils.writeChartAsPNG(out, chart, widthPx, heightPx);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void checkFinite(String what, double[] timesS) {
        Objects.requireNonNull(timesS, what + " times");
        for (int i = 0; i < timesS.length; i++) {
            if (!Double.isFinite(timesS[i])) {
                throw new IllegalArgumentException(what + " time " + i + " is " + timesS[i] + ": event times must be finite");
            }
        }
    }

    private static LegendItem legendLine(String label, Stroke stroke, Color color) {
        return new LegendItem(label, null, null, null, new Line2D.Double(-12, 0, 12, 0), stroke, color);
    }

    private static Color blendWithWhite(Color c, float white) {
        return new Color(
                Math.round(c.getRed() + (255 - c.getRed()) * white),
                Math.round(c.getGreen() + (255 - c.getGreen()) * white),
                Math.round(c.getBlue() + (255 - c.getBlue()) * white));
    }
}
