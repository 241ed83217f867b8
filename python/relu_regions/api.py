"""The functions: each builds one command line of the tool, runs it and returns its typed report.

``model`` is a torch.nn.Module (exported to ONNX in a temporary folder, with a zero sample input of
``input_shape``; by default ``(1, in_features)`` of its first nn.Linear), an onnx.ModelProto, a path to a
network file (``.onnx``, ``.json`` in the project's format, ``.nnet``) or a dict in the project's JSON
format. The domain is ``box=``, ``ball=(center, radius)`` with ``norm=``, or ``vnnlib=``; none is all of
R^d. ``time_limit`` (seconds) returns the partial result, a lower bound (``complete`` False); Ctrl-C stops
the tool, which writes its partial report, and that is returned (``stop_reason == "interrupted"``).
``extra_args`` are passed to the tool as they are. Errors raise ``relu_regions.errors.ReluRegionsError``.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, List, Optional, Sequence, TypeVar

from . import _inputs, _process, _tool
from .errors import InternalError, from_stderr
from .results import BoundsReport, ExactCount, LocalCount, ProbabilisticCount, SlicePicture, parse

__all__ = ["count_exact", "count_probabilistic", "count_local", "bounds", "plot_slice"]

T = TypeVar("T")

# Exit codes after which the tool has written a report: 0 done, 4 time limit, 6 uncertified cells,
# 130 SIGINT, 143 SIGTERM (the JVM exits with 128 + the signal once its shutdown hook wrote the report).
_REPORTED = {0, 4, 6, 130, 143}


def _options(**values: Any) -> List[str]:
    """``--name=value`` for every value given (None is left out); ``a_b`` becomes ``--a-b``."""
    return [f"--{name.replace('_', '-')}={value}" for name, value in values.items() if value is not None]


def _progress_option(progress: Optional[bool]) -> tuple:
    show = _process.interactive() if progress is None else bool(progress)
    return show, ["--progress" if show else "--no-progress"]


def _run(subcommand: Sequence[str], model: Any, input_shape: Optional[Sequence[int]],
         arguments: Callable[[Path], List[str]], progress: bool, read: Callable[[_process.Finished], T]) -> T:
    with tempfile.TemporaryDirectory(prefix="relu-regions-") as folder:
        network = _inputs.network_file(model, Path(folder), input_shape)
        argv = [*_tool.command(), *subcommand, network, *arguments(Path(folder))]
        finished = _process.run(argv, " ".join(subcommand), progress)
    if finished.exit_code not in _REPORTED:
        if finished.interrupted:
            raise KeyboardInterrupt(f"relu-regions stopped (exit {finished.exit_code}) without a report")
        raise from_stderr(finished.exit_code, finished.stderr, finished.command)
    try:
        return read(finished)
    except (ValueError, TypeError) as e:
        if finished.interrupted:
            raise KeyboardInterrupt("relu-regions was interrupted before it could write a report") from e
        raise InternalError(f"relu-regions exited with {finished.exit_code} but its output could not be "
                            f"read: {e}", None, finished.exit_code, finished.stderr, finished.command) from e


def _report(cls: type) -> Callable[[_process.Finished], Any]:
    return lambda finished: parse(cls, json.loads(finished.stdout), exit_code=finished.exit_code,
                                  notes=finished.notes)


def count_exact(model: Any, *, box: Any = None, ball: Any = None, norm: Optional[str] = None,
                vnnlib: Any = None, time_limit: Optional[float] = None, engine: Optional[str] = None,
                threads: Optional[int] = None, tolerance: Optional[float] = None,
                progress: Optional[bool] = None, input_shape: Optional[Sequence[int]] = None,
                extra_args: Sequence[str] = ()) -> ExactCount:
    """Counts every region of ``model`` in the domain (``count exact --json``). ``engine``: ``lp``
    (default), ``milp`` or ``cpsat``. ``progress``: None shows it when interactive (a notebook, or stderr
    a terminal), with tqdm if importable, else the tool's own line."""
    show, progress_option = _progress_option(progress)
    return _run(["count", "exact"], model, input_shape,
                lambda _: [*_inputs.domain_options(box, ball, norm, vnnlib), "--json", *progress_option,
                           *_options(time_limit=time_limit, engine=engine, threads=threads,
                                     tolerance=tolerance), *extra_args],
                show, _report(ExactCount))


