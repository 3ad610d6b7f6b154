"""Files kept across a failed submission: shown as attached, sent again without a new upload, owned by
the session, and cleaned (after success, when dropped, when abandoned)."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

from django.test import Client

from motcua.dossiers import held_uploads
from motcua.dossiers.models import Dossier
from motcua.e2e.world import World
from motcua.portal.tests.test_submit import _post

URL = "/portal/submit/1.001193/"


def _held_files(media_root: Path) -> list[Path]:
    folder = media_root / "held"
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def _tokens(page: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="held_(doc_\d+)" value="([0-9a-f]+)">', page))


def _without_files(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if not k.startswith("doc_")}


def _fail_once(client: Client, world: World) -> str:
    response = client.post(URL, _post(world, id_number="123"))
    assert response.status_code == 400
    return response.content.decode()


def test_a_refused_submission_shows_its_files_as_attached(
        client: Client, world: World, media_root: Path) -> None:
    client.force_login(world.citizen)
    page = _fail_once(client, world)
    slots = [f"doc_{r.pk}" for r in world.birth.requirements.all()]
    assert set(_tokens(page)) == set(slots)
    for r in world.birth.requirements.all():
        assert f"giay-{r.pk}.pdf" in page
    assert page.count("Đã đính kèm") == len(slots)
    assert len(_held_files(media_root)) == len(slots)
    assert not Dossier.objects.exists()


def test_the_next_attempt_submits_the_held_files_and_cleans_them(
        client: Client, world: World, media_root: Path) -> None:
    client.force_login(world.citizen)
    tokens = _tokens(_fail_once(client, world))
    data = _without_files(_post(world)) | {f"held_{name}": token for name, token in tokens.items()}
    response = client.post(URL, data)
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert dossier.files.filter(document__isnull=False).count() == 2
    assert sorted(f.original_name for f in dossier.files.all()) == sorted(
        f"giay-{r.pk}.pdf" for r in world.birth.requirements.all())
    assert all(f.file.read().startswith(b"%PDF") for f in dossier.files.all())
    assert _held_files(media_root) == []
    assert client.session.get(held_uploads.SESSION_KEY, {}) == {}


def test_a_new_upload_replaces_the_held_file(client: Client, world: World, media_root: Path) -> None:
    client.force_login(world.citizen)
    tokens = _tokens(_fail_once(client, world))
    data = _post(world, id_number="456") | {f"held_{name}": token for name, token in tokens.items()}
    page = client.post(URL, data).content.decode()
    assert set(_tokens(page)) == set(tokens)
    assert set(_tokens(page).values()).isdisjoint(tokens.values())
    assert len(_held_files(media_root)) == len(tokens)


def test_a_dropped_file_is_deleted_and_must_be_attached_again(
        client: Client, world: World, media_root: Path) -> None:
    client.force_login(world.citizen)
    tokens = _tokens(_fail_once(client, world))
    dropped, kept = sorted(tokens)
    data = _without_files(_post(world)) | {f"held_{name}": token for name, token in tokens.items()}
    data[f"drop_held_{dropped}"] = "on"
    response = client.post(URL, data)
    assert response.status_code == 400
    assert set(_tokens(response.content.decode())) == {kept}
    assert [p.name for p in _held_files(media_root)] == [tokens[kept]]
    assert not Dossier.objects.exists()


def test_another_session_cannot_use_held_files(client: Client, world: World, media_root: Path) -> None:
    client.force_login(world.citizen)
    tokens = _tokens(_fail_once(client, world))
    intruder = Client()
    intruder.force_login(world.other_citizen)
    data = _without_files(_post(world, name="Lý Văn Dũng", id_number="020185004321"))
    data |= {f"held_{name}": token for name, token in tokens.items()}
    response = intruder.post(URL, data)
    assert response.status_code == 400
    assert _tokens(response.content.decode()) == {}
    assert not Dossier.objects.exists()
    assert len(_held_files(media_root)) == len(tokens)  # the owner's files are untouched


def test_abandoned_held_files_are_swept(client: Client, world: World, media_root: Path) -> None:
    client.force_login(world.citizen)
    _fail_once(client, world)
    files = _held_files(media_root)
    old = time.time() - 2 * 24 * 3600
    os.utime(files[0], (old, old))
    assert held_uploads.sweep(max_age_seconds=24 * 3600) == 1
    assert _held_files(media_root) == files[1:]


def test_a_resent_submission_made_with_kept_files_is_the_same_dossier(
        client: Client, world: World, media_root: Path) -> None:
    # The kept files are deleted once the dossier is created: a resent POST (a double click, a
    # phone resending) names the same kept files by their tokens and must lead to the first
    # dossier's receipt, not be taken for another submission made with the same key.
    from motcua.dossiers.forms import issue_submission_key

    client.force_login(world.citizen)
    key = issue_submission_key(world.citizen)
    response = client.post(URL, _post(world, id_number="123", submission_key=key))
    assert response.status_code == 400
    tokens = _tokens(response.content.decode())
    data = _without_files(_post(world, submission_key=key)) | {
        f"held_{name}": token for name, token in tokens.items()}
    first = client.post(URL, data)
    assert first.status_code == 302
    again = client.post(URL, data)
    assert again.status_code == 302 and again["Location"] == first["Location"]
    assert Dossier.objects.count() == 1
