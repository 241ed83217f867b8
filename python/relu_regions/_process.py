"""Running the tool: its output read while it runs, its progress line shown, Ctrl-C passed on to it."""
from __future__ import annotations

import codecs
import os
import re
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

# After Ctrl-C the tool stops its search and writes the partial report; this long is allowed for that
# (its own shutdown hook waits up to 30 s) before SIGTERM, then SIGKILL.
_GRACE_SECONDS = 40.0
_EXPLORED = re.compile(r"([0-9.]+)% explored")


@dataclass(frozen=True)
class Finished:
    """A run that ended: its exit code, stdout, the stderr lines that were not progress, and whether it
    was stopped by a KeyboardInterrupt."""

    exit_code: int
    stdout: str
    stderr: str
    interrupted: bool
    command: Tuple[str, ...]

    @property
    def notes(self) -> Tuple[str, ...]:
        return tuple(line[len("note: "):] for line in self.stderr.splitlines() if line.startswith("note: "))


def interactive() -> bool:
    """True in a Jupyter kernel or when stderr is a terminal: where progress is shown by default."""
    shell = sys.modules.get("IPython")
    if shell is not None:
        try:
            ip = shell.get_ipython()
            if ip is not None and "IPKernelApp" in ip.config:
                return True
        except Exception:  # an IPython too old or too new to ask: fall back to the terminal test
            pass
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


class _Bar:
    """The progress display: a tqdm bar (tqdm.auto, so also in notebooks) when tqdm is importable,
    else the tool's own line rewritten in place on sys.stderr."""

    def __init__(self, description: str, use_tqdm: Optional[bool] = None):
        self._tqdm = None
        self._width = 0
        if use_tqdm is not False:
            try:
                from tqdm.auto import tqdm
            except ImportError:
                tqdm = None
            if tqdm is not None:
                self._tqdm = tqdm(total=100.0, desc=description, unit="%",
                                  bar_format="{desc}: {percentage:5.1f}%|{bar}| {postfix}")

    def show(self, line: str) -> None:
        line = line.strip()
        if self._tqdm is not None:
            explored = _EXPLORED.search(line)
            if explored:
                self._tqdm.n = min(100.0, float(explored.group(1)))
            self._tqdm.set_postfix_str(line, refresh=True)
            return
        sys.stderr.write("\r" + line.ljust(self._width))
        sys.stderr.flush()
        self._width = len(line)

    def close(self) -> None:
        if self._tqdm is not None:
            self._tqdm.close()
        elif self._width:
            sys.stderr.write("\r" + " " * self._width + "\r")
            sys.stderr.flush()


def _read_stderr(stream, bar: Optional[_Bar], lines: List[str]) -> None:
    """Splits the tool's stderr into its progress line (text after a carriage return that another
    carriage return ends; the line is erased with ESC [K at the end) and ordinary lines."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    pending = ""
    after_return = False
    while True:
        chunk = os.read(stream.fileno(), 8192)
        pending += decoder.decode(chunk, final=not chunk)
        while True:
            cuts = [i for i in (pending.find("\r"), pending.find("\n")) if i >= 0]
            if not cuts:
                break
            cut = min(cuts)
            piece, separator, pending = pending[:cut], pending[cut], pending[cut + 1:]
            if after_return:
                piece = piece.replace("\x1b[K", "")
            if after_return and separator == "\r":
                if piece.strip() and bar is not None:
                    bar.show(piece)
            elif piece.strip():
                lines.append(piece)
                if piece.startswith("relu-regions: "):  # the launcher building the jar: say so now
                    sys.stderr.write(piece + "\n")
            after_return = separator == "\r"
        if not chunk:
            if pending.strip() and not after_return:
                lines.append(pending)
            return


def _read_all(stream, out: List[bytes]) -> None:
    out.append(stream.read())


def _signal(process: subprocess.Popen, signum: int) -> None:
    """Signals the tool's process group: Java, or the launcher and the build it runs on first use."""
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:
        pass


def run(argv: Sequence[str], description: str, progress: bool) -> Finished:
    """Runs ``argv`` to the end. Ctrl-C (KeyboardInterrupt) sends the tool SIGINT, which makes it stop
    and write its partial report; a second Ctrl-C sends SIGTERM, a third SIGKILL. The tool runs in its
    own session, so the terminal's Ctrl-C reaches it only through here, once."""
    process = subprocess.Popen(list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    bar = None
    stdout: List[bytes] = []
    stderr_lines: List[str] = []
    readers: List[threading.Thread] = []
    interrupted = False
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL]
    try:
        bar = _Bar(description) if progress else None
        readers = [threading.Thread(target=_read_all, args=(process.stdout, stdout), daemon=True),
                   threading.Thread(target=_read_stderr, args=(process.stderr, bar, stderr_lines),
                                    daemon=True)]
        for reader in readers:
            reader.start()
        while True:
            try:
                process.wait(timeout=_GRACE_SECONDS if interrupted else None)
                break
            except KeyboardInterrupt:
                interrupted = True
                _signal(process, signals.pop(0) if signals else signal.SIGKILL)
            except subprocess.TimeoutExpired:
                _signal(process, signals.pop(0) if signals else signal.SIGKILL)
    finally:
        if process.poll() is None:
            _signal(process, signal.SIGKILL)
            process.wait()
        for reader in readers:
            reader.join()
        process.stdout.close()
        process.stderr.close()
        if bar is not None:
            bar.close()
    return Finished(process.returncode, b"".join(stdout).decode("utf-8", "replace"),
                    "\n".join(stderr_lines), interrupted, tuple(argv))
