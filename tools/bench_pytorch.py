#!/usr/bin/env python3
"""Training speed side by side: stepgrad's `train` and PyTorch on the same
networks, data and steps, in microseconds per training step.

The four shapes of the comparison (sigmoid hidden layers, per-neuron
biases, plain SGD in order, no shuffling):

    2-2-2      batch 1    1 sample      200,000 epochs   ½·SSE
    4-16-3     batch 150  150 samples   2,000 epochs     softmax, cross-entropy
    64-32-10   batch 32   1,792 samples 20 epochs        ½·SSE
    256-128-10 batch 32   640 samples   10 epochs        ½·SSE

`write DIR` writes each shape's spec (DIR/NAME.toml) and data
(DIR/NAME.csv, inputs x0… then targets t0…), made by this script from a
fixed formula so that both sides train on the same numbers. `torch DIR`
trains each shape with PyTorch (CPU, float64, one thread, its own loop:
forward, loss, backward, optimizer step), timing the loop alone after one
warm-up epoch, and prints µs per step. `stepgrad DIR BINARY` prints the
command line that times the same run with stepgrad (time the whole process
with /usr/bin/time or a benchmark harness and divide by the steps).

PyTorch is not a dependency of stepgrad and CI does not run this. In a
virtual environment:

    python3 -m venv /tmp/torch-venv
    /tmp/torch-venv/bin/pip install torch --index-url https://download.pytorch.org/whl/cpu
    python3 tools/bench_pytorch.py write /tmp/shapes
    /tmp/torch-venv/bin/python tools/bench_pytorch.py torch /tmp/shapes
    python3 tools/bench_pytorch.py stepgrad /tmp/shapes target/release/stepgrad
"""
import json
import sys
import time

SHAPES = [
    # name, layers, batch, samples, epochs, cross-entropy
    ("2-2-2", [2, 2, 2], 1, 1, 200_000, False),
    ("4-16-3", [4, 16, 3], 150, 150, 2_000, True),
    ("64-32-10", [64, 32, 10], 32, 1_792, 20, False),
    ("256-128-10", [256, 128, 10], 32, 640, 10, False),
]
LR = 0.1


def steps(shape):
    _, _, batch, samples, epochs, _ = shape
    return epochs * -(-samples // batch)


def sample(s, n_in, n_out):
    inputs = [((s * 31 + k * 17) % 97) / 48.5 - 1.0 for k in range(n_in)]
    targets = [1.0 if k == s % n_out else 0.0 for k in range(n_out)]
    return inputs, targets


def write(directory):
    import os

    os.makedirs(directory, exist_ok=True)
    for name, layers, batch, samples, epochs, ce in SHAPES:
        activation = '["sigmoid", "softmax"]' if ce else '"sigmoid"'
        loss = "cross_entropy" if ce else "half_sse"
        sizes = ", ".join(str(n) for n in layers)
        with open(f"{directory}/{name}.toml", "w") as f:
            f.write(
                f'name = "{name}"\nlayers = [{sizes}]\nactivation = {activation}\n'
                f'loss = "{loss}"\ninit = "xavier"\nseed = 3\n'
            )
        n_in, n_out = layers[0], layers[-1]
        with open(f"{directory}/{name}.csv", "w") as f:
            header = [f"x{k}" for k in range(n_in)] + [f"t{k}" for k in range(n_out)]
            f.write(",".join(header) + "\n")
            for s in range(samples):
                x, t = sample(s, n_in, n_out)
                f.write(",".join(repr(v) for v in x + t) + "\n")


def stepgrad_command(directory, binary, shape):
    name, layers, batch, _, epochs, _ = shape
    targets = ",".join(f"t{k}" for k in range(layers[-1]))
    return [
        binary, "train", f"{directory}/{name}.toml", "--data", f"{directory}/{name}.csv",
        "--targets", targets, "--epochs", str(epochs), "--batch-size", str(batch),
        "--optimizer", "sgd", "--lr", str(LR), "--no-shuffle", "--format", "json",
    ]


def torch_run(directory):
    import torch

    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float64)
    results = {}
    for shape in SHAPES:
        name, layers, batch, samples, epochs, ce = shape
        rows = [sample(s, layers[0], layers[-1]) for s in range(samples)]
        x = torch.tensor([r[0] for r in rows])
        t = torch.tensor([r[1] for r in rows])
        modules = []
        for l in range(len(layers) - 1):
            modules.append(torch.nn.Linear(layers[l], layers[l + 1]))
            if l + 2 < len(layers) or not ce:
                modules.append(torch.nn.Sigmoid())
        model = torch.nn.Sequential(*modules)
        optimizer = torch.optim.SGD(model.parameters(), lr=LR)

        def loss_of(out, target):
            if ce:
                return torch.nn.functional.cross_entropy(out, target.argmax(dim=1))
            return 0.5 * ((target - out) ** 2).sum()

        def epoch():
            for start in range(0, samples, batch):
                optimizer.zero_grad()
                loss = loss_of(model(x[start:start + batch]), t[start:start + batch])
                loss.backward()
                optimizer.step()
            # The whole set's loss after each epoch, as `train` reports it.
            with torch.no_grad():
                loss_of(model(x), t)

        epoch()
        began = time.perf_counter()
        for _ in range(epochs):
            epoch()
        seconds = time.perf_counter() - began
        results[name] = seconds * 1e6 / steps(shape)
    json.dump({"us_per_step": results, "torch": torch.__version__}, sys.stdout, indent=2)
    print()


def main(argv):
    if len(argv) >= 2 and argv[0] == "write":
        write(argv[1])
    elif len(argv) >= 2 and argv[0] == "torch":
        torch_run(argv[1])
    elif len(argv) >= 3 and argv[0] == "stepgrad":
        for shape in SHAPES:
            print(f"# {shape[0]}: {steps(shape)} steps")
            print(" ".join(stepgrad_command(argv[1], argv[2], shape)))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
