"""A new online dossier carries the rows its submission wrote; the next transition forgets them."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.dossiers import services
from motcua.dossiers.models import DossierDocument, DossierFile

from .conftest import World, at

PDF = b"%PDF-1.4 scan"


def test_the_submitted_dossier_carries_its_documents_and_files_until_the_next_transition(
        world: World) -> None:
    documents = services.catalog_documents(world.birth)
    dossier = services.submit_online(
        world.citizen, world.birth, world.applicant(world.citizen), world.ward_center,
        at=at("2026-03-02 07:00"),
        files=[(d.requirement_id, ContentFile(PDF, name=f"{i}.pdf")) for i, d in enumerate(documents)],
    )
    with CaptureQueriesContext(connection) as reads:
        carried = (list(dossier.documents.all()), list(dossier.files.all()), list(dossier.steps.all()),
                   list(dossier.supplement_requests.all()))
    assert len(reads) == 0
    assert carried[0] == list(DossierDocument.objects.filter(dossier=dossier).order_by("id"))
    assert carried[1] == list(DossierFile.objects.filter(dossier=dossier).order_by("id"))
    assert [f.document_id for f in carried[1]] == [d.pk for d in carried[0]]
    assert carried[2] == [] and carried[3] == []
    # Reception creates the steps: the object in hand reads its lists again.
    services.receive_dossier(world.receptionist, dossier, at=at("2026-03-02 08:00"), forward=True)
    assert [s.order for s in dossier.steps.all()] == list(
        dossier.steps.model.objects.filter(dossier=dossier).order_by("order").values_list("order", flat=True))
    assert len(dossier.steps.all()) > 0
