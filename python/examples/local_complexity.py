#!/usr/bin/python3
"""Local complexity through training: the regions of a ReLU MLP in small balls around training points
and around random points, counted exactly at checkpoints while it learns two moons, plotted against the
epoch (the kind of figure the local-complexity papers draw).

Run from the repository's root with Debian's python3 (python3-torch, python3-numpy, python3-matplotlib)
after `pip install ./python` (see docs/python.md):

    /usr/bin/python3 python/examples/local_complexity.py            # ~1 minute on 2 cores

Writes docs/img/python-local-complexity.png (--out to change it) and prints one line per checkpoint.
Everything is seeded (data, initialisation, batch order, the points), on one CPU thread.
"""
import argparse
import time
from pathlib import Path

import numpy as np
import torch

import relu_regions as rr

HIDDEN = (32, 32, 32)


def two_moons(n, noise, seed):
    """n points of the two interleaved half circles, with Gaussian noise; labels 0 (upper) and 1."""
    rng = np.random.default_rng(seed)
    angle = rng.uniform(0, np.pi, n)
    lower = rng.integers(0, 2, n)
    x = np.where(lower, 1 - np.cos(angle), np.cos(angle))
    y = np.where(lower, 0.5 - np.sin(angle), np.sin(angle))
    points = np.stack([x, y], axis=1) + rng.normal(0, noise, (n, 2))
    return points.astype(np.float32), lower.astype(np.float32)


def mlp():
    layers, width = [], 2
    for h in HIDDEN:
        layers += [torch.nn.Linear(width, h), torch.nn.ReLU()]
        width = h
    return torch.nn.Sequential(*layers, torch.nn.Linear(width, 1))


def checkpoints(epochs):
    """0, 1, 2, 4, ... up to epochs, and epochs itself."""
    marks, e = [0], 1
    while e < epochs:
        marks.append(e)
        e *= 2
    return marks + [epochs]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=128)
    parser.add_argument("--points", type=int, default=40, help="balls around training and random points each")
    parser.add_argument("--radius", type=float, nargs="+", default=[0.1, 0.25])
    parser.add_argument("--out", default="docs/img/python-local-complexity.png")
    args = parser.parse_args()

    torch.manual_seed(0)
    torch.set_num_threads(1)
    x, y = two_moons(1000, noise=0.1, seed=0)
    low, high = x.min(axis=0) - 0.25, x.max(axis=0) + 0.25
    around = np.concatenate([x[:args.points],  # training points, and random ones in the data's box
                             np.random.default_rng(1).uniform(low, high, (args.points, 2)).astype(np.float32)])
    labels = ["train"] * args.points + ["random"] * args.points

    model = mlp()
    optimiser = torch.optim.Adam(model.parameters(), lr=3e-3)
    loss_of = torch.nn.BCEWithLogitsLoss()
    xs, ys = torch.from_numpy(x), torch.from_numpy(y)
    order = torch.Generator().manual_seed(0)
    marks = checkpoints(args.epochs)
    history = []  # (epoch, accuracy, {(label, radius): mean regions}, all complete)
    counting = 0.0
    for epoch in range(args.epochs + 1):
        if epoch in marks:
            with torch.no_grad():
                accuracy = float(((model(xs).squeeze(1) > 0).float() == ys).float().mean())
            start = time.perf_counter()
            local = rr.count_local(model, around, args.radius, norm="l2", labels=labels)
            counting += time.perf_counter() - start
            means = {(label, r): float(np.mean(local.regions(r, label))) for label in ("train", "random")
                     for r in args.radius}
            history.append((epoch, accuracy, means, local.complete))
            print(f"epoch {epoch:4d}  accuracy {accuracy:.3f}  " + "  ".join(
                f"{label} r={r}: {means[label, r]:6.2f}" for label in ("train", "random") for r in args.radius)
                + ("" if local.complete else "  (some counts are lower bounds)"), flush=True)
        if epoch == args.epochs:
            break
        permutation = torch.randperm(len(xs), generator=order)
        for start in range(0, len(xs), 64):
            batch = permutation[start:start + 64]
            optimiser.zero_grad()
            loss_of(model(xs[batch]).squeeze(1), ys[batch]).backward()
            optimiser.step()
    print(f"{len(marks)} count local runs ({2 * args.points * len(args.radius)} balls each) took {counting:.1f} s")
    plot(history, args, Path(args.out))


def plot(history, args, out):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    epochs = [h[0] + 1 for h in history]  # epoch + 1 on a log axis
    figure, (regions, accuracy) = plt.subplots(1, 2, figsize=(10, 4), gridspec_kw={"width_ratios": [2, 1]})
    for r, colour in zip(args.radius, ("tab:blue", "tab:orange", "tab:green", "tab:red")):
        for label, style in (("train", "-"), ("random", "--")):
            regions.plot(epochs, [h[2][label, r] for h in history], style, color=colour, marker="o",
                         markersize=3, label=f"{label} points, radius {r}")
    regions.set_xscale("log")
    regions.set_xlabel("epoch + 1")
    regions.set_ylabel("mean regions in the L2 ball (exact counts)")
    regions.set_title(f"MLP 2-{'-'.join(map(str, HIDDEN))}-1 on two moons: "
                      f"{args.points} training and {args.points} random points")
    regions.legend(fontsize=8)
    accuracy.plot(epochs, [h[1] for h in history], marker="o", markersize=3, color="black")
    accuracy.set_xscale("log")
    accuracy.set_xlabel("epoch + 1")
    accuracy.set_ylabel("training accuracy")
    figure.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=110)
    print(f"wrote {out}" + ("" if all(h[3] for h in history) else " (some counts are lower bounds)"))


if __name__ == "__main__":
    main()
