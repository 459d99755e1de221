"""Leave-one-outlet-out evaluation on the multi-outlet gold set: quotes, places and events per outlet.

    .venv/bin/python eval/gold_loo.py --data ../shared/data [--layer quotes places events] [--json] [--errors FILE] [--speaker rules|ranker] [--actors rules|chooser]

The gold set is `eval/gold/` (blind annotations of 250 articles from 18 outlets in three rounds, stored as offsets)
plus the 20 older dev articles (quotes and places only). The figure for an outlet comes from a
system that saw no article of that outlet: the rules and lexicons were written without any gold
article, and a learned part fitted on this gold set (`fit`: the opt-in quote speaker ranker with
`--speaker ranker`; the opt-in events actor chooser with `--actors chooser`) is re-fitted on the other outlets' licensed articles for each outlet in turn. Scores pool counts (micro) within an outlet and overall.

- quotes: detection and quote+speaker F1, matched as eval/quotes.py matches (content overlap >= half).
- places: resolved recall and precision as eval/places.py scores them.
- events: one event per (sentence, type), as ../shared/data/events/GUIDE.md counts them. A predicted
  event matches a gold one of the same type when its trigger lies inside the gold sentence or the
  two sentences overlap by half of the shorter (pairs of the first kind are made first); on matched events, modality is right when equal,
  source, target and place when both are empty or the names agree (eval/quotes.py's containment).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "gold"))
sys.path.insert(0, str(ROOT))



def _module(name: str, path: Path):
    """eval/<name>.py by its path, under a name of its own: a plain "places" or "quotes" may be
    another module already (the test suite's packages are named so)."""
    import importlib.util

    module_name = f"marsad_eval_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name]


places_eval = _module("places", ROOT / "places.py")
quotes_eval = _module("quotes", ROOT / "quotes.py")
gold_set = _module("gold_load", ROOT / "gold" / "load.py").gold_set
SEALED_FROM = 2  # the first round whose errors --errors leaves out (see sealed_ids)

ATTRIBUTES = ("modality", "source", "target", "place")


def f1(tp: int, predicted: int, gold: int) -> dict:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


class Tally(defaultdict):
    def __init__(self) -> None:
        super().__init__(int)


def _names_agree(predicted: str | None, gold: str | None) -> bool:
    if not gold:
        return not predicted
    return quotes_eval.same_speaker(predicted, {"speaker": gold, "speaker_aliases": []})


def score_quotes(article: dict, doc, tally: Tally, errors: list) -> None:
    matched, spurious, missed = quotes_eval.match(article["text"], list(doc._.quotes), article["quotes"])
    tally["gold"] += len(article["quotes"])
    tally["predicted"] += len(doc._.quotes)
    tally["matched"] += len(matched)
    for quote, gold in matched:
        if quotes_eval.same_speaker(quote.speaker.name, gold):
            tally["speaker"] += 1
        else:
            errors.append({"id": article["id"], "layer": "quotes", "error": "speaker", "cue": gold["cue"], "predicted": quote.speaker.name, "gold": gold["speaker"]})
    for quote in spurious:
        errors.append({"id": article["id"], "layer": "quotes", "error": "spurious", "at": [quote.start, quote.end]})
    for gold in missed:
        errors.append({"id": article["id"], "layer": "quotes", "error": "missed", "cue": gold["cue"], "gold": gold["speaker"]})


def score_places(article: dict, doc, tally: Tally, errors: list) -> None:
    counts = places_eval.score_article(article["text"], article["places"], [asdict(p) for p in doc._.places])
    tally["gold"] += counts.gold
    tally["found"] += counts.gold_found
    tally["predicted"] += counts.predicted
    tally["correct"] += counts.predicted_correct
    errors += [{"id": article["id"], "layer": "places", "error": "missed", "what": m} for m in counts.missed]
    errors += [{"id": article["id"], "layer": "places", "error": "wrong", "what": w} for w in counts.wrong]


def _gold_events(article: dict) -> list[tuple[int, int, dict]]:
    text, seen, out = article["text"], set(), []
    for event in article["events"]:
        start = text.find(event["sentence"])
        key = (start, event["type"])
        if start < 0 or key in seen:
            continue
        seen.add(key)
        out.append((start, start + len(event["sentence"]), event))
    return out


def _predicted_events(doc) -> list:
    seen, out = set(), []
    for event in doc._.events:
        key = (event.sentence.start, event.type)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out


def _trigger_inside(event, start: int, end: int) -> bool:
    return start <= event.trigger.start and event.trigger.end <= end


def _sentences_overlap(event, start: int, end: int) -> bool:
    overlap = min(end, event.sentence.end) - max(start, event.sentence.start)
    return overlap > 0 and overlap >= 0.5 * min(end - start, event.sentence.end - event.sentence.start)


def _pair(gold: list, predicted: list) -> dict[int, int]:
    """gold index -> predicted index, one to one, same type: first every pair whose trigger lies in
    the gold sentence, then the rest by sentence overlap. One pass in gold order (as before) let a
    prediction matched only by overlap take a gold event whose own sentence held another
    prediction's trigger, which then went unmatched."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for test in (_trigger_inside, _sentences_overlap):
        for g, (start, end, gold_event) in enumerate(gold):
            if g in pairs:
                continue
            hit = next((i for i, e in enumerate(predicted) if i not in used and e.type == gold_event["type"] and test(e, start, end)), None)
            if hit is not None:
                pairs[g] = hit
                used.add(hit)
    return pairs


def score_events(article: dict, doc, tally: Tally, by_type: dict, errors: list) -> None:
    gold = _gold_events(article)
    predicted = _predicted_events(doc)
    tally["gold"] += len(gold)
    tally["predicted"] += len(predicted)
    for start, end, gold_event in gold:
        by_type[gold_event["type"]]["gold"] += 1
    for event in predicted:
        by_type[event.type]["predicted"] += 1
    pairs = _pair(gold, predicted)
    used = set(pairs.values())
    for g, (start, end, gold_event) in enumerate(gold):
        hit = pairs.get(g)
        if hit is None:
            errors.append({"id": article["id"], "layer": "events", "error": "missed", "type": gold_event["type"], "trigger": gold_event["trigger"]})
            continue
        used.add(hit)
        event = predicted[hit]
        tally["matched"] += 1
        by_type[event.type]["matched"] += 1
        place = doc._.places[event.place] if event.place is not None and event.place < len(doc._.places) else None
        place_text = article["text"][place.start : place.end] if place else None
        agree = {
            "modality": event.modality == gold_event.get("modality"),
            "source": _names_agree(event.source.name if event.source else None, gold_event.get("source")),
            "target": _names_agree(event.target.name if event.target else None, gold_event.get("target")),
            "place": _names_agree(place_text, gold_event.get("place")),
        }
        mine = {"modality": event.modality, "source": event.source.name if event.source else None,
                "target": event.target.name if event.target else None, "place": place_text}
        for name, ok in agree.items():
            tally[name] += ok
            if not ok:
                errors.append({"id": article["id"], "layer": "events", "error": name, "type": event.type, "trigger": gold_event["trigger"],
                               "predicted": mine[name], "gold": gold_event.get(name)})
    for i, event in enumerate(predicted):
        if i not in used:
            errors.append({"id": article["id"], "layer": "events", "error": "spurious", "type": event.type, "at": [event.trigger.start, event.trigger.end],
                           "trigger": article["text"][event.trigger.start : event.trigger.end]})


def summarize(layer: str, tally: Tally) -> dict:
    if layer == "quotes":
        detection = f1(tally["matched"], tally["predicted"], tally["gold"])
        speaker = f1(tally["speaker"], tally["predicted"], tally["gold"])
        return {"gold": tally["gold"], "detection": detection["f1"], "detection_p": detection["p"], "detection_r": detection["r"], "quote_speaker": speaker["f1"]}
    if layer == "places":
        return {"gold": tally["gold"], "recall": round(tally["found"] / tally["gold"], 4) if tally["gold"] else None,
                "precision": round(tally["correct"] / tally["predicted"], 4) if tally["predicted"] else None}
    detection = f1(tally["matched"], tally["predicted"], tally["gold"])
    out = {"gold": tally["gold"], "detection": detection["f1"], "detection_p": detection["p"], "detection_r": detection["r"]}
    for name in ATTRIBUTES:
        out[name] = round(tally[name] / tally["matched"], 4) if tally["matched"] else None
    return out


def speaker_ranker_fit(data: Path, articles: list[dict]) -> Callable:
    """`fit` for the quote speaker ranker: refitted on the licensed articles of the other outlets.

    The candidates and labels of every licensed article are gathered once (rules only); each fold
    fits the regression on those of its training articles and sets it on one shared pipeline. A
    SaudiNewsNet outlet gets the fit of all licensed articles, which saw none of its articles.
    """
    from marsad.pipeline import load_pipeline
    from marsad.quotes.ranker import SpeakerRanker

    training = _module("speaker_ranker", ROOT.parent / "training" / "quotes" / "speaker_ranker.py")
    nlp = load_pipeline()
    stage = nlp.get_pipe("marsad_quotes")
    groups = training.collect(nlp, training.licensed(articles))
    fits: dict[frozenset, SpeakerRanker] = {}

    def fit(train_articles: list[dict]):
        ids = frozenset(a["id"] for a in training.licensed(train_articles))
        if ids not in fits:
            fitted = training.fit_weights([group for i in sorted(ids) for group in groups.get(i, [])])
            fits[ids] = SpeakerRanker(weights=fitted["weights"], bias=fitted["bias"])
        stage.ranker = fits[ids]
        return nlp

    return fit


def actor_chooser_fit(nlp, articles: list[dict]) -> Callable:
    """The events actor chooser refitted on the licensed articles of the other outlets (as
    training/events/actor_chooser.py fits the shipped one): `fit(train_articles)` -> ActorChooser.
    The options and labels of every licensed article are gathered once."""
    from marsad.events.chooser import ActorChooser

    training = _module("actor_chooser", ROOT.parent / "training" / "events" / "actor_chooser.py")
    shipped = json.loads(training.MODEL.read_text(encoding="utf-8"))["trained_on"]
    licensed = training.licensed(articles)
    collected = training.collect(training.analyze(nlp, licensed), licensed)
    fits: dict[frozenset, ActorChooser] = {}

    def fit(train_articles: list[dict]) -> ActorChooser:
        ids = frozenset(a["id"] for a in training.licensed(train_articles) if a["id"] in collected)
        if ids not in fits:
            fits[ids] = ActorChooser.from_dict(training.fit(collected, ids, c=shipped["c"], roles=shipped["roles"]))
        return fits[ids]

    return fit


def rules_only(train_articles: list[dict]):
    """`fit` with no learned part: the rule-based speaker chooser."""
    from marsad.pipeline import load_pipeline

    nlp = load_pipeline()
    nlp.get_pipe("marsad_quotes").ranker = None
    return nlp


def evaluate(
    data: Path, *, layers=("quotes", "places", "events"), fit: Callable | str = "rules", errors: list | None = None, actors: str = "rules"
) -> dict:
    """Per-outlet and overall scores; `fit(train_articles)` returns an nlp for the held-out outlet.

    "rules" (the default, the shipped pipeline) has no learned quotes part to refit; "speaker_ranker"
    refits the opt-in quote speaker ranker without each outlet. `actors`: "rules" (the default
    pipeline's event actors) or "chooser" (the opt-in events actor chooser, refitted without each outlet).
    """
    from marsad.pipeline import make_doc

    articles = gold_set(data)
    outlets = sorted({a["source"] for a in articles})
    errors = [] if errors is None else errors
    tallies = {layer: defaultdict(Tally) for layer in layers}
    parts = {layer: defaultdict(Tally) for layer in layers}
    event_types: dict = defaultdict(Tally)
    shared_nlp = None
    if fit == "rules":
        shared_nlp = rules_only(articles)
    elif fit == "speaker_ranker":
        fit = speaker_ranker_fit(data, articles)
    chooser_fit = None
    for outlet in outlets:
        nlp = shared_nlp or fit([a for a in articles if a["source"] != outlet])
        if "events" in layers:
            if actors == "chooser" and chooser_fit is None:
                chooser_fit = actor_chooser_fit(nlp, [a for a in articles if a["events"] is not None])
            nlp.get_pipe("marsad_events").chooser = chooser_fit([a for a in articles if a["source"] != outlet]) if chooser_fit else None
        for article in (a for a in articles if a["source"] == outlet):
            doc = nlp(make_doc(nlp, article["text"], article_id=article["id"], meta={"date": article.get("date")}))
            for layer in layers:
                if layer == "events" and article["events"] is None:
                    continue
                tally = Tally()
                if layer == "quotes":
                    score_quotes(article, doc, tally, errors)
                elif layer == "places":
                    score_places(article, doc, tally, errors)
                else:
                    score_events(article, doc, tally, event_types, errors)
                for key, value in tally.items():
                    tallies[layer][outlet][key] += value
                    parts[layer][article["part"]][key] += value
                    if article["part"] == "new":
                        parts[layer][f"round {article['round']}"][key] += value
    result: dict = {}
    for layer, per_outlet in tallies.items():
        overall = Tally()
        for tally in per_outlet.values():
            for key, value in tally.items():
                overall[key] += value
        result[layer] = {"overall": summarize(layer, overall),
                         "outlets": {o: summarize(layer, t) for o, t in sorted(per_outlet.items()) if t.get("gold")},
                         "parts": {p: summarize(layer, t) for p, t in sorted(parts[layer].items())}}
    if "events" in layers:
        result["events"]["types"] = {t: {"gold": c["gold"], **f1(c["matched"], c["predicted"], c["gold"])} for t, c in sorted(event_types.items())}
    result["articles"] = {o: sum(a["source"] == o for a in articles) for o in outlets}
    return result


def sealed_ids(data: Path) -> set[str]:
    """Articles of the rounds from SEALED_FROM on: scored, but their errors are never written out.

    Rules written while reading round 1's errors fell from 0.86 to 0.77-0.82 quote detection on
    rounds 2-3, drawn later from the same outlets: leaving an outlet out does not hide it from the
    person writing rules. The later rounds stay a check that no rule is written from.
    """
    return {a["id"] for a in gold_set(data, include_old_dev=False) if a["round"] >= SEALED_FROM}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--layer", nargs="+", default=["quotes", "places", "events"], choices=["quotes", "places", "events"])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", type=Path, help="write every error as a JSON line to this file")
    parser.add_argument("--speaker", choices=["rules", "ranker"], default="rules",
                        help="quote speakers by the rules (the default pipeline) or by the opt-in ranker, refitted without each outlet")
    parser.add_argument("--actors", choices=["rules", "chooser"], default="rules",
                        help="event actors by the rules (the default pipeline) or with the opt-in actor chooser, refitted without each outlet")
    args = parser.parse_args(argv)
    errors: list = []
    fit = "speaker_ranker" if args.speaker == "ranker" else "rules"
    result = evaluate(args.data, layers=tuple(args.layer), fit=fit, errors=errors, actors=args.actors)
    if args.errors:
        sealed = sealed_ids(args.data)
        shown = [e for e in errors if e["id"] not in sealed]
        args.errors.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in shown), encoding="utf-8")
        print(f"{len(shown)} errors -> {args.errors} ({len(errors) - len(shown)} of sealed rounds left out)", file=sys.stderr)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    for layer in args.layer:
        block = result[layer]
        print(f"\n== {layer}")
        keys = list(block["overall"])
        print(f"{'outlet':18}" + "".join(f"{k:>13}" for k in keys))
        rows = [*block["outlets"].items(), *((f"[{p}]", r) for p, r in block["parts"].items()), ("OVERALL", block["overall"])]
        for outlet, row in rows:
            print(f"{outlet:18}" + "".join(f"{str(row[k]):>13}" for k in keys))
        if layer == "events":
            for name, row in block["types"].items():
                print(f"  {name:10} gold {row['gold']:4}  P {row['p']:.3f}  R {row['r']:.3f}  F1 {row['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
