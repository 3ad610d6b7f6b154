"""Import the national catalog (JSON Lines, optionally gzipped) into versioned procedures.

One run is one transaction: a bad line means nothing changes. Unchanged content
(same hash) changes nothing; changed content opens a new version from the
effective date and closes the previous one the day before, so a dossier keeps
pointing at the version in force when it was received.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from motcua.catalog import parsing
from motcua.catalog.competence import agency_text, agency_texts, matching_rules
from motcua.catalog.models import (
    Channel,
    Field,
    LegalBasis,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    Requirement,
)
from motcua.catalog.services import active_rules, default_process_steps
from motcua.core.text import clean, fold

# Crawl bookkeeping that does not change what the procedure is.
_NOT_CONTENT = {"detail_url", "formality_id"}
_DECISION_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
BATCH = 500


class CatalogFileError(Exception):
    """The file cannot be imported; `errors` lists problems with their line numbers."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors[:5]))
        self.errors = errors


@dataclass
class PartStats:
    had: int = 0
    parsed: int = 0

    @property
    def rate(self) -> float:
        return self.parsed / self.had if self.had else 1.0


@dataclass
class ImportResult:
    read: int = 0
    created: int = 0
    new_versions: int = 0
    unchanged: int = 0
    conflicts: int = 0
    parts: dict[str, PartStats] = field(default_factory=dict)
    problems: list[dict[str, str]] = field(default_factory=list)
    # Province- and commune-level procedures that no competence rule decides (code, name, agency).
    undecided: list[dict[str, str]] = field(default_factory=list)
    local: int = 0  # province- and commune-level procedures read
    report_path: Path | None = None

    @property
    def time_limit_rate(self) -> float:
        return self.parts["time_limit"].rate

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read, "created": self.created, "new_versions": self.new_versions,
            "unchanged": self.unchanged, "conflicts": self.conflicts,
            "parts": {name: {"had": p.had, "parsed": p.parsed} for name, p in self.parts.items()},
            "time_limit_rate": round(self.time_limit_rate, 4),
            "competence": {"local": self.local, "undecided": self.undecided},
            "report": str(self.report_path) if self.report_path else None,
        }


# ------------------------------------------------------------------ reading

def _open(path: Path) -> IO[str]:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def read_records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """All records with their line numbers, or CatalogFileError listing every bad line."""
    if not path.is_file():
        raise CatalogFileError([gettext("%(path)s: không tìm thấy tệp.") % {"path": path}])
    records: list[tuple[int, dict[str, Any]]] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    try:
        with _open(path) as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    errors.append(gettext("dòng %(line)s: JSON không hợp lệ (%(error)s).") % {
                        "line": number, "error": exc.msg})
                    continue
                if not isinstance(record, dict):
                    errors.append(gettext("dòng %(line)s: không phải một đối tượng JSON.") % {"line": number})
                    continue
                code = clean(str(record.get("ma_thu_tuc") or ""))
                if not code:
                    errors.append(gettext("dòng %(line)s: thiếu mã thủ tục (ma_thu_tuc).") % {"line": number})
                    continue
                if not clean(str(record.get("ten_thu_tuc") or "")):
                    errors.append(gettext("dòng %(line)s: thiếu tên thủ tục (ten_thu_tuc) của %(code)s.") % {
                        "line": number, "code": code})
                    continue
                if code in seen:
                    errors.append(gettext("dòng %(line)s: mã %(code)s trùng với dòng %(first)s.") % {
                        "line": number, "code": code, "first": seen[code]})
                    continue
                seen[code] = number
                records.append((number, record))
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        errors.append(gettext("%(path)s: không đọc được tệp (%(error)s).") % {"path": path, "error": exc})
    if errors:
        raise CatalogFileError(errors)
    return records


def content_hash(record: dict[str, Any]) -> str:
    content = {k: v for k, v in record.items() if k not in _NOT_CONTENT}
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def decision_date(decision: str) -> dt.date | None:
    match = _DECISION_DATE.search(decision or "")
    if not match:
        return None
    try:
        return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None


# ------------------------------------------------------------------ parsing one record

@dataclass
class ParsedRecord:
    code: str
    record: dict[str, Any]
    levels: set[str]
    channels: list[parsing.ChannelRow]
    requirements: list[parsing.RequirementRow]
    legal_bases: list[parsing.LegalBasisRow]
    results: str  # one result per line, without the portal's widgets (see parsing.parse_results)
    online_level: str
    hash: str


