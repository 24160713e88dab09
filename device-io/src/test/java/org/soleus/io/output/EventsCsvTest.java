package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

final class EventsCsvTest {

    @Test
    void writesHeaderAndEventsInTimeOrder() throws IOException {
        StringWriter out = new StringWriter();
        EventsCsv.write(SampleAnalysis.analysis().events(), out);
        assertEquals(List.of(
                "side,event,time_s,sample_index,source",
                "left,heel_strike,0.0100,1,insole",
                "right,heel_strike,0.5000,50,insole",
                "left,toe_off,0.6712,67,insole_imu",
                "left,heel_strike,1.1000,110,insole"), out.toString().lines().toList());
    }

    @Test
    void writesOnlyTheHeaderWhenThereAreNoEvents() throws IOException {
        StringWriter out = new StringWriter();
        EventsCsv.write(List.of(), out);
        assertEquals("side,event,time_s,sample_index,source\n", out.toString());
    }
}
