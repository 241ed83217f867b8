"""Finding the tool: the launcher (which builds the jar on first use) or the jar itself."""
from __future__ import annotations

import os
import shlex
import shutil
from pathlib import Path
from typing import List, Optional

from .errors import ToolNotFoundError

ENVIRONMENT_VARIABLE = "RELU_REGIONS"
JAR_NAME = "relu-regions.jar"
LAUNCHER_NAME = "relu-regions"


def _recorded_checkout() -> Optional[str]:
    try:
        from ._checkout import CHECKOUT  # written by setup.py when the package is installed
    except ImportError:
        return None
    return CHECKOUT


def _java() -> str:
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    if not java or not os.path.isfile(java):
        raise ToolNotFoundError("Java was not found (no JAVA_HOME/bin/java, no java on PATH).",
                                "Maybe install Java 17, e.g. apt-get install openjdk-17-jdk-headless.")
    return java


def _command_for(path: Path) -> List[str]:
    if path.suffix == ".jar":
        return [_java(), *shlex.split(os.environ.get("RELU_REGIONS_JAVA_OPTS", "")), "-jar", str(path)]
    return [str(path)]


def candidates() -> List[Path]:
    """Where the tool is looked for, in order (after $RELU_REGIONS): a jar in this package's folder (with
    its lib/ beside it), the launcher of the checkout this package sits in, the launcher of the checkout
    it was installed from."""
    here = Path(__file__).resolve().parent
    places = [here / JAR_NAME, here.parent.parent / LAUNCHER_NAME]
    recorded = _recorded_checkout()
    if recorded:
        places.append(Path(recorded) / LAUNCHER_NAME)
    return places


def command() -> List[str]:
    """The command line that starts the tool: $RELU_REGIONS (a launcher or a .jar) if set, else the
    first of ``candidates()`` that exists, else ``relu-regions`` on PATH."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            raise ToolNotFoundError(
                f"${ENVIRONMENT_VARIABLE} is {configured}, which is not a file.",
                f"Maybe set it to the launcher (the checkout's ./{LAUNCHER_NAME}) or to target/{JAR_NAME}.")
        return _command_for(path)
    for path in candidates():
        if path.is_file():
            return _command_for(path)
    on_path = shutil.which(LAUNCHER_NAME)
    if on_path:
        return [on_path]
    looked = ", ".join(str(p) for p in candidates())
    raise ToolNotFoundError(
        f"relu-regions was not found (looked at ${ENVIRONMENT_VARIABLE}, {looked} and PATH).",
        f"Maybe set {ENVIRONMENT_VARIABLE}=/path/to/checkout/{LAUNCHER_NAME}.")
