"""Finding reported speech: cues, the content they report, and the words naming their speaker.

Content spans follow `quotes/GUIDE.md`: inside the marks for direct quotes; after the
complementizer to the end of the sentence for indirect ones, stopping before a chained cue
("، مضيفاً أن") or a trailing source phrase ("، بحسب ..."). Speaker phrases come from
`phrases.py`, source phrases and headlines from `sources.py`, word predicates from `view.py`."""

from __future__ import annotations

from itertools import accumulate, compress

from .candidate import Candidate
from .coverage import CandidateList, covers
from .layout import COLONS, COMMAS, MARKS, SEMICOLONS, SENTENCE_FINAL
from .lexicon import CueForm
from .sources import DASHES, SourceFinder
from .view import REPORT_WINDOW, AUXILIARIES, FEH, KAMA, QAD, OBJECT_CLASSES, PRE_SUBJECT_LIMIT, QUESTION, SCAN_LIMIT, SEGMENT_LIMIT, SHORT_QUOTE, WAW


# Verbs whose sentence-opening "يُفعل أن" is mostly passive: ذكر اعتقد توقع رجح
IMPERSONAL_LEMMAS = frozenset({"\u0630\u0643\u0631", "\u0627\u0639\u062a\u0642\u062f", "\u062a\u0648\u0642\u0639", "\u0631\u062c\u062d"})
YEH, NOON, ALEF = "\u064a", "\u0646", "\u0627"
ASK = "\u062a\u0633\u0627\u0621\u0644"  # "تساءل" (normalized)
HAMZA_BELOW = "\u0625"  # "إ": "إن" (that / whether) as written, unlike "أن"
AL_WRITTEN = "\u0627\u0644"  # the article as written: "ال"
MAN = "\u0645\u0646"  # "من": "هناك من يرى أن"
ADAM = "\u0639\u062f\u0645"  # "عدم" (non-)
NAQAL = "\u0646\u0642\u0644"  # "نقل" (conveyed): its speaker follows "عن"
AN_FROM = "\u0639\u0646"  # "عن"
# A preposition with a pronoun, the whole object of "أشاد بها", "ندد به" (normalized).
PRONOUN_OBJECTS = frozenset(prep + pronoun for prep in ("\u0628", "\u0639\u0646", "\u0639\u0644\u064a", "\u0627\u0644\u064a", "\u0644") for pronoun in ("\u0647", "\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627"))
EMBEDDED_WORDS = 3  # a quoted name inside a clause: "نادي النجمة الرياضي"
# Demonstratives and "مما" (which) right before a verb: its subject is a thing or a fact (normalized).
DEMONSTRATIVES = frozenset({"\u0630\u0644\u0643", "\u0647\u0630\u0627", "\u0647\u0630\u0647", "\u0648\u0647\u0630\u0627", "\u0648\u0647\u0630\u0647", "\u0648\u0630\u0644\u0643", "\u0645\u0645\u0627"})
POSSESSIVE_ENDINGS = ("\u0647", "\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627")  # ـه ـها ـهم ـهما as written
VERBAL_NOUN_WINDOW = 6  # words from a verbal noun to its complementizer (its agent stands between)

# "جاء"، "جاءت"، "يأتي"، "تأتي" (normalized) before "ليؤكد": something that happened confirms
CAME = frozenset({"\u062c\u0627\u0621", "\u062c\u0627\u0621\u062a", "\u064a\u0627\u062a\u064a", "\u062a\u0627\u062a\u064a"})
LAM_LETTER = "\u0644"
CAME_WINDOW = 4  # words from "جاء" to its "ليؤكد"
IN_WHICH = frozenset({"\u0641\u064a\u0647", "\u0641\u064a\u0647\u0627", "\u0641\u064a\u0647\u0645"})  # فيه فيها فيهم
ASIDE_WORDS = 4  # words of a prayer or aside between dashes after a cue ("-حفظه الله-")
INVERTED_MIN_WORDS = 3  # a quotation before its cue without a comma is a statement, not a quoted name
CLOSING_TAIL = 2  # tokens that may follow a paragraph's closing mark: "." and the like

# Words that open a subordinate clause: a quoted word after them belongs to that clause.
SUBORDINATORS = frozenset({"\u0628\u0639\u062f", "\u0642\u0628\u0644", "\u0627\u0644\u0630\u064a", "\u0627\u0644\u062a\u064a", "\u0639\u0646\u062f\u0645\u0627", "\u062d\u064a\u0646"})  # بعد قبل الذي التي عندما حين


