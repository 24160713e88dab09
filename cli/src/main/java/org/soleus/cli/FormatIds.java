package org.soleus.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.soleus.io.format.RecordingFormat;

/** The {@code --format} names, for help and shell completion. */
final class FormatIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        List<String> ids = new ArrayList<>();
        for (RecordingFormat f : RecordingFormat.values()) {
            ids.add(f.id());
        }
        return ids.iterator();
    }
}
