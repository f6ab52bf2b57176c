"""Seed 83 (session 58): metadata rounds 15-16 where no test pinned a part of a rule, as
seed 83's hand mutants showed (TESTING.md). Each page goes through `page_metadata` whole,
as the rounds' own tests do."""

from __future__ import annotations

import pytest

from tests.unit.extract import test_unseen_meta63 as q
from tests.unit.extract import test_unseen_meta64 as r
from tests.unit.extract.test_contribution_notes57 import authors_with_credit


@pytest.mark.parametrize("label", ["Redaktur", "Penyunting", "Editor"])
def test_the_editor_after_the_writer_is_no_author_by_each_label(label: str) -> None:
    # Indonesian "Redaktur" and "Penyunting" name the editor as "Editor" does
    assert q.authors(f"Penulis: Budi Saputra | {label}: Fajar Rahmawati", "id") == [
        "Budi Saputra"]


def test_a_lower_case_particle_before_a_lower_case_word_is_a_surnames() -> None:
    # "de" is the label only before a capital: "de la Fuente" is one surname, whole
    assert [a.lower() for a in r.authors("de la Fuente", "es")] == ["de la fuente"]


def test_a_writing_credit_with_places_names_each_writer() -> None:
    # a wire's credit line whole ("Writing by", as "Reporting by"): its places go later
    assert authors_with_credit("Writing by Anna Keller in Brussels and Tom Kurz in Kyiv; "
                               "Editing by Jo Lane") == ["Anna Keller", "Tom Kurz"]
