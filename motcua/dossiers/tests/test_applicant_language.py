"""The applicant's language (STYLE.md rule 10): taken when a citizen submits online, Vietnamese otherwise."""

from __future__ import annotations

import pytest
from django.utils import translation

from motcua.dossiers import services
from motcua.dossiers.models import Dossier

from .conftest import World, at


def _submit(world: World, language: str | None = None) -> Dossier:
    return services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 07:00"),
        language=language, documents=services.catalog_documents(world.birth),
    )


@pytest.mark.parametrize(("active", "expected"), [("en", "en"), ("en-us", "en"), ("vi", "vi")])
def test_an_online_submission_keeps_the_language_the_citizen_uses(
    world: World, active: str, expected: str
) -> None:
    with translation.override(active):
        dossier = _submit(world)
    dossier.applicant.refresh_from_db()
    assert dossier.applicant.language == expected


def test_an_explicit_language_wins_and_an_unsupported_one_falls_back_to_vietnamese(world: World) -> None:
    assert _submit(world, language="en").applicant.language == "en"
    with translation.override("en"):
        assert _submit(world, language="fr").applicant.language == "vi"


def test_a_dossier_received_at_the_counter_is_vietnamese(world: World) -> None:
    with translation.override("en"):  # an officer whose screen is in English
        dossier = services.receive_new_dossier(
            world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
            documents=services.catalog_documents(world.birth)
        )
    assert dossier.applicant.language == "vi"