def count_probabilistic(model: Any, *, box: Any = None, ball: Any = None, norm: Optional[str] = None,
                        vnnlib: Any = None, method: Optional[str] = None, confidence: Optional[float] = None,
                        epsilon: Optional[float] = None, seed: Optional[int] = None,
                        time_limit: Optional[float] = None, engine: Optional[str] = None,
                        threads: Optional[int] = None, tolerance: Optional[float] = None,
                        progress: Optional[bool] = None, input_shape: Optional[Sequence[int]] = None,
                        extra_args: Sequence[str] = ()) -> ProbabilisticCount:
    """A lower bound that holds with probability ``confidence`` and, with ``method="estimate"`` or
    ``"both"``, an estimate within a factor 1 + ``epsilon`` (``count probabilistic --json``). The same
    ``seed`` gives the same numbers."""
    show, progress_option = _progress_option(progress)
    return _run(["count", "probabilistic"], model, input_shape,
                lambda _: [*_inputs.domain_options(box, ball, norm, vnnlib), "--json", *progress_option,
                           *_options(method=method, confidence=confidence, epsilon=epsilon, seed=seed,
                                     time_limit=time_limit, engine=engine, threads=threads,
                                     tolerance=tolerance), *extra_args],
                show, _report(ProbabilisticCount))


def count_local(model: Any, points: Any, radius: Any, norm: str = "l2", *,
                labels: Optional[Sequence[Any]] = None, columns: Optional[str] = None,
                label: Optional[str] = None, time_limit: Optional[float] = None,
                threads: Optional[int] = None, tolerance: Optional[float] = None,
                input_shape: Optional[Sequence[int]] = None, extra_args: Sequence[str] = ()) -> LocalCount:
    """Counts the regions in the ball of each ``radius`` (a number or a list) around each point
    (``count local --json``). ``points``: an array of shape (n, d) with optional ``labels`` (one per
    point), or a points file (CSV, JSON, JSON lines) with optional ``columns`` and ``label`` as for the
    CLI. ``time_limit`` is per ball. The tool has no progress line for this command."""
    radii = ",".join(_inputs.number(r) for r in _inputs._flat(radius))
    return _run(["count", "local"], model, input_shape,
                lambda folder: [f"--points={_inputs.points_file(points, labels, folder)}", f"--radius={radii}",
                                f"--norm={norm}", "--json",
                                *_options(columns=columns, label=label, time_limit=time_limit, threads=threads,
                                          tolerance=tolerance), *extra_args],
                False, _report(LocalCount))


def bounds(model: Any, *, box: Any = None, ball: Any = None, norm: Optional[str] = None, vnnlib: Any = None,
           input_shape: Optional[Sequence[int]] = None, extra_args: Sequence[str] = ()) -> BoundsReport:
    """Every analytical upper bound on the number of regions, without counting (``bounds --json``)."""
    return _run(["bounds"], model, input_shape,
                lambda _: [*_inputs.domain_options(box, ball, norm, vnnlib), "--json", *extra_args],
                False, _report(BoundsReport))


def plot_slice(model: Any, out: Any, *, box: Any = None, ball: Any = None, norm: Optional[str] = None,
               origin: Any = None, u: Any = None, v: Any = None, window: Any = None, points: Any = None,
               labels: Optional[Sequence[int]] = None, output_zero: Optional[int] = None,
               width: Optional[int] = None, height: Optional[int] = None, time_limit: Optional[float] = None,
               tolerance: Optional[float] = None, input_shape: Optional[Sequence[int]] = None,
               extra_args: Sequence[str] = ()) -> SlicePicture:
    """Draws the exact regions of a 2-D slice into ``out`` (``.png`` or ``.svg``; ``plot slice``). For a
    network with 2 inputs give ``box`` or ``ball``; for any number give the plane ``origin + a*u + b*v``
    and ``window`` (``(a0, a1)`` for both axes or ``((a0, a1), (b0, b1))``, or the tool's text).
    ``points``: points to mark, an array of shape (n, d) with optional ``labels`` (small non-negative
    ints, one colour each) or a CSV file as for the CLI. Returns what was drawn, exact when ``complete``
    (after ``time_limit`` the regions found so far); in a notebook a PNG shows itself."""
    plane = [] if origin is None and u is None and v is None else [
        f"--origin={_inputs.numbers(origin)}", f"--u={_inputs.numbers(u)}", f"--v={_inputs.numbers(v)}"]
    window_option = [] if window is None else [f"--window={_inputs.box_text(window)}"]

    def arguments(folder: Path) -> List[str]:
        marked = [] if points is None else [f"--points={_inputs.points_file(points, labels, folder)}"]
        return [*_inputs.domain_options(box, ball, norm), *plane, *window_option, f"--out={os.fspath(out)}",
                *marked, *_options(output_zero=output_zero, width=width, height=height, time_limit=time_limit,
                                   tolerance=tolerance), *extra_args]

    return _run(["plot", "slice"], model, input_shape, arguments, False,
                lambda finished: SlicePicture.from_line(finished.stdout, exit_code=finished.exit_code,
                                                        notes=finished.notes))
