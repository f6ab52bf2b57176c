"""Cleaning filters, applied to the cleaned text: each returns a Verdict or None.

Reason codes (the REJECTS.reason column):
    too_short          fewer words than min_words after cleaning
    wrong_language     detected language not in target_languages (when set)
    opted_out          the page carries an opt-out signal and opt_out_action is "skip"
"""

from __future__ import annotations

from collections.abc import Sequence

from tasks.common.result import Verdict
from tasks.common.text import word_count


def too_short(text: str, min_words: int) -> Verdict | None:
    """Teasers, captions, paywall stubs and error pages are shorter than a news article."""
    n = word_count(text)
    if n < min_words:
        return Verdict("too_short", f"{n} words < min_words={min_words}")
    return None


def opted_out(rights: Sequence[str] | None, action: str, signals: Sequence[str]
              ) -> Verdict | None:
    """Reject a page whose publisher opted out (settings.opt_out_signals) when the policy
    is to skip such pages; "keep" and "metadata" keep it (enrich withholds the text)."""
    found = sorted(set(rights or ()) & set(signals))
    if action == "skip" and found:
        return Verdict("opted_out", "the page says " + ", ".join(found))
    return None


def wrong_language(
    language: str | None, target_languages: Sequence[str], score: float | None = None
) -> Verdict | None:
    """Reject a confidently detected language outside the configured targets.

    An unknown language (too little text, no <html lang>) is kept: a filter must not drop
    what it cannot judge.
    """
    if not target_languages or not language:
        return None
    targets = {t.lower().split("-")[0] for t in target_languages}
    if language.lower() not in targets:
        conf = f" (p={score:.2f})" if score is not None else ""
        return Verdict("wrong_language", f"{language}{conf} not in {sorted(targets)}")
    return None
