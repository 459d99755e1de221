"""Made-up news texts for the story tests: one agency text, a trimmed copy, an independent report, an unrelated one."""

from __future__ import annotations

from tests.store.factories import make_analysis

AGENCY = (
    "أعلنت وزارة الزراعة اليوم عن إطلاق برنامج وطني لزراعة مليون شجرة نخيل في منطقة القصيم خلال العامين "
    "المقبلين، بتكلفة تبلغ ثلاثمائة مليون ريال. وقال وكيل الوزارة إن البرنامج يهدف إلى دعم المزارعين وزيادة "
    "إنتاج التمور وتوفير فرص عمل للشباب في القرى والمحافظات. وأضاف أن التسجيل في البرنامج يبدأ الأسبوع "
    "المقبل عبر الموقع الإلكتروني للوزارة، وأن الأولوية ستكون لصغار المزارعين."
)
# The same agency text, its last sentence dropped and two words changed, as a paper reprints it.
TRIMMED = (
    "أعلنت وزارة الزراعة عن إطلاق برنامج وطني لزراعة مليون شجرة نخيل في منطقة القصيم خلال العامين "
    "القادمين، بتكلفة تبلغ ثلاثمائة مليون ريال. وقال وكيل الوزارة إن البرنامج يهدف إلى دعم المزارعين وزيادة "
    "إنتاج التمور وتوفير فرص عمل للشباب في القرى والمحافظات."
)
# The same story written by another reporter: the same names and facts, none of the sentences.
INDEPENDENT = (
    "كشف وكيل وزارة الزراعة أن مليون نخلة ستزرع في منطقة القصيم ضمن برنامج وطني لزراعة النخيل تصل "
    "ميزانيته إلى ثلاثمائة مليون ريال، مؤكدا أن صغار المزارعين سيحظون بالأولوية عند فتح باب التسجيل في "
    "البرنامج. ويأتي برنامج النخيل في إطار خطط وزارة الزراعة لرفع إنتاج التمور في القصيم."
)
UNRELATED = (
    "فاز فريق النصر على فريق الاتحاد بثلاثة أهداف مقابل هدف في المباراة التي أقيمت مساء أمس على ملعب "
    "جامعة الملك سعود، وسجل المهاجم البرازيلي هدفين في الشوط الثاني. وبهذا الفوز يتصدر النصر ترتيب "
    "الدوري برصيد عشرين نقطة، فيما تراجع الاتحاد إلى المركز الخامس."
)
AGENCY_TITLE = "برنامج لزراعة مليون نخلة في القصيم"


def analysis(text: str, article_id: str, day: str, *, title: str | None = AGENCY_TITLE, source: str = "paper") -> dict:
    return make_analysis(text, article_id, title=title, date=day, source=source)
