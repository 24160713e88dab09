package org.soleus.io.format;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.ForwardingSink;
import org.soleus.core.recording.Gravity;
import org.soleus.core.recording.RowTransform;
import org.soleus.core.recording.SampleSink;

/**
 * Force channels of a soleus CSV or a Moticon export in other units than newtons ({@code kn}, {@code kgf},
 * {@code lbf}; e.g. {@code left.insole.force_kgf}, {@code left.insole.cell03_lbf}): converted to
 * newtons while reading and renamed to {@code _n}, since the analysis reads force in newtons
 * only. Collects the channels as the header is read ({@link #toNewtons}), then scales their
 * samples in each row ({@link #wrap}). Not thread-safe; the sink it makes allocates nothing per
 * row.
 */
final class ForceUnits {
    /** Newtons per kilonewton. */
    static final double N_PER_KN = 1000;
    /** Newtons per kilogram-force: standard gravity, exact by definition. */
    static final double N_PER_KGF = Gravity.STANDARD_MPS2;
    /** Newtons per pound-force: 0.45359237 kg × 9.80665 m/s², exact by definition. */
    static final double N_PER_LBF = 4.4482216152605;
    /** Channel names listed in the warning before the rest are only counted. */
    private static final int LISTED = 4;

    private final List<Integer> columns = new ArrayList<>();
    private final List<Double> factors = new ArrayList<>();
    private final List<ChannelName> originals = new ArrayList<>();
    private final Set<String> units = new LinkedHashSet<>();

    /** Newtons per {@code unit}, or NaN when it is not a force unit that is converted. */
    static double newtonsPer(String unit) {
        return switch (unit) {
            case "kn" -> N_PER_KN;
            case "kgf" -> N_PER_KGF;
            case "lbf" -> N_PER_LBF;
            default -> Double.NaN;
        };
    }

    /**
     * The name {@code channel}, at {@code column} of the rows, has when read: the same name in
     * newtons when its unit is a force unit that is converted (the column is then scaled), else
     * {@code channel} itself.
     */
    ChannelName toNewtons(ChannelName channel, int column) {
        double factor = newtonsPer(channel.unit());
        if (Double.isNaN(factor)) {
            return channel;
        }
        columns.add(column);
        factors.add(factor);
        originals.add(channel);
        units.add(channel.unit());
        return inNewtons(channel);
    }

    /** The name {@code channel} is read under: in newtons when its unit is converted, else itself. */
    static ChannelName inNewtons(ChannelName channel) {
        return Double.isNaN(newtonsPer(channel.unit())) ? channel
                : ChannelName.of(channel.side(), channel.place(), channel.quantity(), "n");
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    /** The unit as it is written: {@code kN} for the channel names' lower-case {@code kn}. */
    private static String symbol(String unit) {
        return unit.equals("kn") ? "kN" : unit;
    }

    /**
     * The one warning that says which channels were converted, located at the header row, e.g.
     * {@code walk.csv:4: force in kgf converted to newtons while reading (1 kgf = 9.80665 N) and
     * the channels renamed to _n: left.insole.force_kgf, right.insole.force_kgf}.
     */
    String warning(Path file, long headerLine) {
        return warning(file + ":" + headerLine);
    }

    /**
     * The one warning that says which channels were converted, located at {@code where} (a file's
     * header row, or a stream's port).
     */
    String warning(String where) {
        List<String> symbols = units.stream().map(ForceUnits::symbol).toList();
        StringBuilder sb = new StringBuilder().append(where).append(": force in ")
                .append(String.join(" and ", symbols)).append(" converted to newtons while reading (");
        String sep = "";
        for (String unit : units) {
            sb.append(sep).append("1 ").append(symbol(unit)).append(" = ")
                    .append(BigDecimal.valueOf(newtonsPer(unit)).stripTrailingZeros().toPlainString()).append(" N");
            sep = ", ";
        }
        sb.append(") and the channel").append(originals.size() == 1 ? "" : "s").append(" renamed to _n: ");
        for (int i = 0; i < Math.min(LISTED, originals.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append(originals.get(i));
        }
        if (originals.size() > LISTED) {
            sb.append(" and ").append(originals.size() - LISTED).append(" more");
        }
        return sb.toString();
    }

    /**
     * A reader's {@code stages} behind the conversion to newtons: a transform whose sinks scale
     * the converted columns ({@link #wrap}) and hand each row to {@code stages}' sinks, or
     * {@code stages} itself when no column is converted. Call it once the header is read.
     */
    RowTransform inFrontOf(RowTransform stages) {
        return isEmpty() ? stages : next -> wrap(stages.wrap(next));
    }

    /** A sink that scales the converted columns of each row to newtons, in place, and hands the row on. */
    SampleSink wrap(SampleSink downstream) {
        int[] cols = new int[columns.size()];
        double[] scale = new double[columns.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = columns.get(i);
            scale[i] = factors.get(i);
        }
        return new ForwardingSink(downstream) {
            @Override
            public void accept(float[] row) {
                for (int i = 0; i < cols.length; i++) {
                    row[cols[i]] = (float) (row[cols[i]] * scale[i]);
                }
                super.accept(row);
            }
        };
    }
}
