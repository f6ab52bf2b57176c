"""`pressroom ingest` named a symbolic link to nothing, or a loop of links (fault round
51): "no such input: in/loop", of a name `ls` lists, sent the user looking for a typo.
The refusal now says what the link is, as a reject of one met in a folder does."""

from __future__ import annotations

from typer.testing import CliRunner

from flows.cli import app


def test_a_broken_link_named_as_an_input_says_what_it_is(tmp_path, warehouse):
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    (tmp_path / "dangling.urls").symlink_to("gone.urls")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "loop"), str(tmp_path / "a"),
                                      str(tmp_path / "dangling.urls"), "-w", str(warehouse)])
    said = " ".join(result.output.split())
    assert result.exit_code == 2, said
    assert f"no such input: {tmp_path / 'loop'}: a loop of symbolic links (to 'loop')" in said
    assert f"no such input: {tmp_path / 'a'}: a loop of symbolic links (to 'b')" in said
    assert (f"no such input: {tmp_path / 'dangling.urls'}: a symbolic link to 'gone.urls', "
            "which does not exist") in said
    assert "Traceback" not in said


def test_a_missing_name_is_still_just_missing(tmp_path, warehouse):
    """The guard: a name that is nothing at all is refused as before, with no more words."""
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "typo.urls"),
                                      "-w", str(warehouse)])
    assert result.exit_code == 2
    assert " ".join(result.output.split()) == f"no such input: {tmp_path / 'typo.urls'}"
