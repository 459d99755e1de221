"""Speaker entities of one article: phrases split into title and name, grouped into entities.

A speaker phrase splits into a title part and a name part ("وزير الخارجية الأميركي" + "جون كيري").
Phrases with a name join the entity sharing their surname; descriptions ("الوزير", "المصدر")
join the entity whose titles they repeat, the most recently mentioned first, or the PERS entity
the article puts right after that title elsewhere ("الرئيس الأمريكي دونالد ترامب"), or, for a
definite description with a nationality ("المسؤول الروسي", "نظيره الروسي"), the last named person
of that nationality.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ..document import Mention, Speaker
from .layout import Layout
from .view import RELATIONAL_HEADS
from .lexicon import QuoteLexicon, load_lexicon

AL = "\u0627\u0644"
WAW = "\u0648"
LAM = "\u0644"
_HEH = "\u0647"
# Ordinals ending a ruler's name: "عبدالله الثاني".
_ORDINALS = frozenset({"\u0627\u0644\u0627\u0648\u0644", "\u0627\u0644\u062b\u0627\u0646\u064a", "\u0627\u0644\u062b\u0627\u0644\u062b", "\u0627\u0644\u0631\u0627\u0628\u0639"})  # الاول الثاني الثالث الرابع
_NAME_JOINERS = frozenset({"-", "\u0628\u0646", "\u0627\u0628\u0646", "\u0627\u0644", "\u0627\u0628\u0648", "\u0639\u0628\u062f", "\u062f\u064a"})  # - بن ابن آل أبو عبد دي
_ATTACHED_ARTICLES = ("\u0644\u0644", "\u0628\u0627\u0644", "\u0648\u0627\u0644", "\u0641\u0627\u0644", "\u0643\u0627\u0644")  # لل بال وال فال كال
_BISM = "\u0628\u0627\u0633\u0645"  # "باسم": "المتحدث باسم X" speaks for X
_MEEM, _ALEF = "\u0645", "\u0627"
_PREPOSITION_LETTERS = ("\u0628", "\u0644")  # ب ل
_POSSESSIVES = ("\u0647", "\u0647\u0627", "\u0647\u0645")  # -ه -ها -هم
_SAYING = frozenset({"\u0642\u0648\u0644\u0647\u0645", "\u0642\u0648\u0644\u0647\u0645\u0627"})  # قولهم قولهما
_DANGLING = frozenset({"\u0627\u0644\u062a\u0627\u0628\u0639", "\u0627\u0644\u062a\u0627\u0628\u0639\u0647"})  # التابع التابعة (normalized)
# Documents that speak for their author (normalized, without article): بيان تقرير رسالة وثيقة بلاغ
_DOCUMENTS = frozenset({"\u0628\u064a\u0627\u0646", "\u062a\u0642\u0631\u064a\u0631", "\u0631\u0633\u0627\u0644\u0647", "\u0648\u062b\u064a\u0642\u0647", "\u0628\u0644\u0627\u063a"})
_ISSUED, _FROM = "\u0635\u0627\u062f\u0631", "\u0639\u0646"  # "صادر عن"
_NISBA_FEMININE = "\u064a\u0647"  # normalized "-ية": "ليبية" is an adjective, not "ل" + pronoun
_ARTICLE_CLITICS = ("\u0648\u0628", "\u0648", "\u0641", "\u0628", "\u0643")  # وب و ف ب ك before "ال"

# Mentions listed with each quote's speaker. Every quote repeats its speaker's list, so a text that
# quotes one name n times would otherwise output n^2 mentions (bench/adversarial.py, "one-speaker");
# a news article mentions a speaker a few times, rarely 20.
MAX_SPEAKER_MENTIONS = 50


@dataclass(slots=True)
class Entity:
    type: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    names: list[tuple[int, int]] = field(default_factory=list)  # name parts (token spans)
    titles: set[tuple[str, ...]] = field(default_factory=set)
    title_words: set[str] = field(default_factory=set)
    nisbas: set[str] = field(default_factory=set)
    last: int = -1
    entity_id: str | None = None
    merged_into: Entity | None = None
    spans: list[Mention] | None = None  # every mention in the text, built once for the output


@dataclass(slots=True)
class Parsed:
    span: tuple[int, int]
    type: str
    name: tuple[int, int] | None
    title: tuple[str, ...]
    key: tuple[str, ...]  # normalized words, article-insensitive
    nisbas: set[str]


def _bare(norm: str) -> str:
    return norm[2:] if norm.startswith(AL) and len(norm) > 3 else norm


class SpeakerResolver:
    def __init__(self, layout: Layout, lexicon: QuoteLexicon | None = None) -> None:
        self.layout = layout
        self.lex = lexicon or load_lexicon()
        self.entities: list[Entity] = []
        self.norms = layout.norms
        self.next_id = 0
        self._positions: dict[str, list[int]] | None = None
        self._names: dict[int, str] = {}  # id(entity) -> its name in the output (`_name`)
        self._recognized: set[tuple[int, int]] | None = None  # PERS spans of the NER stage
        self.ner_ids = {}
        # Indexes over the NER entities, built once: the lookups below run once per quote, and a
        # scan of every entity each time made a long text of many quotes quadratic.
        self._in_entity_at = [False] * len(layout.words)
        self._persons: list[tuple[int, int]] = []  # PERS spans, in text order
        self._spans_of_id: dict[str, list[tuple[int, int]]] = {}  # NER entity id -> its PERS/ORG spans
        self._titled: dict[tuple[str, ...], tuple[int, int, str | None] | None] = {}  # `_titled_elsewhere` by title
        for start, end, label, entity_id in layout.entities:
            self._in_entity_at[start:end] = [True] * (end - start)
            if label == "PERS":
                self._persons.append((start, end))
            if entity_id is not None and label in ("PERS", "ORG"):
                self._spans_of_id.setdefault(entity_id, []).append((start, end))
                for k in range(start, end):
                    self.ner_ids[k] = (entity_id, label)
        self._persons.sort()

    # -- phrases ------------------------------------------------------------------------------

    def parse(self, span: tuple[int, int]) -> Parsed:
        lex = self.lex
        start, end = span
        # "وأضاف ماكرون متوجها الى السراج": a circumstantial participle ("متوجهاً", "مخاطباً")
        # after the speaker describes how they spoke; it is not part of the name.
        while end - start > 1 and self._is_circumstantial(end - 1):
            end -= 1
        # "وقال الوزير للتلفزيون الرسمي": whom he said it to is not part of who he is.
        addressee = next((k for k in range(start + 1, end) if self.norms[k][:1] == LAM and self._is_medium(k)), None)
        if addressee is not None:
            end = addressee
        start = self._document_owner(start, end)
        span = (start, end)
        norms = [self.norms[k] for k in range(start, end)]
        if norms[0].startswith(LAM + LAM) and len(norms[0]) > 4:  # "وفقاً للشرطة الإسرائيلية"
            norms[0] = AL + norms[0][2:]
        key = tuple(_bare(norm) for norm in norms)
        head_rest = key[0][1:] if key and key[0][:1] == LAM else ""
        if len(head_rest) > 2 and (head_rest in lex.anonymous or head_rest in lex.titles or head_rest in lex.groups or head_rest in lex.organizations):
            key = (head_rest, *key[1:])  # "وفقا لمصادر المعارضة": the source is "مصادر المعارضة"
            norms[0] = head_rest
        # Name part: the longest suffix of words without article that are not titles.
        k = end
        while k > start:
            norm = self.norms[k - 1]
            is_name = (
                (not self.layout.words[k - 1].startswith(AL) or norm == AL or (norm in _ORDINALS and k == end))
                and norm not in lex.titles and _bare(norm) not in lex.titles and not self._prepositional(k - 1)
                and not self._attached_article(k - 1)
            )
            if not is_name and not (norm in _NAME_JOINERS and k < end):
                break
            if not self.layout.words[k - 1].isalpha() and norm != "-":
                break
            k -= 1
        while k < end and self.norms[k] in _NAME_JOINERS:
            k += 1
        name = (k, end) if k < end else None
        # "محامي الرئيس دونالد ترامب", "كبير المستشارين الاقتصاديين للرئيس دونالد ترامب": the lawyer or
        # the adviser speaks; the name after the second title is the client's or the president's.
        relational = end - start > 1 and (
            _bare(norms[0]) in RELATIONAL_HEADS
            or any(norms[m].startswith(LAM + LAM) and AL + norms[m][2:] in lex.titles for m in range(1, end - start))
        )
        if name is not None and name[0] > start and relational:
            name, k = None, end
        if name is not None and all(self.norms[m].startswith(_BISM) and self.norms[m] != _BISM for m in range(k, end)):
            name, k = None, end  # "متحدث باسمه": he speaks for someone named elsewhere; "باسمه" is no name
        if name is not None and any(self.norms[m] == _BISM and m > start and self._is_title(m - 1) for m in range(k, end)):
            name, k = None, end  # "المتحدث باسم قيادة": what follows "باسم" names the body, not him
        if name is None:
            name = self._name_after_title(start, end)
            if name is not None:
                k = name[0]
        if name is None:  # "رولا الأمين مديرة الإعلام": the name first, then its title
            first = start
            while first < end and not self.layout.words[first].startswith((AL, LAM)) and self.norms[first] not in lex.titles and self.layout.words[first].isalpha():
                first += 1
            if start < first < end and (self.norms[first] in lex.titles or _bare(self.norms[first]) in lex.titles):
                name, k = (start, first), first
        # Related to someone: only a second person named after that someone can be the speaker
        # ("كبير المستشارين للرئيس دونالد ترامب لاري كودلو").
        person = self._last_ner_person(span, after_first=True) if relational else self._ner_person(span)
        if person is not None and not (name is not None and name[0] <= person[0] and person[1] <= name[1]):
            name = person  # the NER stage knows where the name is, unless our name already holds it
            k = person[0]
        title = tuple(_bare(norm) for norm in self.norms[start:k])
        head = key[0] if key else ""
        heads = {head, AL + head, norms[0] if norms else ""}
        nisbas = {_bare(norm).removesuffix(_HEH) for norm in norms} & set(lex.nationalities)
        if heads & lex.organizations and not (name and heads & lex.titles):
            kind = "organization"
        elif heads & lex.anonymous or (head == "\u0627\u062d\u062f" and len(key) > 1):  # "أحد"
            kind = "anonymous" if not (name and heads & lex.titles and len(key) > 2) else "person"
        elif heads & lex.groups:
            kind = "group"
        elif tuple(norms) in lex.countries or (tuple(key) in lex.countries):
            kind = "organization"
        else:
            kind = "person"
        if len(key) > 1 and any(self._coordinated(k) for k in range(start + 1, end)):
            kind = "group"  # "الصين وألمانيا", "خطيبته وأصدقاؤه"
        if kind == "person" and name is None and not heads & lex.titles and self.layout.words[start].startswith(AL):
            kind = "organization"  # "القضية", "الصحيفتان": a definite noun that is no title of a person
        if kind != "person":
            name = None
            title = key
        return Parsed(span=span, type=kind, name=name, title=title, key=key, nisbas=nisbas)

    def _document_owner(self, start: int, end: int) -> int:
        """"بيان وزارة الصحة", "تقرير للمركز الوطني", "بيان صادر عن المكتب": the body whose document speaks."""
        if end - start < 2 or _bare(self.norms[start]) not in _DOCUMENTS:
            return start
        k = start + 1
        if k + 1 < end and _bare(self.norms[k]) == _ISSUED and self.norms[k + 1] == _FROM:
            k += 2
        if k >= end or not self.layout.words[k].isalpha() or _bare(self.norms[k]) in self.lex.not_speakers:
            return start
        return k

    def _is_circumstantial(self, k: int) -> bool:
        """An indefinite active participle in the accusative: "متوجها", "مخاطبا", or a reporting one ("قائلا")."""
        norm = self.norms[k]
        if self._in_entity(k):
            return False
        if norm in _DANGLING:
            return True  # "اللجنة العليا للإغاثة التابعة": its complement ("لـ...") was cut off
        if norm in self.lex.noun_cues or norm in _SAYING:
            return True  # "نقلت عن شهود عيان قولهم": the saying, not the sayer
        cue = self.lex.cues.get(norm)
        if cue is not None and cue.kind == "participle":
            return True
        word = self.layout.words[k]  # as written: a pronoun "ـه", not the TEH MARBUTA that normalizes to it
        if len(norm) >= 5 and norm[0] in _PREPOSITION_LETTERS and word.endswith(_POSSESSIVES) and not norm.endswith(_NISBA_FEMININE):
            return True  # "الشركة بموقعها", "الوزير عبر حسابه": where it was said, not who
        return len(norm) >= 5 and norm[0] == _MEEM and norm[-1] == _ALEF

    def _attached_article(self, k: int) -> bool:
        """"للانتخابات", "بالمسؤولية", "والدتها": a clitic and the article on one word is no name part."""
        return self.layout.words[k].startswith(_ATTACHED_ARTICLES) and len(self.norms[k]) > 4 and not self._in_entity(k)

    def _prepositional(self, k: int) -> bool:
        """"بارتكابها", "لقاءه", "بحسابه": a preposition and a pronoun on one word, never part of a name."""
        word = self.layout.words[k]
        return len(word) >= 5 and word[0] in _PREPOSITION_LETTERS and word.endswith(_POSSESSIVES) and not self._in_entity(k)

    def _is_medium(self, k: int) -> bool:
        """"للتلفزيون", "لوكالة", "لقناة": a medium after "لـ" (the organizations lexicon)."""
        rest = self.norms[k][1:]
        orgs = self.lex.organizations
        return rest in orgs or (rest.startswith(LAM) and AL + rest[1:] in orgs) or AL + rest in orgs

    def _in_entity(self, k: int) -> bool:
        return 0 <= k < len(self._in_entity_at) and self._in_entity_at[k]

    def _is_title(self, k: int) -> bool:
        norm = self.norms[k]
        return norm in self.lex.titles or _bare(norm) in self.lex.titles

    def _name_after_title(self, start: int, end: int) -> tuple[int, int] | None:
        """"المتحدث باسم القيادة اللواء رعد الساعدي": the words after the last title, when they are a name.

        The name opens with a word without article ("رعد") right after a definite title or rank
        ("اللواء", "الدكتور") and its nisbas ("الرئيس السوري بشار الأسد"); its later words may carry
        the article ("الساعدي"), but none of them is a title.
        """
        lex, words, norms = self.lex, self.layout.words, self.norms
        last = max((m for m in range(start, end) if self._is_title(m)), default=None)
        if last is None or not words[last].startswith(AL):
            return None
        first = last + 1
        while first < end and _bare(norms[first]).removesuffix(_HEH) in lex.nationalities:
            first += 1
        if not (first < end and end - first <= 4) or words[first].startswith(AL) or norms[first] == _BISM:
            return None
        if not all(words[m].isalpha() for m in range(first, end)):
            return None
        if norms[first] in lex.adjuncts or norms[first] in lex.particles:
            return None  # "السفير الأمريكي لدى الأمم المتحدة"
        if any(norms[m] in lex.not_speakers or norms[m].startswith(_ATTACHED_ARTICLES) for m in range(first, end)):
            return None
        return first, end

    def _described(self, parsed: Parsed, ordered: list[Entity]) -> Entity | None:
        """"المسؤول الروسي", "نظيره الروسي": the last named person of that nationality, if nobody nearer fits.

        Only a definite description with a nisba refers back; an anonymous source the article
        described the same way more recently ("مسؤول روسي" ... "المسؤول الروسي") keeps it.
        """
        first = self.norms[parsed.span[0]]
        if not parsed.nisbas or (first not in self.lex.descriptions and first[1:] not in self.lex.descriptions):
            return None  # "مسؤول روسي" introduces someone new
        for entity in ordered:
            if entity.type == "person" and entity.names and parsed.nisbas & entity.nisbas:
                return entity
            if entity.type == "anonymous" and parsed.nisbas & entity.nisbas and any(parsed.key[0] in title for title in entity.titles):
                return None  # "مسؤول روسي" ... "المسؤول الروسي": the anonymous source, matched below
        return None

    def _titled_elsewhere(self, parsed: Parsed) -> Entity | None:
        """A description the article attaches to a name elsewhere ("الرئيس الأمريكي دونالد ترامب")."""
        if not parsed.title:
            return None
        if parsed.title not in self._titled:
            self._titled[parsed.title] = self._person_after(parsed.title)
        found = self._titled[parsed.title]
        if found is not None:
            ent_start, ent_end, entity_id = found
            for entity in self.entities:
                if entity.entity_id is not None and entity.entity_id == entity_id:
                    return entity
            entity = Entity(type="person", entity_id=entity_id)
            entity.names.append((ent_start, ent_end))
            entity.mentions.append((ent_start - len(parsed.title), ent_end))
            self.entities.append(entity)
            return entity
        return None

    def _person_after(self, title: tuple[str, ...]) -> tuple[int, int, str | None] | None:
        """The first PERS entity written right after the words of `title`: (start, end, entity id)."""
        for ent_start, ent_end, label, entity_id in self.layout.entities:
            if label != "PERS" or ent_start < len(title):
                continue
            if tuple(_bare(self.norms[k]) for k in range(ent_start - len(title), ent_start)) == title:
                return ent_start, ent_end, entity_id
        return None

    def _coordinated(self, k: int) -> bool:
        """A word "و" + noun that joins a second party to the phrase."""
        word = self.layout.words[k]
        if not word.startswith(WAW) or len(word) < 4:
            return False
        rest = self.norms[k][1:]
        lex = self.lex
        return rest.startswith(AL) or (rest,) in lex.countries or rest in lex.groups or rest in lex.anonymous or rest in lex.organizations

    def _last_ner_person(self, span: tuple[int, int], *, after_first: bool) -> tuple[int, int] | None:
        persons = self._persons_within(span)
        return persons[-1] if len(persons) >= (2 if after_first else 1) else None

    def _ner_person(self, span: tuple[int, int]) -> tuple[int, int] | None:
        persons = self._persons_within(span)
        return persons[0] if persons else None

    def _persons_within(self, span: tuple[int, int]) -> list[tuple[int, int]]:
        """The PERS entities inside `span`, in text order (by bisection: they do not overlap)."""
        start, end = span
        index = bisect_left(self._persons, (start, -1))
        found = []
        while index < len(self._persons) and self._persons[index][0] < end:
            if self._persons[index][1] <= end:
                found.append(self._persons[index])
            index += 1
        return found

    def entity_for(self, span: tuple[int, int]) -> Entity:
        parsed = self._surname(self.parse(span))
        entity = self._match(parsed)
        if entity is None:
            entity = Entity(type=parsed.type)
            self.entities.append(entity)
        self._add(entity, parsed)
        return entity

    def _surname(self, parsed: Parsed) -> Parsed:
        """"وأضاف الساعدي" after "اللواء رعد الساعدي": a definite word that ends a known name is that name."""
        if parsed.name is not None or parsed.type not in ("person", "organization") or len(parsed.key) > 2:
            return parsed
        if any(self._is_title(k) for k in range(*parsed.span)):
            return parsed
        words = tuple(self.norms[k] for k in range(*parsed.span))
        for entity in self.entities:
            if entity.type != "person":
                continue
            for name in entity.names:
                other = self._name_words(name)
                if len(other) > len(words) and other[-len(words) :] == words:
                    return Parsed(span=parsed.span, type="person", name=parsed.span, title=(), key=parsed.key, nisbas=parsed.nisbas)
        return parsed

    def _ner_id(self, parsed: Parsed) -> str | None:
        """The linker's id of the PERS (person) or ORG (body) entity that the phrase names."""
        wanted = "PERS" if parsed.type == "person" else "ORG"
        if parsed.type == "person" and parsed.name is None:
            return None
        for k in range(*(parsed.name or parsed.span)):
            found = self.ner_ids.get(k)
            if found is not None and found[1] == wanted:
                return found[0]
        return None

    def _name_words(self, name: tuple[int, int]) -> tuple[str, ...]:
        return tuple(self.norms[k] for k in range(*name) if self.norms[k] not in _NAME_JOINERS)

    def _match(self, parsed: Parsed) -> Entity | None:
        ner_id = self._ner_id(parsed)
        if ner_id is not None:
            for entity in self.entities:
                if entity.entity_id == ner_id:
                    return entity
        ordered = sorted(self.entities, key=lambda e: -e.last)
        if parsed.name is not None:
            words = self._name_words(parsed.name)
            for entity in ordered:
                for name in entity.names:
                    other = self._name_words(name)
                    if words and other and (words[-1] == other[-1] or words[0] == other[-1] or _contains(words, other) or _contains(other, words)):
                        return entity
            for entity in ordered:  # "الرئيس الأمريكي" first, "الرئيس الأمريكي دونالد ترامب" later
                if not entity.names and parsed.title and parsed.title in entity.titles:
                    return entity
            return None
        if parsed.type == "person":
            for entity in ordered:
                if parsed.title and parsed.title in entity.titles:
                    return entity
            head = parsed.title[0] if parsed.title else ""
            for entity in ordered:
                if entity.type == "person" and head and head in entity.title_words and (not parsed.nisbas or parsed.nisbas & entity.nisbas):
                    return entity
            return self._titled_elsewhere(parsed) or self._described(parsed, ordered)
        described = self._described(parsed, ordered) if parsed.type == "anonymous" else None
        if described is not None:  # "وأشار المسؤول الروسي" after "نائب وزير الخارجية الروسي فولكوف"
            return described
        definite = self.norms[parsed.span[0]].startswith(AL) or (parsed.key and parsed.key[0] == "\u0627\u062d\u062f")
        if parsed.type == "anonymous" and self.norms[parsed.span[0]].startswith(AL) and len(parsed.key) == 1:
            # "قال المسؤول": the official the article has named ("براد بارسكيل، المسؤول الرقمي ...")
            for entity in ordered:
                if entity.type == "person" and parsed.key[0] in entity.title_words:
                    return entity
        for entity in ordered:
            if entity.type != parsed.type:
                continue
            for title in entity.titles:
                if title == parsed.key or (len(parsed.key) >= 1 and (_contains(title, parsed.key) or _contains(parsed.key, title)) and definite):
                    return entity
        return None

    def _add(self, entity: Entity, parsed: Parsed) -> None:
        entity.mentions.append(parsed.span)
        entity.last = max(entity.last, parsed.span[0])
        if parsed.name is not None:
            entity.names.append(parsed.name)
            if entity.type != "person" and parsed.type == "person":
                entity.type = "person"
        if parsed.title:
            entity.titles.add(parsed.title)
            entity.title_words.update(parsed.title)
        entity.nisbas |= parsed.nisbas
        if entity.entity_id is None:
            entity.entity_id = self._ner_id(parsed)

    # -- output -------------------------------------------------------------------------------

    def speaker(self, entity: Entity | None, *, unresolved: bool = False) -> Speaker:
        if entity is None:
            return Speaker(name=None, entity_id=None, type="unresolved", mentions=[])
        if entity.entity_id is None:
            self.next_id += 1
            entity.entity_id = f"Q{self.next_id}"
        # Once per entity: an article can quote one speaker thousands of times.
        name = self._names.get(id(entity))
        if name is None:
            name = self._names[id(entity)] = self._name(entity)
        if entity.spans is None:
            entity.spans = [Mention(start, end) for start, end in sorted(self._all_mentions(entity))]
        return Speaker(
            name=name,
            entity_id=entity.entity_id,
            type="unresolved" if unresolved else entity.type,
            mentions=entity.spans[:MAX_SPEAKER_MENTIONS],
        )

    def _name(self, entity: Entity) -> str:
        """The name to show for `entity`: its fullest form, without a leading preposition."""
        starts, ends = self.layout.starts, self.layout.ends
        if entity.names:
            # The fullest form, among those the NER stage also found when there are any: a longer
            # name span of ours may have swallowed a word after the name ("دانييلز تغريدة").
            if self._recognized is None:
                self._recognized = {(start, end) for start, end, label, _ in self.layout.entities if label == "PERS"}
            names = [span for span in entity.names if span in self._recognized] or entity.names
            best = max(names, key=lambda span: (ends[span[1] - 1] - starts[span[0]], -span[0]))
        else:
            best = max(entity.mentions, key=lambda span: (ends[span[1] - 1] - starts[span[0]], -span[0]))
        name = self.layout.surface(*best)
        first = self.norms[best[0]]
        if first.startswith(LAM + LAM) and len(first) > 4:  # "للشرطة الإسرائيلية" -> "الشرطة الإسرائيلية"
            name = "\u0627" + name[1:]
        for clitic in _ARTICLE_CLITICS:  # "بالوكالة الدولية" -> "الوكالة الدولية"
            if first.startswith(clitic + AL) and len(first) > len(clitic) + 3:
                name = name[len(clitic) :]
                break
        else:
            lex = self.lex
            rest = first[1:]
            if first[:1] == LAM and len(rest) > 2 and (rest in lex.anonymous or rest in lex.titles or rest in lex.groups or rest in lex.organizations):
                name = name[1:]  # "وفقا لمصادر المعارضة" -> "مصادر المعارضة"
        return name

    @property
    def positions(self) -> dict[str, list[int]]:
        """Token positions of each normalized word, built on first use."""
        if self._positions is None:
            self._positions = {}
            for k, norm in enumerate(self.norms):
                self._positions.setdefault(norm, []).append(k)
        return self._positions

    def _all_mentions(self, entity: Entity) -> set[tuple[int, int]]:
        """Character spans of the speaker phrases, the linked entity's mentions and the name's repeats."""
        starts, ends = self.layout.starts, self.layout.ends
        spans = {(starts[s], ends[e - 1]) for s, e in entity.mentions}
        for start, end in self._spans_of_id.get(entity.entity_id, ()) if entity.entity_id is not None else ():
            spans.add((starts[start], ends[end - 1]))
        if entity.type == "person":
            for name in {self._name_words(name) for name in entity.names}:
                surname = name[-1] if name else None
                if surname is None or len(surname) < 3:
                    continue
                for k in self.positions.get(surname, ()):
                    first = k - len(name) + 1
                    whole = first >= 0 and tuple(self.norms[first : k + 1]) == name
                    spans.add((starts[first] if whole else starts[k], ends[k]))
        return spans


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    if n == 0 or n > len(long):
        return False
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def merge(resolver: SpeakerResolver, keep: Entity, other: Entity) -> None:
    """Appositions ("المرشد الأعلى، آية الله علي خامنئي،") name one entity."""
    keep.mentions.extend(other.mentions)
    keep.names.extend(other.names)
    keep.titles |= other.titles
    keep.title_words |= other.title_words
    keep.nisbas |= other.nisbas
    keep.last = max(keep.last, other.last)
    if keep.entity_id is None:
        keep.entity_id = other.entity_id
    resolver.entities.remove(other)
    other.merged_into = keep


def root(entity: Entity | None) -> Entity | None:
    while entity is not None and entity.merged_into is not None:
        entity = entity.merged_into
    return entity
