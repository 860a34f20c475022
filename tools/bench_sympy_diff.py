#!/usr/bin/env python3
"""Derivatives side by side: `stepgrad diff --file` and SymPy's `diff` on a
table of large expressions, for time and for the size of the result.

The table (made here from fixed formulas, the same every run), about 80
cases, as a course and a network's training would ask them:

    course_NN   ordinary course-sized derivatives: polynomials, products,
                quotients, chains, a neuron's loss, by the variable named
    loss_K      ½·(t − σ(w1·x1 + … + wK·xK + b))² of a neuron with K inputs,
                σ written as 1/(1 + exp(−z)), by w1
    net_K       ½·Σ over 2 outputs of (t − σ(v·σ(hidden) …))² of a K-2-2
                network, by w1
    spec_A_B_C  the loss `stepgrad net` writes for a spec of that shape and
                one sample (sigmoid or tanh hidden layers, a sigmoid output
                with ½·Σ(t − out)² or a softmax output with cross-entropy,
                a bias per neuron), weights w1, w2, … in the spec's order,
                by w1: from 2-2-2 (12 parameters) to 16-12-4 (256)
    softmax_K   −ln(exp(z1)/(exp(z1) + … + exp(zK))) with z linear in w, by w1
    sum_N       Σₖ x^k·sin(k·x)·exp(x/k) for k = 1…N, by x
    product_N   (x + 1)·(x + 2)·…·(x + N), by x
    nest_N      sin(cos(sin(… x …))) N deep, by x

`write FILE` writes the table as a problem file (one `expr ; wrt=v` a
line); benches/data/large_derivatives.txt is its output, which
benches/diff.rs times as a whole (`large/total`). `sympy FILE` times SymPy's diff on each line (parsing not timed,
best of 3, SymPy's cache kept from run to run; the first run alone as
`first_seconds`) and prints the total and each case's operation count
(`count_ops` of the raw, unsimplified derivative) as JSON. `compare FILE
SYMPY.json STEPGRAD.json` reads stepgrad's `diff --file FILE --format
json` output, parses each derivative with SymPy and counts its operations
the same way, and prints the share of cases where stepgrad's result is no
larger than SymPy's raw diff. Time stepgrad's whole process (start-up
included) with a benchmark harness:

    python3 tools/bench_sympy_diff.py write /tmp/large.txt
    python3 tools/bench_sympy_diff.py sympy /tmp/large.txt > /tmp/sympy.json
    target/release/stepgrad diff --file /tmp/large.txt --no-steps --format json > /tmp/stepgrad.json
    python3 tools/bench_sympy_diff.py compare /tmp/large.txt /tmp/sympy.json /tmp/stepgrad.json
"""
import json
import sys
import time


COURSE = [
    ("x^2*sin(x)", "x"),
    ("3*x^3 - 2*x + 7", "x"),
    ("(2*x - 1)^4", "x"),
    ("x^-2 + 1/x", "x"),
    ("sqrt(x)*x", "x"),
    ("x*exp(x)*sin(x)", "x"),
    ("(x + 1)*(x - 1)*(x + 2)", "x"),
    ("x^3*ln(x)", "x"),
    ("sin(x)*cos(x)", "x"),
    ("x/(x + 1)", "x"),
    ("sin(x)/x", "x"),
    ("(x^2 + 1)/(x - 1)", "x"),
    ("exp(x)/(1 + exp(x))", "x"),
    ("ln(x)/x", "x"),
    ("sin(3*x)", "x"),
    ("sin(x^2)", "x"),
    ("exp(sin(x))", "x"),
    ("ln(cos(x))", "x"),
    ("sqrt(1 + x^2)", "x"),
    ("exp(-x^2/2)", "x"),
    ("ln(1 + x^2)", "x"),
    ("tan(x)^2", "x"),
    ("cos(x^3)", "x"),
    ("(3*x^2 - 2*x + 1)^5", "x"),
    ("x*exp(-x)", "x"),
    ("ln(ln(x))", "x"),
    ("sqrt(sin(x))", "x"),
    ("exp(sin(x)^2)", "x"),
    ("(x + 1)^2*(x - 2)^3", "x"),
    ("x^x", "x"),
    ("1/(1 + exp(-x))", "x"),
    ("tanh(2*x + 1)", "x"),
    ("x^2*y^3", "y"),
    ("sin(x*y)", "x"),
    ("exp(x*y)*cos(y)", "y"),
    ("x^2 + 3*x*y + y^2", "x"),
    ("(w*x + b - y)^2", "w"),
    ("0.5*(w*x + b - y)^2", "b"),
    ("(w1*x1 + w2*x2 + b - y)^2/2", "w1"),
    ("(y - tanh(w*x + b))^2/2", "w"),
    ("(y - sigmoid(w*x + b))^2/2", "w"),
    ("-(y*ln(sigmoid(w*x + b)) + (1 - y)*ln(1 - sigmoid(w*x + b)))", "w"),
    ("ln(exp(a) + exp(b))", "a"),
    ("exp(a)/(exp(a) + exp(b) + exp(c))", "b"),
    ("sigmoid(w2*sigmoid(w1*x + b1) + b2)", "w1"),
    ("tanh(w2*tanh(w1*x + b1) + b2)", "w1"),
    ("(x^2 + y^2)^0.5", "x"),
    ("10*x^2 + y^2", "y"),
    ("(1 - x)^2 + 100*(y - x^2)^2", "x"),
    ("sin(x)^2 + cos(x)^2", "x"),
    ("exp(2*x)*sin(3*x)", "x"),
    ("x^4 - 3*x^3 + 2", "x"),
]


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


