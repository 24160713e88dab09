package org.soleus.io.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

final class StridesCsvTest {

    private static final String HEADER = "side,start_s,end_s,stride_s,stance_s,swing_s,stance_pct,"
            + "double_support_s,peak_force_n,peak_force_bw,loading_rate_bw_s,impulse_ns,"
            + "toe_off_s,swing_pct,first_peak_n,valley_n,second_peak_n,heel_share_pct,cop_path,cop_progression";

    private static List<String> lines() throws IOException {
        StringWriter out = new StringWriter();
        StridesCsv.write(SampleAnalysis.analysis().strides(), out);
        return out.toString().lines().toList();
    }

    @Test
    void headerIsExact() throws IOException {
        assertEquals(HEADER, lines().get(0));
    }

    @Test
    void formatsFixedDecimalsAndLeavesNaNEmpty() throws IOException {
        // double support NaN -> empty; cop_progression NaN -> empty (last cell)
        assertEquals("left,0.0100,1.1000,1.0900,0.6612,0.4288,60.66,,812.46,1.0123,12.346,401.235,"
                + "0.6712,39.34,790.00,600.50,805.25,35.50,0.1235,", lines().get(1));
    }

    @Test
    void leavesLoadingCellsEmptyWithoutLoading() throws IOException {
        assertEquals("right,0.5000,1.5500,1.0500,0.6500,0.4000,61.90,0.2500,,,,,1.1500,38.10,,,,,,",
                lines().get(2));
    }

    @Test
    void everyRowHasAsManyCellsAsTheHeader() throws IOException {
        int columns = HEADER.split(",", -1).length;
        for (String line : lines()) {
            assertEquals(columns, line.split(",", -1).length, line);
        }
    }

    @Test
    void ignoresTheDefaultLocale() throws IOException {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("left,0.0100,1.1000", lines().get(1).substring(0, 18));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