def _law_says_same_day(record: dict[str, Any], legal_numbers: Iterable[str]) -> bool:
    """Decree 23/2015 art. 21: copies and signatures are certified the same day (15:00 cut-off)."""
    name = fold(record.get("ten_thu_tuc"))
    return (fold(record.get("linh_vuc")) == "chung thuc"
            and any(n.startswith("23/2015/NĐ-CP") for n in legal_numbers)
            and name.startswith(("chung thuc ban sao", "chung thuc chu ky")))


def parse_record(record: dict[str, Any], result: ImportResult) -> ParsedRecord:
    code = clean(record["ma_thu_tuc"])
    problems: list[tuple[str, str, str]] = []

    channel_text = record.get("cach_thuc_thuc_hien") or ""
    channels = parsing.parse_channels(channel_text)
    legal = parsing.parse_legal_bases(record.get("can_cu_phap_ly") or "")
    context = f"{channel_text}\n{record.get('trinh_tu_thuc_hien') or ''}"
    law_same_day = _law_says_same_day(record, (row.number for row in legal.rows))
    for row in channels.rows:
        row.time_limit = parsing.apply_same_day_rule(row.time_limit, f"{row.description}\n{context}",
                                                     law_same_day)
    _count(result, "channels", bool(parsing.clean_text(channel_text).replace(parsing.CHANNEL_HEADER, "")),
           bool(channels.rows) and channels.ok, code, channel_text, problems)

    stated = [row for row in channels.rows if row.time_limit.stated]
    _count(result, "time_limit", bool(stated), all(r.time_limit.parsed for r in stated), code,
           " | ".join(r.time_limit.text for r in stated if not r.time_limit.parsed), problems)
    fees = [row for row in channels.rows if row.fee.stated]
    _count(result, "fee", bool(fees), all(r.fee.parsed for r in fees), code,
           " | ".join(r.fee.text for r in fees if not r.fee.parsed), problems)

    documents_text = record.get("thanh_phan_ho_so") or ""
    documents = parsing.parse_requirements(documents_text)
    _count(result, "requirements", bool(parsing.clean_text(documents_text)),
           documents.ok and bool(documents.rows), code, documents_text, problems)

    legal_text = record.get("can_cu_phap_ly") or ""
    _count(result, "legal_bases", bool(parsing.clean_text(legal_text)), legal.ok and bool(legal.rows),
           code, legal_text, problems)

    results_text = record.get("ket_qua_xu_ly") or ""
    results = parsing.parse_results(results_text)
    _count(result, "results", bool(parsing.clean_text(results_text)), results.ok and bool(results.rows),
           code, results_text, problems)

    levels = parsing.parse_levels(record.get("cap_thuc_hien") or "")
    _count(result, "levels", bool(clean(record.get("cap_thuc_hien"))), bool(levels), code,
           record.get("cap_thuc_hien") or "", problems)

    for part, text, _ in problems:
        result.problems.append({"code": code, "part": part, "raw": text})
    return ParsedRecord(
        code=code, record=record, levels=levels, channels=channels.rows,
        requirements=documents.rows, legal_bases=legal.rows, results=results.as_text(),
        online_level=parsing.online_level(channels.rows, f"{channel_text}\n{record.get('raw_text') or ''}"),
        hash=content_hash(record),
    )


def _count(result: ImportResult, part: str, had: bool, parsed: bool, code: str, raw: str,
           problems: list[tuple[str, str, str]]) -> None:
    stats = result.parts.setdefault(part, PartStats())
    if not had:
        return
    stats.had += 1
    if parsed:
        stats.parsed += 1
    else:
        problems.append((part, raw, code))


# ------------------------------------------------------------------ writing

def _progress(items: list[Any], enabled: bool) -> Iterator[Any]:
    if not enabled:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=gettext("Nhập danh mục"), unit=gettext("thủ tục"), leave=False)


def import_catalog(path: Path, effective: dt.date | None = None, report_path: Path | None = None,
                   progress: bool = False) -> ImportResult:
    """Import a catalog file in one transaction; see the module docstring."""
    records = read_records(path)
    result = ImportResult(read=len(records))
    for name in ("channels", "time_limit", "fee", "requirements", "legal_bases", "results", "levels"):
        result.parts[name] = PartStats()
    parsed = [parse_record(record, result) for _, record in _progress(records, progress)]
    on = effective or timezone.localdate()
    with transaction.atomic():
        _write(parsed, effective, on, result)
    _check_competence(parsed, result)
    result.report_path = write_report(result, report_path)
    return result


