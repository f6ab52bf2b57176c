"""Discover: paths and URLs (text dumps, URL lists, sources files with feeds and sitemaps,
WARC files, bare URLs) -> the documents to fetch, malformed inputs rejected with a reason.

Entry point: `run(inputs, DiscoverConfig, run_id, known=..., fetch_urls=...) -> StageResult`;
the wrapper passes what the warehouse already settled and a fetcher for feeds and
sitemaps. WARC inputs come back in `pending`, streamed later batch by batch
(`stage_warc_input`, `staged_batch`).
"""

from tasks.discover import ccnews  # backfill selection over dated WARC files
from tasks.discover.inputs import (
    DiscoverConfig,
    fetch_urls_via,
    run,
    source_host_delays,
    stage_warc_input,
    staged_batch,
)

__all__ = ["DiscoverConfig", "ccnews", "fetch_urls_via", "run", "source_host_delays",
           "stage_warc_input", "staged_batch"]
