#!/usr/bin/env python3
"""The same steps as `soleus analyze` on a gaitpdb file, in pandas + SciPy, as a speed and
memory reference: read_csv, zero-phase Butterworth low-pass (filtfilt), a 20 N contact
threshold, and per-stride timing and loading. Not part of the build; run it with
  /usr/bin/time -v python3 benchmarks/scripts/pandas_baseline.py bench-data/GaCo01_24h.txt
(needs numpy, pandas and scipy, e.g. Debian's python3-pandas and python3-scipy)."""
import sys

import numpy as np
import pandas as pd
from scipy.signal import butter, filtfilt

RATE_HZ = 100.0
THRESHOLD_N = 20.0


def strides(force, time):
    loaded = force > THRESHOLD_N
    edges = np.diff(loaded.astype(np.int8))
    heel_strikes = np.flatnonzero(edges == 1) + 1
    toe_offs = np.flatnonzero(edges == -1) + 1
    rows = []
    for start, end in zip(heel_strikes[:-1], heel_strikes[1:]):
        k = np.searchsorted(toe_offs, start)
        if k >= len(toe_offs) or toe_offs[k] >= end or toe_offs[k] - start < 3:
            continue
        toe_off = toe_offs[k]
        stance = force[start:toe_off]
        rows.append((time[start], time[end], time[toe_off] - time[start], time[end] - time[toe_off],
                     stance.max(), np.trapz(stance, dx=1 / RATE_HZ), np.diff(stance).max() * RATE_HZ))
    return pd.DataFrame(rows, columns=["start_s", "end_s", "stance_s", "swing_s", "peak_n", "impulse_ns",
                                       "max_slope_n_s"])


def main(path):
    data = pd.read_csv(path, sep="\t", header=None, usecols=range(19))
    b, a = butter(4, 20.0, fs=RATE_HZ)
    time = data[0].to_numpy()
    for column, side in ((17, "left"), (18, "right")):
        force = filtfilt(b, a, data[column].to_numpy())
        table = strides(force, time)
        print(side, len(table), "strides, mean stride", round((table.end_s - table.start_s).mean(), 4), "s")


if __name__ == "__main__":
    main(sys.argv[1])
