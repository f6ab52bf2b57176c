"""Seed 83 (session 58): `CheckedOutput` and `names_standard_output` (fault round 59),
pinned by what hand mutants CO1-CO8 and NS1-NS4 of seed 83 changed (TESTING.md). The real
commands' failures: tests/reliability/test_round59_*."""

from __future__ import annotations

import errno
import io
import os

import pytest

from flows.terminal import CheckedOutput, names_standard_output


class Ended(Exception):
    pass


def _end(exc: OSError):
    raise Ended(exc.errno)


class Broken(io.StringIO):
    """A stream whose writes fail with `err` (a full disk, a closed pipe)."""

    def __init__(self, err: int) -> None:
        super().__init__()
        self.err = err
        self.buffer = self  # the bytes' stream, failing alike

    def _fail(self, *_):
        raise OSError(self.err, os.strerror(self.err))

    write = writelines = flush = _fail


@pytest.mark.parametrize("call", [lambda o: o.write("x"), lambda o: o.writelines(["x"]),
                                  lambda o: o.flush(), lambda o: o.buffer.write(b"x")])
def test_a_failed_write_ends_the_command_through_its_handler(call) -> None:
    out = CheckedOutput(Broken(errno.ENOSPC), _end)
    with pytest.raises(Ended) as ended:
        call(out)
    assert ended.value.args == (errno.ENOSPC,)


@pytest.mark.parametrize("call", [lambda o: o.write("x"), lambda o: o.writelines(["x"]),
                                  lambda o: o.flush()])
def test_a_closed_pipe_is_passed_on_to_click(call) -> None:
    out = CheckedOutput(Broken(errno.EPIPE), _end)
    with pytest.raises(BrokenPipeError):
        call(out)


def test_writes_that_succeed_reach_the_stream_and_say_how_much() -> None:
    stream = io.StringIO()
    out = CheckedOutput(stream, _end)
    assert out.write("abc") == 3
    out.writelines(["d", "e"])
    out.flush()
    assert stream.getvalue() == "abcde"
    assert out.getvalue() == "abcde"  # any other attribute is the stream's


def test_standard_output_is_named_by_its_file_not_by_its_inode_alone(tmp_path) -> None:
    target = tmp_path / "out.txt"
    other = tmp_path / "other.txt"
    other.write_text("")
    saved = os.dup(1)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT)
        os.dup2(fd, 1)
        os.close(fd)
        assert names_standard_output(str(target))
        assert not names_standard_output(str(other))
        assert names_standard_output("/dev/fd/1")
        assert not names_standard_output("no\0such")  # (ValueError: a NUL in the path)
    finally:
        os.dup2(saved, 1)
        os.close(saved)
