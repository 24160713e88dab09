package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soleus.core.analysis.GaitSettings;

final class SummaryJsonTest {

    private static String text() throws IOException {
        StringWriter out = new StringWriter();
        SummaryJson.write(SampleAnalysis.report(), List.of("events.csv", "strides.csv", "summary.json"), out);
        return out.toString();
    }

    private static JsonNode json() throws IOException {
        return new ObjectMapper().readTree(text());
    }

    @Test
    void isPrettyPrintedAndHasNoNaNTokens() throws IOException {
        String text = text();
        assertTrue(text.startsWith("{\n  \"software\": {\n"), text);
        assertTrue(text.endsWith("}\n"), text);
        assertFalse(text.contains("NaN"), text);
        assertFalse(text.contains("Infinity"), text);
    }

    @Test
    void writesNonFiniteNumbersAsNull() throws IOException {
        JsonNode json = json();
        assertTrue(json.at("/session/stance_time_asymmetry_pct").isNull());
        assertTrue(json.at("/session/peak_force_asymmetry_pct").isNull());
        assertEquals(3.7, json.at("/session/stride_time_asymmetry_pct").asDouble());
        assertTrue(json.at("/sides/left/sd_stride_s").isNull());
        assertTrue(json.at("/sides/right/mean_peak_force_bw").isNull());
    }

    @Test
    void aSideMeanIsNamedAfterItsStridesCsvColumn() throws IOException {
        List<String> columns = List.of(StridesCsv.HEADER.split(","));
        Iterator<String> keys = json().at("/sides/left").fieldNames();
        List<String> means = new ArrayList<>();
        while (keys.hasNext()) {
            String key = keys.next();
            if (key.startsWith("mean_")) {
                assertTrue(columns.contains(key.substring("mean_".length())), key + " is the mean of no column of " + columns);
                means.add(key);
            }
        }
        assertEquals(List.of("mean_stride_s", "mean_stance_s", "mean_swing_s", "mean_stance_pct", "mean_double_support_s",
                "mean_peak_force_bw", "mean_loading_rate_bw_s", "mean_impulse_ns"), means);
    }

    @Test
    void roundsOffTheNoiseOfFloatingPointArithmetic() throws IOException {
        String text = text();
        assertTrue(text.contains("\"mean_double_support_s\": 0.27,"), "0.27000000000000085: " + text);
        assertTrue(text.contains("\"sd_stride_s\": 0.0,"), "-4.49e-14, without a minus sign: " + text);
        JsonNode json = json();
        assertEquals(1.05, json.at("/sides/right/mean_stride_s").asDouble(), "nine decimals keep every figure");
        assertEquals(6.0, json.at("/input/duration_s").asDouble());
    }

    @Test
    void describesTheInput() throws IOException {
        JsonNode in = json().get("input");
        assertEquals(Path.of("data", "walk.txt").toString(), in.get("path").asText());
        assertEquals("gaitpdb", in.get("format").asText());
        assertEquals("detected", in.get("format_source").asText());
        assertEquals("walk.txt", in.get("source").asText());
        assertEquals("GaCo01", in.at("/properties/subject").asText());
        assertEquals(100.0, in.get("sample_rate_hz").asDouble());
        assertEquals("file", in.get("sample_rate_source").asText());
        assertEquals(600, in.get("samples").asInt());
        assertEquals(6.0, in.get("duration_s").asDouble());
        assertEquals("[\"left.insole.force_n\",\"right.insole.force_n\"]", in.get("channels").toString());
    }