def _check_competence(parsed: list[ParsedRecord], result: ImportResult) -> None:
    """List every province- or commune-level procedure whose agency text no competence rule reads."""
    rules = active_rules()
    for p in parsed:
        levels = p.levels & {"province", "commune"}
        if not levels:
            continue
        result.local += 1
        record = p.record
        competent, implementing = record.get("co_quan_co_tham_quyen"), record.get("co_quan_thuc_hien")
        matches = matching_rules(rules, agency_texts(competent, implementing), clean(record.get("linh_vuc")),
                                 p.levels)
        if not matches:
            result.undecided.append({"code": p.code, "name": clean(record.get("ten_thu_tuc")),
                                     "agency": agency_text(competent, implementing)})


def _field_ids(parsed: list[ParsedRecord]) -> dict[str, int]:
    names = {clean(p.record.get("linh_vuc")) or "Khác" for p in parsed}
    existing = dict(Field.objects.filter(name__in=names).values_list("name", "id"))
    missing = [Field(name=n, name_folded=fold(n)) for n in sorted(names - existing.keys())]
    Field.objects.bulk_create(missing, batch_size=BATCH)
    return dict(Field.objects.filter(name__in=names).values_list("name", "id"))


def procedure_name(raw: str | None) -> str:
    """The name as a citizen should read it.

    The national file starts two names with a stray ". " (2.000733, 2.002321): a list
    marker left over from the portal's page, not part of the name.
    """
    return clean(raw).lstrip(".;,:- ").strip()[:1000]


def _procedure_values(p: ParsedRecord, field_id: int) -> dict[str, Any]:
    record = p.record
    name = procedure_name(record.get("ten_thu_tuc"))
    return {
        "name": name, "name_folded": fold(name)[:1000], "field_id": field_id,
        "at_ministry": "ministry" in p.levels, "at_province": "province" in p.levels,
        "at_commune": "commune" in p.levels, "at_other": "other" in p.levels,
        "kind": clean(record.get("loai_thu_tuc"))[:200],
        "applicants": parsing.clean_text(record.get("doi_tuong_thuc_hien")),
        "detail_url": (record.get("detail_url") or "")[:500],
    }


def _write(parsed: list[ParsedRecord], effective: dt.date | None, on: dt.date, result: ImportResult) -> None:
    field_ids = _field_ids(parsed)
    codes = [p.code for p in parsed]
    existing = {proc.code: proc for proc in Procedure.objects.filter(code__in=codes)}
    latest: dict[int, ProcedureVersion] = {}
    for version in ProcedureVersion.objects.filter(procedure__code__in=codes, valid_to__isnull=True):
        latest[version.procedure_id] = version

    new_procedures: list[Procedure] = []
    changed_procedures: list[Procedure] = []
    to_version: list[tuple[ParsedRecord, Procedure, dt.date]] = []
    closed: list[ProcedureVersion] = []
    backfilled: list[ProcedureVersion] = []
    renamed: list[Procedure] = []
    for p in parsed:
        values = _procedure_values(p, field_ids[clean(p.record.get("linh_vuc")) or "Khác"])
        procedure = existing.get(p.code)
        if procedure is None:
            procedure = Procedure(code=p.code, **values)
            new_procedures.append(procedure)
            first_day = effective or decision_date(p.record.get("so_quyet_dinh") or "") or on
            to_version.append((p, procedure, first_day))
            result.created += 1
            continue
        current = latest.get(procedure.pk)
        if current is not None and current.content_hash == p.hash:
            result.unchanged += 1
            text = parsing.clean_text(p.record.get("co_quan_co_tham_quyen"))
            if text and not current.competent_agency_text:
                # Versions imported before the competent agency's text was kept get it now.
                current.competent_agency_text = text
                backfilled.append(current)
            if procedure.name != values["name"]:
                # The way a name is cleaned changed (procedure_name): same record, same version.
                procedure.name, procedure.name_folded = values["name"], values["name_folded"]
                renamed.append(procedure)
            continue
        if current is not None and current.valid_from >= on:
            # A version cannot start on or before the one it replaces; dossiers may point at it.
            result.conflicts += 1
            result.problems.append({"code": p.code, "part": "version",
                                    "raw": f"phiên bản hiện hành bắt đầu {current.valid_from} >= {on}"})
            continue
        if current is not None:
            current.valid_to = on - dt.timedelta(days=1)
            closed.append(current)
        for key, value in values.items():
            setattr(procedure, key, value)
        changed_procedures.append(procedure)
        to_version.append((p, procedure, on))
        result.new_versions += 1

    Procedure.objects.bulk_create(new_procedures, batch_size=BATCH)
    if changed_procedures:
        Procedure.objects.bulk_update(changed_procedures, list(_procedure_values(parsed[0], 0).keys()),
                                      batch_size=BATCH)
    ProcedureVersion.objects.bulk_update(closed, ["valid_to"], batch_size=BATCH)
    ProcedureVersion.objects.bulk_update(backfilled, ["competent_agency_text"], batch_size=BATCH)
    Procedure.objects.bulk_update(renamed, ["name", "name_folded"], batch_size=BATCH)
    _create_versions(to_version)


