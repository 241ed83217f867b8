"""Turning Python values into the tool's inputs: network files, domain options, points files."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, List, Optional, Sequence, Tuple

from .errors import ModelExportError

Shape = Tuple[int, ...]


def number(x: Any) -> str:
    """A number as the tool reads it: repr of a float round-trips exactly through Java's parser."""
    return repr(float(x))


def numbers(values: Any) -> str:
    return ",".join(number(v) for v in _flat(values))


def _flat(values: Any) -> List[Any]:
    if hasattr(values, "tolist"):  # numpy arrays, torch tensors
        values = values.tolist()
    if isinstance(values, (list, tuple)):
        return [x for v in values for x in _flat(v)]
    return [values]


def _is_module(model: Any) -> bool:
    torch = sys.modules.get("torch")
    return torch is not None and isinstance(model, torch.nn.Module)


def _is_onnx_model(model: Any) -> bool:
    return type(model).__name__ == "ModelProto" and hasattr(model, "SerializeToString")


def infer_input_shape(model: Any) -> Shape:
    """(1, in_features) of the first nn.Linear the module holds, in registration order."""
    import torch

    for module in model.modules():
        if isinstance(module, torch.nn.Linear):
            return (1, module.in_features)
    raise ModelExportError(f"Cannot tell the input shape of {type(model).__name__}: it holds no nn.Linear.",
                           "Maybe pass input_shape=(1, d) (or the shape of one sample, with a batch of 1).")


def export_onnx(model: Any, path: os.PathLike, input_shape: Optional[Sequence[int]] = None) -> Path:
    """Exports a torch.nn.Module to ONNX at ``path`` with a zero sample input of ``input_shape`` (default:
    ``(1, in_features)`` of its first nn.Linear), in eval mode (the module's mode is restored after).
    The tool flattens the input in row-major order, so a shape such as (1, 1, 8, 8) gives 64 inputs."""
    import torch

    shape = tuple(int(n) for n in input_shape) if input_shape is not None else infer_input_shape(model)
    parameter = next(iter(model.parameters()), None)
    sample = torch.zeros(shape, dtype=parameter.dtype if parameter is not None else torch.float32,
                         device=parameter.device if parameter is not None else "cpu")
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            torch.onnx.export(model, (sample,), str(path), input_names=["input"], output_names=["output"],
                              opset_version=13, do_constant_folding=True)
    except Exception as e:  # torch raises many kinds: a shape mismatch, an operator ONNX lacks, ...
        hint = ("Maybe pass input_shape=... (the shape of one sample with a batch of 1, e.g. (1, 1, 8, 8))."
                if input_shape is None else "Maybe check that the module runs on a tensor of this shape.")
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ModelExportError(f"Exporting {type(model).__name__} to ONNX with a sample input of shape "
                               f"{list(shape)} failed: {first}", hint) from e
    finally:
        model.train(was_training)
    return Path(path)


def network_file(model: Any, folder: Path, input_shape: Optional[Sequence[int]]) -> str:
    """The file to give the tool for ``model``: a torch.nn.Module or an onnx.ModelProto is written into
    ``folder``, a dict in the project's JSON format too; a path (str or os.PathLike) is used as it is."""
    if _is_module(model):
        return str(export_onnx(model, folder / "model.onnx", input_shape))
    if input_shape is not None:
        raise TypeError("input_shape is only for a torch.nn.Module")
    if _is_onnx_model(model):
        path = folder / "model.onnx"
        path.write_bytes(model.SerializeToString())
        return str(path)
    if isinstance(model, dict):
        path = folder / "network.json"
        path.write_text(json.dumps(model))
        return str(path)
    if isinstance(model, (str, os.PathLike)):
        return os.fspath(model)
    raise TypeError(f"model must be a torch.nn.Module, an onnx.ModelProto, a path (.onnx, .json, .nnet) "
                    f"or a dict in the project's JSON format, not {type(model).__name__}")


def domain_options(box: Any = None, ball: Any = None, norm: Optional[str] = None,
                   vnnlib: Any = None) -> List[str]:
    """``--box``, ``--center/--radius/--norm`` or ``--vnnlib``; none of them means all of R^d.

    box: ``(lo, hi)`` for every input, a sequence of ``(lo, hi)`` pairs (one per input), or the tool's
    text (``"-1:1,0:2"``). ball: ``(center, radius)``; norm: ``"l2"`` (the tool's default), ``"l1"`` or
    ``"linf"``. vnnlib: a VNN-LIB file whose input box is the domain."""
    given = [name for name, value in (("box", box), ("ball", ball), ("vnnlib", vnnlib)) if value is not None]
    if len(given) > 1:
        raise ValueError(f"give one domain, not {' and '.join(given)}")
    if norm is not None and ball is None:
        raise ValueError("norm is the norm of a ball: give ball=(center, radius) too")
    if box is not None:
        return [f"--box={box_text(box)}"]
    if ball is not None:
        try:
            center, radius = ball
        except (TypeError, ValueError):
            raise ValueError(f"ball must be (center, radius), not {ball!r}") from None
        options = [f"--center={numbers(center)}", f"--radius={number(radius)}"]
        return options + ([f"--norm={norm}"] if norm is not None else [])
    if vnnlib is not None:
        return [f"--vnnlib={os.fspath(vnnlib)}"]
    return []


def box_text(box: Any) -> str:
    if isinstance(box, str):
        return box
    if hasattr(box, "tolist"):
        box = box.tolist()
    pairs = [box] if len(box) == 2 and not any(isinstance(v, (list, tuple)) for v in box) else list(box)
    for pair in pairs:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise ValueError(f"box must be (lo, hi) or a sequence of (lo, hi) pairs, not {box!r}")
    return ",".join(f"{number(lo)}:{number(hi)}" for lo, hi in pairs)


def points_file(points: Any, labels: Optional[Sequence[Any]], folder: Path) -> str:
    """A points file for ``count local``: a path is used as it is; an array of shape (n, d) (a list of
    rows, a numpy array or a torch tensor) is written as CSV with columns x0..x{d-1} and, if ``labels``
    are given, ``label``."""
    if isinstance(points, (str, os.PathLike)):
        if labels is not None:
            raise ValueError("labels are for points given as an array; a file names its label column")
        return os.fspath(points)
    if hasattr(points, "detach"):
        points = points.detach().cpu()
    rows = points.tolist() if hasattr(points, "tolist") else [list(row) for row in points]
    if not rows or not all(isinstance(row, (list, tuple)) for row in rows):
        raise ValueError("points must be a non-empty array of shape (n, d)")
    width = len(rows[0])
    if any(len(row) != width for row in rows):
        raise ValueError("every point must have the same number of coordinates")
    if labels is not None and len(labels) != len(rows):
        raise ValueError(f"{len(labels)} labels for {len(rows)} points")
    header = [f"x{i}" for i in range(width)] + (["label"] if labels is not None else [])
    lines = [",".join(header)]
    for i, row in enumerate(rows):
        cells = [number(x) for x in row] + ([_label(labels[i])] if labels is not None else [])
        lines.append(",".join(cells))
    path = folder / "points.csv"
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def _label(label: Any) -> str:
    text = str(label.item() if hasattr(label, "item") else label)
    if any(c in text for c in ',"\n\r'):
        raise ValueError(f"a label may not hold a comma, a quote or a line break: {text!r}")
    return text
