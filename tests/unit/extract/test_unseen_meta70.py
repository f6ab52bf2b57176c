"""Session 60, family V's authors (`bench/bench_meta_generated.py --unseen V`), which round
20 measured (0.747: every credited page missed) and left to the author side: the Gulf and
Egyptian press's "كتب: X" (wrote) kept the label in the name, the Persian "نویسنده: X |
عکس: Y" (writer, photo) kept both labels and the photographer (and family X's Persian
"به قلم X", by the pen of, and Dari "گزارشگر: X", reporter, their labels), and a Chinese-language
wire dispatch naming its reporter at the story's start, Taiwan's CNA "（中央社記者張家豪台北
3日電）" (the name glued to the place), was read for no one. The mainland's form, the
reporters after the dispatch ("新华社北京12月3日电（记者张伟、李娜）"), is the same credit
and read with it. Near misses beside each: a photographer alone, a dispatch that names no
reporter, a story that merely mentions reporters. Each page goes through `page_metadata`
whole."""

from __future__ import annotations

import pytest

from tests.unit.extract.article_pages import article_page, metadata_of

STORY = {
    "ar": "<p>وقال مسؤولون إن الأرقام ستراجع مرة أخرى الشهر المقبل، وطالب السكان بجلسة استماع"
          " عامة.</p>" * 3,
    "fa": "<p>مقامات گفتند ارقام ماه آینده دوباره بررسی می‌شود و ساکنان ساحل خواستار جلسه "
          "استماع عمومی شدند.</p>" * 3,
    "zh": "<p>官員表示，相關數字將在下個月再次審查，沿岸居民要求舉行公聽會。</p>" * 3,
}
HEADLINE = {"ar": "تعثر خطة تعميق الميناء", "fa": "طرح لایروبی بندر متوقف شد",
            "zh": "港口疏浚計畫因成本上漲而擱置"}
DATED = '<span class="date">2026-12-03</span>'


def credited(credit: str, lang: str) -> list[str]:
    """The authors of a page whose credit is a plain author-classed element under the
    headline."""
    html = article_page(f"{credit}{DATED}", headline=HEADLINE[lang], site="Example",
                        lang=lang, body=STORY[lang], footer="© Example")
    return metadata_of(html, "https://www.example.com/news/1.html").authors


def opened_by(opening: str, lang: str = "zh") -> list[str]:
    """The authors of a page with no credit under the headline whose story's first
    paragraph opens with `opening`."""
    body = f"<p>{opening}{STORY[lang][3:]}"
    html = article_page(DATED, headline=HEADLINE[lang], site="Example", lang=lang, body=body,
                        footer="© Example")
    return metadata_of(html, "https://www.example.com/news/1.html").authors


# --- Arabic "كتب:" (wrote) and Persian "نویسنده:" (writer) as byline labels ---------------

def test_the_arabic_wrote_label_is_no_part_of_the_name():
    assert credited('<p class="author">كتب: نورة القحطاني</p>', "ar") == ["نورة القحطاني"]


def test_the_persian_writer_label_is_no_part_of_the_name_and_the_photographer_no_author():
    got = credited('<div class="author">نویسنده: حسین محمدی | عکس: سارا کریمی</div>', "fa")
    assert got == ["حسین محمدی"]


def test_the_persian_reporter_label_is_no_part_of_the_name():
    assert credited('<div class="author">خبرنگار: علی رضایی</div>', "fa") == ["علی رضایی"]


def test_the_persian_by_the_pen_of_label_is_no_part_of_the_name():
    # (family X's, session 60: "به قلم" is Persian's "بقلم", in two words)
    assert credited('<div class="author">به قلم علی رضایی</div>', "fa") == ["علی رضایی"]


def test_the_dari_reporter_label_is_no_part_of_the_name():
    # Afghanistan's "گزارشگر" (reporter), family X's
    assert credited('<div class="author">گزارشگر: زهرا حیدری</div>', "fa") == ["زهرا حیدری"]


def test_an_arabic_photographers_credit_after_the_writer_is_no_author():
    got = credited('<p class="author">بقلم: أحمد السيد | تصوير: محمد علي</p>', "ar")
    assert got == ["أحمد السيد"]


def test_a_persian_photographer_alone_is_no_author():
    # (near miss: the photo label credits the picture, not the story)
    assert credited('<div class="author">عکس: سارا کریمی</div>', "fa") == []


# --- a Chinese-language wire dispatch naming its reporters ------------------------------

@pytest.mark.parametrize("opening, names", [
    ("（中央社記者張家豪台北3日電）", ["張家豪"]),
    ("（中央社記者林志明華盛頓14日電）", ["林志明"]),
    # two reporters, the place glued to the second
    ("（中央社記者張家豪、林志明東京3日專電）", ["張家豪", "林志明"]),
    # a place of no list: the name taken as three ideographs
    ("（中央社記者張家豪竹北3日電）", ["張家豪"]),
    # a two-ideograph name before a known place
    ("（中央社記者林明台中3日電）", ["林明"]),
    # the mainland's: the dispatch, then its reporters in brackets
    ("新华社北京12月3日电（记者张伟、李娜）", ["张伟", "李娜"]),
    ("本报讯（记者 张伟）", ["张伟"]),
])
def test_a_dispatch_opening_the_story_names_its_reporters(opening, names):
    assert opened_by(opening) == names


@pytest.mark.parametrize("opening", [
    "（中央社台北3日電）",  # the agency's dispatch, no reporter named
    "记者会上，官員表示",  # "at the press conference": no credit
    "多名記者3日在現場採訪，",  # reporters mentioned in the story
])
def test_a_paragraph_naming_no_dispatch_reporter_gives_no_author(opening):
    assert opened_by(opening) == []