def _create_versions(to_version: list[tuple[ParsedRecord, Procedure, dt.date]]) -> None:
    versions = []
    for p, procedure, day in to_version:
        record = p.record
        versions.append(ProcedureVersion(
            procedure=procedure, valid_from=day, decision=clean(record.get("so_quyet_dinh"))[:500],
            online_level=p.online_level,
            steps_text=parsing.clean_text(record.get("trinh_tu_thuc_hien")),
            conditions=parsing.clean_text(record.get("yeu_cau_dieu_kien")),
            results=p.results,
            implementing_agency=parsing.clean_text(record.get("co_quan_thuc_hien")),
            competent_agency_text=parsing.clean_text(record.get("co_quan_co_tham_quyen")),
            content_hash=p.hash,
        ))
    ProcedureVersion.objects.bulk_create(versions, batch_size=BATCH)

    channels: list[Channel] = []
    requirements: list[Requirement] = []
    legal: list[LegalBasis] = []
    steps: list[ProcessStep] = []
    for version, (p, procedure, _) in zip(versions, to_version, strict=True):
        version_channels = _channels(version, p.channels)
        channels.extend(version_channels)
        requirements.extend(
            Requirement(version=version, order=r.order, case=r.case, name=r.name, originals=r.originals,
                        certified_copies=r.certified_copies, photocopies=r.photocopies, form_name=r.form_name)
            for r in p.requirements
        )
        legal.extend(
            LegalBasis(version=version, order=b.order, number=b.number, title=b.title, issued=b.issued,
                       issuer=b.issuer[:300])
            for b in p.legal_bases
        )
        level = "commune" if procedure.at_commune else "province"
        steps.extend(ProcessStep(version=version, **step)
                     for step in default_process_steps(level, _primary_limit(version_channels)))
    Channel.objects.bulk_create(channels, batch_size=BATCH)
    Requirement.objects.bulk_create(requirements, batch_size=BATCH)
    LegalBasis.objects.bulk_create(legal, batch_size=BATCH)
    ProcessStep.objects.bulk_create(steps, batch_size=BATCH)


def _channels(version: ProcedureVersion, rows: list[parsing.ChannelRow]) -> list[Channel]:
    """One Channel per kind: the first row of a kind is the rule, later rows (other cases) are
    kept in its description so nothing published is lost."""
    by_kind: dict[str, Channel] = {}
    for row in rows:
        channel = by_kind.get(row.kind)
        if channel is not None:
            channel.description = f"{channel.description}\n{row.raw}".strip()
            continue
        limit, fee = row.time_limit, row.fee
        by_kind[row.kind] = Channel(
            version=version, kind=row.kind, time_limit_value=limit.value, time_limit_unit=limit.unit,
            time_limit_text=limit.text[:500], fee_amount=fee.amount, fee_text=fee.text,
            description=row.description,
        )
    return list(by_kind.values())


def _primary_limit(channels: list[Channel]) -> tuple[Any, str] | None:
    """The counter's limit (the legal reference), else the first channel that has one."""
    ordered = sorted(channels, key=lambda c: c.kind != "counter")
    for channel in ordered:
        if channel.time_limit_value is not None and channel.time_limit_unit:
            return channel.time_limit_value, channel.time_limit_unit
    return None


def write_report(result: ImportResult, report_path: Path | None) -> Path | None:
    """What did not parse, one JSON line per problem (code, part, raw text)."""
    if not result.problems:
        return None
    if report_path is None:
        from django.conf import settings

        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        report_path = Path(settings.VAR_DIR) / "reports" / f"catalog-import-{stamp}.jsonl"
    report_path.parent.mkdir(parents=True, exist_ok=True)
    with report_path.open("w", encoding="utf-8") as handle:
        for problem in result.problems:
            handle.write(json.dumps(problem, ensure_ascii=False) + "\n")
    return report_path
