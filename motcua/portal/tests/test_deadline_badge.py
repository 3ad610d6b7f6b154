"""The citizen's pages show "Quá hạn" as soon as the due time passes, with no sweep run."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from motcua.dossiers import services
from motcua.dossiers.models import Applicant, Deadline, Dossier
from motcua.e2e.world import World, submit_birth


def _late(world: World) -> Dossier:
    long_ago = timezone.now() - dt.timedelta(days=30)
    applicant = Applicant(kind=Applicant.Kind.CITIZEN, name=world.citizen.full_name,
                          id_number=world.citizen.id_number, address_unit=world.ward, user=world.citizen)
    dossier = services.submit_online(world.citizen, world.birth, applicant, world.ward_center, at=long_ago,
                                     competent_agency=world.ward_committee,
                                     documents=services.catalog_documents(world.birth))
    services.receive_dossier(world.receptionist, dossier, at=long_ago + dt.timedelta(minutes=5))
    return dossier


def test_my_dossiers_flags_the_late_one_only(client: Client, world: World) -> None:
    late = _late(world)
    fresh = submit_birth(world)
    services.receive_dossier(world.receptionist, fresh)
    assert Dossier.objects.get(pk=late.pk).deadline_state == Deadline.OK  # never swept
    client.force_login(world.citizen)
    page = client.get("/portal/dossiers/").content.decode()
    assert page.count("badge due-overdue") == 1
    detail = client.get(f"/portal/dossiers/{late.code}/").content.decode()
    assert "badge due-overdue" in detail
    assert "badge due-overdue" not in client.get(f"/portal/dossiers/{fresh.code}/").content.decode()
