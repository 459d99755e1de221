"""Token-level predicates over a `Layout` shared by the quote finders: cues, complementizers, clauses.

Everything is a dictionary lookup on normalized words (`token.norm_`); the lists of words live in
`marsad/resources/quotes/` and are loaded once by `lexicon.load_lexicon`.
"""

from __future__ import annotations

from collections import Counter
from itertools import compress

from .coverage import SpanList
from .layout import COLONS, COMMAS, MARKS, SEMICOLONS, SENTENCE_FINAL, Layout
from .lexicon import CueForm, QuoteLexicon, load_lexicon
from .marks import pair_marks

SCAN_LIMIT = 30  # words between a cue and its complementizer / mark / colon
REPORT_WINDOW = 6  # words from a cue that opens a new clause to its complementizer ("وقال الوزير إن")
SHORT_QUOTE = 4  # a quoted span this short after a preposition is a name ("مع "فوكس نيوز"")
NAME_AFTER_MEDIUM = 8  # a quoted span at most this long (marks included) after LAM or a medium's name is a name
SEGMENT_LIMIT = 9  # words in one speaker phrase
HEADLINE_LEFT_LIMIT = 7  # words before the colon of a headline "X: ..."
PRE_SUBJECT_LIMIT = 5  # words of a subject written before its verb ("ترامب ... قال")
SEPARATORS = frozenset({"|", "-", "\u2013", "\u2014", "/"})
QUESTION = frozenset({"\u061f", "?"})  # ARABIC QUESTION MARK
WAW = "\u0648"
FEH = "\u0641"
LAM = "\u0644"
AL = "\u0627\u0644"
QAD = "\u0642\u062f"  # "قد"
ADAM = "\u0639\u062f\u0645"  # "عدم"
# Heads that relate someone to the person named after them (normalized, without article):
# "محامي الرئيس X" is X's lawyer, "زوجة المعارض X" his wife.
RELATIONAL_HEADS = frozenset("محامي محاميه محامو زوجه زوج ارمله شقيق شقيقه والد والده نجل نجله صديق".split())
NISBA_ENDINGS = ("\u064a", "\u064a\u0647")  # normalized "-ي", "-ية": "الفرنسي", "الفرنسية"
# "كان" and its forms with a conjunction (normalized): "وكانت مصادر ليبية قد ذكرت".
AUXILIARIES = frozenset(prefix + form for prefix in ("", "\u0648", "\u0641") for form in ("\u0643\u0627\u0646", "\u0643\u0627\u0646\u062a", "\u0643\u0627\u0646\u0648\u0627"))
ALEF_LETTER = "\u0627"  # the accusative ending of an indefinite participle: "معتبرا"
ANBA = "\u0627\u0646\u0628\u0627\u0621"  # "انباء" (news), inside agency names: "وكالة الأنباء"
KAMA = "\u0643\u0645\u0627"  # "كما"
MA = frozenset({"\u0645\u0627", "\u0644\u0645\u0627", "\u062d\u0633\u0628\u0645\u0627", "\u0628\u062d\u0633\u0628\u0645\u0627"})  # ما لما حسبما بحسبما: a verb of saying follows
NP_OPENERS = ("\u0628\u0627\u0644", "\u0644\u0644", "\u0648\u0627\u0644", "\u0641\u0627\u0644", "\u0643\u0627\u0644")  # بال لل وال فال كال
CLAUSE_LINKS = frozenset({"\u0641\u064a\u0645\u0627", "\u0628\u064a\u0646\u0645\u0627"})  # فيما بينما
LINK_WORDS = CLAUSE_LINKS | {"\u0641\u064a", "\u062d\u064a\u0646", "\u0643\u0645\u0627"}  # في حين كما
TEMPORAL = frozenset({"\u0628\u0639\u062f", "\u0642\u0628\u0644", "\u0645\u0646\u0630", "\u062f\u0648\u0646", "\u0631\u063a\u0645", "\u062d\u062a\u064a", "\u0628\u0645\u062c\u0631\u062f", "\u0644\u0645\u062c\u0631\u062f"})  # بعد قبل منذ دون رغم حتى بمجرد لمجرد
# "إن" / "أن" after these opens no reported clause: time ("بعد أن") or a question ("سؤاله إن كان").
NOT_REPORTING = TEMPORAL | {"\u0639\u0644\u0645\u0627", "\u0633\u0624\u0627\u0644", "\u0633\u0624\u0627\u0644\u0647", "\u0633\u0624\u0627\u0644\u0647\u0627"}  # علما ("علماً أن": the writer's aside) سؤال سؤاله سؤالها
OBJECT_CLASSES = ("act", "describe")
PLURAL_ENDINGS = ("\u0627\u062a", "\u064a\u0646")  # -ات -ين: plural nouns
NISBA_PLURALS = ("\u064a\u064a\u0646",)  # -يين: plural adjectives of origin ("الأمريكيين")
# Prepositions whose phrase can hold a second name: "مع رئيس الوزراء، بنيامين نتنياهو،".
PREPOSITIONS = frozenset({"\u0645\u0639", "\u0639\u0646", "\u0627\u0644\u064a", "\u0628\u064a\u0646", "\u0644\u062f\u064a"})  # مع عن الي بين لدي
NAME_HOMOGRAPHS = frozenset({"\u0639\u0644\u064a"})  # "علي"
ABBARA, BAYYANA, AN = "\u0639\u0628\u0631", "\u0628\u064a\u0646", "\u0639\u0646"  # عبر بين عن
HOMOGRAPH_VERBS = frozenset({ABBARA, BAYYANA})  # verbs written like a preposition ("عبر" via, "بين" between)
HOMOGRAPH_WINDOW = 10  # words after the verb within which its frame ("عن", "أن") must show
# After a comma, a passive "and it was done" turns from the report back to narration (normalized): وتم وتمت
NARRATION = frozenset({"\u0648\u062a\u0645", "\u0648\u062a\u0645\u062a"})
# Verbs of going on before a reporting verb (normalized): مضى مضت راح راحت أخذ أخذت عاد عادت
WENT_ON = frozenset({"\u0645\u0636\u064a", "\u0645\u0636\u062a", "\u0631\u0627\u062d", "\u0631\u0627\u062d\u062a", "\u0627\u062e\u0630", "\u0627\u062e\u0630\u062a", "\u0639\u0627\u062f", "\u0639\u0627\u062f\u062a"})
# Prepositions that open a sentence with a phrase before its verb (normalized): في خلال عقب بعد امام عن
# ("وعن الحوادث الأخيرة أكد الوزير ...": the topic first)
OPENING_PREPOSITIONS = frozenset({"\u0641\u064a", "\u062e\u0644\u0627\u0644", "\u0639\u0642\u0628", "\u0628\u0639\u062f", "\u0627\u0645\u0627\u0645", "\u0639\u0646"})
OPENING_PHRASE = 5  # words of that phrase, its preposition included
LAM_SOURCES = ("\u0648\u0641\u0642\u0627", "\u0637\u0628\u0642\u0627")  # وفقا طبقا (+ LAM)




