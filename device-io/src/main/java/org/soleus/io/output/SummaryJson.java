package org.soleus.io.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.LegLoadAnalysis;
import org.soleus.core.analysis.LegSummary;
import org.soleus.core.analysis.SideSummary;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.events.EventTiming;
import org.soleus.core.gait.RejectedStride;
import org.soleus.core.imu.SagittalAxis;
import org.soleus.core.monitor.LoadSpikeRule;
import org.soleus.core.monitor.LoadSpikes;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.Side;

/**
 * Writes an {@link AnalysisReport} as pretty-printed JSON ({@code summary.json}). Record
 * components become {@code snake_case} keys, so a field added to {@code GaitSettings},
 * {@code SideSummary} or {@code SessionSummary} appears without changes here. NaN and
 * infinities become {@code null}; other numbers are rounded to 9 decimals. Keys and units:
 * {@code docs/outputs.md}.
 *
 * <p>Thread-safe.
 */
public final class SummaryJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .addModule(new SimpleModule("soleus-summary")
                    .addSerializer(Double.class, new FiniteDoubleSerializer())
                    .addSerializer(Double.TYPE, new FiniteDoubleSerializer())
                    .addSerializer(Side.class, new SideSerializer()))
            .build();

    private static final ObjectWriter WRITER = createWriter();

    private static final Side[] FEET = {Side.LEFT, Side.RIGHT};

    private SummaryJson() {
    }

    /**
     * Writes {@code report} followed by a newline, with the load spikes of
     * {@link LoadSpikes#flags(List)}. Does not close {@code out}.
     *
     * @param files the names of the files the analysis writes into its folder, this one included
     *              (key {@code files})
     */
    public static void write(AnalysisReport report, List<String> files, Writer out) throws IOException {
        write(report, LoadSpikes.flags(report.analysis().strides()), files, out);
    }

    /**
     * Writes {@code report} followed by a newline. Does not close {@code out}.
     *
     * @param spikes whether each stride of the analysis is a load spike
     *               ({@link LoadSpikes#flags(List)}), counted per foot (key {@code sides.<side>.spike_count})
     * @param files  the names of the files the analysis writes into its folder, this one included
     *               (key {@code files})
     */
    public static void write(AnalysisReport report, boolean[] spikes, List<String> files, Writer out)
            throws IOException {
        if (spikes.length != report.analysis().strides().size()) {
            throw new IllegalArgumentException("one spike flag per stride, got " + spikes.length + " for "
                    + report.analysis().strides().size() + " strides");
        }
        WRITER.writeValue(out, tree(report, spikes, files));
        out.write('\n');
    }

    /**
     * The {@code files} an earlier analysis listed in its {@code summary.json}; empty when there is
     * no such file, it cannot be read, or it lists none.
     */
    static Set<String> filesListedIn(Path summary) {
        if (!Files.isRegularFile(summary)) {
            return Set.of();
        }
        try {
            JsonNode files = MAPPER.readTree(summary.toFile()).path("files");
            Set<String> names = new HashSet<>();
            files.forEach(name -> names.add(name.asText()));
            return names;
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** Whether an insole's channel {@code name} can time gait events: its force, or a cell that a calibration turns into force. */
    private static boolean timesEvents(ChannelName name) {
        return name.place().equals("insole") && (name.quantity().equals("force") || name.quantity().matches("cell\\d+"));
    }

    private static Map<String, Object> tree(AnalysisReport report, boolean[] spikes, List<String> files) {
        GaitAnalysis analysis = report.analysis();
        LegLoadAnalysis legs = report.legs();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("software", software(report));
        root.put("files", files);
        root.put("input", input(report.input()));
        root.put("settings", settings(report));
        root.put("force_in_newtons", analysis.forceInNewtons());
        root.put("sides", sides(analysis, spikes));
        root.put("session", analysis.session());
        if (legs != null) {
            root.put("legs", legSummaries(legs));
            root.put("calf_raises", calfRaises(legs));
        }
        root.put("data_quality", dataQuality(report));
        return root;
    }

    /** Key {@code software}: the program and its version. */
    private static Map<String, Object> software(AnalysisReport report) {
        Map<String, Object> software = new LinkedHashMap<>();
        software.put("name", "soleus");
        software.put("version", report.softwareVersion());
        return software;
    }

    /** Key {@code input}: the file read, its format and sampling, and where each came from. */
    private static Map<String, Object> input(InputProvenance in) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("path", in.path());
        input.put("format", in.format().id());
        input.put("format_source", in.formatSource().label());
        input.put("source", in.source());
        input.put("properties", in.properties());
        input.put("sample_rate_hz", in.sampleRateHz());
        input.put("sample_rate_source", in.sampleRateSource().label());
        input.put("start_time_s", in.startTimeS());
        input.put("samples", in.sampleCount());
        input.put("duration_s", in.durationS());
        input.put("channels", in.channels());
        return input;
    }

    /**
     * Key {@code settings}: the gait settings, then what the run used beyond them (low-pass
     * cut-off, event timing, body mass, options, load-spike rule) and, with legs, the leg settings.
     */
    private static ObjectNode settings(AnalysisReport report) {
        GaitAnalysis analysis = report.analysis();
        InputProvenance in = report.input();
        // A tree, not a map: serialising is all it takes, whereas converting to a map would also
        // build a deserialiser, which costs a tenth of a second in a fresh JVM.
        ObjectNode settings = MAPPER.valueToTree(analysis.settings());
        // the low-pass filters the force for the loading figures only
        settings.set("low_pass_cutoff_used_hz", analysis.forceInNewtons()
                ? MAPPER.valueToTree(analysis.settings().lowPassCutoffUsedHz(in.sampleRateHz())) : null);
        putEventTiming(settings, analysis, in);
        settings.set("body_mass_kg", MAPPER.valueToTree(report.bodyMassKg()));
        settings.put("body_mass_source", report.bodyMassSource().label());
        settings.put("imu_events", report.run().imuEvents());
        settings.put("calibration_file", report.run().calibrationFile());
        settings.put("subjects_row", report.run().subjectRow() == null ? null
                : report.run().subjectRow().replaceFirst("^--subjects ", ""));
        settings.set("load_spike", MAPPER.valueToTree(LoadSpikeRule.DEFAULT));
        LegLoadAnalysis legs = report.legs();
        if (legs != null) {
            settings.set("plantar_flexion", MAPPER.valueToTree(legs.settings().plantarFlexion()));
            settings.set("given_geometry", MAPPER.valueToTree(legs.settings().givenGeometry()));
            settings.set("soleus", MAPPER.valueToTree(legs.settings().soleus()));
            settings.set("calf_raise", MAPPER.valueToTree(legs.settings().calfRaise()));
        }
        return settings;
    }

    /**
     * Replaces the settings' {@code event_timing} by the timing used, where the settings' own is
     * null when each recording's is used, and adds its {@code event_timing_source}; none where no
     * insole force timed the events.
     */
    private static void putEventTiming(ObjectNode settings, GaitAnalysis analysis, InputProvenance in) {
        settings.remove("event_timing");
        EventTiming given = analysis.settings().eventTiming();
        boolean insole = in.channels().stream().map(ChannelName::parse).anyMatch(SummaryJson::timesEvents);
        settings.put("event_timing", !insole ? null
                : (given != null ? given : EventTiming.ofProperties(in.properties())).id());
        settings.put("event_timing_source", (!insole ? ValueSource.NONE : given != null ? ValueSource.FLAG
                : in.properties().containsKey(EventTiming.PROPERTY) ? ValueSource.FILE : ValueSource.NONE).label());
    }

    /** Key {@code sides}: each foot's summary with its spike count and IMU sagittal axis, left then right. */
    private static Map<String, Object> sides(GaitAnalysis analysis, boolean[] spikes) {
        Map<String, Object> sides = new LinkedHashMap<>();
        for (Side side : FEET) {
            SideSummary summary = analysis.sides().get(side);
            if (summary != null) {
                sides.put(side.label(), side(analysis, spikes, side, summary));
            }
        }
        return sides;
    }

    /** One foot's entry of {@code sides}. */
    private static ObjectNode side(GaitAnalysis analysis, boolean[] spikes, Side side, SideSummary summary) {
        ObjectNode tree = MAPPER.valueToTree(summary);
        Integer spikeCount = spikeCount(analysis.strides(), spikes, side);
        if (spikeCount == null) {
            tree.putNull("spike_count");
        } else {
            tree.put("spike_count", spikeCount);
        }
        SagittalAxis axis = analysis.imuAxes().get(side);
        if (axis != null) {
            tree.set("imu_sagittal_axis", MAPPER.valueToTree(axis));
        }
        return tree;
    }

    /** Key {@code legs}: each leg's summary, left then right. */
    private static Map<String, Object> legSummaries(LegLoadAnalysis legs) {
        Map<String, Object> legSummaries = new LinkedHashMap<>();
        for (Side side : FEET) {
            LegSummary summary = legs.summaries().get(side);
            if (summary != null) {
                legSummaries.put(side.label(), summary);
            }
        }
        return legSummaries;
    }

    /** Key {@code calf_raises}: the feet whose insoles allow calf-raise detection, and the number of repetitions found. */
    private static Map<String, Object> calfRaises(LegLoadAnalysis legs) {
        Map<String, Object> calfRaises = new LinkedHashMap<>();
        calfRaises.put("feet", legs.calfRaiseFeet());
        calfRaises.put("repetitions", legs.calfRaises().size());
        return calfRaises;
    }

    /** Key {@code data_quality}: missing samples, rejected strides, and the reader's and analysis' messages. */
    private static Map<String, Object> dataQuality(AnalysisReport report) {
        InputProvenance in = report.input();
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("missing_samples", in.missingSamples());
        quality.put("rejected_strides", rejectedByReason(report.analysis()));
        quality.put("reader_warnings", in.warnings());
        quality.put("analysis_notices", report.notices());
        return quality;
    }

    /** The foot's strides flagged as load spikes, or null when none of its strides has loading figures. */
    private static Integer spikeCount(List<StrideResult> strides, boolean[] spikes, Side side) {
        int count = 0;
        boolean scored = false;
        for (int i = 0; i < spikes.length; i++) {
            StrideResult r = strides.get(i);
            if (r.stride().side() == side && r.loading() != null && r.loading().measured()) {
                scored = true;
                count += spikes[i] ? 1 : 0;
            }
        }
        return scored ? count : null;
    }

    private static Map<String, Map<String, Integer>> rejectedByReason(GaitAnalysis analysis) {
        Map<String, Map<String, Integer>> bySide = new LinkedHashMap<>();
        for (RejectedStride r : analysis.rejected()) {
            bySide.computeIfAbsent(r.side().label(), k -> zeroCounts()).merge(r.reason().label(), 1, Integer::sum);
        }
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (Side side : FEET) {
            out.put(side.label(), bySide.getOrDefault(side.label(), zeroCounts()));
        }
        out.putAll(bySide);
        return out;
    }

    private static Map<String, Integer> zeroCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RejectedStride.Reason reason : RejectedStride.Reason.values()) {
            counts.put(reason.label(), 0);
        }
        return counts;
    }

    private static ObjectWriter createWriter() {
        DefaultIndenter newlineIndent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(newlineIndent);
        printer.indentArraysWith(newlineIndent);
        return MAPPER.writer(printer);
    }

    /**
     * Writes a finite double as a number rounded to {@value #DECIMALS} decimals, and NaN or an
     * infinity as {@code null}. The rounding takes off the noise of floating-point arithmetic in the
     * last digits (a mean double support of 0.27000000000000085 s, an asymmetry of 4.5e-14 % between
     * equal sides), far below any figure's resolution; numbers of {@value #UNROUNDED_FROM} or more,
     * which have no such digits to spare, are written as they are.
     */
    private static final class FiniteDoubleSerializer extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;
        private static final int DECIMALS = 9;
        private static final double SCALE = Math.pow(10, DECIMALS);
        private static final double UNROUNDED_FROM = 1e6;

        FiniteDoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (Double.isFinite(value)) {
                gen.writeNumber(Math.abs(value) < UNROUNDED_FROM ? Math.rint(value * SCALE) / SCALE + 0.0 : value);
            } else {
                gen.writeNull();
            }
        }
    }

    /** Writes a side as its label ({@code left}, {@code right}). */
    private static final class SideSerializer extends StdSerializer<Side> {
        private static final long serialVersionUID = 1L;

        SideSerializer() {
            super(Side.class);
        }

        @Override
        public void serialize(Side value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.label());
        }
    }
}
