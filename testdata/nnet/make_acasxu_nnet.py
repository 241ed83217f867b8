#!/usr/bin/python3
"""Writes acasxu_run2a_1_1.nnet and acasxu_run2a_1_1.reference.json (run with Debian's python3-onnx and numpy).

The NNet file holds the weights of ../shared/models/acasxu/ACASXU_run2a_1_1_batch_2000.onnx (whose graph
takes normalised inputs and gives normalised outputs) with the ACAS Xu normalisation constants of the
original .nnet files; prop_3.vnnlib's comments ("Unscaled Input 0: (1500, 1800)" for X_0 in
[-0.303531156, -0.298552812], ...) agree with them. The reference file holds outputs of the NNet
reference evaluation (nnet.py's evaluate_network of github.com/sisl/NNet: clip to [min, max], normalise,
run, de-normalise), written again here in float64, at raw inputs inside and outside [min, max].

Usage: /usr/bin/python3 testdata/nnet/make_acasxu_nnet.py   (from the project root)
"""
import json
import os

import numpy as np
import onnx
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "..", "..", "..", "shared", "models", "acasxu", "ACASXU_run2a_1_1_batch_2000.onnx")

MINS = [0.0, -3.141593, -3.141593, 100.0, 0.0]
MAXES = [60760.0, 3.141593, 3.141593, 1200.0, 1200.0]
MEANS = [1.9791091e+04, 0.0, 0.0, 650.0, 600.0, 7.5188840201005975]
RANGES = [60261.0, 6.28318530718, 6.28318530718, 1100.0, 1200.0, 373.94992]


def onnx_layers(path):
    """(weights [out, in], biases) per layer of the MatMul + Add chain; the Sub's constant folded into layer 1."""
    model = onnx.load(path)
    init = {t.name: numpy_helper.to_array(t).astype(np.float64) for t in model.graph.initializer}
    layers = []
    shift = None
    for node in model.graph.node:
        if node.op_type == "Sub":
            shift = init[node.input[1]].reshape(-1)
        elif node.op_type == "MatMul":
            layers.append([init[node.input[1]].T.copy(), None])
        elif node.op_type == "Add":
            layers[-1][1] = init[node.input[1]].reshape(-1)
    if shift is not None:  # W (u - shift) + b
        layers[0][1] = layers[0][1] - layers[0][0] @ shift
    return layers


def write_nnet(path, layers):
    sizes = [layers[0][0].shape[1]] + [w.shape[0] for w, _ in layers]
    with open(path, "w") as f:
        f.write("// ACAS Xu network 1_1 (run2a) in the NNet format, for relu-regions' tests\n")
        f.write("// Weights from ACASXU_run2a_1_1_batch_2000.onnx (VNN-COMP 2021); written by make_acasxu_nnet.py\n")
        f.write("%d,%d,%d,%d,\n" % (len(layers), sizes[0], sizes[-1], max(sizes)))
        f.write(",".join(str(s) for s in sizes) + ",\n")
        f.write("0,\n")
        for row in (MINS, MAXES, MEANS, RANGES):
            f.write(",".join(repr(v) for v in row) + ",\n")
        for w, b in layers:
            for i in range(w.shape[0]):
                f.write(",".join("%.9g" % v for v in w[i]) + ",\n")
            for i in range(w.shape[0]):
                f.write("%.9g,\n" % b[i])


def read_nnet(path):
    """The layers as written (text precision), read back the way readNNet.py does."""
    with open(path) as f:
        lines = [line for line in f if not line.startswith("//")]
    num_layers, _, _, _ = [int(x) for x in lines[0].strip().split(",")[:-1]]
    sizes = [int(x) for x in lines[1].strip().split(",")[:-1]]
    row = 7
    layers = []
    for l in range(num_layers):
        w = np.array([[float(x) for x in lines[row + i].strip().split(",")[:-1]] for i in range(sizes[l + 1])])
        row += sizes[l + 1]
        b = np.array([float(lines[row + i].strip().split(",")[0]) for i in range(sizes[l + 1])])
        row += sizes[l + 1]
        layers.append((w, b))
    return layers


def evaluate_network(layers, inputs):
    """nnet.py's evaluate_network: clip, normalise, run, de-normalise."""
    n = len(MINS)
    x = np.zeros(n)
    for i in range(n):
        if inputs[i] < MINS[i]:
            x[i] = (MINS[i] - MEANS[i]) / RANGES[i]
        elif inputs[i] > MAXES[i]:
            x[i] = (MAXES[i] - MEANS[i]) / RANGES[i]
        else:
            x[i] = (inputs[i] - MEANS[i]) / RANGES[i]
    for w, b in layers[:-1]:
        x = np.maximum(w @ x + b, 0)
    w, b = layers[-1]
    return (w @ x + b) * RANGES[-1] + MEANS[-1]


def main():
    nnet = os.path.join(HERE, "acasxu_run2a_1_1.nnet")
    write_nnet(nnet, onnx_layers(MODEL))
    layers = read_nnet(nnet)
    rng = np.random.default_rng(2021)
    lo, hi = np.array(MINS), np.array(MAXES)
    inputs = [lo + (hi - lo) * rng.random(5) for _ in range(40)]  # inside the range
    inputs += [lo - 0.5 * (hi - lo) + 2 * (hi - lo) * rng.random(5) for _ in range(20)]  # partly outside
    reference = {
        "about": "outputs of nnet.py's evaluate_network (clip, normalise, run, de-normalise) on acasxu_run2a_1_1.nnet",
        "inputs": [list(map(float, x)) for x in inputs],
        "outputs": [list(map(float, evaluate_network(layers, x))) for x in inputs],
    }
    with open(os.path.join(HERE, "acasxu_run2a_1_1.reference.json"), "w") as f:
        json.dump(reference, f, indent=1)


if __name__ == "__main__":
    main()
