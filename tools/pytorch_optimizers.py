#!/usr/bin/env python3
"""Reference values for stepgrad's optimizers, computed by PyTorch itself.

Trains Mazur's 2-2-2 network (examples/mazur.toml, with its two shared
biases updated too) for six full-batch steps with each first-order optimizer
of torch.optim, in float64, and writes the parameters after every step as
JSON, in stepgrad's shapes: W[layer][out][in] and b[layer][0].

Run by hand when the set of cases changes (CI does not need PyTorch):

    python3 tools/pytorch_optimizers.py > tests/data/pytorch_mazur.json
"""
import json

import torch

CASES = [
    ("sgd", "SGD", {"lr": 0.5}),
    ("sgd_weight_decay_dampening", "SGD", {"lr": 0.5, "momentum": 0.9, "dampening": 0.1, "weight_decay": 0.01}),
    ("momentum", "SGD", {"lr": 0.5, "momentum": 0.9}),
    ("nesterov", "SGD", {"lr": 0.5, "momentum": 0.9, "nesterov": True}),
    ("adagrad", "Adagrad", {"lr": 0.5, "lr_decay": 0.01}),
    ("rmsprop", "RMSprop", {"lr": 0.01}),
    ("rmsprop_centered_momentum", "RMSprop", {"lr": 0.01, "momentum": 0.9, "centered": True}),
    ("adam", "Adam", {"lr": 0.01}),
    ("adam_weight_decay", "Adam", {"lr": 0.01, "weight_decay": 0.01}),
    ("adamw", "AdamW", {"lr": 0.01, "weight_decay": 0.01}),
]
STEPS = 6


def run(cls, hyper):
    f64 = torch.float64
    w1 = torch.tensor([[0.15, 0.20], [0.25, 0.30]], dtype=f64, requires_grad=True)
    b1 = torch.tensor([0.35], dtype=f64, requires_grad=True)
    w2 = torch.tensor([[0.40, 0.45], [0.50, 0.55]], dtype=f64, requires_grad=True)
    b2 = torch.tensor([0.60], dtype=f64, requires_grad=True)
    x = torch.tensor([0.05, 0.10], dtype=f64)
    t = torch.tensor([0.01, 0.99], dtype=f64)
    optimizer = getattr(torch.optim, cls)([w1, b1, w2, b2], **hyper)
    history = []
    for _ in range(STEPS):
        optimizer.zero_grad()
        h = torch.sigmoid(w1 @ x + b1)
        o = torch.sigmoid(w2 @ h + b2)
        loss = 0.5 * ((t - o) ** 2).sum()
        loss.backward()
        optimizer.step()
        history.append({
            "W": [w1.tolist(), w2.tolist()],
            "b": [b1.tolist(), b2.tolist()],
        })
    return history


def main():
    torch.set_default_dtype(torch.float64)
    out = {
        "source": f"PyTorch {torch.__version__}, float64",
        "network": "examples/mazur.toml with update_biases = true",
        "steps": STEPS,
        "cases": [
            {"name": name, "optimizer": cls, "hyperparameters": hyper, "params": run(cls, hyper)}
            for name, cls, hyper in CASES
        ],
    }
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
