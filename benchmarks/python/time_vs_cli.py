#!/usr/bin/python3
"""One count through the Python package and through the CLI, side by side: the same network and domain,
runs alternated so both see the same load. Run from the repository's root after `pip install ./python`:

    /usr/bin/python3 benchmarks/python/time_vs_cli.py [--repeat 5]

Columns (wall-clock seconds, median and min over the repetitions):
  cli          ./relu-regions count exact NETWORK --box=... --json, as a subprocess
  python       relu_regions.count_exact(path, box=...) inside a running interpreter
  python -c    a new interpreter: import relu_regions, count, exit (what a script pays)
  torch        relu_regions.count_exact(module, box=...): the same network as a torch.nn.Module,
               exported to ONNX on every call
and the count each gave (they must agree).
"""
import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import relu_regions as rr

NETWORK = "testdata/trained_moons_2x16x16.json"
BOX = (-3.0, 3.0)


def torch_module(path):
    import torch

    layers = json.loads(Path(path).read_text())["layers"]
    modules = []
    for i, layer in enumerate(layers):
        linear = torch.nn.Linear(len(layer["weights"][0]), len(layer["weights"]), dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(torch.tensor(layer["weights"], dtype=torch.float64))
            linear.bias.copy_(torch.tensor(layer["biases"], dtype=torch.float64))
        modules += [linear] + ([torch.nn.ReLU()] if i < len(layers) - 1 else [])
    return torch.nn.Sequential(*modules)


def timed(run):
    start = time.perf_counter()
    regions = run()
    return time.perf_counter() - start, regions


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    box = f"--box={BOX[0]}:{BOX[1]}"
    module = torch_module(NETWORK)
    script = f"import relu_regions as rr; print(rr.count_exact({NETWORK!r}, box={BOX!r}).regions)"
    ways = {
        "cli": lambda: json.loads(subprocess.run(["./relu-regions", "count", "exact", NETWORK, box, "--json"],
                                                 capture_output=True, check=True, text=True).stdout)["regions"],
        "python": lambda: rr.count_exact(NETWORK, box=BOX).regions,
        "python -c": lambda: int(subprocess.run([sys.executable, "-c", script], capture_output=True, check=True,
                                                text=True).stdout),
        "torch": lambda: rr.count_exact(module, box=BOX).regions,
    }
    ways["cli"]()  # the launcher builds the jar if it must; not timed
    times = {name: [] for name in ways}
    counts = {name: set() for name in ways}
    for _ in range(args.repeat):
        for name, run in ways.items():
            seconds, regions = timed(run)
            times[name].append(seconds)
            counts[name].add(regions)
    print(f"{NETWORK} in box {BOX}, {args.repeat} runs each (wall-clock s)")
    print(f"{'way':<10} {'median':>7} {'min':>7}  regions")
    for name in ways:
        print(f"{name:<10} {statistics.median(times[name]):7.2f} {min(times[name]):7.2f}  "
              f"{','.join(map(str, sorted(counts[name])))}")
    if len(set().union(*counts.values())) != 1:
        sys.exit("the counts differ")


if __name__ == "__main__":
    main()
