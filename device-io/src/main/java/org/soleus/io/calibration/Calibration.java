package org.soleus.io.calibration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.soleus.core.recording.ChannelName;

/**
 * A device's cell calibrations, as {@link CalibrationFile} stores them.
 *
 * @param device which device (and insole) was calibrated, free text, not blank
 * @param date   the day of the calibration
 * @param cells  one calibration per channel, at least one, no channel twice
 */
public record Calibration(String device, LocalDate date, List<CellCalibration> cells) {
    public Calibration {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(date, "date");
        if (device.isBlank()) {
            throw new IllegalArgumentException("device name must not be blank: say which device was calibrated");
        }
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("a calibration needs at least one cell");
        }
        Set<ChannelName> seen = new HashSet<>();
        for (CellCalibration c : cells) {
            if (!seen.add(c.channel())) {
                throw new IllegalArgumentException("channel " + c.channel() + " is calibrated twice");
            }
        }
    }

    /**
     * This calibration with the cells of {@code newer} added: a cell calibrated again is
     * replaced in its place, the others are kept, new ones come after them; device and date
     * are {@code newer}'s.
     */
    public Calibration updatedWith(Calibration newer) {
        List<CellCalibration> merged = new ArrayList<>(cells.size() + newer.cells().size());
        for (CellCalibration c : cells) {
            CellCalibration again = newer.cell(c.channel());
            merged.add(again != null ? again : c);
        }
        for (CellCalibration c : newer.cells()) {
            if (cell(c.channel()) == null) {
                merged.add(c);
            }
        }
        return new Calibration(newer.device(), newer.date(), merged);
    }

    /** The calibration of {@code channel}, or null. */
    public CellCalibration cell(ChannelName channel) {
        for (CellCalibration c : cells) {
            if (c.channel().equals(channel)) {
                return c;
            }
        }
        return null;
    }
}
