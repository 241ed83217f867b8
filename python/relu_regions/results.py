"""Typed results: dataclasses that mirror the tool's JSON reports.

Every field of a report becomes an attribute in snake_case (``hiddenWidths`` -> ``hidden_widths``);
fields this version does not know are kept in ``extra`` (a dict, keys as in the JSON), so a newer tool
never breaks parsing. Counts are Python ints (exact, however large). A field missing from a report is
None. ``exit_code`` and ``notes`` (the tool's ``note: ...`` lines) come from the run, not from the JSON.
"""
from __future__ import annotations

import dataclasses
import enum
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

__all__ = [
    "Status", "NetworkInfo", "DomainInfo", "Bound", "ExactStats", "ExactCount", "LevelDetails",
    "LowerBoundDetails", "EstimateDetails", "ProbabilisticStats", "ProbabilisticCount", "PointsInfo",
    "LocalSummary", "LocalRow", "LocalCount", "BoundsReport", "SlicePicture",
]


class Status(str, enum.Enum):
    """What a reported number is."""

    EXACT = "exact"
    """The exact count, proven: every region has a certified interior point and the search finished."""
    LOWER_BOUND = "lower bound"
    """A proven lower bound: the regions found before a time limit, an interrupt or an uncertified cell."""
    PROBABLE_LOWER_BOUND = "probable lower bound"
    """A lower bound that holds with the report's ``confidence`` (count probabilistic)."""
    ESTIMATE = "estimate"
    """Within a factor 1 + ``epsilon`` of the count with probability ``confidence`` (count probabilistic)."""


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _nested(cls: type) -> Callable[[Any], Any]:
    return lambda value: parse(cls, value)


def _each(cls: type) -> Callable[[Any], Any]:
    return lambda values: [parse(cls, value) for value in values]


def _of(decode: Callable[[Any], Any], default: Any = None) -> Any:
    return field(default=default, metadata={"decode": decode})


def _run_field(default: Any) -> Any:
    """A field the run fills in, not the JSON."""
    return field(default=default, metadata={"json": None})


def parse(cls: type, data: Dict[str, Any], **run: Any) -> Any:
    """Builds the dataclass ``cls`` from one JSON object; unknown keys go to ``extra``."""
    if not isinstance(data, dict):
        raise TypeError(f"expected a JSON object for {cls.__name__}, got {type(data).__name__}")
    values: Dict[str, Any] = {}
    known = set()
    for f in dataclasses.fields(cls):
        if f.name == "extra" or f.metadata.get("json", "") is None:
            continue
        key = _camel(f.name)
        known.add(key)
        if key in data:
            raw = data[key]
            decode = f.metadata.get("decode")
            values[f.name] = decode(raw) if decode is not None and raw is not None else raw
    values["extra"] = {key: value for key, value in data.items() if key not in known}
    values.update(run)
    return cls(**values)


@dataclass(frozen=True)
class _JsonObject:
    """A JSON object of a report; ``extra`` holds the fields this version does not know."""

    extra: Dict[str, Any] = field(default_factory=dict)


class _ByCompleteness:
    """``status`` for results whose ``complete`` says whether the count is exact."""

    complete: Optional[bool]

    @property
    def status(self) -> Status:
        """EXACT when complete, else LOWER_BOUND."""
        return Status.EXACT if self.complete else Status.LOWER_BOUND


@dataclass(frozen=True)
class NetworkInfo(_JsonObject):
    """The report's ``network``: its file and shape."""

    file: Optional[str] = None
    input_dimension: Optional[int] = None
    hidden_widths: Optional[List[int]] = None
    hidden_neurons: Optional[int] = None
    output_dimension: Optional[int] = None


@dataclass(frozen=True)
class DomainInfo(_JsonObject):
    """The report's ``domain``: ``type`` is ``box``, ``ball`` or ``whole-space``."""

    type: Optional[str] = None
    description: Optional[str] = None
    dimension: Optional[int] = None
    lower: Optional[List[float]] = None
    upper: Optional[List[float]] = None
    center: Optional[List[float]] = None
    radius: Optional[float] = None
    norm: Optional[str] = None


@dataclass(frozen=True)
class Bound(_JsonObject):
    """One analytical upper bound; ``value`` is an exact int, or None with a ``reason``."""

    name: Optional[str] = None
    citation: Optional[str] = None
    formula: Optional[str] = None
    value: Optional[int] = None
    log10: Optional[float] = None
    domain_aware: Optional[bool] = None
    reason: Optional[str] = None


@dataclass(frozen=True)
class _Report(_JsonObject):
    """What every report starts with; ``exit_code`` and ``notes`` come from the run."""

    schema_version: Optional[int] = None
    command: Optional[str] = None
    network: Optional[NetworkInfo] = _of(_nested(NetworkInfo))
    exit_code: int = _run_field(0)
    notes: Tuple[str, ...] = _run_field(())


