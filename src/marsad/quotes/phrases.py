"""Speaker phrases: the words after (or before) a reporting verb that name who spoke."""

from __future__ import annotations

from .candidate import Candidate
from .layout import COLONS, COMMAS, MARKS, SENTENCE_FINAL
from .view import (
    AL, AUXILIARIES, LAM, NISBA_ENDINGS, NISBA_PLURALS, NP_OPENERS, PLURAL_ENDINGS, PREPOSITIONS, PRE_SUBJECT_LIMIT, QAD,
    RELATIONAL_HEADS, SEGMENT_LIMIT, SHORT_QUOTE, WAW, WENT_ON, TokenView,
)


FEH_LETTER = "\u0641"  # ف
DESCRIPTION_WORDS = 10  # words of a title's complement before the name ("مدير عام الشؤون ... في جامعة المدينة سابقا الدكتور X")
YEH, NOON = "\u064a", "\u0646"
# Documents that speak for their author (normalized, without article): بيان تقرير رسالة وثيقة بلاغ
# Medium nouns that take the medium's name after them (normalized): صحيفة شبكة وكالة قناة موقع مجلة إذاعة
MEDIUM_HEADS = frozenset({"\u0635\u062d\u064a\u0641\u0647", "\u0634\u0628\u0643\u0647", "\u0648\u0643\u0627\u0644\u0647", "\u0642\u0646\u0627\u0647", "\u0645\u0648\u0642\u0639", "\u0645\u062c\u0644\u0647", "\u0627\u0630\u0627\u0639\u0647"})
# Verbs of publishing after a document's relative pronoun, as written in the perfect (normalized): نشر اصدر
PUBLISHED = ("\u0646\u0634\u0631", "\u0627\u0635\u062f\u0631", "\u062a\u0646\u0634\u0631")
DOCUMENTS = frozenset({"\u0648\u062b\u0627\u0626\u0642", "\u0628\u064a\u0627\u0646", "\u062a\u0642\u0631\u064a\u0631", "\u0631\u0633\u0627\u0644\u0647", "\u0648\u062b\u064a\u0642\u0647", "\u0628\u0644\u0627\u063a"})
# Documents and figures a body publishes (normalized): تقديرات توقعات إحصاءات إحصائيات أرقام بيانات دراسة
FIGURES = DOCUMENTS | frozenset({"\u062a\u0642\u062f\u064a\u0631\u0627\u062a", "\u062a\u0648\u0642\u0639\u0627\u062a", "\u0627\u062d\u0635\u0627\u0621\u0627\u062a", "\u0627\u062d\u0635\u0627\u0626\u064a\u0627\u062a", "\u0627\u0631\u0642\u0627\u0645", "\u0628\u064a\u0627\u0646\u0627\u062a", "\u062f\u0631\u0627\u0633\u0647"})
ISSUED, FROM = "\u0635\u0627\u062f\u0631", "\u0639\u0646"  # "صادر عن"
_PRONOUN_ENDINGS = ("\u0647", "\u0647\u0627", "\u0647\u0645")  # ـه ـها ـهم as written (not TEH MARBUTA)
# "على", "من", "الى" (normalized) tie a noun to its object ("القبض على X"), not a title to its field.
NOT_IN_TITLES = frozenset({"\u0639\u0644\u064a", "\u0645\u0646", "\u0627\u0644\u064a"})
# "اسمه", "اسمها", "هويته", "هويتها" (normalized): the words of an "unnamed source" aside.
ANONYMITY_WORDS = frozenset({"\u0627\u0633\u0645\u0647", "\u0627\u0633\u0645\u0647\u0627", "\u0647\u0648\u064a\u062a\u0647", "\u0647\u0648\u064a\u062a\u0647\u0627"})


NAME_LINKS = frozenset({"\u0628\u0646", "\u0627\u0628\u0646", "\u0627\u0628\u0648", "\u0627\u0628\u064a", "\u0627\u0644"})  # بن ابن ابو ابي ال (آل): a name goes on