def sample_input(i):
    """The sample's i-th input: a fixed number in (0, 1), two decimals."""
    return f"{(i * 37 + 11) % 97 / 100 + 0.01:.2f}"


def spec_loss(layers, hidden, output):
    """The loss of one sample through a network of these layer sizes, as
    `stepgrad net` writes it: each neuron act(w·a + b), the weights
    numbered in the spec's order (layer, neuron, input), one bias per
    neuron, a sigmoid output with ½·Σ(t − out)² or a softmax output with
    cross-entropy."""
    values = [sample_input(i) for i in range(layers[0])]
    counter = {"w": 0, "b": 0}

    def name(kind):
        counter[kind] += 1
        return f"{kind}{counter[kind]}"

    for depth, size in enumerate(layers[1:], start=1):
        last = depth == len(layers) - 1
        nets = []
        for _ in range(size):
            terms = [f"{name('w')}*{a}" for a in values]
            nets.append(" + ".join(terms) + f" + {name('b')}")
        if last:
            break
        values = [f"{hidden}({z})" for z in nets]
    targets = [1 if k == 0 else 0 for k in range(layers[-1])]
    if output == "softmax":
        # −ln of the target class's softmax: ln Σ exp(net) − net_target.
        total = " + ".join(f"exp({z})" for z in nets)
        return f"ln({total}) - ({nets[0]})", "w1"
    terms = [f"({t} - sigmoid({z}))^2" for t, z in zip(targets, nets)]
    return "0.5*(" + " + ".join(terms) + ")", "w1"


SPECS = [
    ((2, 2, 2), "sigmoid", "sse"),
    ((2, 3, 1), "tanh", "sse"),
    ((3, 4, 2), "sigmoid", "sse"),
    ((4, 4, 3), "tanh", "softmax"),
    ((4, 8, 3), "sigmoid", "softmax"),
    ((8, 8, 4), "sigmoid", "sse"),
    ((8, 16, 4), "tanh", "softmax"),
    ((16, 12, 4), "sigmoid", "sse"),
]


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
    cases = [(f"course_{i + 1:02}", expr, var) for i, (expr, var) in enumerate(COURSE)]
    for k in (2, 8, 32, 64):
        cases.append((f"loss_{k}", *neuron_loss(k)))
    for k in (2, 4):
        cases.append((f"net_{k}", *network_loss(k)))
    for layers, hidden, output in SPECS:
        cases.append(("spec_" + "_".join(map(str, layers)), *spec_loss(layers, hidden, output)))
    for k in (4, 16):
        cases.append((f"softmax_{k}", *softmax_loss(k)))
    for n in (5, 20, 40, 80):
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

    sigmoid = sympy.Lambda(sympy.Symbol("z"), 1 / (1 + sympy.exp(-sympy.Symbol("z"))))
    return sympy.sympify(text.replace("^", "**"), locals={"ln": sympy.log, "sigmoid": sigmoid})


def run_sympy(path):
    import sympy

    rows = []
    total = total_first = 0.0
    for expr, var in problems(path):
        e = to_sympy(expr)
        v = sympy.Symbol(var)
        times = []
        for _ in range(3):
            start = time.perf_counter()
            d = sympy.diff(e, v)
            times.append(time.perf_counter() - start)
        total += min(times)
        total_first += times[0]
        rows.append({"expr": expr, "seconds": min(times), "first_seconds": times[0], "ops": int(sympy.count_ops(d))})
    summary = {"sympy": sympy.__version__, "total_seconds": total, "total_first_seconds": total_first}
    json.dump({**summary, "cases": rows}, sys.stdout, indent=1)
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