@dataclass(frozen=True)
class _DomainReport(_Report):
    """A report about one domain, with the analytical bounds on it."""

    domain: Optional[DomainInfo] = _of(_nested(DomainInfo))
    bounds: Optional[List[Bound]] = _of(_each(Bound))

    @property
    def tightest_bound(self) -> Optional[Bound]:
        """The smallest analytical upper bound that applies."""
        applicable = [b for b in self.bounds or [] if b.value is not None]
        return min(applicable, key=lambda b: b.value) if applicable else None


@dataclass(frozen=True)
class ExactStats(_JsonObject):
    """``stats`` of ``count exact`` (see the README's table of the report)."""

    lps_solved: Optional[int] = None
    nodes: Optional[int] = None
    stable_by_domain: Optional[int] = None
    constant_neurons: Optional[int] = None
    decided_by_witness: Optional[int] = None
    empty_sides: Optional[int] = None
    thin_regions: Optional[int] = None
    thin_examples: Optional[List[Any]] = None
    near_degenerate_dropped: Optional[int] = None
    uncertain_cells: Optional[int] = None
    domain_cuts: Optional[int] = None
    tolerances: Optional[Dict[str, float]] = None
    model: Optional[Any] = None


@dataclass(frozen=True)
class ExactCount(_DomainReport, _ByCompleteness):
    """The report of ``count exact``. ``regions`` is exact when ``complete``, else a lower bound."""

    engine: Optional[str] = None
    regions: Optional[int] = None
    complete: Optional[bool] = None
    stop_reason: Optional[str] = None
    explored_fraction: Optional[float] = None
    seconds: Optional[float] = None
    stats: Optional[ExactStats] = _of(_nested(ExactStats))


@dataclass(frozen=True)
class LevelDetails(_JsonObject):
    """One explored level of the lower bound's search."""

    xors: Optional[int] = None
    trials: Optional[int] = None
    feasible: Optional[int] = None


@dataclass(frozen=True)
class LowerBoundDetails(_JsonObject):
    """``lowerBoundDetails`` of ``count probabilistic``."""

    value: Optional[int] = None
    log2: Optional[float] = None
    confidence: Optional[float] = None
    exact: Optional[bool] = None
    hash: Optional[str] = None
    xors: Optional[int] = None
    trials: Optional[int] = None
    feasible: Optional[int] = None
    cell_probability: Optional[float] = None
    exploration_trials: Optional[int] = None
    levels: Optional[List[LevelDetails]] = _of(_each(LevelDetails))


@dataclass(frozen=True)
class EstimateDetails(_JsonObject):
    """``estimateDetails`` of ``count probabilistic``."""

    value: Optional[int] = None
    log2: Optional[float] = None
    confidence: Optional[float] = None
    epsilon: Optional[float] = None
    exact: Optional[bool] = None
    thresh: Optional[int] = None
    measurements: Optional[int] = None
    xors: Optional[List[int]] = None
    cell_regions: Optional[List[int]] = None
    certified: Optional[bool] = None


@dataclass(frozen=True)
class ProbabilisticStats(_JsonObject):
    """``stats`` of ``count probabilistic``."""

    lps: Optional[int] = None
    model_solves: Optional[int] = None
    cell_searches: Optional[int] = None


@dataclass(frozen=True)
class ProbabilisticCount(_DomainReport):
    """The report of ``count probabilistic``: ``lower_bound`` (with probability ``confidence``) and,
    when asked for and finished, ``estimate``; both exact counts when ``exact``."""

    engine: Optional[str] = None
    method: Optional[str] = None
    lower_bound: Optional[int] = None
    estimate: Optional[int] = None
    exact: Optional[bool] = None
    confidence: Optional[float] = None
    epsilon: Optional[float] = None
    xors: Optional[int] = None
    trials: Optional[int] = None
    measurements: Optional[int] = None
    solver_calls: Optional[int] = None
    seed: Optional[int] = None
    seconds: Optional[float] = None
    stop_reason: Optional[str] = None
    lower_bound_details: Optional[LowerBoundDetails] = _of(_nested(LowerBoundDetails))
    estimate_details: Optional[EstimateDetails] = _of(_nested(EstimateDetails))
    stats: Optional[ProbabilisticStats] = _of(_nested(ProbabilisticStats))

    @property
    def complete(self) -> bool:
        """True when the run finished (no time limit, no interrupt) and, if an estimate was made, every
        cell it counted was certified: the numbers then carry their stated guarantees."""
        certified = self.estimate_details is None or bool(self.estimate_details.certified)
        return self.stop_reason == "finished" and certified

    @property
    def status(self) -> Status:
        """EXACT when the network was counted exactly, ESTIMATE when there is an estimate, else
        PROBABLE_LOWER_BOUND (``lower_bound`` holds with probability ``confidence``)."""
        if self.exact:
            return Status.EXACT
        return Status.ESTIMATE if self.estimate is not None else Status.PROBABLE_LOWER_BOUND


