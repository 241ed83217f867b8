#!/usr/bin/env python3
"""Writes a one-hidden-layer ReLU net whose m hyperplanes are in general position in R^d (Gaussian weights and
biases, seeded): it has sum_{j<=d} C(m, j) regions in all of R^d (Zaslavsky). Usage: make_general_position.py D M SEED OUT"""
import json, random, sys
from math import comb

d, m, seed, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(seed)
weights = [[rng.gauss(0, 1) for _ in range(d)] for _ in range(m)]
biases = [rng.gauss(0, 1) for _ in range(m)]
net = {"layers": [{"weights": weights, "biases": biases}, {"weights": [[1.0] * m], "biases": [0.0]}]}
with open(out, "w") as f:
    json.dump(net, f)
print(out, "regions in R^%d:" % d, sum(comb(m, j) for j in range(d + 1)))
