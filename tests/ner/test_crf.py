import itertools
import random

import numba
import numpy as np
import pytest

from marsad.ner.crf import LinearChainCRF, TokenIds, aligned, compiled, join_tokens, viterbi, viterbi_numpy

pycrfsuite = pytest.importorskip("pycrfsuite")

# Attribute names as the NER features write them: '=' and ':' inside, Arabic, a '|' bigram.
VOCABULARY = [
    "bias", "BOS", "EOS", "sh=ar", "sh=num", "al", "d:eLOC", "d:ePERS", "d:fORG", "m1=B-LOC",
    "w=\u0628\u063a\u062f\u0627\u062f", "w=\u0645\u062d\u0645\u062f", "-1w=\u0642\u0627\u0644",
    "+1w=\u0641\u064a", "c0=12", "c1=203", "lx=LOC:3", "gB=LOC", "a:b=c:d", "w|w+1=\u0641\u064a|x",
]
LABELS = ["O", "B-LOC", "I-LOC", "B-PERS", "I-PERS"]


def _random_sentence(rng: random.Random, vocabulary: list[str], *, length: int) -> list[list[str]]:
    # Repeats on purpose: crfsuite counts a repeated attribute once per occurrence.
    return [rng.choices(vocabulary, k=rng.randint(0, 6)) for _ in range(length)]


@pytest.fixture(scope="module")
def model_path(tmp_path_factory) -> str:
    rng = random.Random(7)
    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(40):
        sentence = _random_sentence(rng, VOCABULARY, length=rng.randint(1, 12))
        # Labels partly follow the features so that state and transition weights both matter.
        labels = [
            "B-LOC" if "gB=LOC" in features else "B-PERS" if "d:ePERS" in features else rng.choice(LABELS)
            for features in sentence
        ]
        trainer.append(sentence, labels)
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 60})
    path = str(tmp_path_factory.mktemp("crf") / "tiny.crfsuite")
    trainer.train(path)
    return path


@pytest.fixture(scope="module")
def crfsuite_tagger(model_path):
    tagger = pycrfsuite.Tagger()
    tagger.open(model_path)
    return tagger


@pytest.fixture(scope="module")
def crf(model_path) -> LinearChainCRF:
    return LinearChainCRF.from_crfsuite(model_path)


def test_reads_labels_and_exact_weights(crf, crfsuite_tagger):
    assert list(crf.labels) == crfsuite_tagger.labels()
    info = crfsuite_tagger.info()
    for (name, label), weight in info.state_features.items():
        # The dump rounds to 1e-6; the model keeps the file's float64.
        assert crf.state[crf.attributes[name], crf.labels.index(label)] == pytest.approx(weight, abs=1e-6)
    assert np.count_nonzero(crf.state) == len(info.state_features)
    assert not crf.state[crf.unknown].any()


def test_same_labels_as_crfsuite(crf, crfsuite_tagger):
    rng = random.Random(11)
    vocabulary = [*VOCABULARY, "unknown=1", "w=\u0645\u062c\u0647\u0648\u0644", "a:b", "bias:2"]
    for _ in range(30):
        sentences = [_random_sentence(rng, vocabulary, length=rng.randint(0, 25)) for _ in range(rng.randint(1, 8))]
        expected = [crfsuite_tagger.tag(sentence) if sentence else [] for sentence in sentences]
        assert crf.tag_sentences(sentences) == expected
        ids = [[crf.attribute_ids(features) for features in sentence] for sentence in sentences]
        assert crf.tag_ids(ids) == expected


def test_tokens_without_known_attributes_as_in_crfsuite(crf, crfsuite_tagger):
    # Every state score is 0 (an empty item too), so only transitions decide.
    sentence = [["unknown"], [], ["also unknown"]]
    assert crf.tag_sentences([sentence]) == [crfsuite_tagger.tag(sentence)]


def test_colon_is_not_a_weight_separator(crf):
    # pycrfsuite reads "name:weight" only in dict items; in a list "d:eLOC" is one attribute.
    assert crf.attribute_ids(["d:eLOC", "lx=LOC:3"]) == [crf.attributes["d:eLOC"], crf.attributes["lx=LOC:3"]]


