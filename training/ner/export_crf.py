"""Export crfsuite models to the `.npz` that `marsad.ner.crf.LinearChainCRF` tags with.

    .venv/bin/python training/ner/export_crf.py src/marsad/models/ner [--out DIR]

Every `*.crfsuite` in the folder becomes `<name>.npz` next to it (or in `--out`). Each export is
read back and compared with the crfsuite model before the command succeeds.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

import numpy as np

from marsad.ner.crf import LinearChainCRF

LOGGER = logging.getLogger("export_crf")


def export(model: Path, out: Path) -> Path:
    """Write `out/<model stem>.npz` and check it holds exactly the model's weights."""
    crf = LinearChainCRF.from_crfsuite(model)
    target = out / f"{model.stem}.npz"
    crf.save(target)
    loaded = LinearChainCRF.load(target)
    if (
        loaded.labels != crf.labels
        or loaded.attributes != crf.attributes
        or not np.array_equal(loaded.state, crf.state)
        or not np.array_equal(loaded.transitions, crf.transitions)
    ):
        raise RuntimeError(f"{target} does not read back as {model}; please report this")
    LOGGER.info(
        "%s -> %s: %d labels, %d attributes, %d KB (crfsuite %d KB)",
        model, target, len(crf.labels), len(crf.attributes),
        target.stat().st_size // 1024, model.stat().st_size // 1024,
    )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder with *.crfsuite models")
    parser.add_argument("--out", type=Path, default=None, help="write the .npz files here (default: the folder)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    models = sorted(args.folder.glob("*.crfsuite"))
    if not models:
        parser.error(f"no *.crfsuite models in {args.folder}")
    out = args.out or args.folder
    out.mkdir(parents=True, exist_ok=True)
    for model in models:
        export(model, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
