"""`motcua pki init`: a CA and one certificate per active agency, keys readable by the owner only."""

from __future__ import annotations

import json
import stat
from io import StringIO

from django.core.management import call_command

from motcua.agencies.models import Agency
from motcua.documents import pki
from motcua.dossiers.sample import World


def test_pki_init_creates_the_ca_and_a_certificate_per_active_agency_with_private_keys_0600(
    world: World,
) -> None:
    out = StringIO()
    call_command("pki", "init", "--json", stdout=out)
    report = json.loads(out.getvalue())
    codes = set(Agency.objects.filter(is_active=True).values_list("code", flat=True))
    assert report["ca_created"] is True
    assert set(report["created"]) == codes
    keys = [pki.ca_paths()[1]] + [pki.agency_paths(code)[1] for code in codes]
    for key in keys:
        assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_pki_init_is_idempotent_and_keeps_existing_keys(world: World) -> None:
    call_command("pki", "init", stdout=StringIO())
    key = pki.agency_paths(world.ward_committee.code)[1]
    before = key.read_bytes()
    out = StringIO()
    call_command("pki", "init", "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["ca_created"] is False and report["created"] == []
    assert key.read_bytes() == before


def test_an_agency_whose_name_exceeds_the_x509_limit_still_gets_a_certificate(world: World) -> None:
    # Lạng Sơn's real names run past 64 UTF-8 bytes (the demo died on one): the name is shortened.
    long_name = "Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ, huyện Văn Quan, tỉnh Lạng Sơn"
    Agency.objects.filter(pk=world.ward_center.pk).update(name=long_name)
    out = StringIO()
    call_command("pki", "init", "--json", stdout=out)
    assert world.ward_center.code in json.loads(out.getvalue())["created"]
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    cert = x509.load_pem_x509_certificate(pki.agency_paths(world.ward_center.code)[0].read_bytes())
    common_name = str(cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value)
    assert long_name.startswith(common_name) and len(common_name.encode("utf-8")) <= 64
