"""A model that normalises its input ((x - mean) / std on an image) and flattens it before the MLP:
counted through the package (ONNX export with an image-shaped sample), it equals the CLI's count of the
same network with the normalisation folded into the first layer by hand."""
import pytest
import torch

import relu_regions as rr
from conftest import linear_layers, project_json


class Normalise(torch.nn.Module):
    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)

    def forward(self, x):
        return (x - self.mean) / self.std


@pytest.fixture(scope="module")
def image_model():
    torch.manual_seed(1)
    # powers of two, so that folding (x - m) / s into the weights is exact in floating point
    mean = torch.tensor([[[0.5, 0.25, 0.5], [0.25, 0.5, 0.25], [0.5, 0.25, 0.5]]])
    std = torch.tensor([[[0.25, 0.5, 0.25], [0.5, 0.25, 0.5], [0.25, 0.5, 0.25]]])
    model = torch.nn.Sequential(Normalise(mean, std), torch.nn.Flatten(), torch.nn.Linear(9, 6), torch.nn.ReLU(),
                                torch.nn.Linear(6, 5), torch.nn.ReLU(), torch.nn.Linear(5, 3))
    x = torch.rand(64, 1, 3, 3)
    optimiser = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(20):  # a few steps, so the weights are not just the initialisation
        optimiser.zero_grad()
        model(x).pow(2).sum().backward()
        optimiser.step()
    return model


def folded_json(model, path):
    """The same network in the project's JSON: W' = W / s (per input), b' = b - W' m."""
    normalise = model[0]
    mean, std = normalise.mean.double().flatten(), normalise.std.double().flatten()
    layers = [(m.weight.detach().double(), m.bias.detach().double()) for m in linear_layers(model)]
    first_w, first_b = layers[0]
    w = first_w / std
    layers[0] = (w, first_b - w @ mean)
    return project_json(layers, path)


def test_normalised_flattened_model_counts_as_its_folded_network(image_model, tmp_path, cli):
    result = rr.count_exact(image_model, box=(0, 1), input_shape=(1, 1, 3, 3))
    code, report, _, _ = cli("count", "exact", folded_json(image_model, tmp_path / "folded.json"), "--box=0:1",
                             "--json")
    assert code == 0
    assert result.network.input_dimension == 9
    assert result.network.hidden_widths == [6, 5]
    assert (result.regions, result.complete) == (report["regions"], True)
    assert result.regions > 10


def test_the_sample_shape_is_not_guessed_for_an_image_model(image_model):
    with pytest.raises(rr.ModelExportError) as refused:
        rr.count_exact(image_model, box=(0, 1))  # the first Linear says (1, 9): wrong for the buffers
    assert "[1, 9]" in refused.value.message
    assert refused.value.hint.startswith("Maybe pass input_shape=")


def test_export_restores_training_mode(image_model, tmp_path):
    image_model.train()
    rr.export_onnx(image_model, tmp_path / "m.onnx", input_shape=(1, 1, 3, 3))
    assert image_model.training and (tmp_path / "m.onnx").stat().st_size > 0
