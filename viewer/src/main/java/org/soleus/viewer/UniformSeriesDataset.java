package org.soleus.viewer;

import java.util.List;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * Series sampled at a fixed rate, read straight from {@code double[]} arrays: x is
 * {@code startS + item / sampleRateHz}, so no array of times is built. The arrays are shared, not
 * copied. NaN values are gaps, which {@link org.jfree.chart.renderer.xy.SamplingXYLineRenderer}
 * leaves undrawn.
 */
final class UniformSeriesDataset extends AbstractXYDataset {
    private static final long serialVersionUID = 1L;

    private final double startS;
    private final double sampleRateHz;
    private final List<String> keys;
    private final List<double[]> values;

    UniformSeriesDataset(double startS, double sampleRateHz, List<String> keys, List<double[]> values) {
        this.startS = startS;
        this.sampleRateHz = sampleRateHz;
        this.keys = List.copyOf(keys);
        this.values = List.copyOf(values);
    }

    @Override
    public int getSeriesCount() {
        return keys.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return keys.get(series);
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    @Override
    public int getItemCount(int series) {
        return values.get(series).length;
    }

    @Override
    public double getXValue(int series, int item) {
        return startS + item / sampleRateHz;
    }

    @Override
    public double getYValue(int series, int item) {
        return values.get(series)[item];
    }

    @Override
    public Number getX(int series, int item) {
        return getXValue(series, item);
    }

    @Override
    public Number getY(int series, int item) {
        return getYValue(series, item);
    }
}
