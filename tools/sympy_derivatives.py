#!/usr/bin/env python3
"""Writes tests/data/sympy_derivatives.json: for every case of the
derivative table (tests/data/derivative_cases.rs), the value of the
derivative at the case's point as SymPy computes it — SymPy's own parser,
its own differentiation, evaluated with 30 significant digits — so the test
has a reference that shares nothing with stepgrad (not even meval's
shunting-yard, which stepgrad's parser uses).

Run from the repository root:  python3 tools/sympy_derivatives.py
"""
import json
import re
from pathlib import Path

import sympy
from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "derivative_cases.rs"
OUTPUT = ROOT / "tests" / "data" / "sympy_derivatives.json"

# The values tests/derivatives.rs gives the variables (kept in step with it).
DEFAULTS = {
    "x": "0.7", "y": "1.3", "z": "-0.4", "w": "0.5", "b": "0.1", "t": "0.25",
    "a": "0.3", "t1": "0.01", "t2": "0.99", "h1": "0.593269992",
    "h2": "0.596884378", "w1": "0.15", "w2": "0.2", "x1": "0.05", "x2": "0.1",
    "w5": "0.4", "w6": "0.45", "w7": "0.5", "w8": "0.55", "b2": "0.6",
}

u = sympy.Symbol("u")
FUNCTIONS = {
    "sigmoid": sympy.Lambda(u, 1 / (1 + sympy.exp(-u))),
    "relu": sympy.Lambda(u, sympy.Max(0, u)),
    "ln": sympy.log,
    "log": sympy.log,
    "abs": sympy.Abs,
    "sqrt": sympy.sqrt,
    "logsumexp": lambda *args: sympy.log(sum(sympy.exp(a) for a in args)),
    "e": sympy.E,
    "pi": sympy.pi,
}


def cases():
    """(expression, variable, overrides) of every row of the Rust table."""
    text = CASES.read_text()
    body = text[text.index("&[") :]
    rows = re.findall(r'\(\s*"([^"]*)",\s*"([^"]*)",\s*"([^"]*)",\s*"([^"]*)",?\s*\)', body)
    return [(expr, var, overrides) for expr, var, _hand, overrides in rows]


def main():
    out = []
    for expr_text, var, overrides in cases():
        local = dict(FUNCTIONS)
        names = set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", expr_text)) - set(FUNCTIONS) - {"sin", "cos", "tan", "exp", "tanh"}
        symbols = {n: sympy.Symbol(n, real=True) for n in names}
        local.update(symbols)
        expr = parse_expr(expr_text, local_dict=local, transformations=standard_transformations + (convert_xor,))
        point = {n: DEFAULTS[n] for n in names}
        for item in filter(None, overrides.split(",")):
            name, value = item.split("=")
            point[name] = value
        derivative = sympy.diff(expr, symbols.get(var, sympy.Symbol(var, real=True)))
        value = derivative.subs({symbols[n]: sympy.Rational(v) for n, v in point.items()}).evalf(30)
        out.append({"expr": expr_text, "wrt": var, "point": {n: float(v) for n, v in sorted(point.items())}, "value": float(value)})
    OUTPUT.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {len(out)} cases to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
