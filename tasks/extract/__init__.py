"""Extract: fetched HTML -> article text and metadata (trafilatura, one parse per page);
text dumps -> articles directly. Listing pages and pages with no text are rejected.

Entry point: `run(documents, ExtractConfig, run_id) -> StageResult`.
"""

from tasks.extract.pages import ExtractConfig, run

__all__ = ["ExtractConfig", "run"]