@dataclass(frozen=True)
class PointsInfo(_JsonObject):
    """``points`` of ``count local``: the file read and its columns."""

    file: Optional[str] = None
    count: Optional[int] = None
    columns: Optional[str] = None
    label_column: Optional[str] = None


@dataclass(frozen=True)
class LocalSummary(_JsonObject):
    """The summary of one radius; ``lower_bounds`` is True when some count in it is a lower bound."""

    radius: Optional[float] = None
    points: Optional[int] = None
    incomplete: Optional[int] = None
    lower_bounds: Optional[bool] = None
    mean: Optional[float] = None
    median: Optional[float] = None
    min: Optional[int] = None
    max: Optional[int] = None


@dataclass(frozen=True)
class LocalRow(_JsonObject, _ByCompleteness):
    """One ball: ``point`` is the row of the points (from 0); ``regions`` exact when ``complete``."""

    point: Optional[int] = None
    label: Optional[str] = None
    radius: Optional[float] = None
    regions: Optional[int] = None
    complete: Optional[bool] = None
    stop_reason: Optional[str] = None
    seconds: Optional[float] = None
    lps: Optional[int] = None
    thin_regions: Optional[int] = None
    uncertain_cells: Optional[int] = None


@dataclass(frozen=True)
class LocalCount(_Report, _ByCompleteness):
    """The report of ``count local``: one row per point and radius, and a summary per radius."""

    points: Optional[PointsInfo] = _of(_nested(PointsInfo))
    radius: Optional[List[float]] = None
    norm: Optional[str] = None
    engine: Optional[str] = None
    workers: Optional[int] = None
    time_limit_per_point: Optional[float] = None
    complete: Optional[bool] = None
    not_started: Optional[int] = None
    seconds: Optional[float] = None
    summary: Optional[List[LocalSummary]] = _of(_each(LocalSummary))
    rows: Optional[List[LocalRow]] = _of(_each(LocalRow))

    def regions(self, radius: Optional[float] = None, label: Optional[str] = None) -> List[int]:
        """The counts in the order of the points, for one radius (needed when there are several) and,
        if given, one label."""
        radii = sorted({row.radius for row in self.rows or []})
        if radius is None and len(radii) > 1:
            raise ValueError(f"the report has the radii {radii}; say which one")
        chosen = [row for row in self.rows or []
                  if (radius is None or row.radius == radius) and (label is None or row.label == label)]
        return [row.regions for row in sorted(chosen, key=lambda row: row.point)]


@dataclass(frozen=True)
class BoundsReport(_DomainReport):
    """The report of ``bounds``: every analytical upper bound."""


    def __getitem__(self, name: str) -> Bound:
        for bound in self.bounds or []:
            if bound.name == name:
                return bound
        raise KeyError(name)


_SLICE_LINE = re.compile(
    r"^(?P<path>.*): (?P<regions>\d+) regions?(?P<status> \(exact\)| found \(incomplete: a lower bound\))"
    r" in (?P<where>.*?)(?:; polygon areas sum to the window's area within (?P<gap>\S+) \(relative\))?$")


@dataclass(frozen=True)
class SlicePicture(_ByCompleteness):
    """What ``plot slice`` drew: the picture's ``path``, the regions of the slice (exact when
    ``complete``), where (``where``: the domain or the plane and window) and, for a complete count of a
    polygonal window, how far the polygons' areas fall short of the window's (``area_gap``, relative).
    In a notebook a PNG shows itself."""

    path: str
    regions: int
    complete: bool
    where: str
    area_gap: Optional[float]
    text: str
    exit_code: int = 0
    notes: Tuple[str, ...] = ()

    @classmethod
    def from_line(cls, line: str, **run: Any) -> "SlicePicture":
        """Parses the one line ``plot slice`` prints."""
        match = _SLICE_LINE.match(line.strip())
        if match is None:
            raise ValueError(f"unexpected output of plot slice: {line!r}")
        gap = match.group("gap")
        return cls(path=match.group("path"), regions=int(match.group("regions")),
                   complete=match.group("status") == " (exact)", where=match.group("where"),
                   area_gap=float(gap) if gap is not None else None, text=line.strip(), **run)

    def _repr_png_(self) -> Optional[bytes]:
        if not self.path.lower().endswith(".png"):
            return None
        with open(self.path, "rb") as picture:
            return picture.read()