    @Test
    void recordsEverySettingWithTheBodyMassAndItsSource() throws IOException {
        JsonNode settings = json().get("settings");
        List<String> keys = List.of("low_pass_cutoff_hz", "low_pass_order", "max_gap_interpolated_s", "contact",
                "stride_limits", "low_pass_cutoff_used_hz", "event_timing", "event_timing_source", "body_mass_kg",
                "body_mass_source", "imu_events",
                "calibration_file", "subjects_row", "load_spike");
        assertEquals(keys, iterable(settings.fieldNames()));
        assertFalse(settings.get("imu_events").asBoolean(true));
        assertTrue(settings.get("calibration_file").isNull());
        GaitSettings defaults = GaitSettings.defaults();
        assertEquals(defaults.lowPassCutoffHz(), settings.get("low_pass_cutoff_hz").asDouble());
        assertEquals(defaults.lowPassCutoffHz(), settings.get("low_pass_cutoff_used_hz").asDouble(), "at 100 Hz");
        assertEquals(defaults.lowPassOrder(), settings.get("low_pass_order").asInt());
        assertEquals(defaults.strideLimits().minStrideS(), settings.at("/stride_limits/min_stride_s").asDouble());
        assertEquals(defaults.strideLimits().maxStancePct(), settings.at("/stride_limits/max_stance_pct").asDouble());
        assertEquals(defaults.contact().onFraction(), settings.at("/contact/on_fraction").asDouble());
        assertEquals(defaults.contact().warmUpS(), settings.at("/contact/warm_up_s").asDouble());
        assertEquals(72.5, settings.get("body_mass_kg").asDouble());
        assertEquals("flag", settings.get("body_mass_source").asText());
        assertEquals("baseline", settings.get("event_timing").asText(), "a recording that names no timing");
        assertEquals("none", settings.get("event_timing_source").asText());
        assertEquals("{\"window_strides\":20,\"min_history_strides\":5,\"threshold_z\":3.5,\"min_mad_share_of_median\":0.02}",
                settings.get("load_spike").toString());
    }

    /**
     * The load spikes of each foot, after the side's figures: none on the left, whose one stride
     * has too few before it to be scored; unknown on the right, whose stride has no loading
     * figures; and as many as the flags given say.
     */
    @Test
    void countsTheLoadSpikesOfEachFoot() throws IOException {
        JsonNode sides = json().get("sides");
        List<String> left = iterable(sides.get("left").fieldNames());
        assertEquals("spike_count", left.get(left.size() - 1));
        assertEquals(0, sides.at("/left/spike_count").asInt(-1));
        assertTrue(sides.at("/left/spike_count").isInt());
        assertTrue(sides.at("/right/spike_count").isNull());
        StringWriter out = new StringWriter();
        SummaryJson.write(SampleAnalysis.report(), new boolean[] {true, false}, List.of("summary.json"), out);
        assertEquals(1, new ObjectMapper().readTree(out.toString()).at("/sides/left/spike_count").asInt());
    }

    @Test
    void summarisesBothSidesAndTheSession() throws IOException {
        JsonNode json = json();
        assertTrue(json.get("force_in_newtons").asBoolean());
        assertEquals(List.of("left", "right"), iterable(json.get("sides").fieldNames()));
        assertEquals("left", json.at("/sides/left/side").asText());
        assertEquals(2, json.at("/sides/left/rejected_count").asInt());
        assertEquals(112.5, json.at("/session/cadence_steps_per_min").asDouble());
    }

    @Test
    void countsDataQualityProblems() throws IOException {
        JsonNode quality = json().get("data_quality");
        assertEquals(3, quality.at("/missing_samples/left.insole.force_n").asInt());
        assertEquals(0, quality.at("/missing_samples/right.insole.force_n").asInt());
        assertEquals(1, quality.at("/rejected_strides/left/stride_duration").asInt());
        assertEquals(1, quality.at("/rejected_strides/left/missing_data").asInt());
        assertEquals(0, quality.at("/rejected_strides/left/phase_duration").asInt());
        assertEquals(1, quality.at("/rejected_strides/right/stride_duration").asInt());
        assertEquals(1, quality.get("reader_warnings").size());
        assertEquals("walk.txt:602: last row has 1 of 19 columns; left out",
                quality.get("reader_warnings").get(0).asText());
    }

    @Test
    void namesTheSoftwareVersion() throws IOException {
        assertEquals("1.2.3-test", json().at("/software/version").asText());
        assertEquals("soleus", json().at("/software/name").asText());
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
