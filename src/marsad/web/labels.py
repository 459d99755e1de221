"""Arabic labels for the codes the analysis uses (event types, modalities, topics, kinds), for readers; the API keeps the codes."""

from __future__ import annotations

EVENT_TYPES = {
    "AGREE": "اتفاق",
    "AID": "مساعدة",
    "ARREST": "اعتقال",
    "ATTACK": "هجوم",
    "CEASEFIRE": "وقف إطلاق النار",
    "DEMAND": "مطالبة",
    "MEET": "لقاء",
    "PROTEST": "احتجاج",
    "THREATEN": "تهديد",
}
MODALITIES = {
    "happened": "وقع",
    "announced": "أُعلن",
    "agreed": "اتُّفق عليه",
    "demanded": "مطلوب",
    "hypothetical": "محتمل",
    "denied": "منفي",
}
TOPICS = {
    "culture": "ثقافة",
    "economy": "اقتصاد",
    "internationalNews": "أخبار دولية",
    "middleEast": "الشرق الأوسط",
    "sport": "رياضة",
    "technology": "تقنية",
}
PLACE_KINDS = {"country": "دولة", "region": "منطقة", "city": "مدينة", "landmark": "معلم", "other": "مكان"}
ENTITY_LABELS = {"PERS": "شخص", "ORG": "منظمة", "LOC": "موقع", "MISC": "أخرى"}
SPEAKER_TYPES = {"person": "شخص", "organization": "منظمة", "group": "جماعة", "anonymous": "مصدر غير مسمى", "unresolved": "غير محدد"}
TABLES = {"event_type": EVENT_TYPES, "modality": MODALITIES, "topic": TOPICS, "place_kind": PLACE_KINDS, "entity_label": ENTITY_LABELS, "speaker_type": SPEAKER_TYPES}


def label(value: str | None, table: str) -> str:
    """The Arabic label of a code in one of `TABLES`; an unknown code is shown as it is."""
    if value is None:
        return ""
    return TABLES[table].get(value, value)
