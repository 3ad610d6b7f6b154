"""What the assistant knows about a procedure: a fact sheet read from the catalog version in force.

Every number an answer shows (fee, time limit, copies of a document) is copied from here, and
everything here is copied from the catalog rows of the version in force, word for word
(`fee_text`, `time_limit_text`, requirement names…). `catalog_text()` is the same material as
one string: the evaluation checks that every number of an answer occurs in it.

Sheets are cached per process and dropped when the catalog changes: on a save/delete of the
catalog's rows in this process (signals) and whenever the search index sees a new catalog
fingerprint (imports by `bulk_create` or by another process), see `motcua.catalog.search`.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from motcua.catalog import search as catalog_search
from motcua.catalog.models import (
    Channel,
    ChannelKind,
    LegalBasis,
    OnlineLevel,
    Procedure,
    ProcedureVersion,
    Requirement,
    TimeLimitUnit,
)
from motcua.core.text import fold

# A requirement row whose case is a note ("* Lưu ý:") is advice, not a document to bring.
NOTE_CASES = ("luu y",)
NO_INFORMATION = "khong co thong tin"


@dataclass(frozen=True)
class ChannelFacts:
    kind: str
    time_limit: str  # the catalog's words, or value + unit when the text is a bare number
    fee: str  # the catalog's words
    fee_free: bool


@dataclass(frozen=True)
class DocumentFacts:
    case: str
    name: str
    originals: int
    certified_copies: int
    photocopies: int
    form_name: str


@dataclass(frozen=True)
class FactSheet:
    procedure_id: int
    code: str
    name: str
    field: str
    levels: tuple[str, ...]
    detail_url: str
    valid_from: dt.date
    decision: str
    online_level: str
    implementing_agency: str
    results: str
    steps_text: str
    conditions: str
    channels: tuple[ChannelFacts, ...]
    documents: tuple[DocumentFacts, ...]
    notes: tuple[str, ...]
    legal_bases: tuple[tuple[str, str], ...]
    _text: list[str] = dataclass_field(default_factory=list, compare=False, repr=False)

    def catalog_text(self) -> str:
        """All the catalog's words behind this sheet (what an answer may quote)."""
        if not self._text:
            parts = [
                self.code,
                self.name,
                self.field,
                self.decision,
                self.implementing_agency,
                self.results,
                self.steps_text,
                self.conditions,
            ]
            for channel in self.channels:
                parts += [channel.time_limit, channel.fee]
            for doc in self.documents:
                parts += [
                    doc.case,
                    doc.name,
                    doc.form_name,
                    str(doc.originals),
                    str(doc.certified_copies),
                    str(doc.photocopies),
                ]
            parts += list(self.notes)
            for number, title in self.legal_bases:
                parts += [number, title]
            self._text.append("\n".join(p for p in parts if p))
        return self._text[0]


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == value.to_integral_value() else str(value.normalize())


def _time_limit(channel: Channel) -> str:
    text = " ".join(channel.time_limit_text.split())
    if fold(text) == NO_INFORMATION:
        text = ""
    if text and not text.replace(".", "").replace(",", "").isdigit():
        return text
    # A bare number ("1") or nothing: the importer's reading of it (value and unit).
    if channel.time_limit_value is None or not channel.time_limit_unit:
        return text
    label = str(TimeLimitUnit(channel.time_limit_unit).label)
    return f"{_number(channel.time_limit_value)} {label}"


def _channel_facts(channel: Channel) -> ChannelFacts:
    fee = " ".join(channel.fee_text.split())
    if fold(fee) == NO_INFORMATION:
        fee = ""
    return ChannelFacts(
        channel.kind,
        _time_limit(channel),
        fee,
        fee_free=fold(fee).startswith("mien phi") or (channel.fee_amount == 0 and not fee),
    )


def _sheet(version: ProcedureVersion) -> FactSheet:
    procedure = version.procedure
    documents: list[DocumentFacts] = []
    notes: list[str] = []
    for req in version.requirements.all():
        name = " ".join(req.name.split())
        case = " ".join(req.case.split()).strip("*: ")
        if any(note in fold(case) for note in NOTE_CASES):
            notes.append(name)
            continue
        documents.append(
            DocumentFacts(case, name, req.originals, req.certified_copies, req.photocopies, req.form_name)
        )
    # Channels in a stable, citizen-friendly order: counter, online, postal.
    order = {ChannelKind.COUNTER: 0, ChannelKind.ONLINE: 1, ChannelKind.POSTAL: 2}
    channels = sorted(version.channels.all(), key=lambda c: order.get(c.kind, 9))  # type: ignore[call-overload]
    return FactSheet(
        procedure_id=procedure.pk,
        code=procedure.code,
        name=procedure.name,
        field=procedure.field.name,
        levels=tuple(procedure.levels),
        detail_url=procedure.detail_url,
        valid_from=version.valid_from,
        decision=version.decision,
        online_level=version.online_level,
        implementing_agency=""
        if fold(version.implementing_agency) == NO_INFORMATION
        else " ".join(version.implementing_agency.split()),
        results=version.results,
        steps_text=version.steps_text.strip(),
        conditions=version.conditions.strip(),
        channels=tuple(_channel_facts(c) for c in channels),
        documents=tuple(documents),
        notes=tuple(notes),
        legal_bases=tuple((lb.number, " ".join(lb.title.split())) for lb in version.legal_bases.all()),
    )


_lock = threading.Lock()
_sheets: dict[tuple[int, dt.date], FactSheet | None] = {}
_fingerprint: tuple[object, ...] | None = None


def fact_sheet(procedure_id: int, on: dt.date | None = None) -> FactSheet | None:
    """The fact sheet of the version in force on `on` (today), or None without one."""
    global _fingerprint
    day = on or timezone.localdate()
    current = catalog_search.get_index().fingerprint
    with _lock:
        if current != _fingerprint:
            _sheets.clear()
            _fingerprint = current
        key = (procedure_id, day)
        if key in _sheets:
            return _sheets[key]
    version = (
        ProcedureVersion.objects.in_force_on(day)
        .filter(procedure_id=procedure_id)
        .select_related("procedure__field")
        .prefetch_related("channels", "requirements", "legal_bases")
        .first()
    )
    sheet = _sheet(version) if version is not None else None
    with _lock:
        _sheets[key] = sheet
    return sheet


def fact_sheet_by_code(code: str, on: dt.date | None = None) -> FactSheet | None:
    procedure_id = Procedure.objects.filter(code=code).values_list("id", flat=True).first()
    return fact_sheet(procedure_id, on) if procedure_id is not None else None


def invalidate(**_: object) -> None:
    """Forget every sheet (signal receiver, and for tests)."""
    with _lock:
        _sheets.clear()


def connect_signals() -> None:
    # The search index already follows Procedure and Field; a fact sheet also reads the
    # version's own rows, which an admin can edit without touching the procedure.
    for model in (Procedure, ProcedureVersion, Channel, Requirement, LegalBasis):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"assistant-{model.__name__}-save")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"assistant-{model.__name__}-delete")


def online_offered(sheet: FactSheet) -> bool:
    return sheet.online_level in (OnlineLevel.FULL, OnlineLevel.PARTIAL) or any(
        c.kind == ChannelKind.ONLINE for c in sheet.channels
    )
