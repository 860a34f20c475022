"""Reference values for tests/activations.rs: the activations stepgrad
added for modern networks (and erf, erfc, log10, log2), at sample points, as
PyTorch defines them (torch.nn.functional with its default arguments):

  softplus(x)   = ln(1 + e^x)                (beta = 1; see below)
  silu(x)       = x * sigmoid(x)
  leaky_relu(x) = x if x >= 0 else 0.01 * x  (negative_slope = 0.01)
  elu(x)        = x if x > 0 else e^x - 1    (alpha = 1)
  gelu(x)       = x/2 * (1 + erf(x/sqrt 2))  (approximate = 'none')

Each value and derivative is computed twice: with mpmath at 50 digits
(the derivative by mpmath's own numerical differentiation of the
definition, independent of any formula for it) and with Python's math
module from the same definitions in double precision; the script stops if
the two disagree beyond rounding, then writes mpmath's values rounded once
to the nearest double. Where a function has a kink, the derivative there
is PyTorch's choice, written out below (leaky_relu'(0) = 0.01: its
backward uses the slope for x <= 0).

PyTorch's softplus returns x itself once x > 20 (its `threshold`); the
points here stay within that range, where it computes ln(1 + e^x).

Run `python3 tools/activation_references.py > tests/data/activation_references.json`.
"""
import json
import math

import mpmath as mp

mp.mp.dps = 50

POINTS = ["-30", "-10", "-3", "-1", "-0.5", "-0.001", "0", "0.001", "0.5", "1", "3", "10", "20"]
POSITIVE_POINTS = ["0.001", "0.5", "1", "2", "8", "10", "1000", "1e-300"]


def sigmoid(x):
    return 1 / (1 + mp.exp(-x))


EXACT = {
    "softplus": lambda x: mp.log(1 + mp.exp(x)),
    "silu": lambda x: x * sigmoid(x),
    "leaky_relu": lambda x: x if x >= 0 else mp.mpf("0.01") * x,
    "elu": lambda x: x if x > 0 else mp.expm1(x),
    # 1 + erf(x/√2) written as erfc(−x/√2): equal, and 50 digits keep its
    # tiny values for very negative x.
    "gelu": lambda x: x / 2 * mp.erfc(-x / mp.sqrt(2)),
    "erf": mp.erf,
    "erfc": mp.erfc,
    "log10": lambda x: mp.log(x, 10),
    "log2": lambda x: mp.log(x, 2),
}

# The same definitions in double precision (math module), each written the
# way that is accurate in floats, to check the mpmath values against.
DOUBLE = {
    "softplus": lambda x: max(x, 0.0) + math.log1p(math.exp(-abs(x))),
    "silu": lambda x: x / (1 + math.exp(-x)),
    "leaky_relu": lambda x: x if x >= 0 else 0.01 * x,
    "elu": lambda x: x if x > 0 else math.expm1(x),
    "gelu": lambda x: x / 2 * math.erfc(-x / math.sqrt(2)),
    "erf": math.erf,
    "erfc": math.erfc,
    "log10": math.log10,
    "log2": math.log2,
}

# Derivatives at kinks, as PyTorch's backward computes them.
AT_KINKS = {("leaky_relu", "0"): mp.mpf("0.01")}


def derivative(name, point):
    if (name, point) in AT_KINKS:
        return AT_KINKS[(name, point)]
    # 500 digits, so that a difference of values as close to 1 as erf(20)
    # keeps its digits.
    with mp.workdps(500):
        return differentiate(name, point)


def differentiate(name, point):
    x = mp.mpf(point)
    f = EXACT[name]
    # A one-sided step stays on one piece of a piecewise definition.
    if name in ("leaky_relu", "elu") and x != 0:
        return mp.diff(f, x, direction=1 if x > 0 else -1)
    if name in ("log10", "log2"):
        return mp.diff(f, x, h=x / 2**40)
    return mp.diff(f, x)


def close(a, b):
    # math.erfc far in the tail is good to about 1e-13, not to the last bit.
    return a == b or abs(a - b) <= 1e-12 * max(abs(a), abs(b), 1e-300)


rows = []
for name in EXACT:
    for point in POSITIVE_POINTS if name.startswith("log") else POINTS:
        x = mp.mpf(point)
        value = EXACT[name](x)
        slope = derivative(name, point)
        double = DOUBLE[name](float(x))
        assert close(float(value), double), (name, point, float(value), double)
        rows.append({"function": name, "x": float(x), "value": float(value), "derivative": float(slope)})

print(json.dumps({"generator": "tools/activation_references.py (mpmath 50 digits)", "points": rows}, indent=1))
