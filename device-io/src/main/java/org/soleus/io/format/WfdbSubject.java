package org.soleus.io.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The subject of a WFDB record as a gaitndd {@code subject-description.txt} beside its header
 * describes it (Hausdorff et al., J Appl Physiol 82:262, 1997): the record's row
 * ({@link GaitnddSubjectTable}) gives the properties {@code subject=<record>} and
 * {@code subject.<column header>=<cell>}, and the body mass from its {@code Weight(kg)} column.
 * A body mass in the {@link ReadOptions} wins over the file's (a differing one is warned about),
 * and the file's problems are warnings only when no body mass is given. Stateless and
 * thread-safe.
 */
final class WfdbSubject {
    private WfdbSubject() {
    }

    /**
     * Adds the subject's properties to {@code properties} and returns the body mass to use: the
     * given one, else the subject's, else NaN.
     */
    static double bodyMassKg(WfdbHeader header, ReadOptions options, Map<String, String> properties,
                             List<String> warnings) {
        double bodyMassKg = Double.NaN;
        Path subjects = header.file().resolveSibling(GaitnddSubjectTable.FILE_NAME);
        if (Files.exists(subjects)) {
            List<String> subjectWarnings = new ArrayList<>();
            GaitnddSubjectTable.Subject subject = GaitnddSubjectTable.find(subjects, header.recordName(),
                    subjectWarnings);
            if (subject != null) {
                properties.put("subject", header.recordName());
                for (Map.Entry<String, String> e : subject.fields().entrySet()) {
                    properties.put("subject." + e.getKey(), e.getValue());
                }
                bodyMassKg = subject.bodyMassKg();
            }
            if (Double.isNaN(options.bodyMassKg())) {
                warnings.addAll(subjectWarnings);
            }
        }
        return ReaderSupport.explicitBodyMass(header.file() + ": ", GaitnddSubjectTable.FILE_NAME + "'s", bodyMassKg, options,
                warnings);
    }
}
