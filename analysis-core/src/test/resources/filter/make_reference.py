#!/usr/bin/env python3
"""Reference values for the org.soleus.core.filter tests, computed with SciPy.

The Java tests only read the CSV files written here; they never run Python.
To regenerate (needs numpy and scipy), from the repository root:

    python3 analysis-core/src/test/resources/filter/make_reference.py

Files written next to this script:
  butterworth_sos.csv  scipy.signal.butter(order, cutoff, btype, fs=rate, output='sos') per design,
                       one row per section, with that section's sosfilt_zi row and the default
                       sosfiltfilt pad length (found by probing sosfiltfilt on growing inputs).
  signal_cases.csv     one row per filtered signal: design, input kind, length, seed.
  signal_<name>.csv    input x and the SciPy outputs sosfilt (zero initial state),
                       sosfilt_steady (zi = sosfilt_zi * x[0]) and sosfiltfilt (defaults).
"""
import os

import numpy as np
import scipy
from scipy import signal

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20260101


def fmt(v):
    return repr(float(v))


def default_padlen(sos):
    """Smallest length sosfiltfilt rejects, i.e. its default padlen: probed, not re-derived."""
    n = 1
    while True:
        try:
            signal.sosfiltfilt(sos, np.zeros(n))
            return n - 1
        except ValueError:
            n += 1


def designs():
    for rate in (100.0, 204.8, 300.0):
        for cutoff in (5.0, 12.0, 15.0, 20.0):
            for order in range(1, 9):
                yield 'lowpass', order, cutoff, rate
    # Cutoffs near and at a quarter of the rate move the pairing of the extra zero of odd orders.
    for cutoff in (25.0, 40.0, 49.0):
        for order in range(1, 9):
            yield 'lowpass', order, cutoff, 100.0
    for rate, cutoff in ((100.0, 0.5), (100.0, 5.0), (204.8, 12.0), (300.0, 5.0), (100.0, 40.0)):
        for order in range(1, 9):
            yield 'highpass', order, cutoff, rate


def write_designs():
    path = os.path.join(HERE, 'butterworth_sos.csv')
    with open(path, 'w') as f:
        f.write('# scipy %s, numpy %s\n' % (scipy.__version__, np.__version__))
        f.write('kind,order,cutoff_hz,sample_rate_hz,padlen,section,b0,b1,b2,a0,a1,a2,zi0,zi1\n')
        for kind, order, cutoff, rate in designs():
            sos = signal.butter(order, cutoff, btype=kind, fs=rate, output='sos')
            zi = signal.sosfilt_zi(sos)
            pad = default_padlen(sos)
            for s in range(sos.shape[0]):
                row = [kind, str(order), fmt(cutoff), fmt(rate), str(pad), str(s)]
                row += [fmt(v) for v in sos[s]] + [fmt(v) for v in zi[s]]
                f.write(','.join(row) + '\n')


def random_input(rng, n, rate):
    t = np.arange(n) / rate
    return 500.0 + 300.0 * np.sin(2 * np.pi * 1.1 * t) + 50.0 * rng.standard_normal(n)


def step_input(n):
    x = np.full(n, 750.0)
    x[n // 3: 2 * n // 3] = 0.0
    return x


CASES = [
    # name, kind, order, cutoff, rate, input, length
    ('lp2_15hz_204_8_random', 'lowpass', 2, 15.0, 204.8, 'random', 300),
    ('lp3_5hz_100_step', 'lowpass', 3, 5.0, 100.0, 'step', 240),
    ('lp3_5hz_100_random', 'lowpass', 3, 5.0, 100.0, 'random', 200),
    ('lp4_12hz_100_random', 'lowpass', 4, 12.0, 100.0, 'random', 400),
    ('lp8_20hz_300_random', 'lowpass', 8, 20.0, 300.0, 'random', 500),
    ('lp8_5hz_300_step', 'lowpass', 8, 5.0, 300.0, 'step', 600),
    ('hp4_5hz_300_random', 'highpass', 4, 5.0, 300.0, 'random', 300),
]


def write_signals():
    listed = set(designs())
    for _, kind, order, cutoff, rate, _, _ in CASES:
        assert (kind, order, cutoff, rate) in listed, 'add the design of every case to designs()'
    with open(os.path.join(HERE, 'signal_cases.csv'), 'w') as cases:
        cases.write('name,kind,order,cutoff_hz,sample_rate_hz,input,length,seed\n')
        for i, (name, kind, order, cutoff, rate, kind_in, n) in enumerate(CASES):
            seed = SEED + i
            rng = np.random.default_rng(seed)
            x = random_input(rng, n, rate) if kind_in == 'random' else step_input(n)
            sos = signal.butter(order, cutoff, btype=kind, fs=rate, output='sos')
            causal = signal.sosfilt(sos, x)
            steady, _ = signal.sosfilt(sos, x, zi=signal.sosfilt_zi(sos) * x[0])
            zero_phase = signal.sosfiltfilt(sos, x)
            cases.write(','.join([name, kind, str(order), fmt(cutoff), fmt(rate), kind_in,
                                  str(n), str(seed)]) + '\n')
            with open(os.path.join(HERE, 'signal_%s.csv' % name), 'w') as f:
                f.write('x,sosfilt,sosfilt_steady,sosfiltfilt\n')
                for row in zip(x, causal, steady, zero_phase):
                    f.write(','.join(fmt(v) for v in row) + '\n')


if __name__ == '__main__':
    write_designs()
    write_signals()
