"""Source phrases ("بحسب", "نقلاً عن"), headline quotes ("X: ...") and speaker introductions."""

from __future__ import annotations

from .candidate import Candidate
from .coverage import covers
from .layout import COLONS, COMMAS, MARKS, SENTENCE_FINAL
from .phrases import SpeakerPhrases
from .view import AL, FEH, QAD, HEADLINE_LEFT_LIMIT, LAM, LAM_SOURCES, MA, OBJECT_CLASSES, QUESTION, SEGMENT_LIMIT, SEPARATORS, WAW


DASHES = frozenset({"-", "\u2013", "\u2014"})  # a dateline's dash; "|" opens a related-story link instead
DATELINE_SIDE = 3
FA_QAD = FEH + QAD  # "فقد": "وحسب الشرطة فقد تم ..."
LINK_LABELS = frozenset({"\u0631\u0627\u0628\u0637", "\u0627\u0642\u0631\u0627", "\u0637\u0627\u0644\u0639", "\u0634\u0627\u0647\u062f"})  # رابط اقرأ طالع شاهد  # words on each side of the dash of a dateline ("إسلام آباد - «الشرق الأوسط»:")


class SourceFinder(SpeakerPhrases):
    """Quotes attributed by a source phrase or by the headline form, and "سئل X" introductions."""

    def from_source(self, i: int, length: int, previous: list[Candidate]) -> list[Candidate]:
        """"وبحسب مصادر محلية، ..." (content after) or "...، وفقاً للشرطة." (content before)."""
        found = self._source_phrase(i, length)
        if found is None:
            return []
        segment, np_end, via_relative = found
        sent_start, sent_end = self.sentence_start(i), self.sentence_end(i)
        lead = sent_start
        while lead < i and (self.norms[lead] == WAW or not self.is_word[lead] or self._marker_len(lead)):
            lead += self._marker_len(lead) or 1
        after = np_end + 1 if np_end < sent_end and (self.words[np_end] in COMMAS or self.norms[np_end] == FA_QAD) else np_end
        # "وجاء في بيان النيابة أن ..." / "وجاء في البيان "..."": the report starts right after the source
        if segment[1] < np_end and lead == i and (self.complementizer(segment[1]) or (self.words[segment[1]] in MARKS and segment[1] in self.pairs)):
            after = segment[1]
            if self.words[after] in MARKS:
                close = self.pairs[after]
                start, end = self.trim(after + 1, close)
                return self._source_candidate(i, length, segment, start, end, direct=True)
        comp = self._complementizer_near(after, sent_end)  # "نقلاً عن مصادر، مفاده أن ..."
        before_comma = i > 0 and self.words[i - 1] in COMMAS
        # "... هي الأعلى بحسب الوزير." : a phrase that runs to the end of the sentence names the source
        # of what came before it, with or without a comma.
        trailing = after >= sent_end or self.words[after] in SENTENCE_FINAL
        replaces: Candidate | None = None
        if not (lead == i or comp or before_comma or trailing):
            return []  # "سيواصل تدريباته وفق البرنامج المعد، قبيل ...": mid-clause "وفق" qualifies an act, it reports nothing
        if lead == i or comp:
            start = after + comp
            end = self.clause_end(start)
            if end <= start:
                return []  # the text ends with the source phrase: nothing is reported
            if self.finite_cue(start) or (start + 1 < end and self.finite_cue(start + 1) and not self._noun_like(start)):
                return []  # "جاء ذلك وفقاً لما نقلته الوكالة، حيث قال: ...": the cue that follows reports it
                # (a verb after a noun, "الجرحى نقلوا", is the reported clause's own)
            if end - start <= SEGMENT_LIMIT and self._plausible_source((start, end)):
                return []  # "على لسان X، قائد القيادة المركزية": an apposition, not a statement
        else:
            last = previous[-1] if previous else None
            if last is not None and last.content[1] >= i - 2 and last.content[0] >= sent_start - 1:
                if via_relative or last.cls not in OBJECT_CLASSES or last.kind != "verb" or last.cue[0] != sent_start:
                    return []  # the source of a quote already found ("حسب ما نقلته وكالة": a channel)
                replaces = last  # "دعا ترامب بوتين لزيارة ...، بحسب السكرتيرة": the source reports the clause
            if self.direct_spans.covers(i):
                return []
            start, end = sent_start, i - 1 if before_comma else i
            if not before_comma:  # "X، هي الأقسى بحسب Y": without its comma the phrase qualifies the nearest clause
                start = max((m + 1 for m in range(sent_start, end) if self.words[m] in COMMAS), default=sent_start)
            # A cue before the phrase that reported this clause already ("قال X إن ...، بحسب الوكالة")
            # has made its quote; a cue word that made none ("قضت محكمة الاستئناف ببراءة المتهم") leaves the clause to the source.
            if self.pairs.get(start, -1) > i:
                return []  # the phrase stands inside a quotation that opens the clause: the quoted writer's words
            if any(start <= c.cue[0] < end and c is not replaces and not (c.kind == "verb" and c.cls in OBJECT_CLASSES) for c in previous[-3:]):
                return []
        start, end = self.trim(start, end)
        if sum(self.is_word[start:end]) < 2 or self.words[end - 1] in QUESTION:
            return []  # '"إيران وبحسب تقارير': one word before the phrase is no statement
        if replaces is not None:
            previous.remove(replaces)
        return self._source_candidate(i, length, segment, start, end, direct=False)

    def _noun_like(self, k: int) -> bool:
        """A definite noun or a name: the subject of the verb after it ("الجنود نقلوا"), not a clause link ("حيث")."""
        return self.words[k].startswith(AL) or self.ner_label[k] is not None

    def _source_candidate(self, i: int, length: int, segment: tuple[int, int], start: int, end: int, *, direct: bool) -> list[Candidate]:
        if sum(self.is_word[start:end]) < 2:
            return []
        candidate = Candidate(content=(start, end), direct=direct, cue=(i, i + length), kind="source", lemma=self.norms[i])
        candidate.subjects = [segment]
        candidate.mode = "explicit"
        return [candidate]

    def _source_phrase(self, i: int, length: int) -> tuple[tuple[int, int], int, bool] | None:
        """The source a phrase names: (speaker span, end of the phrase, whether "ما + verb" led to it)."""
        lex = self.lex
        j = i + length
        if j >= self.n:
            return None
        first = self.norms[j]
        if first in lex.self_sources or (first[:1] == LAM and first[1:] in lex.self_sources):
            return None  # "حسب تعبيره": the speaker is already known
        cue_end = j
        via_relative = False
        if first in MA and j + 1 < self.n:  # "بحسب ما قال", "وفقاً لما نقلته": skip the relative and its verb
            cue_end, via_relative = j + 2, True
        elif self.norms[j - 1] in MA:  # the phrase itself ended with "ما"
            cue_end, via_relative = j + 1, True
        sent_end = self.sentence_end(i)
        np_end = cue_end
        # The source's phrase ends at a comma, or at "فإن" ("وبحسب مصادر سورية فإن ..."), where the report starts.
        while np_end < sent_end and self.words[np_end] not in COMMAS and self.words[np_end] not in SENTENCE_FINAL and not (np_end > cue_end and self._feh_opener(np_end)):
            np_end += 1
        segment = self._trim_segment(cue_end, np_end, after_lam=self.norms[i].endswith(LAM_SOURCES))
        if segment is None:
            if not (cue_end < np_end and self.norms[cue_end][:1] == LAM):
                return None
            segment = (cue_end, min(np_end, cue_end + 4))
        sent_start = self.sentence_start(i)
        opens = all(self.norms[m] == WAW or not self.is_word[m] for m in range(sent_start, i))
        # "وحسب الوثائق التي نشرها الموقع فإن ...": "فإن" closes the source phrase, whatever it names.
        fa_inna = opens and np_end < sent_end and self.norms[np_end][:1] == FEH and bool(self.complementizer(np_end))
        # "وحسب الشرطة فقد ..." like "وبحسب الشرطة، ...": a name-like source before "فقد" or a comma
        closed = np_end < sent_end and (self.words[np_end] in COMMAS or self.norms[np_end] == FA_QAD)
        named = fa_inna or (opens and closed and self._name_like(segment))
        # "...، بحسب الرافدين، ...", "...، بحسب الرافدين.": set off by commas or ending the sentence, one or
        # two name-like words name the source (a plan or a law takes a longer phrase or no comma).
        aside = i > 0 and self.words[i - 1] in COMMAS and (np_end >= sent_end or self.words[np_end] in COMMAS or self.words[np_end] in SENTENCE_FINAL)
        named = named or (aside and segment[1] - segment[0] <= 2 and self._name_like(segment) and not self.source_at(segment[0]))
        if not (via_relative or named or self._plausible_source(segment)):
            return None  # "حسب الاتفاق" is no source; "وبحسب أديب، ..." is
        # "وفق بيان لوزارة الداخلية": the body whose statement it is
        owner = self._document_owner((segment[0], segment[0] + 1), np_end)
        return (owner if owner[0] != segment[0] else segment), np_end, via_relative

    def _feh_opener(self, k: int) -> bool:
        """"فإن" or "فقد" after an opening source phrase: the report starts here ("وحسب الشرطة فقد ...")."""
        return self.norms[k][:1] == FEH and (bool(self.complementizer(k)) or self.norms[k] == FA_QAD)

    def _complementizer_near(self, k: int, end: int) -> int:
        """Words to skip to get past a complementizer at `k` or one word later ("مفاده أن"), or 0."""
        if k >= end:
            return 0
        length = self.complementizer(k)
        if length:
            return length
        if k + 1 < end:
            length = self.complementizer(k + 1)
            return length + 1 if length else 0
        return 0

    def headlines(self, candidates: list[Candidate]) -> list[Candidate]:
        """Lines of the form "X: ..." where X names a speaker (headline and subheading style)."""
        found: list[Candidate] = []
        speaker_words = {self.norms[k] for c in candidates for s, e in c.subjects for k in range(s, e)}
        for number, (start, end) in enumerate(self.layout.paragraph_bounds):
            colon = next((k for k in range(start, min(end, start + HEADLINE_LEFT_LIMIT + 3)) if self.words[k] in COLONS), None)
            if colon is None:
                continue
            if self._link_label(start, colon):  # "رابط الخبر بصحيفة X: الوزير: ...": the headline follows the label
                start = colon + 1
                colon = next((k for k in range(start, min(end, start + HEADLINE_LEFT_LIMIT + 3)) if self.words[k] in COLONS), None)
                if colon is None:
                    continue
            left = start
            for k in range(start, colon):
                if self.words[k] in SEPARATORS:
                    left = k + 1
            if not 0 < colon - left <= HEADLINE_LEFT_LIMIT:
                continue
            if left > start and self.words[left - 1] in DASHES and self._dateline(start, left - 1, colon):
                continue  # "لندن - «الصحيفة»:", "واس- جدة:": where and by whom the story was filed
            if any(self.cue_at[k] is not None for k in range(left, colon)):
                continue
            if covers(candidates, colon):
                continue
            segment = self._trim_segment(left, colon)
            if segment is None:
                continue
            in_subheading = number in self.layout.subheadings
            if not (self._plausible_source(segment) or self.norms[segment[1] - 1] in speaker_words):
                if not (in_subheading and segment[1] - segment[0] <= 3 and self.plausible_speaker(segment)):
                    continue
            content_start = colon + 1
            direct = False
            if content_start < end and self.words[content_start] in MARKS and self.pairs.get(content_start, 0) >= end - 2:
                content_start += 1
                direct = True
            s, e = self.trim(content_start, end)
            if e - s < 2 or self.words[e - 1] in QUESTION or self.words[end - 1] in QUESTION:
                continue
            candidate = Candidate(content=(s, e), direct=direct, cue=(colon, colon + 1), kind="headline", lemma=":")
            candidate.subjects = [segment]
            candidate.mode = "explicit"
            found.append(candidate)
        return found

    def _link_label(self, start: int, colon: int) -> bool:
        """"رابط الخبر بصحيفة X:", "اقرأ أيضا:": a link line's label, layout rather than a speaker."""
        return colon > start and self.norms[start] in LINK_LABELS

    def _dateline(self, start: int, separator: int, colon: int) -> bool:
        """A place and an outlet around a dash before the colon, a few words each side, no verb."""
        sides = ((start, separator), (separator + 1, colon))
        return all(0 < sum(self.is_word[a:b]) <= DATELINE_SIDE for a, b in sides) and not any(self.cue_at[k] for k in range(start, colon))

    def introducer(self, i: int) -> list[Candidate]:
        """"وعندما سئل المتحدث ..." names who speaks next; an empty candidate carries it."""
        end = self.sentence_end(i)
        stop = i + 1
        while stop < end and self.words[stop] not in COMMAS and self.cue_at[stop] is None:
            stop += 1
        segment = self._trim_segment(i + 1, stop)
        if segment is None or not self.plausible_speaker(segment):
            return []
        candidate = Candidate(content=(i, i), direct=False, cue=(i, i + 1), kind="intro", lemma=self.norms[i])
        candidate.subjects = [segment]
        candidate.mode = "explicit"
        return [candidate]
