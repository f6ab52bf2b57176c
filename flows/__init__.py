"""Prefect flows and the `pressroom` command."""

from __future__ import annotations

import os
from collections.abc import MutableMapping

# Where the embedded Prefect server listens. With http_proxy/HTTPS_PROXY/ALL_PROXY set,
# Prefect's client would reach it through the proxy, and every run would fail once the
# server start-up timeout passes (issue 11, item 9).
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def loopback_bypasses_proxy(environ: MutableMapping[str, str]) -> None:
    """Add the loopback names to NO_PROXY and no_proxy, keeping what they list (HTTP
    clients read one or the other, the lower-case one first)."""
    for key in ("NO_PROXY", "no_proxy"):
        have = [h.strip() for h in environ.get(key, "").split(",") if h.strip()]
        environ[key] = ",".join(have + [h for h in LOOPBACK if h not in have])


# On import, so it holds before any flow starts the server, whoever calls the flows
# (the CLI, a test, a deployment). The fetcher ignores proxies anyway (trust_env=False).
loopback_bypasses_proxy(os.environ)
