"""The `metadata` opt-out policy: an article whose page opted out of text-and-data mining
(settings.opt_out_signals) is kept with its text withheld.

Applied at the start of enrich: dedup, just before, has used the text to find revisions
and copies (the content_hash of the original text is kept, so a later revision is still
recognised), and nothing mines the text after that: keywords, places, quotes and entities
come out empty. word_count and reading time stay: they describe the page, not its words.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa
import pyarrow.compute as pc


def withheld(rights: Sequence[str] | None, action: str, signals: Sequence[str]) -> bool:
    return action == "metadata" and bool(set(rights or ()) & set(signals))


def withhold_text(articles: pa.Table, action: str, signals: Sequence[str]) -> pa.Table:
    """`articles` with the text of opted-out pages emptied (the rest untouched)."""
    if action != "metadata" or not articles.num_rows or "rights" not in articles.column_names:
        return articles
    mask = pa.array([withheld(r, action, signals)
                     for r in articles.column("rights").to_pylist()], pa.bool_())
    if not pc.any(mask).as_py():
        return articles
    i = articles.schema.get_field_index("text")
    text = pc.if_else(mask, pa.scalar("", articles.schema.field("text").type),
                      articles.column("text"))
    return articles.set_column(i, articles.schema.field("text"), text)