class TokenView:
    """Arrays and predicates over one document's tokens; the finders below build on it."""

    def __init__(self, layout: Layout, lexicon: QuoteLexicon | None = None) -> None:
        self.layout = layout
        self.lex = lexicon or load_lexicon()
        self.words = layout.words
        self.norms = layout.norms
        self.n = len(layout.words)
        self.pairs = pair_marks(layout)
        self.closers = {close: open_ for open_, close in self.pairs.items()}
        lex = self.lex
        # Per-token lookups by `map`, at C speed; few tokens are cues, so only those are revisited.
        self.cue_at: list[CueForm | None] = list(map(lex.cue_index.get, self.norms))
        # "طلب عدم ذكر اسمه": a verbal noun after "عدم" (non-) reports nothing.
        for j in compress(range(1, self.n), self.cue_at[1:]):
            if self.norms[j - 1] == ADAM:
                self.cue_at[j] = None
        self.noun_cue = list(map(lex.noun_cues.__contains__, self.norms))
        self.verbal_noun: list[CueForm | None] = list(map(lex.verbal_nouns.get, self.norms))  # "تأكيده", "بإعلان"
        self.is_word = [any(map(str.isalnum, word)) for word in self.words]
        first_words = lex.source_first_words
        self.may_source = [norm in first_words or norm[1:] in first_words for norm in self.norms]
        self.norm_count = Counter(self.norms)
        self.speaker_words: set[str] = set()  # words of the speaker phrases found so far
        self.direct_spans = SpanList(self.n)  # token spans of the direct quotes found so far
        self.absorbed: set[int] = set()  # participle cues read as part of an earlier verb's cue
        self.ner_label: list[str | None] = [None] * self.n
        self._clause_ends: dict[int, int] = {}  # token -> end of a clause that has reached it (`_clause_end_after`)
        for start, end, label, _ in layout.entities:
            self.ner_label[start:end] = [label] * (end - start)
        # "عبر حسابه" (via), "بين الطرفين" (between): not a cue, and no cue to stop a scan at.
        for j in compress(range(self.n), self.cue_at):
            if self.cue_at[j].lemma in HOMOGRAPH_VERBS and not self._homograph_is_verb(j, self.cue_at[j]):
                self.cue_at[j] = None

    def sentence_end(self, i: int) -> int:
        if i >= self.n:  # a cue at the very end of the text: its clause is empty
            return self.n
        return self.layout.sentence_bounds[self.layout.sentence[i]][1]

    def sentence_start(self, i: int) -> int:
        if i >= self.n:
            return self.n
        return self.layout.sentence_bounds[self.layout.sentence[i]][0]

    def paragraph_end(self, i: int) -> int:
        number = self.layout.paragraph[i]
        return self.layout.paragraph_bounds[number][1] if number >= 0 else self.sentence_end(i)

    def complementizer(self, j: int) -> int:
        """Length in words of the complementizer at `j` (0 if none)."""
        comps = self.lex.complementizers
        if j > 0 and self.norms[j - 1] in NOT_REPORTING:
            return 0  # "بعد أن كسبت", "لدى سؤاله إن كانت": a time clause or a question, not reported speech
        if j + 1 < self.n and (self.norms[j], self.norms[j + 1]) in comps:
            return 2
        return 1 if (self.norms[j],) in comps else 0

    def is_adjunct(self, j: int) -> bool:
        norm = self.norms[j]
        lex = self.lex
        if norm in lex.adjuncts or (norm[:1] in (WAW, FEH) and norm[1:] in lex.adjuncts):
            # "علي" (the name Ali) and "على" (on) fold together; the written letter tells them apart.
            return not (norm in NAME_HOMOGRAPHS and self.words[j].endswith("\u064a"))  # YEH
        if len(norm) > 2 and norm[0] == LAM:
            rest = norm[1:]
            if rest.isascii() or rest in lex.organizations or (AL + rest[1:]) in lex.organizations:
                return True
            if rest.startswith(LAM) and (AL + rest[1:]) in lex.organizations:
                return True
        return False

    def _homograph_is_verb(self, i: int, form: CueForm) -> bool:
        """"عبر" (expressed / via), "بين" (explained / between): a verb only in its reporting frame.

        "عبّر" takes "عن" ("عبر الوزير عن قلقه"); the bare "بيّن" opens its clause and is followed
        by a complementizer within a few words ("وبين المدير أن ...").
        """
        window = range(i + 1, min(self.sentence_end(i), i + HOMOGRAPH_WINDOW))
        if form.lemma == ABBARA:
            return any(self.norms[m] == AN for m in window) and (form.kind != "verb" or self.clause_initial(i))
        stem = self.norms[i][1:] if self.norms[i][:1] in (WAW, FEH) else self.norms[i]
        if stem != form.lemma:
            return True  # "بينت", "يبين", "مبينا" are no preposition
        return self.clause_initial(i) and any(self.complementizer(m) for m in window)

    def finite_cue(self, j: int) -> bool:
        form = self.cue_at[j]
        return form is not None and form.kind == "verb"

    def clause_initial(self, i: int) -> bool:
        """Whether a verb at `i` opens a clause (so it is a verb, not a homographic noun)."""
        norm = self.norms[i]
        if norm[:1] in (WAW, FEH) and self.lex.cue(norm[1:]) is not None:
            return True
        if i == self.sentence_start(i):
            return True
        prev = i - 1
        if self.norms[prev] == QAD:
            prev -= 1
        if prev < 0:
            return True
        word = self.words[prev]
        if not self.is_word[prev] or self.norms[prev] in self.lex.particles or word in MARKS:
            return True
        if self.norms[prev].removeprefix(WAW).removeprefix(FEH) in WENT_ON:
            return True  # "ومضت تقول"، "وراح يقول": a verb of going on, then the reporting verb
        # "من جانبه أعرب X عن", "ومن جهة أخرى، أكد": a discourse marker opens the sentence, the verb follows it
        if (self._marker_len(prev) > 0 or (prev > 0 and self._marker_len(prev - 1) == 2)) and self._opens_sentence(i):
            return True
        return self._after_opening_phrase(i)

    def _after_opening_phrase(self, i: int) -> bool:
        """"وفي كلمة أمام البرلمان أعلن X": a short prepositional phrase opening the sentence, then the verb."""
        start = self.sentence_start(i)
        if self.norms[start] == WAW and start + 1 < i:
            start += 1  # "و عن ...": the conjunction written apart
        first = self.norms[start]
        if first[:1] == WAW and len(first) > 2:
            first = first[1:]
        if first not in OPENING_PREPOSITIONS or not 2 <= i - start <= OPENING_PHRASE:
            return False
        return all(self.is_word[k] and self.cue_at[k] is None and not self.complementizer(k) and self.norms[k] not in self.lex.relatives for k in range(start + 1, i))

    def name_quote(self, j: int) -> bool:
        """A quoted name ("لـ"رويترز"", "القناة "ارت 1"") rather than a quotation."""
        close = self.pairs.get(j)
        if close is None:
            return False
        # "لـ"رويترز"", "قناة "الجزيرة"": a few words after LAM or a medium name it; a longer
        # quotation after one ("على تويتر "..."") is what was written there.
        if j > 0 and close - j <= NAME_AFTER_MEDIUM and (self.norms[j - 1] == LAM or self.is_media(j - 1)):
            return True
        after = close + 1
        if close - j == 2 and after < self.n and self.is_word[after] and self._after_body(j):
            return True  # 'وكالة الأنباء الرسمية "تاس" حوارها': one word naming the body before it
        if after < self.n and (self.words[after] in COLONS or self.noun_cue[after]) and close - j <= SHORT_QUOTE:
            return True  # "عبر حسابه "تويتر": "..."", "الوكالة "انا" قوله "...""
        if after < self.n and self.words[after] in COMMAS:
            after += 1
        if after < self.n and self.complementizer(after):
            return True
        return close - j <= 3 and after < self.n and self.norms[after] in self.lex.adjuncts

    def _after_body(self, j: int) -> bool:
        """A body ("وكالة", "صحيفة"), then maybe its nisbas and "الأنباء", right before `j`."""
        k = j - 1
        while k >= max(0, j - 4):
            norm = self.norms[k]
            if self.is_media(k):
                return True
            if not (norm.startswith(AL) and norm.endswith(NISBA_ENDINGS)) and norm.removeprefix(AL) != ANBA:
                return False
            k -= 1
        return False

    def is_media(self, j: int) -> bool:
        norm = self.norms[j]
        for form in (norm, norm[1:] if norm[:1] in (WAW, LAM) else norm):
            if form in self.lex.organizations or (AL + form) in self.lex.organizations:
                return True
        return False

    def clause_end(self, p: int, *, limit: int | None = None) -> int:
        """End (exclusive) of an indirect clause starting at `p`."""
        end = limit if limit is not None else self.sentence_end(p)
        if p >= end:
            return end
        close = self.pairs.get(p)
        if close is not None:
            if close >= end:  # a quotation running past the sentence end carries the clause
                return min(close + 1, self.paragraph_end(p))
            return self._clause_end_after(close + 1, end, memo=limit is None)
        return self._clause_end_after(p + 1, end, memo=limit is None)

    def _clause_end_after(self, k: int, end: int, *, memo: bool) -> int:
        """Where a clause that has reached `k` (past its first word) ends.

        That depends on `k` and the sentence only, not on where the clause began, so the answer is
        kept for every position the scan passes: a sentence of n words with a cue in every few
        (`"قال: " * n`) is scanned once in all, not once per cue (which cost O(n^2))."""
        known_ends = self._clause_ends if memo else {}
        passed: list[int] = []
        result = end
        while k < end:
            known = known_ends.get(k)
            if known is not None:
                result = known
                break
            passed.append(k)
            close = self.pairs.get(k)
            if close is not None and self.words[k - 1] in SENTENCE_FINAL:
                result = k  # '... جاهزة. "..."': the quotation opens the next sentence, whatever the splitter says
                break
            if close is not None:
                if close >= end:  # a quotation running past the sentence end carries the clause
                    result = min(close + 1, self.paragraph_end(k))
                    break
                k = close + 1
                continue
            if self._ends_clause(k, end):
                result = k
                break
            k += 1
        for position in passed:
            known_ends[position] = result
        return result

    def _ends_clause(self, k: int, end: int) -> bool:
        """Whether a clause that has reached `k` (past its first word) stops before it."""
        if (self.words[k] in COMMAS or self.words[k] in SEMICOLONS) and self.chain_follows(k + 1):
            return True  # "...، مضيفا أن", "...؛ مشيدا بـ ...": a new cue after the clause
        if self.words[k] in COMMAS and k + 1 < end and self.norms[k + 1] in NARRATION:
            return True  # "...، وتم نقل الجرحى": the writer narrates again
        if self.norms[k] in CLAUSE_LINKS and self.chain_follows(k):  # "... فيما قال مصدر"
            return True
        if self.norms[k] in self.lex.pronoun_subjects and k + 1 < end and self.finite_cue(k + 1):
            return True  # "... لكنه يندد بـ": a new statement
        cue = self.cue_at[k]
        if cue is not None and cue.kind == "verb" and self._opens_report(k, end):
            return True  # "... وقال إنه ...", "...، تقول صحيفة X إن ...": a new report with its own complementizer
        if self.words[k - 1] in MARKS and cue is not None and cue.kind == "participle":
            return True  # "... "ليس ساذجا" واصفا بوتين"
        if cue is not None and cue.kind == "participle" and k + 1 < end and (self.words[k + 1] in COLONS or (self.words[k + 1] in MARKS and self.pairs.get(k + 1, k + 1) - k - 1 > SHORT_QUOTE)):
            return True  # "...، وأشاد بهم قائلا: "..."": his own words follow, the report before them ends
        # "رحب X بالبيان معتبرا أن ...", "... محذرا من ...": a new report without a comma
        return self.participle_frame(k) and self.norms[k][-1:] == ALEF_LETTER

    def _opens_report(self, k: int, end: int) -> bool:
        """A finite cue opening a clause (after a comma, or with its "و"/"ف"), then its subject and a
        complementizer or colon within a few words: the verb reports something new, the clause
        before it ends."""
        coordinated = self.norms[k][:1] in (WAW, FEH) and self.lex.cue(self.norms[k][1:]) is not None
        coordinated = coordinated or self.norms[k - 1] == WAW  # "و أشار": the conjunction written apart
        if not (coordinated or self.words[k - 1] in COMMAS):
            return False
        m, words = k + 1, 0
        while m < end and words < REPORT_WINDOW:
            if self.complementizer(m) or self.words[m] in COLONS:
                return True  # "... وقال إنه", "... وقال: ..."
            close = self.pairs.get(m) if self.words[m] in MARKS else None
            if close is not None:
                if close - m > SHORT_QUOTE:
                    return True  # "...، قال الوزير "...": a quotation of his own
                m, words = close + 1, words + 1  # a quoted name: 'تقول صحيفة "X" إن'
                continue
            if not self.is_word[m] and self.words[m] not in MARKS:
                return False
            m, words = m + 1, words + 1
        return False

    def chain_follows(self, j: int) -> bool:
        """Whether a new cue or a source phrase starts at `j` (just after a comma)."""
        if j >= self.n:
            return False
        form = self.cue_at[j]
        if form is not None:
            if form.kind == "participle":
                return True
            return self.norms[j][:1] in (WAW, FEH) and self.lex.cue(self.norms[j][1:]) is not None
        if self.norms[j] == WAW and j + 1 < self.n and self.finite_cue(j + 1):
            return True  # "، و أشار": the conjunction written apart
        if self.source_at(j):
            return True
        if j + 1 < self.n and (self.norms[j], self.norms[j + 1]) in self.lex.clause_stoppers:
            return True
        for k in range(j, min(j + 3, self.n)):  # "في حين قال", "فيما أكد", "وقالت"
            if self.finite_cue(k):
                if k == j:
                    return self.norms[k][:1] in (WAW, FEH) and self.lex.cue(self.norms[k][1:]) is not None
                return all(self.norms[m] in LINK_WORDS or self.norms[m] in self.lex.particles for m in range(j, k))
        return False

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Drop punctuation at both ends, except a closing mark whose opening mark is kept."""
        while start < end and not self.is_word[start] and self.words[start] not in MARKS:
            start += 1
        while end > start:
            last = end - 1
            word = self.words[last]
            if self.is_word[last]:
                break
            if word in MARKS and self.closers.get(last, -1) >= start:
                break
            end -= 1
        return start, end

    def source_at(self, j: int) -> int:
        """Length of a source phrase at `j` ("بحسب", "نقلاً عن", "وفقاً لـ") or 0."""
        sources = self.lex.sources
        norm = self.norms[j]
        following = self.norms[j + 1] if j + 1 < self.n else ""
        for form in (norm, norm[1:] if norm[:1] == WAW and len(norm) > 3 else None):
            if form is None:
                continue
            if (form, following) in sources:
                return 2
            if (form,) in sources:
                return 1
        return 0

    def _opens_sentence(self, i: int) -> bool:
        """A verb that starts its sentence (after "و", "ف", particles or a discourse marker)."""
        s = self.sentence_start(i)
        while s < i and (self.norms[s] in self.lex.particles or not self.is_word[s] or self._marker_len(s)):
            s += self._marker_len(s) or 1
        return s == i

    def _after_adjunct(self, j: int) -> bool:
        return j > 0 and (self.is_adjunct(j - 1) or self.is_media(j - 1))

    def _marker_len(self, s: int) -> int:
        markers = self.lex.discourse_markers
        if s + 1 < self.n and (self.norms[s], self.norms[s + 1]) in markers:
            return 2
        norm = self.norms[s]
        if (norm,) in markers or (norm[:1] == WAW and (norm[1:],) in markers):
            return 1
        return 0

    def _ends_complementizer(self, b: int) -> bool:
        comps = self.lex.complementizers
        return (self.norms[b],) in comps or (b > 0 and (self.norms[b - 1], self.norms[b]) in comps)

    def participle_frame(self, i: int) -> bool:
        """A participle cue right before its content: "معتبرا أن", "محذرا من", "منوها بـ", "داعيا إلى"."""
        form = self.cue_at[i]
        if form is None or form.kind != "participle" or i + 1 >= self.n:
            return False
        return bool(self.complementizer(i + 1)) or (form.prep is not None and self._prep_at(i + 1, form.prep))

    def _prep_at(self, k: int, prep: str) -> bool:
        norm = self.norms[k]
        if norm == prep:
            return True
        # BEH is written on its noun: "نددت الرابطة بحملة الاختطاف", "أشاد بالاتفاق".
        return prep == "\u0628" and len(norm) > 3 and norm[0] == prep and not self.is_adjunct(k) and self.ner_label[k] is None

    def _known_name(self, k: int) -> bool:
        norm = self.norms[k]
        return self.ner_label[k] in ("PERS", "ORG") or (norm,) in self.lex.countries or (norm in self.speaker_words and len(norm) > 2)

    def _known_word(self, norm: str) -> bool:
        lex = self.lex
        forms = (norm, AL + norm)
        return any(form in lex.titles or form in lex.organizations or form in lex.anonymous or form in lex.groups or form in lex.not_speakers for form in forms)
