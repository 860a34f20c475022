#!/usr/bin/env python3
"""Derivatives side by side: `stepgrad diff --file` and SymPy's `diff` on a
table of large expressions, for time and for the size of the result.

The table (made here from fixed formulas, the same every run):

    loss_K      ½·(t − σ(w1·x1 + … + wK·xK + b))² of a neuron with K inputs,
                σ written as 1/(1 + exp(−z)), by w1
    net_K       ½·Σ over 2 outputs of (t − σ(v·σ(hidden) …))² of a K-2-2
                network, by w1
    softmax_K   −ln(exp(z1)/(exp(z1) + … + exp(zK))) with z linear in w, by w1
    sum_N       Σₖ x^k·sin(k·x)·exp(x/k) for k = 1…N, by x
    product_N   (x + 1)·(x + 2)·…·(x + N), by x
    nest_N      sin(cos(sin(… x …))) N deep, by x

`write FILE` writes the table as a problem file (one `expr ; wrt=v` a
line). `sympy FILE` times SymPy's diff on each line (parsing not timed,
best of 3) and prints the total and each case's operation count
(`count_ops` of the raw, unsimplified derivative) as JSON. `compare FILE
SYMPY.json STEPGRAD.json` reads stepgrad's `diff --file FILE --format
json` output, parses each derivative with SymPy and counts its operations
the same way, and prints the share of cases where stepgrad's result is no
larger than SymPy's raw diff. Time stepgrad's whole process (start-up
included) with a benchmark harness:

    python3 tools/bench_sympy_diff.py write /tmp/large.txt
    python3 tools/bench_sympy_diff.py sympy /tmp/large.txt > /tmp/sympy.json
    target/release/stepgrad diff --file /tmp/large.txt --format json > /tmp/stepgrad.json
    python3 tools/bench_sympy_diff.py compare /tmp/large.txt /tmp/sympy.json /tmp/stepgrad.json
"""
import json
import sys
import time


def sigmoid(z):
    return f"1/(1 + exp(-({z})))"


def linear(weights, inputs, bias):
    return " + ".join(f"{w}*{x}" for w, x in zip(weights, inputs)) + f" + {bias}"


def neuron_loss(k):
    z = linear([f"w{i}" for i in range(1, k + 1)], [f"x{i}" for i in range(1, k + 1)], "b")
    return f"0.5*(t - {sigmoid(z)})^2", "w1"


def network_loss(k):
    inputs = [f"x{i}" for i in range(1, k + 1)]
    hidden = []
    for h in (1, 2):
        weights = [f"w{(h - 1) * k + i}" for i in range(1, k + 1)]
        hidden.append(sigmoid(linear(weights, inputs, "b1")))
    terms = []
    for o in (1, 2):
        z = f"v{2 * o - 1}*({hidden[0]}) + v{2 * o}*({hidden[1]}) + b2"
        terms.append(f"(t{o} - {sigmoid(z)})^2")
    return "0.5*(" + " + ".join(terms) + ")", "w1"


def softmax_loss(k):
    zs = [f"(w{i}*x + c{i})" for i in range(1, k + 1)]
    total = " + ".join(f"exp{z}" for z in zs)
    return f"-ln(exp{zs[0]}/({total}))", "w1"


def long_sum(n):
    return " + ".join(f"x^{k}*sin({k}*x)*exp(x/{k})" for k in range(1, n + 1)), "x"


def long_product(n):
    return "*".join(f"(x + {k})" for k in range(1, n + 1)), "x"


def nested(n):
    expr = "x"
    for i in range(n):
        expr = f"{'sin' if i % 2 == 0 else 'cos'}({expr})"
    return expr, "x"


def table():
    cases = []
    for k in (2, 4, 8, 16, 32, 64):
        cases.append((f"loss_{k}", *neuron_loss(k)))
    for k in (2, 4, 8, 16):
        cases.append((f"net_{k}", *network_loss(k)))
    for k in (2, 4, 8, 16, 32):
        cases.append((f"softmax_{k}", *softmax_loss(k)))
    for n in (5, 10, 20, 40, 80):
        cases.append((f"sum_{n}", *long_sum(n)))
    for n in (5, 10, 20, 40):
        cases.append((f"product_{n}", *long_product(n)))
    for n in (5, 10, 20, 40):
        cases.append((f"nest_{n}", *nested(n)))
    return cases


def write(path):
    with open(path, "w") as f:
        for name, expr, var in table():
            f.write(f"# {name}\n{expr} ; wrt={var}\n")


def problems(path):
    out = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            expr, wrt = line.rsplit(";", 1)
            out.append((expr.strip(), wrt.split("=", 1)[1].strip()))
    return out


def to_sympy(text):
    import sympy

    return sympy.sympify(text.replace("^", "**"), locals={"ln": sympy.log})


def run_sympy(path):
    import sympy

    rows = []
    total = 0.0
    for expr, var in problems(path):
        e = to_sympy(expr)
        v = sympy.Symbol(var)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            d = sympy.diff(e, v)
            best = min(best, time.perf_counter() - start)
        total += best
        rows.append({"expr": expr, "seconds": best, "ops": int(sympy.count_ops(d))})
    json.dump({"sympy": sympy.__version__, "total_seconds": total, "cases": rows}, sys.stdout, indent=1)
    print()


def compare(path, sympy_json, stepgrad_json):
    import sympy

    with open(sympy_json) as f:
        reference = json.load(f)["cases"]
    with open(stepgrad_json) as f:
        answers = json.load(f)
    names = [name for name, _, _ in table()]
    no_larger = 0
    for name, ref, answer in zip(names, reference, answers):
        ops = int(sympy.count_ops(to_sympy(answer["derivative"])))
        fits = ops <= ref["ops"]
        no_larger += fits
        print(f"{name:12} stepgrad {ops:7} ops   sympy raw {ref['ops']:7} ops   {'≤' if fits else '>'}")
    print(f"no larger than SymPy's raw diff: {no_larger} of {len(answers)}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        write(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "sympy":
        run_sympy(sys.argv[2])
    elif len(sys.argv) == 5 and sys.argv[1] == "compare":
        compare(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
