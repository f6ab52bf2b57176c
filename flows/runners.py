"""Where a flow's tasks run, chosen from the settings: this machine (threads for the
batches, worker processes inside the CPU-bound tasks) or a Dask cluster (`dask_address`,
through prefect-dask). Wiring only."""

from __future__ import annotations

from prefect import Flow
from prefect.task_runners import ThreadPoolTaskRunner

from tasks.common.settings import Settings

# Threads overlap the batches' I/O (fetch); CPU-bound work runs in worker processes inside
# the tasks (tasks/common/parallel.py), so threads do not fight over the GIL.
LOCAL_THREADS = 4


def local_runner() -> ThreadPoolTaskRunner:
    return ThreadPoolTaskRunner(max_workers=LOCAL_THREADS)


def runner_at_import():
    """The task runner a flow module gets when it is imported: the Dask cluster if this
    process's settings name one (PRESSROOM_DASK_ADDRESS, pressroom.toml), else local.

    Chosen at import because a served deployment's run (`pressroom serve`, a Prefect
    worker) loads the flow from its module path in a fresh process: a runner swapped in
    at call time (`on_runner`, what `pressroom ingest` does) never reaches it, and the
    setting would be silently ignored. Invalid settings fall back to local here; the
    flow reads them again and reports the error."""
    from pydantic import ValidationError
    from pydantic_settings import SettingsError

    try:
        address = Settings().dask_address
    except (ValidationError, SettingsError):
        address = None
    if not address:
        return local_runner()
    from prefect_dask import DaskTaskRunner

    return DaskTaskRunner(address=address)


def for_cluster(settings: Settings) -> Settings:
    """The settings as Dask workers must see them: paths made absolute, since a worker
    resolves a relative path against its own working directory (and, on another machine,
    the warehouse must be on shared storage mounted at this same path)."""
    if not settings.dask_address:
        return settings
    return settings.model_copy(update={"warehouse": settings.warehouse.resolve(),
                                       "seeds": settings.seeds.resolve()})


def on_runner(flow: Flow, settings: Settings) -> Flow:
    """The flow as the settings want it run: unchanged (local), or with its submitted
    tasks on the Dask cluster at `settings.dask_address`. The flow body itself (commits,
    manifests) stays in this process either way."""
    if not settings.dask_address:
        return flow
    from prefect_dask import DaskTaskRunner

    return flow.with_options(task_runner=DaskTaskRunner(address=settings.dask_address))
