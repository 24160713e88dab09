package org.soleus.io.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.soleus.core.analysis.GaitAnalysis;
import org.soleus.core.analysis.LegLoadAnalysis;
import org.soleus.core.analysis.StrideResult;
import org.soleus.core.recording.Side;

/** The one line that tells what the analysis of an input found and where its results went. */
public final class SummaryLine {

    private SummaryLine() {
    }

    /**
     * {@code walk.csv: 12 left + 11 right strides, 8 calf raises -> out/walk}: the strides per
     * analysed foot ({@code no strides} without one), the calf raises where a foot could show
     * them, and the results' folder.
     *
     * @param input  the input as the user gave it, so that inputs of the same file name can be told apart
     * @param legs   its analysis
     * @param folder where its results were written
     */
    public static String of(Path input, LegLoadAnalysis legs, Path folder) {
        GaitAnalysis analysis = legs.gait();
        List<String> counts = new ArrayList<>(2);
        int[] perSide = new int[Side.values().length];
        for (StrideResult r : analysis.strides()) {
            perSide[r.stride().side().ordinal()]++;
        }
        for (Side side : new Side[] {Side.LEFT, Side.RIGHT}) {
            if (analysis.sides().containsKey(side)) {
                counts.add(perSide[side.ordinal()] + " " + side.label());
            }
        }
        String strides = counts.isEmpty() ? "no" : String.join(" + ", counts);
        int count = legs.calfRaises().size();
        String raises = legs.calfRaiseFeet().isEmpty() ? "" : ", " + count + (count == 1 ? " calf raise" : " calf raises");
        return input + ": " + strides + " strides" + raises + " -> " + folder;
    }
}
