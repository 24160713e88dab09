package org.soleus.core.filter;

/** Argument checks shared by the array kernels of this package: once per call, never per sample. */
final class ArrayRanges {
    private ArrayRanges() {
    }

    /** Checks that {@code [off, off + len)} lies inside {@code array}. */
    static void check(String name, double[] array, int off, int len) {
        if (array == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (off < 0 || len < 0 || off > array.length - len) {
            throw new IllegalArgumentException(name + " range [" + off + ", " + off + " + " + len
                    + ") does not fit " + name + ".length " + array.length);
        }
    }

    /** Rejects a {@code dst} range that overlaps the {@code src} range at a different offset. */
    static void checkInPlaceOrDisjoint(double[] src, int srcOff, double[] dst, int dstOff, int len) {
        if (src == dst && srcOff != dstOff && srcOff < dstOff + len && dstOff < srcOff + len) {
            throw new IllegalArgumentException("dst [" + dstOff + ", " + dstOff + " + " + len + ") overlaps src ["
                    + srcOff + ", " + srcOff + " + " + len + ") at another offset: filter in place (same offset)"
                    + " or into a separate range");
        }
    }
}