def test_unknown_attributes_are_dropped(crf):
    assert crf.attribute_ids(["no such attribute", "bias", "neither"]) == [crf.attributes["bias"]]
    with_noise = [["bias", "zzz", "sh=ar"], ["qqq", "gB=LOC"]]
    assert crf.tag_sentences([with_noise]) == crf.tag_sentences([[["bias", "sh=ar"], ["gB=LOC"]]])


@pytest.mark.parametrize("sentences", [[], [[]], [[], [["bias"]], []]])
def test_empty_sentences(crf, sentences):
    tags = crf.tag_sentences(sentences)
    assert [len(t) for t in tags] == [len(s) for s in sentences]
    assert [t for t, s in zip(tags, sentences) if not s] == [[] for s in sentences if not s]


def test_save_load_round_trip(crf, tmp_path):
    path = tmp_path / "tiny.npz"
    crf.save(path)
    loaded = LinearChainCRF.load(path)
    assert loaded.labels == crf.labels
    assert loaded.attributes == crf.attributes
    assert np.array_equal(loaded.state, crf.state)
    assert np.array_equal(loaded.transitions, crf.transitions)
    with np.load(path, allow_pickle=False) as npz:
        assert all(npz[key].dtype != object for key in npz.files)


def test_rejects_ids_outside_the_model(crf):
    with pytest.raises(ValueError, match="attribute ids"):
        crf.tag_ids([[[crf.unknown + 1]]])


def _random_ids(rng: np.random.Generator, crf: LinearChainCRF, n_tokens: int) -> TokenIds:
    counts = rng.integers(0, 5, size=n_tokens)
    return TokenIds(rng.integers(0, crf.unknown + 1, size=int(counts.sum())), counts)


def test_viterbi_batch_equals_one_sentence_at_a_time(crf):
    rng = np.random.default_rng(3)
    lengths = np.array([5, 0, 1, 9, 3])
    ids, counts = _random_ids(rng, crf, int(lengths.sum()))
    together = viterbi(ids, counts, lengths, crf.state, crf.transitions)
    alone, token, first_id = [], 0, 0
    for length in lengths:
        n_ids = int(counts[token : token + length].sum())
        sentence_ids = ids[first_id : first_id + n_ids]
        alone.append(viterbi(sentence_ids, counts[token : token + length], np.array([length]), crf.state, crf.transitions))
        token, first_id = token + length, first_id + n_ids
    assert together.tolist() == np.concatenate(alone).tolist()


def test_viterbi_finds_the_best_sequence_by_exhaustive_search(crf):
    rng = np.random.default_rng(5)
    n_labels = len(crf.labels)
    for length in (1, 2, 3, 4):
        ids, counts = _random_ids(rng, crf, length)
        starts = np.cumsum(counts) - counts
        scores = [crf.state[ids[start : start + count]].sum(axis=0) for start, count in zip(starts, counts)]

        def total(path):
            return sum(scores[t][label] for t, label in enumerate(path)) + sum(
                crf.transitions[a, b] for a, b in zip(path, path[1:])
            )

        best = max(itertools.product(range(n_labels), repeat=length), key=total)
        found = viterbi(ids, counts, np.array([length]), crf.state, crf.transitions)
        assert total(tuple(found.tolist())) == pytest.approx(total(best))


@pytest.mark.parametrize("seed", range(6))
def test_numpy_viterbi_gives_the_compiled_labels(crf, seed):
    rng = np.random.default_rng(seed)
    lengths = rng.integers(0, 14, size=rng.integers(1, 9))
    ids, counts = _random_ids(rng, crf, int(lengths.sum()))
    found = viterbi_numpy(ids, counts, lengths, crf.state, crf.transitions)
    assert found.tolist() == viterbi(ids, counts, lengths, crf.state, crf.transitions).tolist()


def test_numpy_viterbi_keeps_the_first_of_tied_labels():
    # Small integer weights: many paths tie exactly, and only the tie rule (crfsuite's first
    # best predecessor, first best last label) decides.
    rng = np.random.default_rng(11)
    state = rng.integers(-1, 2, size=(7, 4)).astype(np.float64)
    state[-1] = 0.0
    transitions = rng.integers(-1, 2, size=(4, 4)).astype(np.float64)
    for _ in range(40):
        lengths = rng.integers(0, 8, size=rng.integers(1, 5))
        counts = rng.integers(0, 4, size=int(lengths.sum()))
        ids = rng.integers(0, 7, size=int(counts.sum()))
        assert viterbi_numpy(ids, counts, lengths, state, transitions).tolist() == viterbi(ids, counts, lengths, state, transitions).tolist()