class Detector(SourceFinder):
    """Finds `Candidate`s in one document; build one per document and call `run()`."""

    def run(self) -> list[Candidate]:
        candidates: list[Candidate] = CandidateList(self.n)
        blocked = self.layout.blocked
        # Only the tokens that may start something are visited, a few in a hundred: cues, source
        # words, introducers (tested at C speed, by `map`).
        introducer = map(self.lex.introducers.__contains__, self.norms)
        for i in compress(range(self.n), map(any, zip(self.cue_at, self.noun_cue, self.may_source, introducer, self.verbal_noun))):
            if blocked[i]:
                continue
            form = self.cue_at[i]
            found: list[Candidate] = []
            if form is not None:
                found = self.from_cue(i, form, candidates)
            elif self.noun_cue[i]:
                found = self.from_cue(i, CueForm(self.norms[i], "noun", "say", None), candidates)
            elif self.may_source[i] and (length := self.source_at(i)):
                found = self.from_source(i, length, candidates)
            elif self.norms[i] in self.lex.introducers:
                found = self.introducer(i)
            elif self.verbal_noun[i] is not None:
                found = self.from_verbal_noun(i, self.verbal_noun[i], candidates)
            candidates.extend(found)
        candidates.extend(self.headlines(candidates))
        candidates.extend(self._continued(candidates))
        candidates = self._drop_carriers(candidates)
        candidates.sort(key=lambda c: (c.content[0], c.cue[0]))
        blocked_before = list(accumulate(blocked, initial=0))  # blocked tokens before each token
        return [c for c in candidates if blocked_before[c.content[1]] == blocked_before[c.content[0]] and not blocked[c.cue[0]]]

    def _continued(self, candidates: list[Candidate]) -> list[Candidate]:
        """A paragraph that is one quotation, right after a paragraph ending with a direct quote: the
        same speaker goes on ("وقال: "...". / "ولن نتراجع ..."."), with the opening mark as its cue."""
        layout, found = self.layout, []
        last_direct: dict[int, Candidate] = {}  # paragraph -> its direct candidate that ends it
        for candidate in candidates:
            if candidate.direct:
                para = layout.paragraph[candidate.cue[0]]
                end = layout.paragraph_bounds[para][1] if para >= 0 else -1
                if candidate.content[1] + CLOSING_TAIL >= end:
                    last_direct[para] = candidate
        for para, (start, end) in enumerate(layout.paragraph_bounds):
            parent = last_direct.get(para - 1)
            close = self.pairs.get(start)
            if parent is None or close is None or close >= end or close + CLOSING_TAIL < end or self.layout.blocked[start]:
                continue
            if para in layout.subheadings or not any(self.words[m] in SENTENCE_FINAL for m in (close - 1, close + 1) if m < self.n):
                continue  # a quoted subheading ("\"خبرة من الشرق\"") ends without a full stop
            content = self.trim(start + 1, close)
            if content[1] - content[0] < 2 or covers(candidates, content[0]) or self.words[content[1] - 1] in QUESTION:
                continue
            candidate = Candidate(content=content, direct=True, cue=(start, start + 1), kind="mark", lemma="", parent=parent)
            found.append(candidate)
            last_direct[para] = candidate
        return found

    @staticmethod
    def _drop_carriers(candidates: list[Candidate]) -> list[Candidate]:
        """"ذكرت وكالات أن الوزير، X، قال إن ...": the report of a report keeps only the inner quote."""
        carriers = set()
        # Inners by the start of their first subject, which must be the outer content's first or second token.
        by_subject: dict[int, list[Candidate]] = {}
        for inner in candidates:
            if inner.subjects:
                by_subject.setdefault(inner.subjects[0][0], []).append(inner)
        for outer in candidates:
            if outer.direct or outer.kind != "verb":
                continue
            start, end = outer.content
            for inner in by_subject.get(start, []) + by_subject.get(start + 1, []):
                # The inner cue may stand right after the outer content, which ends at its comma ("، قال إن").
                if inner is outer or not inner.subjects or not start <= inner.cue[0] <= end + 1:
                    continue
                if start <= inner.subjects[0][0] <= start + 1 and inner.subjects[0][0] < inner.cue[0]:
                    carriers.add(id(outer))
        return [candidate for candidate in candidates if id(candidate) not in carriers]

    def from_cue(self, i: int, form: CueForm, previous: list[Candidate]) -> list[Candidate]:
        """The quote a reporting word introduces, scanning for its complementizer, mark or colon."""
        words, n = self.words, self.n
        if form.kind == "participle" and not self._participle_ok(i):
            return []
        if (i > 0 and self.cue_at[i - 1] is not None and self.cue_at[i - 1].kind == "verb") or i in self.absorbed:
            return []  # second word of "وأضاف قائلاً" is part of the first word's cue
        if form.kind == "verb" and ((i > 0 and self.norms[i - 1] in self.lex.negations) or self._passive(i) or self._impersonal(i, form)):
            return []  # "ولم يؤكد": nothing was said; "ويُعتقد أن": nobody in particular says it
        if form.kind == "verb" and i > 0 and self.norms[i - 1] in DEMONSTRATIVES:
            return []  # "هذا يؤكد أن", "مما يؤكد أن": a fact bears something out, nobody says it
        if form.kind == "verb" and self.norms[i][:1] == LAM_LETTER and self._came_to(i):
            return []  # "الهجوم جاء ليؤكد", "وتأتي هذه الخطوة لتؤكد": an event bears something out
        cue_end = i + 1
        # "وأضاف قائلاً", "وتابع موضحاً": the participle belongs to the verb's cue.
        if cue_end < n and self.cue_at[cue_end] is not None and self.cue_at[cue_end].kind == "participle":
            cue_end += 1
        elif cue_end < n and form.kind == "verb" and self.norms[cue_end] in IN_WHICH:
            cue_end += 1  # "الأسبوع الذي كشفت فيه الشركة أن", "بيانا قال فيه إن": "in which" goes with the verb
        sent_end = self.sentence_end(i)
        limit = min(sent_end, cue_end + SCAN_LIMIT)
        act_subject_end = self._subject_end(cue_end, limit, act=True) if form.cls in OBJECT_CLASSES else cue_end
        prep_at: int | None = None  # "كشف لـ"العربية" عن تخصيص ...": content after the preposition
        j = cue_end
        while j < limit:
            word = words[j]
            if word in SENTENCE_FINAL:
                break
            if word in COLONS:
                return self._after_colon(i, cue_end, j, form, previous)
            if word in MARKS and j in self.pairs:
                close = self.pairs[j]
                short = close - j <= SHORT_QUOTE
                named_after_preposition = close - j <= 2 * SHORT_QUOTE and self._after_adjunct(j) and self._label_end(close)
                # One quoted word past the cue's own words ("بعد أن هاجم "داعشي" سوبرماركت") is a
                # term the writer distances himself from, not what the speaker said.
                scare = close - j == 2 and j > cue_end + 1 and self._verb_between(cue_end, j)
                # A few quoted words inside the clause, the sentence going on right after them
                # ('المدرب "X" فريقه'، 'حملة "الاسم" لدعم'): a name or a term, not the statement.
                embedded = j > cue_end and close - j <= EMBEDDED_WORDS + 1 and self._word_follows(close) and j > self._subject_end(cue_end, j, act=True)
                if scare or embedded or self.name_quote(j) or named_after_preposition or (short and (prep_at is not None or self._after_adjunct(j) or self._label_quote(j, cue_end, form))):
                    j = close + 1
                    continue
                if form.cls == "act" and form.kind == "verb" and j > act_subject_end:
                    break  # "اتهم X، أمير قطر ... "غدراً"": the object comes first
                if prep_at is not None:
                    break
                return self._direct(i, cue_end, j, form, previous)
            length = self.complementizer(j)
            if length:
                if form.lemma == ASK and self.words[j].startswith(HAMZA_BELOW):
                    return []  # "يتساءلون إن كانت ...": "إن" after a question verb is "whether", an open question
                if form.cls == "act" and form.kind == "verb" and self._object_start(cue_end, j) < j and not self._short_subject(cue_end, j):
                    break  # "أشاد X بعلاقته ... بأن": the object comes before this complementizer
                start = j + length
                if start >= n:
                    break  # the text stops right after "إن": nothing was reported
                end = self._aside_end(i, start, self.clause_end(start))
                return self._make(i, cue_end, j, start, end, False, form, previous)
            if prep_at is None and form.prep is not None and self._prep_at(j, form.prep):
                prep_at = j
            if j > cue_end and (self.cue_at[j] is not None or self.noun_cue[j]):
                if self._participle_before_content(j) or (prep_at is not None and self._saying_participle(j)):
                    self.absorbed.add(j)  # "وأضاف خالد الفالح قائلا:": the participle only says how he spoke
                    prep_at = None  # "وعلق X على النتيجة قائلا "..."": the object was the topic, the words follow
                    j += 1
                    continue
                break
            if word in COMMAS and j + 1 < n and self.cue_at[j + 1] is not None and self.chain_follows(j + 1):
                break
            j += 1
        # A mark left open pairs with its paragraph's end (`pair_marks`); skipping that "quote" above
        # steps one past it, and past the last token when the paragraph ends the text.
        return self._without_marker(i, cue_end, min(j, n), prep_at, form, previous)

    def from_verbal_noun(self, i: int, form: CueForm, previous: list[Candidate]) -> list[Candidate]:
        """"بعد تأكيده أن ...", "بعد اعتبار اللجنة أن ...", "مزاعم الشركة بأن ...": a verbal noun
        of a reporting verb, its agent maybe, then a complementizer a few words on.

        Only the complementizer opens the content: a verbal noun alone is a topic ("إعلان الحكومة"),
        and a verbal noun between a cue and its content ("قال في تصريح إن") reports nothing itself.
        """
        if i > 0 and self.norms[i - 1] == ADAM:
            return []  # "عدم اعتبار": nothing was said
        limit = min(self.sentence_end(i), i + 1 + VERBAL_NOUN_WINDOW)
        for j in range(i + 1, limit):
            word, norm = self.words[j], self.norms[j]
            if word in COMMAS or word in MARKS or not self.is_word[j] or self.cue_at[j] is not None or self.noun_cue[j] or norm in self.lex.particles:
                return []
            length = self.complementizer(j)
            if length:
                if j == i + 1 and not self.words[i].endswith(POSSESSIVE_ENDINGS):
                    return []  # "باعتبار أن", "وسط اعتقاد بأن": nobody's claim, a connective or a belief
                start = j + length
                if start >= self.n or covers(previous, start):
                    return []
                return self._make(i, i + 1, j, start, self.clause_end(start), False, form, previous)
        return []

    def _without_marker(self, i: int, cue_end: int, region_end: int, prep_at: int | None, form: CueForm, previous: list[Candidate]) -> list[Candidate]:
        """No complementizer, mark or colon after the cue: the class of the verb decides."""
        words, n = self.words, self.n
        sent_end = self.sentence_end(i)
        if prep_at is not None and form.cls == "announce" and form.kind == "participle" and prep_at > cue_end:
            prep_at = None  # "مؤكدا حرص الدولة على سلامتهم": "على" belongs to the object, which is the content
        if prep_at is None and form.cls == "announce" and form.kind == "participle":
            # "...، مؤكدا ضبط عشرين مخالفا": the participle's noun object is what was announced
            start = self._after_aside(cue_end)  # "مؤكدا -حفظه الله- حرص ..."
            end = self.clause_end(start)
            if self._object_word(start) and end - start >= 2:
                return self._make(i, cue_end, start, start, end, False, form, previous)
        if prep_at is not None:
            k = prep_at
            start = k + 1 if self.norms[k] == form.prep else k  # BEH attached: "بالحصول"
            comma = max((m for m in range(cue_end, k) if words[m] in COMMAS), default=None)
            if comma is not None and comma + 1 < k and not self.is_adjunct(comma + 1) and not self._name_like((comma + 1, k)):
                k = start = comma + 1  # "أعلن ماكرون خلال مقابلة ...، عدم امتلاكه لخطة بديلة عن ..."
            end = self.clause_end(start)
            if start < end and self._clause_initial_or_explicit(i, form):
                return self._make(i, cue_end, k, start, end, False, form, previous)
            return []
        if form.cls in OBJECT_CLASSES and form.kind != "noun":
            if not self.clause_initial(i) and form.kind == "verb" and not self._svo_subject(i):
                return []
            # "وكان X قد نفى مزاعم Y": the subject stands before the verb, the object right after it.
            subject_end = cue_end if self._after_auxiliary(i) and self._svo_subject(i) else self._object_start(cue_end, region_end)
            end = self.clause_end(subject_end)
            if end - subject_end >= 1:
                return self._make(i, cue_end, subject_end, subject_end, end, False, form, previous)
            return []
        if form.kind == "verb":
            inverted = self._inverted(i, cue_end, form, previous)
            if inverted:
                return inverted
        if form.cls == "announce" and form.kind == "verb" and not self.clause_initial(i) and self._after_auxiliary(i, bare=True) and self._svo_subject(i):
            # "وكانت البلدية (قد) أعلنت إغلاق السوق": the subject stands before the verb, the object after it
            start = cue_end
            end = self.clause_end(start)
            if cue_end <= start < region_end and end - start >= 2:
                return self._make(i, cue_end, start, start, end, False, form, previous)
        if form.cls == "announce" and form.kind == "verb" and self.clause_initial(i):
            # "وأعلن الجيش اليمني، الجمعة، اقتحام مديرية أرحب": the object is what was announced
            start = self._object_start(cue_end, region_end)
            if cue_end < start < region_end and self.plausible_speaker((cue_end, self._subject_end(cue_end, region_end, act=True))):
                end = self.clause_end(start)
                if end - start >= 2:
                    return self._make(i, cue_end, start, start, end, False, form, previous)
        if form.lemma in self.lex.object_claims and form.kind == "verb" and self.clause_initial(i):
            pronoun = self._object_pronoun(i, form)
            found = self._object_claim(i, cue_end, region_end, form, previous, pronoun=pronoun) if pronoun or not self._imperfect(i) else []
            if found:
                return found
        if form.cls == "say" and form.kind == "verb" and self._opens_sentence(i):
            subject_end = self._subject_end(cue_end, region_end, act=False)
            if subject_end < n and words[subject_end] not in COMMAS and subject_end < sent_end:
                end = self.clause_end(subject_end)
                if end - subject_end >= 2:
                    return self._make(i, cue_end, subject_end, subject_end, end, False, form, previous)
        return []

    def _after_aside(self, k: int) -> int:
        """Past a short aside between dashes right at `k` ("-حفظه الله-"), else `k`."""
        if k >= self.n or self.words[k] not in DASHES:
            return k
        close = next((m for m in range(k + 1, min(self.n, k + 2 + ASIDE_WORDS)) if self.words[m] in DASHES), None)
        return close + 1 if close is not None else k

    def _object_word(self, k: int) -> bool:
        """A word that can open a noun object: no particle, complementizer, cue, adjunct or mark."""
        if k >= self.n or not self.is_word[k] or self.complementizer(k) or self.cue_at[k] is not None:
            return False
        return self.norms[k] not in self.lex.particles and not self.is_adjunct(k)

    def _conveyed_from(self, i: int) -> tuple[int, int] | None:
        """"نقلت X عن Y قوله": the phrase after "عن", when a verb of conveying ("نقل") opens the clause."""
        start = self.sentence_start(i)
        for k in range(i - 1, max(start, i - SEGMENT_LIMIT - 2) - 1, -1):
            if self.norms[k] != AN_FROM:
                continue
            if not any(self.cue_at[m] is not None and self.cue_at[m].lemma == NAQAL for m in range(start, k)):
                return None
            stop = k + 1
            while stop < i and self.words[stop] not in COMMAS:
                stop += 1
            segment = (k + 1, stop)
            return segment if stop > k + 1 and self.plausible_speaker(segment) else None
        return None

    def _object_claim(self, i: int, cue_end: int, region_end: int, form: CueForm, previous: list[Candidate], *, pronoun: bool = False) -> list[Candidate]:
        """"واعتبر المدرب سامي الفريق مرشحا للقب": a named subject right after the verb, then the
        noun object, which is the claim. Only adjuncts may stand between them ("، أمس،"): a
        segment set off by commas may be anything, and the object is then unknown. A verb with an
        object pronoun ("وتعتبره شريكا أساسيا") is active and its object known: the subject may be
        left out, and what follows it is the claim."""
        subject_end = self._subject_end(cue_end, region_end, act=True)
        if pronoun and (subject_end == cue_end or not self._named((cue_end, subject_end))):
            subject_end = cue_end
        elif subject_end == cue_end or not self._named((cue_end, subject_end)):
            return []
        start = subject_end
        if start < region_end and self.words[start] in COMMAS:
            close = next((m for m in range(start + 1, min(region_end, start + 1 + PRE_SUBJECT_LIMIT)) if self.words[m] in COMMAS), None)
            if close is not None and self._named((start + 1, close)) and self._name_like((start + 1, close)):
                start = close  # "الرئيس، سامي الخطيب، ...": the name in apposition is the subject's
        while start < region_end and (self.words[start] in COMMAS or self.is_adjunct(start)):
            if self.is_adjunct(start):
                start += 1
                while start < region_end and self.words[start] not in COMMAS and not self.cue_at[start]:
                    start += 1  # the adjunct's phrase, up to its comma
                if start >= region_end or self.words[start] not in COMMAS:
                    return []
            start += 1
        end = self.clause_end(start)
        if start >= region_end or end - start < 2:
            return []
        return self._make(i, cue_end, start, start, end, False, form, previous)

    def _reporting_subject_before(self, i: int) -> tuple[int, int] | None:
        """"وهو ما نفاه مسؤولو الاتحاد، مشيرين إلى أن": the nearest reporting verb before the cue in
        its sentence (one that made no quote of its own) and the speaker named right after it."""
        start = self.sentence_start(i)
        for k in range(i - 1, start - 1, -1):
            form = self.cue_at[k]
            if form is None or form.kind != "verb":
                continue
            if form.lemma == NAQAL:
                return None  # "نقلت الوكالة عن الوزير ...": the speaker stands after "عن"
            end = self._subject_end(k + 1, i, act=True)
            segment = (k + 1, end)
            if end > k + 1 and self._named(segment) and self._name_like(segment):
                return self._name_after_description(segment, i) or segment  # "المتحدثة باسم النادي سارة"
            return None
        return None

    def _aside_end(self, i: int, start: int, end: int) -> int:
        """"الرجلان، اللذان قالت الشرطة إنهما من أصل أجنبي، يحملان": a report inside a relative clause set
        off by commas ends at the comma that closes it; the main clause goes on after it."""
        k = i - 1 if i > 0 and self.norms[i - 1] == QAD else i
        if k < 2 or self.norms[k - 1] not in self.lex.relatives or self.words[k - 2] not in COMMAS:
            return end
        return next((m for m in range(start, end) if self.words[m] in COMMAS), end)

    def _nested_report(self, i: int, region_end: int, start: int, direct: bool, previous: list[Candidate]) -> bool:
        """"ذكرت القناة أن الشرطة اعتقلت أنصار حركة يتهمها الادعاء بأنها ...": inside an indirect
        report, a verb with its own complementizer reports again; inside a direct quote the
        speaker's own words are not split. A verb among the first words of the report ("كشف أن
        المركز أبلغ موسكو أن") is what the report says: the outer speaker's claim, kept whole."""
        if direct or self.direct_spans.covers(i) or start <= region_end or not self.complementizer(region_end):
            return False
        outer = next((c for c in reversed(previous[-3:]) if c.content[0] <= i < c.content[1]), None)
        if outer is None or i - outer.content[0] <= PRE_SUBJECT_LIMIT:
            return False
        # Its complementizer close by, in the same clause: "...، على أن" and "إذا ...، فإن" are connectives.
        return region_end - i <= REPORT_WINDOW and not any(self.words[k] in COMMAS for k in range(i + 1, region_end))

    def _reports_clause(self, i: int, cue_end: int, region_end: int, start: int, direct: bool) -> bool:
        """"محللون يرون أن ...", "بعض الدراسات تقول إن ...": a complementizer right after the verb
        makes it a report when its subject is a person (a masculine plural verb) or a definite or
        named noun. "لافتات تقول إن": a thing, indefinite, with its feminine singular verb, is
        described by the verb rather than reporting."""
        if direct or region_end != cue_end or start <= region_end or not self.complementizer(region_end):
            return False
        if self.norms[i].endswith(WAW + NOON):
            return True
        before = i - 1
        return before >= 0 and (self.words[before].startswith(AL_WRITTEN) or self.ner_label[before] is not None or self.norms[before] == MAN)

    def _after_auxiliary(self, i: int, *, bare: bool = False) -> bool:
        """"وكان X قد أعلن": "قد" before the verb and "كان" opening its clause put the subject before it.

        `bare`: "قد" may be left out ("وكانت الوكالة أعلنت"); "كان" must then open the sentence."""
        qad = i >= 2 and self.norms[i - 1] == QAD
        if not qad and not bare:
            return False
        start = self.sentence_start(i)
        verb = i - 1 if qad else i
        if not qad:
            opener = start
            while opener < verb and (self.norms[opener] in self.lex.particles or not self.is_word[opener]):
                opener += 1
            return opener < verb and self.norms[opener] in AUXILIARIES and verb - opener - 1 <= PRE_SUBJECT_LIMIT
        return any(self.norms[k] in AUXILIARIES for k in range(max(start, verb - PRE_SUBJECT_LIMIT - 1), verb))

    def _named(self, segment: tuple[int, int]) -> bool:
        """A subject the NER stage tags as a person or body, or one opened by a known title or source."""
        start, end = segment
        return any(self.ner_label[k] in ("PERS", "ORG") for k in range(start, end)) or self._plausible_source(segment)

    def _impersonal(self, i: int, form: CueForm) -> bool:
        """"ويُذكر أن", "ويُعتقد أن", "ويُتوقع أن": a passive written without its DAMMA, with no speaker.

        Only verbs of mention and belief, in the masculine imperfect, opening the sentence, right
        before the complementizer: "ويقول إن" continues the last speaker, "ويعتقد أن" says nobody's view.
        """
        if form.lemma not in IMPERSONAL_LEMMAS or i + 1 >= self.n or not self.complementizer(i + 1):
            return False
        stem = self.norms[i].removeprefix(WAW)
        return stem[:1] == YEH and not stem.endswith((WAW + NOON, ALEF + NOON)) and self._opens_sentence(i)

    def _word_follows(self, close: int) -> bool:
        """A word of the same clause right after a closing mark (no punctuation, no complementizer)."""
        after = close + 1
        return after < self.n and self.is_word[after] and self.layout.paragraph[after] == self.layout.paragraph[close] and not self.complementizer(after) and self.cue_at[after] is None

    def _label_end(self, close: int) -> bool:
        """A quoted name ends where the sentence goes on: a comma, a preposition or a complementizer."""
        after = close + 1
        return after < self.n and (self.words[after] in COMMAS or self.is_adjunct(after) or bool(self.complementizer(after)))

    def _label_quote(self, j: int, cue_end: int, form: CueForm) -> bool:
        """A quoted label away from the speaker, before a comma or complementizer ("... "فيسبوك"، ...")."""
        close = self.pairs[j]
        after = close + 1
        if form.cls == "describe" or close - j > 3 or after >= self.n or j <= self._subject_end(cue_end, j, act=True):
            return False
        return self.words[after] in COMMAS or bool(self.complementizer(after))

    def _passive(self, i: int) -> bool:
        """"يُعتقد", "ويُذكر": an imperfect prefix written with DAMMA is a passive verb."""
        word = self.words[i]
        k = 1 if word[:1] in (WAW, FEH) else 0
        return len(word) > k + 1 and word[k] in ("\u064a", "\u062a") and word[k + 1] == "\u064f"

    def _imperfect(self, i: int) -> bool:
        """"يقول", "تقول": imperfect verbs start with YEH or TEH after their conjunction."""
        form = self.cue_at[i]
        stem = self.norms[i].lstrip(WAW + FEH)
        return form is not None and stem[:1] in ("\u064a", "\u062a") and not stem.startswith(form.lemma[:2])

    def _participle_ok(self, i: int) -> bool:
        if i == 0:
            return False
        norm = self.norms[i]
        if norm[:1] == WAW and self.lex.cue(norm[1:]) is not None:
            return True
        prev = self.words[i - 1]
        if prev in COMMAS or prev in SEMICOLONS or prev in MARKS or prev in COLONS or self.cue_at[i - 1] is not None or prev in SENTENCE_FINAL:
            return True
        # "... وسائل الإعلام قائلاً "...": the content right after the participle is evidence enough.
        nxt = i + 1
        return nxt < self.n and (self.words[nxt] in COLONS or (self.words[nxt] in MARKS and nxt in self.pairs) or bool(self.complementizer(nxt)) or self.participle_frame(i))

    def _clause_initial_or_explicit(self, i: int, form: CueForm) -> bool:
        return form.kind != "verb" or self.clause_initial(i) or form.cls != "act"

    def _verb_between(self, start: int, end: int) -> bool:
        """A subordinate clause between the cue and a mark: "بعد أن", "الذي" (the mark is inside it)."""
        return any(self.norms[k] in SUBORDINATORS for k in range(start, end))

    def _participle_before_content(self, j: int) -> bool:
        """A reporting participle right before a colon or an opening quote mark."""
        cue = self.cue_at[j]
        if cue is None or cue.kind != "participle" or j + 1 >= self.n:
            return False
        following = self.words[j + 1]
        return following in COLONS or (following in MARKS and j + 1 in self.pairs)

    def _object_pronoun(self, i: int, form: CueForm) -> bool:
        """Whether the verb at `i` carries an object pronoun ("اعتبره", "وتعتبرها", "اعتبرهم")."""
        word = self.words[i]
        return word.endswith(POSSESSIVE_ENDINGS) and not form.lemma.endswith(POSSESSIVE_ENDINGS[0])  # "نبه": HEH of the root

    def _came_to(self, i: int) -> bool:
        """A form of "جاء" / "أتى" a few words before, in the same clause ("جاء ليؤكد", "وتأتي الخطوة لتؤكد")."""
        start = max(self.sentence_start(i), i - CAME_WINDOW)
        for k in range(i - 1, start - 1, -1):
            if self.words[k] in COMMAS or self.cue_at[k] is not None:
                return False
            norm = self.norms[k]
            if norm in CAME or (norm[:1] == WAW and norm[1:] in CAME):
                return True
        return False

    def _after_relative(self, i: int) -> bool:
        """A verb right after a relative pronoun, with no object pronoun of its own: for a verb that
        takes an object, the relative's antecedent is its subject ("التي اتهمت X بأنه": X is the
        object), unlike "الذي نفاه X" (X is the subject) or "اللتان قالت الوزارة إنهما"."""
        k = i - 1 if i > 0 and self.norms[i - 1] == QAD else i
        return k > 0 and self.norms[k - 1] in self.lex.relatives and not self.words[i].endswith(POSSESSIVE_ENDINGS)

    def _saying_participle(self, j: int) -> bool:
        """"قائلا إن", no comma before it: a participle of saying whose complementizer follows."""
        cue = self.cue_at[j]
        return cue is not None and cue.kind == "participle" and cue.cls == "say" and self.words[j - 1] not in COMMAS and j + 1 < self.n and bool(self.complementizer(j + 1))

    def _after_colon(self, i: int, cue_end: int, colon: int, form: CueForm, previous: list[Candidate]) -> list[Candidate]:
        nxt = colon + 1
        if nxt < self.n and self.words[nxt] in MARKS and nxt in self.pairs:
            return self._direct(i, cue_end, nxt, form, previous, region_end=colon)
        start = nxt
        end = self.clause_end(start)
        if end - start < 2:
            return []
        return self._make(i, cue_end, colon, start, end, False, form, previous)

    def _direct(self, i: int, cue_end: int, mark: int, form: CueForm, previous: list[Candidate], *, region_end: int | None = None) -> list[Candidate]:
        found: list[Candidate] = []
        region = mark if region_end is None else region_end
        opener = mark
        while True:
            close = self.pairs[opener]
            start, end = self.trim(opener + 1, close)
            if end <= start:
                break
            candidate = self._make(i, cue_end, region, start, end, True, form, previous, found=found)
            found.extend(candidate)
            self.direct_spans.append((start, end))
            # `"..." و"..."`: one cue, several quoted fragments.
            k = close + 1
            if k < self.n and self.words[k] in COMMAS:
                k += 1
            if k + 1 < self.n and self.norms[k] == WAW and self.words[k + 1] in MARKS and (k + 1) in self.pairs:
                opener = k + 1
                continue
            break
        return found

    def _inverted(self, i: int, cue_end: int, form: CueForm, previous: list[Candidate]) -> list[Candidate]:
        """`"..."، يقول X` and `...، كما يقول X`: the content comes before the cue."""
        k = i - 1
        if k >= 0 and self.norms[k] in self.lex.particles:
            k -= 1
        # `"..." يقول X` without the comma: the closing mark itself ends the quotation.
        marked = k >= 0 and k in self.closers and k - self.closers[k] > INVERTED_MIN_WORDS and self.words[k] not in COMMAS
        if k < 0 or (self.words[k] not in COMMAS and not marked):
            return []
        # Only a speaker may follow the cue: "، يقول سلطان بن سحيم، مبيناً" but not "، حيث تفيد المعلومات باستدعاء ..."
        stop = cue_end
        sent_end = self.sentence_end(i)
        while stop < sent_end and self.words[stop] not in COMMAS and self.words[stop] not in SENTENCE_FINAL:
            stop += 1
        speaker = (cue_end, stop)
        if stop == cue_end or not (self._plausible_source(speaker) or (sum(self.is_word[cue_end:stop]) <= 3 and self._name_like(speaker))):
            return []
        before = k if marked else k - 1
        sent_start = self.sentence_start(i)
        opener = self.closers.get(before)
        if opener is not None and opener >= sent_start - 1:
            start, end = self.trim(opener + 1, before)
            if end > start:
                return self._make(i, cue_end, cue_end, start, end, True, form, previous, subject_from=cue_end)
        if marked:
            return []
        imperfect = self._imperfect(i)
        if imperfect and self.norms[i - 1] == KAMA:
            # "لأن هذا المطلب، كما يقول الدبلوماسيون، يرتبط بـ...": the statement goes on after the aside
            stop = cue_end
            sent_end = self.sentence_end(i)
            while stop < sent_end and self.words[stop] not in COMMAS:
                stop += 1
            if stop < sent_end and stop - cue_end <= PRE_SUBJECT_LIMIT:
                start, end = self.trim(stop + 1, self.clause_end(stop + 1))
                if end - start >= 2:
                    return self._make(i, cue_end, stop, start, end, False, form, previous)
        if imperfect and before - sent_start >= 3 and not self.is_adjunct(sent_start) and not any(self.finite_cue(m) for m in range(sent_start, before)):
            start, end = self.trim(sent_start, k)
            return self._make(i, cue_end, cue_end, start, end, False, form, previous, subject_from=cue_end)
        return []

    def _make(
        self,
        i: int,
        cue_end: int,
        region_end: int,
        start: int,
        end: int,
        direct: bool,
        form: CueForm,
        previous: list[Candidate],
        *,
        subject_from: int | None = None,
        found: list[Candidate] | tuple[()] = (),
    ) -> list[Candidate]:
        """`previous`: the candidates before this cue; `found`: those this cue made already (its
        earlier quoted fragments), which count as previous too; each has this cue, so none is a
        parent (`_parent` looks for an earlier cue)."""
        start, end = self.trim(start, end)
        if end <= start:
            return []
        if end - start == 1 and (self.words[start] in MARKS or self.norms[start] in PRONOUN_OBJECTS):
            return []  # a lone mark; "وأشاد بها": a pronoun says nothing
        if self.words[end - 1] in QUESTION:
            return []
        inside = self.direct_spans.covers(i) or covers(previous, i) or covers(found, i)
        if form.kind == "verb" and not self.clause_initial(i) and (covers(previous, i) or covers(found, i)) and not self._nested_report(i, region_end, start, direct, previous):
            return []  # "... أن مركز حميميم أبلغ موسكو أن": a report inside the reported clause
        candidate = Candidate(content=(start, end), direct=direct, cue=(i, cue_end), kind=form.kind, lemma=form.lemma, cls=form.cls, nested=inside)
        if form.kind == "verb" and subject_from is None and self._after_auxiliary(i):
            self._preverbal_subject(candidate, i)  # "وكان القاضي X قد نفى مزاعم Y": X spoke, Y is the object
            if candidate.mode != "explicit":
                candidate.subjects, candidate.mode = [], "none"
        if not candidate.subjects and form.kind == "verb" and form.cls in OBJECT_CLASSES and subject_from is None and self._after_relative(i):
            self._preverbal_subject(candidate, i)  # "سارة، التي اتهمت المدير X بأنه": she spoke, X is the object
            if candidate.mode != "relative" or not candidate.subjects:
                candidate.subjects, candidate.mode = [], "none"
        if candidate.subjects:
            pass
        elif subject_from is not None:
            self._explicit_subject(candidate, subject_from, self._inverted_subject_end(subject_from))
        elif form.kind == "participle":
            pass  # "مضيفاً", "قائلاً": the subject is the main verb's
        else:
            self._explicit_subject(candidate, cue_end, region_end)
        if not candidate.subjects and form.kind == "verb":
            self._preverbal_subject(candidate, i)
            attached = candidate.subjects and candidate.subjects[-1][1] == i
            if attached and self._imperfect(i) and not self.clause_initial(i) and not self._named(candidate.subjects[-1]):
                candidate.subjects, candidate.mode = [], "none"  # "لافتات تقول": a noun described, not a speaker
        if form.kind == "noun" and not candidate.subjects:
            conveyed = self._conveyed_from(i)  # "ونقلت الصحيفة عن مصادر أمنية قولها إن": the sources spoke
            if conveyed is not None:
                candidate.subjects, candidate.mode = [conveyed], "explicit"
        if form.kind in ("participle", "noun") and not candidate.subjects:
            candidate.parent = self._parent(i, previous)
        elif form.kind == "verb" and not candidate.subjects and candidate.mode == "none" and self.norms[i][:1] in (WAW, FEH):
            parent = self._parent(i, previous)  # "قال ترامب إن ...، وأعرب عن قلقه": one subject, two verbs
            if parent is not None and self.layout.sentence[parent.cue[0]] == self.layout.sentence[i]:
                candidate.parent = parent
        candidate.opens_sentence = self._opens_sentence(i)
        if inside and candidate.mode == "explicit" and not (self._plausible_source(candidate.subjects[0]) or candidate.opens_sentence):
            return []  # a report inside a report needs a clearly named source
        if not inside and not candidate.subjects and candidate.parent is None and candidate.mode == "none" and not candidate.opens_sentence:
            person = (self._reporting_subject_before(i) if form.kind != "noun" else None) or self._person_before(i)  # "احتفى المهندي بهجوم ...، مغرداً": the clause's subject
            if person is None and form.kind == "verb" and self.norms[i][:1] in (WAW, FEH):
                person = self._first_clause_subject(i)  # "وطعنت هيئة الدفاع في الحكم، وطالبت بـ": one subject, two verbs
            if person is not None:
                candidate.subjects = [person]
                candidate.mode = "explicit"
        candidate.turn = self._after_discourse_marker(i)
        if inside and candidate.mode not in ("explicit", "relative"):
            return []
        if form.kind == "verb" and candidate.mode == "none" and candidate.parent is None and not self.clause_initial(i) and self._imperfect(i) and not self._reports_clause(i, cue_end, region_end, start, direct):
            return []  # "بلافتات تطالب بـ...": a verb describing a noun, not a report
        for start, end in candidate.subjects:
            self.speaker_words.update(self.norms[start:end])
        return [candidate]
