"""The one build step pyproject.toml cannot say: remember the checkout the package is installed from,
so that the installed package finds the launcher ./relu-regions there (see relu_regions/_tool.py)."""
import os

from setuptools import setup
from setuptools.command.build_py import build_py

CHECKOUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class BuildPyRecordingCheckout(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install runs from python/ itself and finds the checkout from there
        launcher = os.path.join(CHECKOUT, "relu-regions")
        target = os.path.join(self.build_lib, "relu_regions", "_checkout.py")
        with open(target, "w") as out:
            out.write("# written by setup.py at install time\n")
            out.write(f"CHECKOUT = {CHECKOUT!r}\n" if os.path.isfile(launcher) else "CHECKOUT = None\n")


setup(cmdclass={"build_py": BuildPyRecordingCheckout})
