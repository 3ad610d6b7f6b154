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
    """What the page sends back: its kept scans' tokens and the page's own id."""
    found = {f"held_{n}": t for n, t in
             re.findall(r'<input type="hidden" name="held_(scan_\d+)" value="([0-9a-f]+)">', page)}
    if found:
        page_id = re.search(r'name="held_page" value="([A-Za-z0-9_-]+)"', page)
        assert page_id, "a page with kept scans carries its own id"
        found["held_page"] = page_id.group(1)
    return found


def _scans(tokens: dict[str, str]) -> set[str]:
    return {name.removeprefix("held_") for name in tokens if name.startswith("held_scan_")}


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
    assert _scans(tokens) == scans and page.count("Đã đính kèm") == len(scans)
    assert len(_held_files(media_root)) == len(scans)
    again = _without_scans(_data(world, submission_key=key)) | tokens
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
    client.post(COUNTER, again | tokens)
    second = Dossier.objects.exclude(pk=first.pk).get()
    assert second.applicant.name == "Trần Thị Bích" and second.files.count() == len(_scans(tokens))
    assert _held_files(media_root) == []


def test_a_dropped_scan_is_not_received(client: Client, world: World, media_root: Path) -> None:
    client.force_login(world.receptionist)
    key = _key(client)
    tokens = _tokens(client.post(COUNTER, _data(world, submission_key=key, id_number="1")).content.decode())
    dropped, kept = sorted(_scans(tokens))
    data = _without_scans(_data(world, submission_key=key)) | tokens
    client.post(COUNTER, data | {f"drop_held_{dropped}": "on"})
    dossier = Dossier.objects.get()
    assert [f.original_name for f in dossier.files.all()] == [f"scan-{kept.removeprefix('scan_')}.pdf"]
    assert _held_files(media_root) == []


def test_a_fresh_page_for_the_next_applicant_offers_no_one_elses_scans(
        client: Client, world: World, media_root: Path) -> None:
    """One receptionist serves many people: A's refused attempt kept A's scans; the page opened
    afresh for B shows none of them, and B is received without them even if A's tokens are posted."""
    client.force_login(world.receptionist)
    refused = client.post(COUNTER, _data(world, submission_key=_key(client), id_number="1")).content.decode()
    tokens = _tokens(refused)
    assert tokens and _held_files(media_root)
    page = client.get(COUNTER).content.decode()
    assert "Đã đính kèm" not in page and not _tokens(page)
    key = re.search(r'name="submission_key" value="([^"]+)"', page)
    fresh_page = re.search(r'name="held_page" value="([^"]+)"', page)
    assert key and fresh_page and fresh_page.group(1) != tokens["held_page"]
    b = _without_scans(_data(world, submission_key=key.group(1), id_number="020190008888"))
    stolen = {n: t for n, t in tokens.items() if n != "held_page"}
    client.post(COUNTER, b | stolen | {"held_page": fresh_page.group(1)})
    assert Dossier.objects.get().files.count() == 0


def test_two_tabs_for_two_applicants_each_keep_their_own_scans(
        client: Client, world: World, media_root: Path) -> None:
    """The same procedure open twice: A refused in one tab, B refused in the other; each resent
    page is received with its own applicant's scans, none lost, nothing left over."""
    client.force_login(world.receptionist)
    a_key, b_key = _key(client), _key(client)
    a = {"name": "Nguyễn Văn An", "id_number": "020188007777"}
    b = {"name": "Trần Thị Bích", "id_number": "020190008888"}
    a_tokens = _tokens(client.post(COUNTER, _data(world, submission_key=a_key, **(a | {"id_number": "1"})))
                       .content.decode())
    b_tokens = _tokens(client.post(COUNTER, _data(world, submission_key=b_key, **(b | {"id_number": "2"})))
                       .content.decode())
    assert _scans(a_tokens) and _scans(a_tokens) == _scans(b_tokens)
    assert a_tokens["held_page"] != b_tokens["held_page"]
    assert len(_held_files(media_root)) == 2 * len(_scans(a_tokens))
    client.post(COUNTER, _without_scans(_data(world, submission_key=b_key, **b)) | b_tokens)
    client.post(COUNTER, _without_scans(_data(world, submission_key=a_key, **a)) | a_tokens)
    received = {d.applicant.name: d.files.count() for d in Dossier.objects.all()}
    assert received == {a["name"]: len(_scans(a_tokens)), b["name"]: len(_scans(b_tokens))}
    assert _held_files(media_root) == [] and client.session.get(held_uploads.SESSION_KEY, {}) == {}


def test_abandoned_pages_are_forgotten_beyond_a_bound_with_their_files(
        client: Client, world: World, media_root: Path) -> None:
    """Refused attempts on pages never sent again: the session remembers the last MAX_FORMS of
    them, the older ones' files are deleted at once."""
    client.force_login(world.receptionist)
    pages = [_tokens(client.post(COUNTER, _data(world, submission_key=_key(client), id_number="1"))
                     .content.decode()) for _ in range(held_uploads.MAX_FORMS + 2)]
    per_page = len(_scans(pages[0]))
    kept = client.session[held_uploads.SESSION_KEY]
    assert len(kept) == held_uploads.MAX_FORMS
    assert {key.rsplit(":", 1)[1] for key in kept} == {p["held_page"] for p in pages[2:]}
    assert len(_held_files(media_root)) == held_uploads.MAX_FORMS * per_page


def test_signing_out_deletes_the_scans_kept_for_any_page(
        client: Client, world: World, media_root: Path) -> None:
    """A shared counter computer: the officer signs out with an applicant's refused attempt still
    kept; the scans are deleted then, not left on disk for the sweep."""
    client.force_login(world.receptionist)
    tokens = _tokens(client.post(COUNTER, _data(world, submission_key=_key(client), id_number="1"))
                     .content.decode())
    assert _scans(tokens) and _held_files(media_root)
    assert client.post("/accounts/logout/").status_code == 302
    assert _held_files(media_root) == []
