"""What changed between two revisions of an article, field by field, and correction notices.

Pure functions over ARTICLES rows (dicts). Revisions come from dedup (same article_id,
changed text under --refresh: revision + 1); `pressroom diff` reads them from the
warehouse and shows `diff_revisions` of each consecutive pair; the `revisions` view
(schemas/views/14_revisions.sql) gives the same comparison in SQL, with paragraph counts.

Text is compared paragraph by paragraph (paragraphs are separated by blank lines in
`articles.text`): a sentence fixed inside a paragraph shows as that paragraph removed and
its new version added, which is how an editor's correction reads anyway.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

# Correction and update notices as newsrooms print them. The same pattern (RE2-compatible)
# is in schemas/views/14_revisions.sql; tests/unit/common/test_revisions.py checks both
# carry it.
CORRECTION_PATTERN = (
    r"(?i)(^|\n)\s*\W{0,3}(correction|corrections|clarification|editor's note|editor’s note"
    r"|update|updated)\s*(\([^)\n]{0,40}\))?\s*[:\-–—]"
    r"|this (article|story|report|post) (has been|was) (updated|corrected|amended|changed)"
    r"|an earlier version of this (article|story|report|post)"
)
_CORRECTION = re.compile(CORRECTION_PATTERN)
# Compared as they are stored; these are what a reader would call "the article changed".
FIELDS = ("title", "published_at", "authors", "description")
NOTICE_CHARS = 300


def paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split("\n\n") if p.strip()]


def diff_paragraphs(old: str | None, new: str | None) -> tuple[list[str], list[str]]:
    """(added, removed) paragraphs, in text order (difflib on the paragraph lists)."""
    a, b = paragraphs(old), paragraphs(new)
    added, removed = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            removed += a[i1:i2]
        if tag in ("replace", "insert"):
            added += b[j1:j2]
    return added, removed


def correction_notices(text: str | None) -> list[str]:
    """The paragraphs of `text` that carry a correction or update notice ("Correction:",
    "This article has been updated ...", "An earlier version of this story ...")."""
    return [p[:NOTICE_CHARS] for p in paragraphs(text) if _CORRECTION.search("\n" + p)]


@dataclass
class RevisionDiff:
    article_id: str
    from_revision: int
    to_revision: int
    from_run: str | None
    to_run: str | None
    changed: dict[str, tuple] = field(default_factory=dict)  # field -> (old, new)
    added: list[str] = field(default_factory=list)  # paragraphs
    removed: list[str] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)  # notices new in this revision

    @property
    def text_changed(self) -> bool:
        return bool(self.added or self.removed)


def _norm(name: str, value):
    if name == "authors":
        return sorted(value or [])
    return value or None


def diff_revisions(old: dict, new: dict) -> RevisionDiff:
    """What changed from `old` to `new` (two rows of one article)."""
    out = RevisionDiff(new["article_id"], int(old.get("revision") or 1),
                       int(new.get("revision") or 1), old.get("run_id"), new.get("run_id"))
    for name in FIELDS:
        before, after = _norm(name, old.get(name)), _norm(name, new.get(name))
        if before != after:
            out.changed[name] = (old.get(name), new.get(name))
    out.added, out.removed = diff_paragraphs(old.get("text"), new.get("text"))
    seen = set(correction_notices(old.get("text")))
    out.corrections = [n for n in correction_notices(new.get("text")) if n not in seen]
    return out


def diff_history(rows: list[dict]) -> list[RevisionDiff]:
    """The diffs of consecutive revisions of one article (rows in any order)."""
    ordered = sorted(rows, key=lambda r: (int(r.get("revision") or 1), r.get("run_id") or ""))
    return [diff_revisions(a, b) for a, b in zip(ordered, ordered[1:], strict=False)]
