"""`import spacy` without spaCy's command line, which it loads only to offer `spacy.info`.

spaCy's package imports `spacy.cli.info`, and with it the whole `spacy.cli` package (typer,
weasel, requests, every command): 0.15-0.2 s of the 0.6 s that `import spacy` takes, a tenth of
the pipeline's start-up, for a function Marsad never calls. `install()` puts a finder in front
of the import system that, only while spaCy's own `__init__` runs, answers those two imports
with stand-ins: `spacy.info` calls the real function, and any other use of `spacy.cli` (an
attribute, `python -m spacy`) swaps in the real package first. Submodules (`spacy.cli.train`)
import as usual, from the same folder.
"""

from __future__ import annotations

import importlib
import sys
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Any

_PACKAGE = "spacy.cli"
_INFO = "spacy.cli.info"


def _spacy_initializing() -> bool:
    spacy = sys.modules.get("spacy")
    return bool(getattr(getattr(spacy, "__spec__", None), "_initializing", False))


def _real_cli() -> ModuleType:
    """The real `spacy.cli` in place of the stand-ins (imported now, once)."""
    if getattr(sys.modules.get(_PACKAGE), "__loader__", None) is _FINDER:
        del sys.modules[_PACKAGE]
        if getattr(sys.modules.get(_INFO), "__loader__", None) is _FINDER:
            del sys.modules[_INFO]
    real = importlib.import_module(_PACKAGE)
    setattr(sys.modules["spacy"], "cli", real)
    return real


def _package_attribute(name: str) -> Any:
    """Module `__getattr__` of the stand-in package: anything asked of it comes from the real one.

    Dunder names (`__file__`, asked by tools that walk `sys.modules`) do not load it."""
    if name.startswith("__") and name.endswith("__"):
        raise AttributeError(name)
    return getattr(_real_cli(), name)


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, from the real command line."""
    return _real_cli().info(*args, **kwargs)


class _DeferredCli:
    """Finder and loader of the two stand-ins, active only inside spaCy's `__init__`."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if name not in (_PACKAGE, _INFO) or not _spacy_initializing():
            return None
        spec = ModuleSpec(name, self, is_package=name == _PACKAGE)
        if name == _PACKAGE:
            # The real folder, so that a submodule (`spacy.cli.download`) still imports.
            spacy_path = getattr(sys.modules["spacy"], "__path__", [])
            spec.submodule_search_locations = [str(Path(folder) / "cli") for folder in spacy_path]
        return spec

    def create_module(self, spec: ModuleSpec) -> None:
        return None  # the default module object

    def exec_module(self, module: ModuleType) -> None:
        if module.__name__ == _INFO:
            module.info = _info  # type: ignore[attr-defined]
        else:
            module.__getattr__ = _package_attribute  # type: ignore[attr-defined]


_FINDER = _DeferredCli()


def install() -> None:
    """Defer spaCy's command line for this process (does nothing once spaCy is imported)."""
    if "spacy" not in sys.modules and _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
