"""The English catalog is complete, compiled and used: Vietnamese is the msgid, English the second language.

The catalog is read with a tiny parser (no gettext tools on a fresh machine); the compiled
.mo is read with the standard library's `gettext`, so a forgotten `compilemessages` shows here.
"""

from __future__ import annotations

import ast
import gettext as stdlib_gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext

from motcua.accounts.models import Role
from motcua.dossiers import services
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.sample import World, at, build_world

CATALOG_DIR = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
PO_PATH = CATALOG_DIR / "django.po"
MO_PATH = CATALOG_DIR / "django.mo"
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0


def _unquote(text: str) -> str:
    # A PO string is a C-like literal; Python's literal syntax reads it the same way.
    value = ast.literal_eval(text)
    assert isinstance(value, str)
    return value


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file, header included (msgid ""); obsolete (#~) entries are skipped."""
    entries: list[Entry] = []
    current = Entry()
    target: tuple[str, int] | None = None

    def flush() -> None:
        nonlocal current
        if target is not None:
            entries.append(current)
        current = Entry()

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            if target is not None and target[0] == "msgstr":
                flush()
                target = None
            current.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            assert target is not None, f"{path}:{number}: continuation without a keyword"
            kind, index = target
            piece = _unquote(line)
        else:
            if keyword in ("msgctxt", "msgid") and target is not None and target[0] == "msgstr":
                flush()
            match = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
            kind, index = ("msgstr", int(match.group(1))) if match else (keyword, 0)
            if not current.line:
                current.line = number
            piece = _unquote(rest)
        target = (kind, index)
        if kind == "msgctxt":
            current.msgctxt = (current.msgctxt or "") + piece
        elif kind == "msgid":
            current.msgid += piece
        elif kind == "msgid_plural":
            current.msgid_plural += piece
        elif kind == "msgstr":
            current.msgstr[index] = current.msgstr.get(index, "") + piece
        else:
            raise AssertionError(f"{path}:{number}: unexpected keyword {keyword!r}")
    flush()
    return entries


@pytest.fixture(scope="module")
def catalog() -> list[Entry]:
    entries = read_po(PO_PATH)
    assert len(entries) > 100, "the English catalog looks empty"
    return entries


def _messages(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if e.msgid]


def test_every_entry_of_the_english_catalog_is_translated(catalog: list[Entry]) -> None:
    untranslated = [
        f"line {e.line}: {e.msgid!r}"
        for e in _messages(catalog)
        if not e.msgstr or not all(text.strip() for text in e.msgstr.values())
    ]
    assert untranslated == []


def test_no_entry_of_the_english_catalog_is_fuzzy(catalog: list[Entry]) -> None:
    # msgfmt drops fuzzy entries (and a fuzzy header would drop the plural rule).
    assert [f"line {e.line}: {e.msgid!r}" for e in catalog if "fuzzy" in e.flags] == []


def test_catalog_header_declares_english_and_its_plural_rule(catalog: list[Entry]) -> None:
    header = next(e for e in catalog if not e.msgid)
    assert "Language: en\n" in header.msgstr[0]
    assert "charset=UTF-8" in header.msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header.msgstr[0]


def test_plural_entries_have_both_english_forms(catalog: list[Entry]) -> None:
    plurals = [e for e in _messages(catalog) if e.msgid_plural]
    assert plurals, "the catalog should contain the plural strings of the templates"
    assert all(sorted(e.msgstr) == [0, 1] for e in plurals)


def test_translations_keep_the_placeholders_of_the_vietnamese(catalog: list[Entry]) -> None:
    wrong = []
    for e in _messages(catalog):
        if "python-format" not in e.flags and "python-brace-format" not in e.flags:
            continue
        expected = sorted(PLACEHOLDER.findall(e.msgid_plural or e.msgid))
        for text in e.msgstr.values():
            if sorted(PLACEHOLDER.findall(text)) != expected:
                wrong.append(f"line {e.line}: {e.msgid!r} -> {text!r}")
    assert wrong == []


def test_compiled_catalog_matches_the_po_file(catalog: list[Entry]) -> None:
    with MO_PATH.open("rb") as handle:
        compiled = stdlib_gettext.GNUTranslations(handle)
    stale = []
    for e in _messages(catalog):
        key = e.msgid if e.msgctxt is None else f"{e.msgctxt}\x04{e.msgid}"
        if e.msgid_plural:
            got = [compiled.ngettext(key, e.msgid_plural, n) for n in (1, 2)]
            ok = got == [e.msgstr[0], e.msgstr[1]]
        else:
            ok = compiled.gettext(key) == e.msgstr[0]
        if not ok:
            stale.append(f"line {e.line}: {e.msgid!r}")
    assert stale == [], "run `motcua compilemessages -l en` after editing django.po"


def test_dossier_status_labels_are_english() -> None:
    with translation.override("en"):
        labels = {status: str(status.label) for status in Status}
    assert labels[Status.RECEIVED] == "Received"
    assert labels[Status.SUPPLEMENT_REQUESTED] == "Supplement requested"
    assert labels[Status.RETURNED] == "Result returned"
    with translation.override("vi"):
        assert str(Status.RETURNED.label) == "Đã trả kết quả"
    # Every label has its own English text, none left in Vietnamese.
    assert len(set(labels.values())) == len(Status)
    assert all(label.isascii() for label in labels.values())


def test_role_labels_are_english() -> None:
    with translation.override("en"):
        labels = {role: str(role.label) for role in Role}
    assert labels[Role.RECEPTIONIST] == "One-stop desk officer"
    assert labels[Role.LEADER] == "Leader"
    assert labels[Role.CITIZEN] == "Citizen"
    assert all(label.isascii() for label in labels.values())


def test_plural_strings_follow_the_english_rule() -> None:
    singular = "Có %(counter)s thủ tục phù hợp."
    with translation.override("en"):
        one = ngettext(singular, singular, 1) % {"counter": 1}
        many = ngettext(singular, singular, 3) % {"counter": 3}
    assert one == "1 matching procedure."
    assert many == "3 matching procedures."


def test_domain_terms_follow_the_glossary() -> None:
    with translation.override("en"):
        assert gettext("Trung tâm Phục vụ hành chính công tỉnh") == (
            "Provincial Public Administration Service Centre"
        )
        assert gettext("Chuyển liên thông") == "Inter-agency transfer"
        assert gettext("Trả kết quả") == "Return result"


def test_an_action_and_the_status_it_leads_to_are_translated_apart() -> None:
    with translation.override("en"):
        assert pgettext("action", "Dừng xử lý") == "Stop processing"
        assert str(Status.STOPPED.label) == "Processing stopped"
        assert pgettext("action", "Tiếp nhận") == "Receive"


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def test_a_refused_transition_explains_itself_in_english(world: World) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(world.citizen), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth)
    )
    with translation.override("en"), pytest.raises(services.DossierError) as no_reason:
        services.stop_processing(world.leader, dossier, "   ", at=at("2026-03-02 09:00"))
    with translation.override("en"), pytest.raises(services.DossierError) as wrong_role:
        services.stop_processing(world.receptionist, dossier, "Lý do", at=at("2026-03-02 09:00"))
    assert no_reason.value.code == "reason_required"
    assert no_reason.value.message == "Please state the reason."
    assert wrong_role.value.code == "forbidden_role"
    assert wrong_role.value.message == (
        f"Your role is not allowed to perform this action on dossier {dossier.code}."
    )
    with translation.override("en"), pytest.raises(services.DossierError) as not_ready:
        services.return_result(world.receptionist, dossier, at=at("2026-03-02 09:00"))
    assert not_ready.value.code == "invalid_transition"
    assert not_ready.value.message == (
        f"Dossier {dossier.code} is in the status “Received”, so this action is not possible."
    )
    assert Dossier.objects.get(pk=dossier.pk).status == dossier.status


@pytest.mark.django_db
def test_english_home_page_is_served_in_english(client: Client) -> None:
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Public Service Portal" in html
    assert "Cổng dịch vụ công" not in html
