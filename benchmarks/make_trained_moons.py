#!/usr/bin/python3
"""How testdata/trained_moons_2x16x16.json was made (run once; nothing in the tool needs Python).

A ReLU network with 2 inputs, hidden layers of 16 and 16 and one output (a logit), trained with numpy
only: full-batch Adam on the logistic loss over 400 points of the two-moons set (noise 0.1), seed 0.
Prints the training accuracy. Usage: /usr/bin/python3 benchmarks/make_trained_moons.py OUT.json
"""
import json
import sys

import numpy as np

rng = np.random.default_rng(0)
n = 400
t = rng.uniform(0, np.pi, n // 2)
upper = np.stack([np.cos(t), np.sin(t)], axis=1)
lower = np.stack([1 - np.cos(t), 0.5 - np.sin(t)], axis=1)
x = np.concatenate([upper, lower]) + rng.normal(0, 0.1, (n, 2))
y = np.concatenate([np.zeros(n // 2), np.ones(n // 2)])

widths = [2, 16, 16, 1]
params = []
for fan_in, fan_out in zip(widths[:-1], widths[1:]):
    params.append(rng.normal(0, np.sqrt(2 / fan_in), (fan_out, fan_in)))
    params.append(np.zeros(fan_out))
moments = [np.zeros_like(p) for p in params]
squares = [np.zeros_like(p) for p in params]


def forward(p):
    hs = [x]
    for l in range(0, len(p) - 2, 2):
        hs.append(np.maximum(0, hs[-1] @ p[l].T + p[l + 1]))
    return hs, (hs[-1] @ p[-2].T + p[-1])[:, 0]


for step in range(1, 4001):
    hs, logit = forward(params)
    grad_out = (1 / (1 + np.exp(-logit)) - y)[:, None] / n
    grads = [None] * len(params)
    g = grad_out
    for l in range(len(params) - 2, -1, -2):
        grads[l] = g.T @ hs[l // 2]
        grads[l + 1] = g.sum(axis=0)
        if l > 0:
            g = (g @ params[l]) * (hs[l // 2] > 0)
    for i, (p, gr) in enumerate(zip(params, grads)):
        moments[i] = 0.9 * moments[i] + 0.1 * gr
        squares[i] = 0.999 * squares[i] + 0.001 * gr * gr
        m = moments[i] / (1 - 0.9 ** step)
        v = squares[i] / (1 - 0.999 ** step)
        params[i] = p - 0.01 * m / (np.sqrt(v) + 1e-8)

_, logit = forward(params)
print("training accuracy", np.mean((logit > 0) == (y > 0.5)))
layers = [{"weights": params[l].tolist(), "biases": params[l + 1].tolist()} for l in range(0, len(params), 2)]
with open(sys.argv[1], "w") as out:
    json.dump({"layers": layers}, out)
