"""Exceptions: one class per way the tool can refuse, each carrying the tool's own words.

``message`` is the tool's ``error:`` line (without the prefix), ``hint`` its ``Maybe ...`` line or None,
``exit_code`` the tool's exit code (see ``relu-regions --help``), ``stderr`` everything it wrote there and
``command`` the command line that was run. A time limit, an uncertified cell or an interrupt is not an
error: those return the partial report.
"""
from __future__ import annotations

from typing import Optional, Sequence

__all__ = [
    "ReluRegionsError", "InputError", "UsageError", "NativeLibraryError", "ClusterError",
    "InternalError", "ToolNotFoundError", "ModelExportError",
]


class ReluRegionsError(Exception):
    """Something the tool (or this package, before running it) refused."""

    def __init__(self, message: str, hint: Optional[str] = None, exit_code: Optional[int] = None,
                 stderr: str = "", command: Sequence[str] = ()):
        super().__init__(message if hint is None else f"{message}\n{hint}")
        self.message = message
        self.hint = hint
        self.exit_code = exit_code
        self.stderr = stderr
        self.command = list(command)


class InputError(ReluRegionsError):
    """Exit 3: a file missing or malformed, a network or domain that is wrong, a bad value."""


class UsageError(ReluRegionsError):
    """Exit 2: the command line was refused (an option this package passed through, e.g. in
    ``extra_args``, or a value of the wrong kind)."""


class NativeLibraryError(ReluRegionsError):
    """Exit 5: OR-Tools' native library could not be loaded (see native-setup/check)."""


class ClusterError(ReluRegionsError):
    """Exit 7: the cluster could not be reached, or every member left."""


class InternalError(ReluRegionsError):
    """Exit 1 or an answer this package could not read: a bug in relu-regions or here."""


class ToolNotFoundError(ReluRegionsError):
    """Neither the launcher nor the jar could be found, or Java is missing."""


class ModelExportError(ReluRegionsError):
    """A torch.nn.Module could not be exported to ONNX."""


_BY_EXIT_CODE = {1: InternalError, 2: UsageError, 3: InputError, 5: NativeLibraryError, 7: ClusterError}


def from_stderr(exit_code: int, stderr: str, command: Sequence[str]) -> ReluRegionsError:
    """The exception for a failed run: the last ``error:`` line and the ``Maybe ...`` line after it;
    without an ``error:`` line (picocli's usage errors, a crash) the first line the tool wrote."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    cls = _BY_EXIT_CODE.get(exit_code, InternalError)
    errors = [i for i, line in enumerate(lines) if line.startswith("error: ")]
    if errors:
        at = errors[-1]
        message = lines[at][len("error: "):]
        hint = next((line for line in lines[at + 1:at + 2] if line.startswith("Maybe")), None)
    else:
        message = next((line for line in lines if not line.startswith("note: ")),
                       f"relu-regions exited with code {exit_code} and no message")
        hint = next((line for line in lines if line.startswith(("Maybe", "Possible solutions"))), None)
    return cls(message, hint, exit_code, stderr, command)