def test_numpy_viterbi_adds_state_weights_in_order():
    # Float sums depend on their order: left to right ((1e16 + 1) - 1e16) + 1 = 1.0 > 0.5, so
    # label 0; added pairwise, (1e16 + 1) + (-1e16 + 1) = 0.0 < 0.5, it would be label 1.
    state = np.array([[1e16, 0.0], [1.0, 0.0], [-1e16, 0.0], [1.0, 0.5], [0.0, 0.0]])
    ids, counts, lengths, transitions = np.array([0, 1, 2, 3]), np.array([4]), np.array([1]), np.zeros((2, 2))
    assert viterbi(ids, counts, lengths, state, transitions).tolist() == [0]
    assert viterbi_numpy(ids, counts, lengths, state, transitions).tolist() == [0]


def test_join_tokens_puts_second_ids_after_first_per_token():
    first = TokenIds(np.array([1, 2, 3]), np.array([2, 0, 1]))
    second = TokenIds(np.array([7, 8, 9]), np.array([1, 2, 0]))
    joined = join_tokens(first, second)
    assert joined.ids.tolist() == [1, 2, 7, 8, 9, 3]
    assert joined.counts.tolist() == [3, 2, 1]


def test_aligned_models_share_ids_and_keep_their_labels(crf, model_path, tmp_path):
    rng = random.Random(5)
    trainer = pycrfsuite.Trainer(verbose=False)
    other_vocabulary = [*VOCABULARY[:8], "m1=O", "m1-1=BOS", "x:y"]
    for _ in range(20):
        sentence = _random_sentence(rng, other_vocabulary, length=rng.randint(1, 8))
        trainer.append(sentence, [rng.choice(LABELS) for _ in sentence])
    trainer.set_params({"max_iterations": 30})
    other_path = str(tmp_path / "other.crfsuite")
    trainer.train(other_path)
    other = LinearChainCRF.from_crfsuite(other_path)
    first, second = aligned(crf, other)
    assert first.attributes is second.attributes
    sentences = [_random_sentence(rng, [*VOCABULARY, *other_vocabulary], length=n) for n in (7, 0, 12)]
    lengths = [len(s) for s in sentences]
    ids = first.map_features(sentences)
    assert first.tag_flat(ids, lengths) == crf.tag_sentences(sentences)
    assert second.tag_flat(ids, lengths) == other.tag_sentences(sentences)


def test_rejects_counts_that_do_not_fit_the_ids(crf):
    with pytest.raises(ValueError, match="add up"):
        crf.tag_flat(TokenIds(np.array([0, 1]), np.array([1, 2])), [2])


def _double(x):
    return 2 * x


def test_compiles_without_a_cache_folder(monkeypatch):
    # numba raises at decoration when no cache location is writable (read-only install, no home).
    from numba.core import caching

    monkeypatch.setattr(caching.CacheImpl, "_locator_classes", [])
    with pytest.raises(RuntimeError, match="no locator"):
        numba.njit(cache=True)(_double)
    assert compiled(_double)(21) == 42


def test_decode_uses_numpy_for_the_first_texts_then_the_compiled_viterbi(crf, monkeypatch):
    from marsad.ner import crf as crf_module

    used = []
    monkeypatch.setattr(crf_module, "_numpy_decodes_left", 2)
    monkeypatch.setattr(crf_module, "viterbi_numpy", lambda *args: used.append("numpy") or viterbi_numpy(*args))
    monkeypatch.setattr(crf_module, "viterbi", lambda *args: used.append("compiled") or viterbi(*args))
    rng = np.random.default_rng(8)
    lengths = np.array([4, 3])
    ids, counts = _random_ids(rng, crf, 7)
    expected = viterbi(ids, counts, lengths, crf.state, crf.transitions).tolist()
    empty = crf_module.decode(ids[:0], counts[:0], np.array([0]), crf.state, crf.transitions)
    found = [crf_module.decode(ids, counts, lengths, crf.state, crf.transitions).tolist() for _ in range(3)]
    assert empty.tolist() == [] and found == [expected] * 3
    assert used == ["numpy", "numpy", "numpy", "compiled"]  # an empty text spends nothing
