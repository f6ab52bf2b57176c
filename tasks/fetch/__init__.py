"""Fetch: download the pages of a batch of documents, politely and safely (robots.txt,
per-host delay and cap, retries with backoff honouring Retry-After, deadlines, byte caps,
the address guard), archiving every exchange.

Entry point: `run(documents, FetchConfig, run_id, history=..., archive=...) -> StageResult`;
the wrapper passes the warehouse's fetch history and the WARC writer.
"""

from tasks.fetch.client import FetchConfig, run

__all__ = ["FetchConfig", "run"]
