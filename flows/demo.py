"""`pressroom demo`: serve the generated news site (flows/demo_site.py) on loopback, run
the ingest flow against it, and build the report. Wiring only."""

from __future__ import annotations

import tempfile
from pathlib import Path

from flows.demo_site import generate, serve
from tasks.common.settings import Settings

# The same port on every outlet address, so a second demo run finds the same URLs (and
# adds nothing); a busy port falls back to a free one.
DEMO_PORT = 8731


def demo_settings(settings: Settings, seeds: Path) -> Settings:
    """The run's settings for the demo site: loopback allowed (explicitly, for these
    hosts only), no politeness delay, quick retries of the broken pages."""
    return settings.model_copy(update={
        "seeds": seeds,
        "allowed_networks": sorted({*settings.allowed_networks, "127.0.0.0/8"}),
        "per_host_delay_s": 0.0,
        "max_retries": 1,
        "backoff_base_s": 0.05,
        "backoff_max_s": 0.2,
        "request_timeout_s": 10.0,
    })


def run_demo(settings: Settings, days: int = 28, per_day: float = 2.5, seed: int = 7,
             port: int = DEMO_PORT) -> dict:
    """Generate, serve and ingest the demo site into settings.warehouse; returns the run
    manifest (with the report's path) of the ingest flow."""
    from flows.ingest import ingest

    site = generate(seed=seed, days=days, per_day=per_day)
    with tempfile.TemporaryDirectory(prefix="pressroom-demo-") as tmp, serve(site, port):
        seeds = Path(tmp)
        (seeds / "sources.toml").write_text(site.sources_toml(), encoding="utf-8")
        return ingest(inputs=[str(seeds / "sources.toml")],
                      settings=demo_settings(settings, seeds))
