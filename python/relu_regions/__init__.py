"""Count the linear regions of ReLU networks from Python, through the relu-regions tool (Java).

    import relu_regions as rr
    result = rr.count_exact(model, box=(-2, 2))          # a torch.nn.Module, an ONNX path, the JSON
    result.regions, result.complete, result.status       # 97, True, Status.EXACT

Every function runs the tool once (the launcher ./relu-regions, which builds the jar on first use, or a
jar; see ``relu_regions._tool.command``) and returns a dataclass that mirrors its JSON report. The
counting happens in Java; this package only builds the command line and reads the answer.
"""
from .api import bounds, count_exact, count_local, count_probabilistic, plot_slice
from ._inputs import export_onnx
from .errors import (ClusterError, InputError, InternalError, ModelExportError, NativeLibraryError,
                     ReluRegionsError, ToolNotFoundError, UsageError)
from .results import (Bound, BoundsReport, DomainInfo, ExactCount, LocalCount, LocalRow, LocalSummary,
                      NetworkInfo, ProbabilisticCount, SlicePicture, Status)

__version__ = "0.1.0"

__all__ = [
    "count_exact", "count_probabilistic", "count_local", "bounds", "plot_slice", "export_onnx",
    "ReluRegionsError", "InputError", "UsageError", "NativeLibraryError", "ClusterError", "InternalError",
    "ToolNotFoundError", "ModelExportError", "Status", "ExactCount", "ProbabilisticCount", "LocalCount",
    "LocalRow", "LocalSummary", "BoundsReport", "Bound", "NetworkInfo", "DomainInfo", "SlicePicture",
]