def _verbal_noun(norm: str) -> bool:
    """Definite verbal nouns of derived verbs (normalized): "التوصل", "التوقيع", "الانسحاب",
    "الاستعداد", "الالتزام"; nisba adjectives ("التركي", "التونسيه") are not."""
    if norm.endswith(NISBA_ENDINGS):
        return False
    return (
        (norm.startswith("\u0627\u0644\u062a") and 6 <= len(norm) <= 7)  # الت + تفعّل / تفعيل / تفاعل
        or (norm.startswith("\u0627\u0644\u0627\u0633\u062a") and len(norm) == 9)  # الاست + استفعال
        or (norm.startswith("\u0627\u0644\u0627\u0646") and len(norm) == 8)  # الان + انفعال
        or (norm.startswith("\u0627\u0644\u0627") and len(norm) == 8 and norm[4] == "\u062a")  # افتعال: الالتزام
    )


# Quantifiers over people (normalized): بعض كل جميع; "بعض" alone is no speaker ("قال بعض الوقت").
INFORMED = "\u0645\u0637\u0644\u0639"  # "مطلع"
QUANTIFIERS = frozenset({"\u0628\u0639\u0636", "\u0643\u0644", "\u062c\u0645\u064a\u0639"})

class SpeakerPhrases(TokenView):
    """Finds and checks speaker phrases: titles, names, appositions, pre-verbal subjects."""

    def segments(self, start: int, end: int) -> list[tuple[int, int]]:
        """Comma-separated speaker phrases between a cue and its content.

        Stops at a phrase that opens with a preposition once a speaker is found: what follows
        ("، مع رئيس الوزراء الإسرائيلي، بنيامين نتنياهو،") belongs to that prepositional phrase.
        """
        found: list[tuple[int, int]] = []
        k = start
        while k < end:
            seg_start = k
            while k < end and self.words[k] not in COMMAS:
                k += 1
            segment = self._trim_segment(seg_start, k, after_verb=seg_start == start)
            if segment is not None:
                found.append(segment)
            if found and (segment is None or segment[0] > seg_start) and self._holds_preposition(seg_start, k):
                break
            k += 1
        return found

    def _holds_preposition(self, start: int, end: int) -> bool:
        return any(self.is_adjunct(m) and self.norms[m] not in self.lex.not_speakers and self.words[m] not in MARKS for m in range(start, end) if self.norms[m] in PREPOSITIONS)

    def _medium_name_end(self, k: int, end: int) -> int:
        """End of the name after "لصحيفة", "لشبكة": words up to a title, an anonymous source, a
        comma, a complementizer or a cue ("لوكالة الأنباء الفرنسية مسؤول ..." stops at "مسؤول")."""
        lex = self.lex
        while k < end and self.is_word[k] and not self.complementizer(k) and self.cue_at[k] is None:
            bare = self.norms[k].removeprefix(AL)
            if self.ner_label[k] == "ORG":
                k += 1
                continue  # the name itself, tagged ("إيه بي سي")
            if self.norms[k] in lex.titles or bare in lex.titles or bare in lex.anonymous or self.norms[k] in lex.anonymous or self.ner_label[k] == "PERS":
                break
            k += 1
        return k

    def _addressee_phrase(self, k: int, end: int) -> int:
        """End of "لـ" + a body right after a verb of saying ("للشبكة الأسترالية", "لبي بي سي"), else `k`.

        "لل" (to the) never opens a speaker's name; "لـ" + an indefinite word does when the NER stage
        tags it as a body (ORG) or the word is ASCII, and the phrase runs to that entity's end.
        """
        norm = self.norms[k]
        if norm[:1] != LAM or self.ner_label[k] == "PERS":
            return k
        if norm.startswith(LAM + LAM) and len(norm) > 4:
            m = k + 1
            while m < end and self.words[m].startswith(AL) and self.is_word[m] and not self.complementizer(m):
                m += 1  # its adjectives: "للشبكة الأسترالية"
            return m
        if self.ner_label[k] == "ORG":
            m = k + 1
            while m < end and self.ner_label[m] == "ORG":
                m += 1
            return m
        return k

    def _trim_segment(self, start: int, end: int, *, after_lam: bool = False, after_verb: bool = False) -> tuple[int, int] | None:
        lex = self.lex
        k = start
        if k < end and self.norms[k] in lex.relatives:
            return k, k + 1
        if after_lam and k < end and self.norms[k][:1] == LAM:  # "وفقاً للشرطة": the LAM is the phrase's
            return self._trim_segment(k + 1, end) if self.norms[k] == LAM else self._segment_from(k, end)
        # Skip a leading addressee ("حسب ما قال لـ"العربية" الشيخ ...") before the speaker.
        while k < end:
            norm = self.norms[k]
            addressee = norm[:1] == LAM and self.is_adjunct(k)
            if not (addressee or norm in lex.source_nouns):
                if after_verb and k == start and self._addressee_phrase(k, end) > k:
                    k = self._addressee_phrase(k, end)  # "وقال للشبكة البريطانية إن": whom he told
                    continue
                break
            k += 1
            if k < end and self.words[k] in MARKS and k in self.pairs:
                k = self.pairs[k] + 1
            elif addressee and norm[1:] in MEDIUM_HEADS:
                k = self._medium_name_end(k, end)  # "وقال لصحيفة الأخبار إن": the paper's name, not a speaker
        if k < end and self.is_adjunct(k):
            return None
        if k >= end:
            return None
        return self._segment_from(k, end)

    def _segment_from(self, k: int, end: int) -> tuple[int, int] | None:
        lex = self.lex
        close = self.pairs.get(k)
        if close is not None and close - k <= 2 * SHORT_QUOTE and close + 1 >= end and close - k > 1:
            return k + 1, close  # `وقالت "الأوبزرفر" إن`: the quoted name is the speaker
        seg_start = k
        while k < end and k - seg_start < SEGMENT_LIMIT:
            if self.complementizer(k) or self.cue_at[k] is not None:
                break
            if self.norms[k] in lex.not_speakers and not (k == seg_start and self.norms[k] in QUANTIFIERS and k + 1 < end and self._people(k + 1)):
                if not (k > seg_start and self.norms[k] == INFORMED and self.norms[k - 1] in lex.anonymous):
                    break  # "مطلع يوليو" is a time, but "مصدر مطلع" an informed source
            if k > seg_start and self.norms[k] in lex.particles:
                break  # "وبحسب البيان فقد ..."
            if k > seg_start or not self.norms[k].startswith(LAM):  # "وفقاً للشرطة": LAM opens the phrase
                genitive = k > seg_start and self._genitive(k, seg_start) and all(self.words[m].startswith(AL) or self.norms[m] in lex.titles for m in range(seg_start, k))
                if self.is_adjunct(k) and not genitive:
                    break
                if k > seg_start and self.source_at(k):
                    break  # "الصحيفتان نقلاً عن ..."
            if k > seg_start and self.norms[k].isdigit():
                break
            if k - seg_start >= 2 and self.words[k].startswith(AL) and self.norms[k].endswith(PLURAL_ENDINGS) and not self.norms[k].endswith(NISBA_PLURALS) and not self._construct(k - 1, seg_start):
                break  # "الشرطة الألمانية المداهمات": a plural noun after the phrase is its object
            if k > seg_start and self._addressee_after_title(k):
                break  # "المتحدث لفوكس نيوز": LAM + word after a bare title is whom he spoke to
            if k > seg_start and self.norms[k].startswith(LAM + LAM) and not self.words[k - 1].startswith(AL) and self.norms[k - 1] not in lex.titles:
                break  # "يورغوس كاتروغالوس للصحافيين": after a name, LAM + article is the addressee
            if self.words[k] in MARKS:
                close = self.pairs.get(k)
                if close is None or close - k > 4 or not (k > seg_start and self.is_media(k - 1)):
                    break
                k = close + 1
                continue
            if not self.is_word[k] and (self.words[k] != "-" or self.layout.starts[k] > self.layout.ends[k - 1]):
                break  # a spaced dash opens an aside: "بحسب تقارير - مواقع هولندية"
            k += 1
        # A quoted name whose mark is left open "closes" at its paragraph's end (`pair_marks`), so
        # stepping past it can overshoot `end`, past the last token when the text ends there.
        k = min(k, end)
        if k == seg_start:
            return None
        if not any(self.is_word[m] for m in range(seg_start, k)):
            return None
        return seg_start, k

    def _people(self, k: int) -> bool:
        """A definite noun of people ("الخبراء", "المسؤولين", "الوزراء"): anonymous sources, groups, titles."""
        norm = self.norms[k]
        if not norm.startswith(AL):
            return False
        bare = norm[2:]
        lex = self.lex
        # or a sound masculine plural, which names people ("المحللين", "المراقبون")
        return bare in lex.anonymous or bare in lex.groups or bare in lex.titles or norm in lex.titles or bare.endswith(("\u0648\u0646", "\u064a\u0646"))

    def plausible_speaker(self, segment: tuple[int, int]) -> bool:
        """Whether words after (or before) a reporting verb can name who spoke."""
        start, end = segment
        if sum(self.is_word[start:end]) > SEGMENT_LIMIT:
            return False
        if self._plausible_source(segment):
            return True
        lex = self.lex
        head = self.norms[start]
        if head in QUANTIFIERS and end - start >= 2 and self._people(start + 1):
            head = self.norms[start + 1]  # "بعض الخبراء", "كل المسؤولين": a share of people speaks
        elif head in lex.not_speakers or self.source_at(start) or self.cue_at[start] is not None:
            return False
        if self.words[start].startswith(AL) and (sum(self.is_word[start:end]) > 4 or not self._before_content(end)):
            return False  # an unknown "ال" noun is a subject only right before the content ("... إن")
        if not head.isalpha() or head.startswith((LAM + LAM, "\u0628" + AL)):  # "للصحفيين", "بالقول"
            return False
        if head[:1] in ("\u0628", LAM) and self._known_word(head[1:]):  # "بلهجة", "لوكالة"
            return False
        if len(head) >= 4 and head.endswith("\u0627") and self.ner_label[start] != "PERS":
            # Accusative participles and adverbs ("متهكما", "موجها كلامه", "رسميا"), not names
            # ending in ALEF ("رولا الأمين", "كانبيرا").
            participle = head.startswith("\u0645") and (end - start == 1 or any(self.words[k].endswith("\u0647") for k in range(start, end)))
            if participle or (end - start == 1 and head.endswith("\u064a\u0627")):
                return False
        return all(self.is_word[k] or self.words[k] == "-" for k in range(start, end))

    def _before_content(self, end: int) -> bool:
        """Whether only adjuncts, commas and times separate `end` from a complementizer, mark or colon."""
        k = end
        limit = min(self.n, end + 12)
        while k < limit:
            if self.complementizer(k) or self.words[k] in COLONS or (self.words[k] in MARKS and k in self.pairs and not self.name_quote(k)):
                return True
            if self.words[k] in SENTENCE_FINAL:
                return False
            k += 1
        return False

    def _genitive(self, k: int, head: int | None = None) -> bool:
        """"الأمين العام للأمم المتحدة", "المفوضية العليا لشؤون اللاجئين": LAM continues the title."""
        lex = self.lex
        if self.norms[k][1:] in lex.not_speakers or AL + self.norms[k][2:] in lex.not_speakers or self.norms[k][2:] in lex.not_speakers:
            return False  # "للمرة الثانية" is an adverb
        if self.norms[k].startswith(LAM + LAM):
            return self.norms[k - 1] in lex.titles or self.words[k - 1].startswith(AL)
        return head is not None and self.norms[k][:1] == LAM and self.norms[head] in lex.organizations

    def _construct(self, k: int, head: int) -> bool:
        """"المتحدث باسم قيادة العمليات": a noun without article inside a title takes a genitive.

        A name ("ترامب الاتفاقات") also lacks the article, so only a word the NER stage leaves
        untagged, in a phrase opened by a title, counts.
        """
        return not self.words[k].startswith(AL) and self.ner_label[k] is None and self.norms[head] in self.lex.titles and self.is_word[k]

    def _addressee_after_title(self, k: int) -> bool:
        norm = self.norms[k]
        if norm[:1] != LAM or norm.startswith(LAM + LAM):
            return False
        previous = self.norms[k - 1]
        return previous in self.lex.titles or previous.startswith(AL)

    def _name_like(self, segment: tuple[int, int]) -> bool:
        start, end = segment
        if self._plausible_source(segment):
            return True
        for k in range(start, end):
            word = self.words[k]
            if word == "-":
                continue
            if not word.isalpha() or word.endswith("\u0647") or self.norms[k] in self.lex.not_speakers:  # HEH: pronoun
                return False
        return end - start <= 4

    def _plausible_source(self, segment: tuple[int, int]) -> bool:
        lex = self.lex
        start, end = segment
        head = self.norms[start]
        if head[:1] == LAM and len(head) > 3:
            head = head[1:] if not head.startswith(LAM + LAM) else AL + head[2:]
        heads = (head, head[2:] if head.startswith(AL) else AL + head)
        known = lex.anonymous | lex.organizations | lex.titles | lex.groups
        if any(h in known for h in heads) or self._construct_plural(head):
            return True
        # A PERS or ORG entity counts when the phrase is titles then that entity ("الوزير X").
        for k in range(start, end):
            if self.ner_label[k] in ("PERS", "ORG"):
                # "تقديرات البنك الدولي", "بيان وزارة الداخلية": a document or figures of a named body
                return all(self.norms[m] in lex.titles or self.norms[m].startswith(AL) or self.norms[m].removeprefix(LAM) in FIGURES for m in range(start, k))
        return (head,) in lex.countries

    def _construct_plural(self, norm: str) -> bool:
        """A plural of people in construct, its NOON dropped: "مسؤولو الاتحاد", "ممثلي الشركات"."""
        if not norm.endswith((WAW, YEH)) or len(norm) <= 4:
            return False
        full = norm + NOON
        return full in self.lex.anonymous or full in self.lex.titles or full in self.lex.groups

    def _subject_end(self, start: int, end: int, *, act: bool) -> int:
        """End of a speaker phrase right after a verb: titles and a name, before the object."""
        lex = self.lex
        k = start
        seen_name = False
        seen_any = False
        while k < end and k - start < SEGMENT_LIMIT:
            norm = self.norms[k]
            if seen_any and not seen_name and self._genitive(k, start):  # "الأمين العام للأمم المتحدة"
                k += 1
                continue
            if not self.is_word[k] or self.is_adjunct(k) or self.complementizer(k):
                break
            bare = norm[2:] if norm.startswith(AL) else norm
            has_article = self.words[k].startswith(AL) and len(norm) > 3
            head_known = norm in lex.titles or norm in lex.anonymous or norm in lex.organizations or norm in lex.groups or self._construct_plural(norm)
            # "الحارس X", "الفنان X": a definite noun right before a tagged name is that person's title
            head_known = head_known or (has_article and k + 1 < end and self.ner_label[k + 1] == "PERS" and self.ner_label[k] is None)
            if not seen_any:
                if act and not head_known and not self._known_name(k):
                    return start
                if not act and not head_known and not self._known_name(k):
                    return start
            elif seen_name and self.ner_label[k - 1] == "PERS" and self.ner_label[k] is None and not has_article and norm not in lex.titles and norm not in NAME_LINKS:
                break  # "وصف الحارس X معسكر الفريق": the tagged name ends, the object follows
            elif seen_name and has_article and bare not in lex.titles and not (self.ner_label[k] == "PERS" and self.ner_label[k - 1] == "PERS"):
                break  # a family name with the article ("خالد العمري") goes on the person's name
            elif k - start >= 2 and has_article and norm.endswith(PLURAL_ENDINGS) and not norm.endswith(NISBA_PLURALS):
                break  # "ووصفت الشرطة الفيدرالية الألمانية المداهمات"
            elif act and not has_article and norm not in lex.titles and not seen_name and not self._known_name(k) and self.layout.entities:
                break  # "ويرفض الرئيس الأمريكي بنداً": without NER support, stop at the title
            elif (
                not has_article and self.words[k].endswith(_PRONOUN_ENDINGS) and self.words[k - 1].startswith(AL)
                and self.ner_label[k] is None and not self._known_name(k)
            ):
                break  # "وأكدت الشركة عزمها المضي": a noun with a pronoun after a definite noun is the object
            elif act and k - start >= 2 and has_article and self.words[k - 1].startswith(AL) and _verbal_noun(norm):
                break  # "أعلن جيش الإسلام التوصل إلى اتفاق": a definite verbal noun after the subject is the object
            elif (
                not has_article and not seen_name and head_known is False and norm not in lex.titles
                and self.words[k - 1].startswith(AL) and self.norms[k - 1] not in lex.titles
                and self.norms[k - 1].endswith(NISBA_ENDINGS) and not self._known_name(k) and self.layout.entities
            ):
                break  # "أعلنت الشرطة الفرنسية وفاة الضابط": a bare noun after a nisba starts the object
            if not has_article and not head_known:
                seen_name = True
            seen_any = True
            k += 1
        return k

    def _object_start(self, start: int, end: int) -> int:
        """Where the object of a verb like "دعا", "أشاد" starts: after its subject and appositions."""
        k = self._subject_end(start, end, act=True)
        while k < end:
            if self.words[k] in COMMAS:
                k += 1
                continue
            seg_end = k
            while seg_end < end and self.words[seg_end] not in COMMAS:
                seg_end += 1
            if seg_end >= end:
                return k
            segment = (k, seg_end)
            if not (self.is_adjunct(k) or self._anonymity_clause(segment) or self.plausible_speaker(segment) and self._name_like(segment)):
                return k
            k = seg_end
        return k

    def _anonymity_clause(self, segment: tuple[int, int]) -> bool:
        """"طلب عدم ذكر اسمه", "فضل عدم الكشف عن هويته": an aside on the source, not the object."""
        start, end = segment
        return end - start <= 6 and any(self.norms[k] in ANONYMITY_WORDS for k in range(start, end))

    def _short_subject(self, start: int, end: int) -> bool:
        """"نفى ترمب أن ...": a few name-like words before a complementizer are the subject."""
        return 0 < sum(self.is_word[start:end]) <= 3 and self.plausible_speaker((start, end)) and self._name_like((start, end))

    def _svo_subject(self, i: int) -> bool:
        probe = Candidate(content=(i, i), direct=False, cue=(i, i + 1), kind="verb", lemma="")
        self._preverbal_subject(probe, i)
        return probe.mode == "explicit"

    def _preverbal_subject(self, candidate: Candidate, i: int) -> None:
        """SVO order: "ترامب، الذي عارض الاتفاق، قال"; "لكنه قال"; "الشيخ ...، الذي قال"."""
        lex = self.lex
        sent_start = self.sentence_start(i)
        k = i - 1
        if k >= sent_start and self.norms[k] == QAD:
            k -= 1
        if k < sent_start:
            return
        norm = self.norms[k]
        if norm in lex.pronoun_subjects:
            candidate.mode = "pronoun"
            return
        if norm.removeprefix(WAW).removeprefix(FEH_LETTER) in WENT_ON:
            return  # "ومضت تقول": the verb of going on has the speaker's subject, named before
        if norm in lex.relatives:
            candidate.mode = "relative"
            antecedent = self._antecedent(k, sent_start)
            if antecedent is not None:
                candidate.subjects = [antecedent]
            return
        if self.norms[i][:1] in (WAW, FEH_LETTER) and self.lex.cue(self.norms[i][1:]) is not None:
            return  # "...، ومبديا تفاؤله، وقال": "و" joins a new clause; the words before it are no subject
        found = self._subjects_before(k, sent_start)
        if found:
            candidate.subjects = found
            candidate.mode = "explicit"

    def _antecedent(self, relative: int, sent_start: int) -> tuple[int, int] | None:
        """The noun phrase a relative pronoun refers to: "بالوكالة الدولية ...، التي قالت"."""
        lex = self.lex
        back = relative - 1
        if back >= 0 and self.words[back] in COMMAS:
            back -= 1
        end = back + 1
        begin = end
        while begin - 1 >= max(sent_start - 1, 0) and end - begin < 5:
            m = begin - 1
            if not self.is_word[m] or self.is_adjunct(m) or self.source_at(m) or self.norms[m] in lex.source_nouns or self.cue_at[m] is not None:
                break
            begin = m
            if self.norms[m].startswith(NP_OPENERS):
                break
        return (begin, end) if begin < end else None

    def _subjects_before(self, k: int, sent_start: int) -> list[tuple[int, int]]:
        """Comma-separated phrases ending at `k`: "مستشار الأمن القومي، جون بولتون، قال"."""
        lex = self.lex
        found: list[tuple[int, int]] = []
        pos = k
        while pos >= sent_start and len(found) < 3:
            b = pos
            while b >= sent_start and self.words[b] not in COMMAS and self.cue_at[b] is None and not self._ends_complementizer(b):
                b -= 1
            seg_start = b + 1
            # "وكانت مصادر ليبية قد ذكرت": the auxiliary opens the clause, the subject follows it.
            while seg_start <= pos and (self.norms[seg_start] in lex.particles or self.norms[seg_start] == WAW or self.norms[seg_start] in AUXILIARIES or self._marker_len(seg_start)):
                seg_start += self._marker_len(seg_start) or 1
            relative_clause = seg_start <= pos and (self.norms[seg_start] in lex.relatives or self.norms[seg_start][1:] in lex.relatives)
            if seg_start <= pos and not relative_clause:  # "ترامب، الذي عارض الاتفاق، قال": skip the clause
                end = pos + 1
                relative = next((m for m in range(seg_start + 1, end) if self.norms[m] in lex.relatives), None)
                if relative is not None:  # "كان براد بارسكيل الذي أدار ... قال"
                    end = relative
                if self.norms[end - 1] == QAD:
                    end -= 1
                segment = self._trim_segment(seg_start, end) if seg_start < end else None
                if segment is None or segment[1] != end or sum(self.is_word[segment[0] : segment[1]]) > PRE_SUBJECT_LIMIT or not self.plausible_speaker(segment):
                    break  # marks around a quoted name are no words: 'صحيفة "X Y" البريطانية
                found.insert(0, segment)
            elif seg_start > pos and pos > b and not found:
                break  # "...، تويتر، حيث قال": a clause link ("حيث", "ثم") stands between any phrase and the verb
            if b < sent_start or self.words[b] not in COMMAS:
                break
            pos = b - 1
        return found

    def _first_clause_subject(self, i: int) -> tuple[int, int] | None:
        """The subject of the sentence's first clause, for a verb coordinated after it ("..، وطالبت").

        The sentence opens with a verb (after "و", particles, "كان") and a subject with a known head
        (a title, a body, a named entity) follows it: "وكانت لجنة حكومية قد فتحت ...، وأوصت".
        """
        lex = self.lex
        k = self.sentence_start(i)
        while k < i and (self.norms[k] in lex.particles or self.norms[k] == WAW or not self.is_word[k] or self._marker_len(k)):
            k += self._marker_len(k) or 1
        if k >= i or self.words[k].startswith(AL) or self.ner_label[k] is not None or self.words[k][:1] not in (WAW, FEH_LETTER):
            return None  # not a verb with its conjunction: "وطعنت", "فأظهر", "وكانت"
        start = k + 1
        end = self._subject_end(start, i, act=True)
        # "وكانت لجنة قد فتحت"; "فأظهر الرئيس غضبه": a word with a pronoun is the object, not the name
        end = next((m for m in range(start + 1, end) if self.norms[m] == QAD or (self.words[m].endswith(_PRONOUN_ENDINGS) and self.ner_label[m] is None)), end)
        if end - start < 1 or end > i or any(self.words[m] in COMMAS for m in range(start, end)):
            return None
        segment = (start, end)
        return segment if self.plausible_speaker(segment) and self._name_like(segment) else None

    def _person_before(self, i: int) -> tuple[int, int] | None:
        """The first PERS entity of the cue's sentence before it, outside marks and prepositional phrases."""
        k = self.sentence_start(i)
        while k < i:
            close = self.pairs.get(k)
            if close is not None:
                k = close + 1
                continue
            if self.ner_label[k] == "PERS":
                start = k
                while k < i and self.ner_label[k] == "PERS":
                    k += 1
                addressee = start > 0 and (self.is_adjunct(start - 1) or self.norms[start - 1][:1] == LAM or self.norms[start][:1] == LAM)
                # "أدلى محامي الرئيس دونالد ترامب بتصريحات، قال فيها": the lawyer spoke, not his client.
                related = any(self.norms[m].removeprefix(AL) in RELATIONAL_HEADS for m in range(max(self.sentence_start(start), start - 3), start))
                # A one-word PERS that the article never repeats is more often a tagging slip than a name.
                attested = k - start > 1 or self.norm_count[self.norms[start]] > 1 or start - self.sentence_start(start) <= 2
                if not addressee and not related and attested and self.plausible_speaker((start, k)) and self._name_like((start, k)):
                    return start, k
                continue
            k += 1
        return None

    def _inverted_subject_end(self, start: int) -> int:
        k = start
        end = self.sentence_end(start)
        while k < end and self.is_word[k] and k - start < SEGMENT_LIMIT:
            k += 1
        return k

    def _explicit_subject(self, candidate: Candidate, start: int, end: int) -> None:
        """Speaker mentions between the cue and the content, split at appositive commas."""
        if candidate.lemma == "\u0646\u0642\u0644":  # "نقل": the speaker follows "عن"
            for k in range(start, end):
                if self.norms[k] == "\u0639\u0646":  # "عن"
                    start = k + 1
                    break
        segments = []
        for segment in self.segments(start, end):
            if self.norms[segment[0]] in self.lex.relatives:
                break  # "X، الذي أصدر، الأسبوع الماضي، لائحة ...": the rest is the relative clause
            if self.plausible_speaker(segment):
                segments.append(segment)
        # Appositions after the first phrase must look like names or titles, not like an object.
        segments = segments[:1] + [segment for segment in segments[1:] if self._name_like(segment)]
        if segments:
            segments[0] = self._document_owner(segments[0], end)
        if len(segments) == 1:
            name = self._name_after_description(segments[0], end)
            if name is not None:
                segments.append(name)
        if segments:
            candidate.subjects = segments
            candidate.mode = "explicit"

    def _name_after_description(self, segment: tuple[int, int], end: int) -> tuple[int, int] | None:
        """"الخبير في شؤون الطاقة الدكتور X أن": a title, its complement, then the person's name.

        The phrase stops at "في" / "بـ"; a PERS entity before the content and the next comma names
        the same person, unless a preposition ("مع"), a pronoun ("نظيره") or "لـ" ("مستشار للرئيس X")
        ties it to someone else, or a name already stands in the phrase.
        """
        start, stop = segment
        if any(self.ner_label[k] == "PERS" for k in range(start, stop)) or not self._is_title_word(start):
            return None
        k = stop
        while k < end and k - stop <= DESCRIPTION_WORDS:
            word, norm = self.words[k], self.norms[k]
            if self.ner_label[k] == "PERS":
                if self.norms[k - 1][:1] in (LAM, "\u0628") and not self.words[k - 1].startswith(AL):
                    return None
                name_end = k
                while name_end < end and self.ner_label[name_end] == "PERS":
                    name_end += 1
                return k, name_end
            if word in COMMAS or word in MARKS or not self.is_word[k] or norm in PREPOSITIONS or norm in NOT_IN_TITLES or self.cue_at[k] is not None:
                return None
            if self.complementizer(k) or norm in self.lex.relatives or (word.endswith("\u0647") and not word.endswith("\u0629")):
                return None
            k += 1
        return None

    def _document_owner(self, segment: tuple[int, int], end: int) -> tuple[int, int]:
        """"تقرير للمركز الوطني أن", "بيان صادر عن مكتب الرئيس أن": the body the document speaks for."""
        start, stop = segment
        if start + 1 < stop and self.norms[start + 1] in (ISSUED, AL + ISSUED):
            stop = start + 1  # the phrase went on to "صادر"
        if stop - start == 1 and stop < end and self.norms[start].removeprefix(LAM).removeprefix(AL) in FIGURES and self.ner_label[stop] in ("PERS", "ORG"):
            owner = self._trim_segment(stop, min(end, stop + SEGMENT_LIMIT))  # "لتقديرات البنك الدولي"
            return owner if owner is not None and self.plausible_speaker(owner) else segment
        if stop - start != 1 or self.norms[start].removeprefix(AL) not in DOCUMENTS:
            return segment
        k = stop
        if k + 1 < end and self.norms[k] in (ISSUED, AL + ISSUED) and self.norms[k + 1] == FROM:
            k += 2
        elif k + 2 < end and self.norms[k] in self.lex.relatives and self.norms[k + 1].startswith(PUBLISHED):
            k += 2  # "الوثائق التي نشرتها X": the body that published them
        elif not (k < end and self.norms[k][:1] == LAM and len(self.norms[k]) > 3):
            return segment
        owner = self._trim_segment(k, min(end, k + SEGMENT_LIMIT), after_lam=self.norms[k][:1] == LAM)
        if owner is None or not self.plausible_speaker(owner):
            return segment
        return owner

    def _is_title_word(self, k: int) -> bool:
        """A singular title ("الخبير", "مقررة"); plural and anonymous sources ("محللون") name nobody."""
        norm = self.norms[k]
        bare = norm[2:] if norm.startswith(AL) else norm
        lex = self.lex
        return norm in lex.titles or bare in lex.titles

    def _after_discourse_marker(self, i: int) -> bool:
        s = self.sentence_start(i)
        k = s
        while k < i and (self.norms[k] == WAW or not self.is_word[k]):
            k += 1
        return k < i and self._marker_len(k) > 0

    def _parent(self, i: int, previous: list[Candidate]) -> Candidate | None:
        sentence = self.layout.sentence[i]
        for index in range(len(previous) - 1, -1, -1):
            cue = previous[index].cue[0]
            if cue < i and (self.layout.sentence[cue] == sentence or previous[index].content[1] >= i - 2):
                return previous[index]
            if cue < i:
                break
        return None
