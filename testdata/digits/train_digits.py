#!/usr/bin/python3
"""Trains the small ReLU MLP of testdata/digits on the 8x8 digits and writes its files.

Run from this folder with Debian's python3 (python3-torch, python3-sklearn, python3-onnx, python3-numpy):

    /usr/bin/python3 train_digits.py

The digits (1,797 images of 8x8 pixels with values 0..16, shipped with scikit-learn, no download) are
scaled to [0, 1] by dividing by 16 and split 75/25 into training and test sets (stratified, seed 0).
The network is 64 -> 16 -> 16 -> 10 with ReLU after both hidden layers, trained with Adam on the
cross-entropy for 200 epochs (batch 64, learning rate 1e-3, weight decay 1e-4) on one CPU thread with
torch.manual_seed(0) and deterministic algorithms, so a rerun on the same torch gives the same weights.

Writes:
    digits_mlp.onnx         the network, float32, opset 11 (Flatten, Gemm, Relu); input "input" [N, 64]
    train_points.csv        the first 50 training points: x0..x63 and label
    random_points.csv       50 points uniform in [0, 1]^64 (numpy seed 1): x0..x63
    reference_outputs.csv   PyTorch's float64 outputs for 10 training, 10 random and 5 test points:
                            x0..x63 and y0..y9 (the weights are float32; the forward pass in float64)
and prints the training and test accuracy.
"""
import csv
import os

import numpy as np
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

HERE = os.path.dirname(os.path.abspath(__file__))
HIDDEN = (16, 16)
EPOCHS = 200
BATCH = 64


def data():
    digits = load_digits()
    x = (digits.data / 16.0).astype(np.float32)
    y = digits.target.astype(np.int64)
    return train_test_split(x, y, test_size=0.25, random_state=0, stratify=y)


def model():
    layers = [torch.nn.Flatten()]
    width = 64
    for h in HIDDEN:
        layers += [torch.nn.Linear(width, h), torch.nn.ReLU()]
        width = h
    layers.append(torch.nn.Linear(width, 10))
    return torch.nn.Sequential(*layers)


def accuracy(net, x, y):
    with torch.no_grad():
        return float((net(torch.from_numpy(x)).argmax(1).numpy() == y).mean())


def train(net, x, y):
    optimiser = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-4)
    loss = torch.nn.CrossEntropyLoss()
    xs, ys = torch.from_numpy(x), torch.from_numpy(y)
    order = torch.Generator().manual_seed(0)
    for _ in range(EPOCHS):
        permutation = torch.randperm(len(xs), generator=order)
        for start in range(0, len(xs), BATCH):
            batch = permutation[start:start + BATCH]
            optimiser.zero_grad()
            loss(net(xs[batch]), ys[batch]).backward()
            optimiser.step()


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        for row in rows:
            out.writerow([repr(float(v)) if isinstance(v, (float, np.floating)) else v for v in row])


def main():
    torch.manual_seed(0)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    x_train, x_test, y_train, y_test = data()
    net = model()
    train(net, x_train, y_train)
    net.eval()
    print(f"train accuracy {accuracy(net, x_train, y_train):.4f} ({len(y_train)} images), "
          f"test accuracy {accuracy(net, x_test, y_test):.4f} ({len(y_test)} images)")

    torch.onnx.export(net, torch.zeros(1, 64), os.path.join(HERE, "digits_mlp.onnx"), opset_version=11,
                      input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})

    columns = [f"x{j}" for j in range(64)]
    train_points = x_train[:50]
    write_csv("train_points.csv", columns + ["label"],
              [list(p) + [int(label)] for p, label in zip(train_points, y_train[:50])])
    random_points = np.random.default_rng(1).uniform(0.0, 1.0, size=(50, 64))
    write_csv("random_points.csv", columns, [list(p) for p in random_points])

    reference = np.concatenate([train_points[:10].astype(np.float64), random_points[:10], x_test[:5]])
    net64 = model().double()
    net64.load_state_dict({k: v.double() for k, v in net.state_dict().items()})
    with torch.no_grad():
        outputs = net64(torch.from_numpy(reference)).numpy()
    write_csv("reference_outputs.csv", columns + [f"y{k}" for k in range(10)],
              [list(p) + list(o) for p, o in zip(reference, outputs)])


if __name__ == "__main__":
    main()
