package org.soleus.io.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.soleus.core.recording.ChannelName;
import org.soleus.core.recording.RowTransform;
import org.soleus.io.format.text.CommentLine;
import org.soleus.io.format.text.DelimitedRowParser;
import org.soleus.io.format.text.TextSource;

/**
 * The columns of a toolkit CSV's header row as the recording's channels: each name checked
 * ({@link ChannelNameProblems}), a force in other units than newtons renamed and converted
 * ({@link ForceUnits}), a misspelt place warned of, a channel given twice refused; and, from
 * them, the parser of the data rows and the stages the rows pass through.
 */
final class SoleusCsvColumns {
    private final SoleusCsvHeaderRow row;
    /** Each column's name, for the row parser's messages. */
    private final String[] labels;
    /** Each column's place in a row of samples, or {@link DelimitedRowParser#TIME}. */
    private final int[] targets;
    private final List<ChannelName> channels = new ArrayList<>();
    private final ForceUnits forces = new ForceUnits();

    private SoleusCsvColumns(SoleusCsvHeaderRow row) {
        this.row = row;
        this.labels = row.cells().toArray(new String[0]);
        this.targets = new int[labels.length];
    }

    /**
     * The channels of {@code row}, in file order.
     *
     * @param warnings receives, in this order, one warning for each channel whose place is a typo
     *                 of one the analysis looks for, and the one that names the forces converted
     * @throws DataFormatException at the first column that is no channel name or one already
     *                             read, or when the row names no channel
     */
    static SoleusCsvColumns of(Path path, SoleusCsvHeaderRow row, List<String> warnings) throws DataFormatException {
        SoleusCsvColumns columns = new SoleusCsvColumns(row);
        Set<ChannelName> seen = new HashSet<>();
        for (int c = 0; c < columns.labels.length; c++) {
            if (c == 0 && row.hasTime()) {
                columns.targets[c] = DelimitedRowParser.TIME;
            } else {
                columns.addChannel(path, c, seen, warnings);
            }
        }
        if (columns.channels.isEmpty()) {
            throw new DataFormatException(path, row.line(), 0, "the header row names no channels");
        }
        if (!columns.forces.isEmpty()) {
            warnings.add(columns.forces.warning(path, row.line()));
        }
        return columns;
    }

    /** Column {@code c} (0-based) as the next channel. */
    private void addChannel(Path path, int c, Set<ChannelName> seen, List<String> warnings) throws DataFormatException {
        String name = labels[c];
        if (!ChannelName.isValid(name)) {
            throw new DataFormatException(path, row.line(), c + 1, notAChannelName(name, c));
        }
        ChannelName channel = forces.toNewtons(ChannelName.parse(name), channels.size());
        // (a misspelt place of a force is told with the foot it leaves without one: FootWithoutForce)
        if (!channel.quantity().equals("force")) {
            NearMissNames.place(channel.place()).ifPresent(known -> warnings.add(path + ":" + row.line() + ":"
                    + (c + 1) + ": " + name + ": place '" + channel.place() + "' is none the analysis looks for, so"
                    + " the channel is kept as it is and not analysed; did you mean " + known + "?"));
        }
        if (!seen.add(channel)) {
            throw new DataFormatException(path, row.line(), c + 1, name.equals(channel.toString())
                    ? "channel " + name + " appears twice"
                    : "channel " + name + " is " + channel + " in newtons, which the file has already");
        }
        targets[c] = channels.size();
        channels.add(channel);
    }

    /** Why header cell {@code name}, column {@code c} (0-based), is not a channel name. */
    private String notAChannelName(String name, int c) {
        if (row.malformed() && name.indexOf('\uFFFD') >= 0) {
            return ChannelNameProblems.notUtf8(c);
        }
        return ChannelNameProblems.notAChannelName(name, c) + (row.cutAtEnd() ? "; the file ends in its header row,"
                + " without a line end: cut short while it was written?" : "");
    }

    /** The channels, in the order of the rows' samples. */
    List<ChannelName> channels() {
        return channels;
    }

    /** Whether the first column is the time, {@code time_s}. */
    boolean hasTime() {
        return row.hasTime();
    }

    /**
     * The parser of the data rows that follow the header row in {@code text}; {@code comments}
     * receives the {@code #} lines among and after them.
     */
    DelimitedRowParser rowParser(TextSource text, List<CommentLine> comments) {
        return new DelimitedRowParser(text, ',', labels, targets).comments('#', comments)
                .trailingEmptyCells(row.trailingEmptyCells()).columnsNamedOn(row.line());
    }

    /**
     * The reader's stages, chosen once: forces converted to newtons where a column needs it, then
     * the forces that Moticon insole cells give ({@link MoticonCellForce#withHeelForce}).
     */
    RowTransform stages() {
        return forces.inFrontOf(MoticonCellForce::withHeelForce);
    }
}
