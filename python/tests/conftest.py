"""Fixtures: the checkout's launcher run directly (the CLI side of every comparison), small trained torch
MLPs with fixed seeds, and their weights written in the project's JSON format by hand (an export path
independent of the package's ONNX export)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LAUNCHER = REPO / "relu-regions"

try:
    import relu_regions  # the installed package (pip install ./python) ...
except ImportError:  # ... or, when it is not installed, the one in this checkout
    sys.path.insert(0, str(REPO / "python"))
    import relu_regions


def pytest_report_header(config):
    return f"relu_regions from {Path(relu_regions.__file__).parent}"


class Cli:
    """The tool run as a user would run it: ./relu-regions with arguments."""

    def __call__(self, *args, check_json=True):
        done = subprocess.run([str(LAUNCHER), *map(str, args)], capture_output=True, text=True, cwd=REPO)
        report = json.loads(done.stdout) if check_json and done.stdout.strip() else None
        return done.returncode, report, done.stderr, done.stdout


@pytest.fixture(scope="session")
def cli():
    return Cli()


@pytest.fixture(scope="session")
def repo():
    return REPO


def two_moons(n, seed):
    import numpy as np

    rng = np.random.default_rng(seed)
    angle = rng.uniform(0, np.pi, n)
    upper = rng.integers(0, 2, n)
    x = np.where(upper, np.cos(angle), 1 - np.cos(angle))
    y = np.where(upper, np.sin(angle), 0.5 - np.sin(angle))
    points = np.stack([x, y], axis=1) + rng.normal(0, 0.1, (n, 2))
    return points.astype("float32"), upper.astype("float32")


@pytest.fixture(scope="session")
def moons():
    return two_moons(400, seed=0)


@pytest.fixture(scope="session")
def trained_mlp(moons):
    """2 -> 16 -> 16 -> 1, trained for 300 full-batch Adam steps on two moons (well under a second)."""
    import torch

    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.ReLU(), torch.nn.Linear(16, 16),
                                torch.nn.ReLU(), torch.nn.Linear(16, 1))
    x, y = (torch.from_numpy(a) for a in moons)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-2)
    loss = torch.nn.BCEWithLogitsLoss()
    for _ in range(300):
        optimiser.zero_grad()
        loss(model(x).squeeze(1), y).backward()
        optimiser.step()
    accuracy = float(((model(x).squeeze(1) > 0).float() == y).float().mean())
    assert accuracy > 0.95, f"the MLP did not learn the moons (accuracy {accuracy})"
    return model


def linear_layers(model):
    import torch

    return [m for m in model.modules() if isinstance(m, torch.nn.Linear)]


def project_json(layers, path):
    """Writes (weights, biases) pairs as the project's JSON network; numbers in double, exactly the
    float32 values torch holds."""
    network = {"layers": [{"weights": w.tolist(), "biases": b.tolist()} for w, b in layers]}
    Path(path).write_text(json.dumps(network))
    return path


@pytest.fixture
def mlp_json(trained_mlp, tmp_path):
    return project_json([(m.weight.detach().double(), m.bias.detach().double())
                         for m in linear_layers(trained_mlp)], tmp_path / "mlp.json")
