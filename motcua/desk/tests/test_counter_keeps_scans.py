"""Scans attached at the counter survive a refused attempt (a mistyped ID number, a reused form):
shown as attached, received with the dossier on the next attempt without scanning again, cleaned."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.test import Client

from motcua.dossiers import held_uploads
from motcua.dossiers.models import Dossier
from motcua.e2e.world import World

from .test_counter import _data
from .test_counter_twice import COUNTER, _key


def _tokens(page: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="held_(scan_\d+)" value="([0-9a-f]+)">', page))


def _without_scans(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if not k.startswith("scan_")}


def _held_files(media_root: Path) -> list[Path]:
    folder = media_root / "held"
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def test_a_mistyped_id_number_keeps_the_scans_for_the_next_attempt(
        client: Client, world: World, media_root: Path) -> None:
    client.force_login(world.receptionist)
    key = _key(client)
    refused = client.post(COUNTER, _data(world, submission_key=key, id_number="0201880077"))
    assert refused.status_code == 400 and not Dossier.objects.exists()
    page = refused.content.decode()
    scans = {f"scan_{r.pk}" for r in world.birth.requirements.all()}
    tokens = _tokens(page)
    assert set(tokens) == scans and page.count("Đã đính kèm") == len(scans)
    assert len(_held_files(media_root)) == len(scans)
    again = _without_scans(_data(world, submission_key=key)) | {f"held_{n}": t for n, t in tokens.items()}
    response = client.post(COUNTER, again)
    dossier = Dossier.objects.get()
    assert response["Location"] == f"/desk/dossiers/{dossier.code}/"
    assert sorted(f.original_name for f in dossier.files.all()) == sorted(
        f"scan-{r.pk}.pdf" for r in world.birth.requirements.all())
    assert all(f.file.read().startswith(b"%PDF") for f in dossier.files.all())
    assert _held_files(media_root) == [] and client.session.get(held_uploads.SESSION_KEY, {}) == {}


def test_a_reused_form_keeps_the_new_applicants_scans(client: Client, world: World, media_root: Path) -> None:
    """Applicant A received, Back, applicant B typed in with B's scans: the 409 page asks again with
    a fresh key and B's scans attached; sending it receives B with them."""
    client.force_login(world.receptionist)
    key = _key(client)
    client.post(COUNTER, _data(world, submission_key=key))
    first = Dossier.objects.get()
    b = {"name": "Trần Thị Bích", "id_number": "020190008888"}
    refused = client.post(COUNTER, _data(world, submission_key=key, **b))
    assert refused.status_code == 409
    page = refused.content.decode()
    fresh = re.search(r'name="submission_key" value="([^"]+)"', page)
    tokens = _tokens(page)
    assert fresh and tokens
    again = _without_scans(_data(world, submission_key=fresh.group(1), **b))
    client.post(COUNTER, again | {f"held_{n}": t for n, t in tokens.items()})
    second = Dossier.objects.exclude(pk=first.pk).get()
    assert second.applicant.name == "Trần Thị Bích" and second.files.count() == len(tokens)
    assert _held_files(media_root) == []


def test_a_dropped_scan_is_not_received(client: Client, world: World, media_root: Path) -> None:
    client.force_login(world.receptionist)
    key = _key(client)
    tokens = _tokens(client.post(COUNTER, _data(world, submission_key=key, id_number="1")).content.decode())
    dropped, kept = sorted(tokens)
    data = _without_scans(_data(world, submission_key=key)) | {f"held_{n}": t for n, t in tokens.items()}
    client.post(COUNTER, data | {f"drop_held_{dropped}": "on"})
    dossier = Dossier.objects.get()
    assert [f.original_name for f in dossier.files.all()] == [f"scan-{kept.removeprefix('scan_')}.pdf"]
    assert _held_files(media_root) == []


def test_a_fresh_page_for_the_next_applicant_offers_no_one_elses_scans(
        client: Client, world: World, media_root: Path) -> None:
    """One receptionist serves many people: A's refused attempt kept A's scans; the page opened
    afresh for B shows none of them, deletes them, and B is received without them."""
    client.force_login(world.receptionist)
    refused = client.post(COUNTER, _data(world, submission_key=_key(client), id_number="1")).content.decode()
    tokens = _tokens(refused)
    assert tokens and _held_files(media_root)
    page = client.get(COUNTER).content.decode()
    assert "Đã đính kèm" not in page and not _tokens(page) and _held_files(media_root) == []
    key = re.search(r'name="submission_key" value="([^"]+)"', page)
    assert key
    b = _without_scans(_data(world, submission_key=key.group(1), id_number="020190008888"))
    client.post(COUNTER, b | {f"held_{n}": t for n, t in tokens.items()})
    assert Dossier.objects.get().files.count() == 0
