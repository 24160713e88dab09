package org.soleus.io.format;

import java.nio.file.Path;
import java.util.List;
import org.soleus.io.SampleData;

/** The shipped PhysioNet gaitndd records in {@code sample-data/physionet-gaitndd}. */
final class GaitnddSampleData {
    /** The names of the seven shipped records. */
    static final List<String> RECORDS = List.of("control1", "control2", "park1", "park2", "hunt1", "hunt2", "als1");

    private GaitnddSampleData() {
    }

    /** The {@code sample-data/physionet-gaitndd} directory. */
    static Path dir() {
        return SampleData.of("physionet-gaitndd");
    }

    /** The header of one shipped record, e.g. {@code control1}. */
    static Path header(String record) {
        return dir().resolve(record + ".hea");
    }
}
