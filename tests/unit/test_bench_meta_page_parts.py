"""The page parts families N to S of the metadata benchmark share
(bench/bench_meta_generated.py): what each writes, and that each draws from the page's
random stream as the inline code it replaced did (one draw more or less would change every
later page of the family)."""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta, timezone
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import bench_meta_generated as bmg  # noqa: E402 -- bench/ is not a package


def test_stamp_since_2024_draws_hour_minute_then_day_on_the_sites_clock() -> None:
    tz = timezone(timedelta(hours=-3))
    for seed in range(20):
        r = random.Random(seed)
        want = datetime(2024, 1, 1, r.randint(0, 23), r.randint(0, 59), tzinfo=tz) \
            + timedelta(days=r.randint(0, 1060))
        got = bmg._stamp_since_2024(random.Random(seed), tz)
        assert got == want and got.utcoffset() == timedelta(hours=-3)
        assert datetime(2024, 1, 1, tzinfo=tz) <= got < datetime(2026, 11, 27, tzinfo=tz)


def test_title_slug_keeps_the_words_lowercased_and_cuts_at_sixty() -> None:
    assert bmg._title_slug("Rada miasta: nowa linia (2026)!") == "rada-miasta-nowa-linia-2026"
    long = bmg._title_slug("word " * 30)
    assert len(long) == 60 and long.startswith("word-word")
    assert bmg._title_slug("항만 준설 계획") == "항만-준설-계획"  # any script's words


def test_filler_paras_writes_two_to_four_doubled_paragraphs() -> None:
    counts = set()
    for seed in range(30):
        out = bmg._filler_paras("Text & more.", random.Random(seed))
        n = out.count("<p>")
        counts.add(n)
        assert out == "<p>Text & more. Text & more.</p>" * n  # the filler is written as given
    assert counts == {2, 3, 4}


def test_related_on_a_page_without_it_draws_once_and_writes_nothing() -> None:
    for seed in range(40):
        r, probe = random.Random(seed), random.Random(seed)
        if probe.random() < 0.6:
            continue
        assert bmg._related(r, 1, "Read", lambda: "x", "%d", lambda: "y") == ""
        assert r.random() == probe.random()  # nothing drawn after the one roll
        return
    raise AssertionError("no seed without a related list")


def test_related_draws_story_day_writer_per_item_and_escapes_them() -> None:
    heads, names = ("A & B", "C <d>"), ("Ann", "Bo")
    shown = 0
    for seed in range(40):
        r = random.Random(seed)
        got = bmg._related(r, 7, "Mehr", lambda r=r: r.choice(heads), "%d.%m.%Y",
                           lambda r=r: r.choice(names))
        w = random.Random(seed)
        if w.random() >= 0.6:
            assert got == ""
            continue
        items = ""
        for k in range(3):
            head = w.choice(heads)
            day = (bmg.NOW - timedelta(days=w.randint(0, 30))).date()
            items += (f'<li><a href="/r/7-{k}">{escape(head)}</a> '
                      f'<span class="date">{day:%d.%m.%Y}</span> '
                      f"<span>{w.choice(names)}</span></li>")
        assert got == f'<aside class="related"><h3>Mehr</h3><ul>{items}</ul></aside>'
        shown += 1
    assert 0 < shown < 40


def test_masthead_page_places_its_parts_and_escapes_the_title() -> None:
    page = bmg._masthead_page("ar", "Rates <up> | Site & Co", "<meta x>", "https://s.example/1",
                              "<a>logo</a>", "<article>S</article>", "Site & Co",
                              html_attrs=' dir="rtl"', rail="<aside>rail</aside>",
                              rights=". All rights reserved.")
    assert page.startswith('<!DOCTYPE html><html lang="ar" dir="rtl"><head>')
    assert "<title>Rates &lt;up&gt; | Site &amp; Co</title><meta x>" in page
    assert '<link rel="canonical" href="https://s.example/1"></head>' in page
    assert ('<header class="masthead"><a>logo</a></header><aside>rail</aside>'
            "<main><article>S</article></main>") in page
    assert page.endswith(f"<footer><p>© {bmg.NOW.year} Site &amp; Co. All rights reserved."
                         "</p></footer></body></html>")
    plain = bmg._masthead_page("en", "T", "", "u", "", "", "S")
    assert "</header><main></main><footer><p>© 2026 S</p>" in plain
    assert bmg.NOW.tzinfo is UTC
