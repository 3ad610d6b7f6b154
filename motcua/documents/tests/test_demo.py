"""The demo step: keys for every active agency and one digitised birth certificate, idempotent."""

from __future__ import annotations

import types
from io import StringIO
from pathlib import Path

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.documents import demo, pki
from motcua.documents.models import DigitisedDocument
from motcua.dossiers.sample import World


def test_demo_step_gives_every_agency_a_key_and_the_demo_citizen_a_document_once(world: World,
                                                                                   tmp_path: Path) -> None:
    User.objects.create(username=demo.DEMO_CITIZEN, role=Role.CITIZEN, id_number="020090001234",
                        full_name="Hoàng Văn An")
    command = types.SimpleNamespace(stdout=StringIO())
    demo.load(command, tmp_path)
    demo.load(command, tmp_path)
    for code in Agency.objects.values_list("code", flat=True):
        assert pki.agency_paths(code)[1].exists()
    (document,) = DigitisedDocument.objects.filter(holder_identifier="020090001234")
    assert (document.number, document.document_type) == ("125/2025/KS", "Giấy khai sinh")
