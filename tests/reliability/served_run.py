"""A pressroom ingest run started the way a served deployment's run is (fault round 58):

    python -m tests.reliability.served_run URL WAREHOUSE

`pressroom serve` hands its flows to Prefect's `serve`, whose runner (Prefect 3.9,
prefect/runner/_starter_direct.py) starts each run with `run_flow_in_subprocess`: a
spawned process that runs the flow, and a stop (a cancel, the runner shutting down)
reaches that process as SIGTERM (runner/_process_manager.py `graceful_kill`). A worker
runs `python -m prefect.engine`, which also runs the flow in its process's main thread.
This prints the flow process's id ("flow-process <pid>"), waits for it and prints its
exit code ("exit <code>")."""

from __future__ import annotations

import sys
from pathlib import Path


def main(url: str, warehouse: str) -> None:
    from prefect.flow_engine import run_flow_in_subprocess

    from flows.ingest import ingest
    from tasks.common.settings import Settings

    settings = Settings(warehouse=Path(warehouse))  # the rest from PRESSROOM_* variables
    process = run_flow_in_subprocess(ingest, parameters={"inputs": [url],
                                                         "settings": settings})
    print("flow-process", process.pid, flush=True)
    process.join()
    print("exit", process.exitcode, flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])
