"""Running a command while a folder is read-only to it: a backup, a snapshot, a
container's volume, another user's warehouse."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

# Bind the folder ($0) onto itself, read-only, then run the command ($@) under it.
_BIND_READ_ONLY = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'


def run_read_only(folder: Path, command: list[str], *, mount_only: bool = False,
                  **run_kwargs) -> subprocess.CompletedProcess:
    """`command` run (subprocess.run with `run_kwargs`) while `folder` cannot be written.

    Root writes through any permission, so as root the folder is a read-only bind mount
    in a mount namespace of the command's own; as another user its folders lose their
    write permission for the run. `mount_only`: skip rather than use permissions (a test
    whose point is a read-only file system, not a refused permission). Skips where no
    mount namespace can be made."""
    if os.geteuid() == 0 or mount_only:
        wrapped = ["unshare", "-m", "sh", "-c", _BIND_READ_ONLY, str(folder)]
        if subprocess.run([*wrapped, "true"], capture_output=True).returncode != 0:
            pytest.skip("no mount namespace here to mount the folder read-only")
        return subprocess.run([*wrapped, *command], **run_kwargs)
    folders = [folder, *(p for p in folder.rglob("*") if p.is_dir())]
    for each in folders:
        each.chmod(each.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        return subprocess.run(command, **run_kwargs)
    finally:
        for each in folders:
            each.chmod(each.stat().st_mode | stat.S_IWUSR)
