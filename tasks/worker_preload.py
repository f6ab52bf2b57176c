"""What the worker pool's forkserver imports once before it forks the workers
(tasks.steps.warm_up_stages names it; tasks.common.parallel.preload_in_workers): the
modules of the stages that run on workers (extract, clean, enrich) and their one-time loads
(language model, jusText stop list, gazetteer automaton, stop words, demonyms).

Loaded once there, every worker has them from its first instruction, their memory shared
copy-on-write; before, each worker imported and loaded them itself, ~5 s of CPU per
worker on the 2-core benchmark machine, while Prefect's temporary server was starting on
the same cores (BENCHMARKS.md, issue 10, "Start-up"). Importing this module is the whole
point: it has nothing to call.
"""

from __future__ import annotations

from tasks import clean, enrich, extract

try:
    extract.pages.warm_up()
    enrich.annotate.warm_up()
except Exception:  # noqa: BLE001 -- an optimisation: a worker without them loads them on use
    pass

__all__ = ["clean", "enrich", "extract"]
