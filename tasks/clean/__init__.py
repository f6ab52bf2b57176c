"""Clean: normalise text (unicode, whitespace, glued paragraphs), drop boilerplate lines,
and reject articles left too short or in an unwanted language.

Entry point: `run(articles, CleanConfig, run_id) -> StageResult`.
"""

from tasks.clean.text import CleanConfig, run

__all__ = ["CleanConfig", "run"]
