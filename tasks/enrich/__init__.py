"""Enrich: language, length, places as ISO codes, quotes with speakers, keywords, the
outlet's name/country/type, and (when a spaCy model is configured) named entities.

Entry point: `run(articles, EnrichConfig, run_id, registry) -> StageResult`; the wrapper
loads the outlet registry from the seeds (`outlets.load_outlet_registry`).
"""

from tasks.enrich.annotate import EnrichConfig, run
from tasks.enrich.outlets import load_outlet_registry

__all__ = ["EnrichConfig", "load_outlet_registry", "run"]
