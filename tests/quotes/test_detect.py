"""Detection: cue families, mark styles, chained cues, content boundaries, offsets."""

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "وقال الوزير: “نحن مستعدون للحوار”.",
        "وقال الوزير: «نحن مستعدون للحوار».",
        'وقال الوزير: "نحن مستعدون للحوار".',
        "وقال الوزير:” نحن مستعدون للحوار”.",
        'وقال الوزير "نحن مستعدون للحوار”.',
    ],
)
def test_direct_quote_in_every_mark_style(find_quotes, text):
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert text[quotes[0].start : quotes[0].end] == "نحن مستعدون للحوار"
    assert quotes[0].direct


def test_direct_quote_over_several_sentences_is_one_quote(find_quotes, quoted):
    text = "وقال خامنئي: «كلماتهم بلا قيمة. يقولون اليوم شيئا. لا يخجلون».\nوانتهى الاجتماع."
    quotes = find_quotes(text)
    assert quoted(text, quotes) == [("كلماتهم بلا قيمة. يقولون اليوم شيئا. لا يخجلون", "خامنئي")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("قال الوزير إن المحادثات كانت مثمرة.", "المحادثات كانت مثمرة"),
        ("وأكد الوزير أن الحل سياسي.", "الحل سياسي"),
        ("ولفت إلى أن المدينة تحت الحصار.", "المدينة تحت الحصار"),
        ("وشدد على أن التحالف قوي.", "التحالف قوي"),
        ("وتقول الحكومة إنها ستواصل العمل.", "ستواصل العمل"),
        ("فأكد المتحدث أن الوضع هادئ.", "الوضع هادئ"),
    ],
)
def test_indirect_speech_after_complementizer(find_quotes, text, content):
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == [content]
    assert not quotes[0].direct


def test_participle_chains_a_new_quote_and_ends_the_first(find_quotes):
    text = "وقال الوزير إن الوضع صعب، مضيفاً أن الحل قريب، ومشيراً إلى أن الحوار مستمر."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["الوضع صعب", "الحل قريب", "الحوار مستمر"]
    assert {q.speaker.name for q in quotes} == {"الوزير"}


def test_trailing_source_phrase_ends_the_content(find_quotes):
    text = "قال مسؤول إن القصف توقف، بحسب وكالة الأنباء."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["القصف توقف"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("وبحسب مصادر محلية، قتل عشرة أشخاص في القصف.", "قتل عشرة أشخاص في القصف", "مصادر محلية"),
        ("تم استجواب رئيس الوزراء مرة أخرى، وفقا للشرطة الإسرائيلية.", "تم استجواب رئيس الوزراء مرة أخرى", "الشرطة الإسرائيلية"),
        ("وذكرت الصحيفة، نقلاً عن مصادر دبلوماسية، أن السفير غادر البلاد.", "السفير غادر البلاد", "الصحيفة"),
    ],
)
def test_source_phrases(find_quotes, text, content, speaker, quoted):
    quotes = find_quotes(text)
    assert (content, speaker) in quoted(text, quotes)


def test_verbal_noun_cue_carries_content(find_quotes, quoted):
    text = "وأعرب الوزير عن قلقه من التصعيد في المنطقة."
    quotes = find_quotes(text)
    assert quoted(text, quotes) == [("قلقه من التصعيد في المنطقة", "الوزير")]


def test_inverted_quote_with_cue_after_the_content(find_quotes, quoted):
    text = '"الفريق يستحق اللقب هذا العام"، يقول ماجد بن فهد.'
    quotes = find_quotes(text)
    assert quoted(text, quotes) == [("الفريق يستحق اللقب هذا العام", "ماجد بن فهد")]


def test_headline_form_is_a_quote(find_quotes, quoted):
    text = "قال الوزير إن الجلسة انتهت.\nلافروف: حصلنا على قوائم بالفصائل\nمن جهته، قال لافروف إن موسكو تسعى إلى السلام."
    quotes = find_quotes(text)
    assert ("حصلنا على قوائم بالفصائل", "لافروف") in quoted(text, quotes)


def test_scare_quotes_and_quoted_names_are_not_quotes(find_quotes, quoted):
    text = 'وصلت قوات "درع الفرات" إلى المدينة. وقال مصدر لـ"رويترز" إن القتال توقف.'
    quotes = find_quotes(text)
    assert quoted(text, quotes) == [("القتال توقف", "مصدر")]


def test_narration_without_cue_is_not_a_quote(find_quotes):
    assert find_quotes("وصل الوزير إلى جنيف مساء الجمعة للبحث في الأزمة.") == []


def test_boilerplate_is_never_quoted(find_quotes):
    text = "قال الوزير إن المحادثات مستمرة.\nأضف تعليق"
    quotes = find_quotes(text)
    assert all("تعليق" not in text[q.start : q.end] for q in quotes)


def test_offsets_point_at_what_they_say(find_quotes, seed_text):
    for quote in find_quotes(seed_text):
        assert 0 <= quote.start < quote.end <= len(seed_text)
        content = seed_text[quote.start : quote.end]
        assert content == content.strip() and content[0] not in "“”\"«»" or quote.direct is False
        assert quote.cue is not None and 0 <= quote.cue.start < quote.cue.end <= len(seed_text)
        for mention in quote.speaker.mentions:
            assert seed_text[mention.start : mention.end].strip() == seed_text[mention.start : mention.end]


def test_short_direct_quote_before_a_chained_participle(find_quotes, quoted):
    text = 'وقال الوزير "نحن مستعدون"، مضيفاً أن الحوار مستمر.'
    assert quoted(text, find_quotes(text)) == [("نحن مستعدون", "الوزير"), ("الحوار مستمر", "الوزير")]


def test_quoted_label_away_from_the_speaker_is_not_the_quote(find_quotes, quoted):
    text = 'وأفادت القيادة العامة عبر صفحتها على موقع التواصل "فيسبوك"، أنها ألقت القبض على المطلوب.'
    assert quoted(text, find_quotes(text)) == [("ألقت القبض على المطلوب", "القيادة العامة")]


@pytest.mark.parametrize(
    "text",
    [
        "ولم يؤكد المتحدث أن الاجتماع سيعقد.",  # negated: nothing was said
        "ويُعتقد أن المشتبه به غادر البلاد.",  # passive: nobody in particular says it
        "وخرج المحتجون بلافتات تطالب بوقف الحرب.",  # a verb describing a noun
        "وقبل ساعات من ذلك، سألت مراسلة الرئيس إذا ما كانت روسيا استهدفت الانتخابات؟",
    ],
)
def test_not_reported_speech(find_quotes, text):
    assert find_quotes(text) == []
