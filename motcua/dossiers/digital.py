"""The dossier flow's digital documents (issue #13): digitisation at reception, signed
electronic results, once-only reuse of the citizen's warehouse at submission.

The documents app knows nothing of dossiers; the dossier services call these helpers inside
their transactions. OCR is not run here: a counter request must not wait for Tesseract, so
the digitised scans carry the requirement's name as their type until the officer confirms
the metadata that the background recognition proposes (`documents/ocr_jobs.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.files.base import ContentFile, File
from django.utils.translation import gettext

from motcua.documents import ocr, ocr_jobs
from motcua.documents import services as warehouse
from motcua.documents.models import DigitisedDocument, OcrState, Origin, SignedDocument
from motcua.documents.signing import QrFields, SigningError, sign_document
from motcua.dossiers.models import Dossier, DossierDocument, DossierFile


def _read(field: Any) -> bytes:
    field.open("rb")
    try:
        return bytes(field.read())
    finally:
        field.close()


def holder_of(dossier: Dossier) -> str:
    """The applicant's identifier when the warehouse accepts it (12-digit ID or tax code), else ""."""
    try:
        return warehouse._identifier(dossier.applicant.id_number)
    except warehouse.WarehouseError:
        return ""


def digitise_reception(
    dossier: Dossier, officer: Any, stored: Sequence[DossierFile]
) -> list[DigitisedDocument]:
    """Each scan handed in at the counter on a catalog requirement becomes a digitised document
    in the applicant's warehouse (the requirement it satisfies, the dossier's code, the agency).

    Applicants without a warehouse identifier (a passport number, say) keep their scans on the
    dossier only. Returns the digitised documents (their files, for a caller that must delete
    them when its transaction fails).
    """
    holder = holder_of(dossier)
    if not holder:
        return []
    made: list[DigitisedDocument] = []
    for attached in stored:
        document = attached.document
        if document is None or document.requirement_id is None:
            continue
        name = attached.original_name or "scan"
        try:
            made.append(warehouse.digitise(
                [(name, _read(attached.file))], holder_identifier=holder, origin=Origin.COUNTER_SCAN,
                metadata=warehouse.Metadata(document_type=document.name[:200]),
                holder_name=dossier.applicant.name,
                requirement=document.requirement, agency=dossier.receiving_agency, officer=officer,
                dossier_code=dossier.code, ocr_state=OcrState.PENDING,
            ))
        except warehouse.WarehouseError as error:
            if error.code != "bad_scan":
                raise
            # A scan that cannot be read as pages stays on the dossier only: the reception of
            # the dossier does not depend on the warehouse copy.
    # Recognition runs in the background after the commit; the desk shows its progress and the
    # officer confirms the proposed metadata (documents/ocr_jobs.py).
    ocr_jobs.request(made)
    return made


# What a scanned result may be besides a PDF: it is made a PDF before signing (PAdES signs PDFs).
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


def _to_sign(dossier: Dossier) -> bytes | None:
    """The PDF to sign: the result itself, or a photographed/scanned JPEG or PNG result as a PDF."""
    if not dossier.result_electronic or not dossier.result_file or dossier.result_signed_id:
        return None
    content = _read(dossier.result_file)
    if content.startswith(_IMAGE_MAGIC):
        try:
            content, _pages = ocr.scans_to_pdf([(dossier.result_file.name or "result", content)])
        except ocr.OcrError as error:
            raise SigningError(str(error)) from None
    return content if content.startswith(b"%PDF") else None


def check_result_signable(dossier: Dossier) -> None:
    """Before a transition writes anything: the result that will be signed is a readable PDF
    and the deciding agency has its keys (SigningError, translated, otherwise)."""
    content = _to_sign(dossier)
    if content is None:
        return
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from motcua.documents import pki

    try:
        if not PdfReader(io.BytesIO(content)).pages:
            raise SigningError(gettext("Tệp không phải PDF hợp lệ."))
    except (PdfReadError, ValueError, OSError):
        raise SigningError(gettext("Tệp không phải PDF hợp lệ.")) from None
    assert dossier.competent_agency is not None
    cert, key = pki.agency_paths(dossier.competent_agency.code)
    if not cert.exists() or not key.exists():
        raise SigningError(gettext("Cơ quan %(code)s chưa có chứng thư số: chạy “motcua pki init”.")
                           % {"code": dossier.competent_agency.code})


def sign_result(dossier: Dossier) -> tuple[SignedDocument, DigitisedDocument | None] | None:
    """Sign an electronic PDF result as the deciding agency (QR of Circular 01/2023), store the
    signed bytes as the dossier's result and digitise it into the holder's warehouse.

    Nothing to do (None) when the result is not electronic, has no PDF, or is signed already.
    Raises SigningError (translated) when the agency cannot sign.
    """
    content = _to_sign(dossier)
    if content is None:
        return None
    assert dossier.competent_agency is not None
    version = dossier.version
    fields = QrFields(
        document_name=(dossier.result_text or version.procedure.name)[:300],
        dossier_code=dossier.code, procedure_code=version.procedure.code,
        holder_identifier=dossier.applicant.id_number,
    )
    signed = sign_document(content, dossier.competent_agency, fields)
    old_name = (dossier.result_file.name or "result.pdf").rsplit("/", 1)[-1]
    stem = old_name.rsplit(".", 1)[0] or "result"
    dossier.result_file.save(f"{stem}.pdf", ContentFile(_read(signed.file)), save=False)
    dossier.result_signed = signed
    holder = holder_of(dossier)
    digitised = None
    if holder:
        digitised = warehouse.digitise(
            [("result.pdf", _read(signed.file))], holder_identifier=holder, origin=Origin.RESULT,
            metadata=warehouse.Metadata(document_type=fields.document_name[:200],
                                        issuer=dossier.competent_agency.name[:300],
                                        issue_date=signed.issued_at.date()),
            holder_name=dossier.applicant.name, agency=dossier.competent_agency,
            dossier_code=dossier.code, signed=signed,
        )
    return signed, digitised


def reused_documents(
    identifier: str, reused: Sequence[tuple[int, int]], known_requirements: set[int | None]
) -> list[tuple[int, DigitisedDocument]]:
    """The (requirement id, warehouse document) pairs a submission reuses, each checked: the
    document is the applicant's, visible and valid, and the requirement is on the procedure's list.

    Raises warehouse.WarehouseError with a translated message otherwise.
    """
    pairs: list[tuple[int, DigitisedDocument]] = []
    if not reused:
        return pairs
    offered = ({d.pk: d for d in warehouse.reusable_for(identifier).filter(pk__in=[pk for _r, pk in reused])}
               if identifier else {})  # no proven holder: nothing to reuse
    for requirement_id, document_id in reused:
        if requirement_id not in known_requirements:
            raise warehouse.WarehouseError("unknown_requirement", gettext(
                "Giấy tờ dùng lại phải thuộc thành phần hồ sơ của thủ tục."))
        document = offered.get(document_id)
        if document is None:
            raise warehouse.WarehouseError("not_reusable", gettext(
                "Giấy tờ số %(id)d không có trong kho dữ liệu của người nộp hoặc đã hết hiệu lực.")
                % {"id": document_id})
        pairs.append((requirement_id, document))
    return pairs


def reused_uploads(pairs: Sequence[tuple[int, DigitisedDocument]]) -> list[tuple[int | None, File]]:
    """A copy of each reused document's PDF as an upload on its requirement: the dossier services
    prove its type and store it like any other file (`_attach`)."""
    return [(requirement_id, ContentFile(_read(source.file), name=f"kho-du-lieu-{source.pk}.pdf"))
            for requirement_id, source in pairs]


def link_reused(pairs: Sequence[tuple[int, DigitisedDocument]], documents: Sequence[DossierDocument]) -> None:
    """Point each dossier document at the warehouse document it reuses (its origin, for the desk)."""
    by_requirement = {d.requirement_id: d for d in documents if d.requirement_id is not None}
    for requirement_id, source in pairs:
        document = by_requirement.get(requirement_id)
        if document is not None:
            document.warehouse_document = source
            document.save(update_fields=["warehouse_document"])


def offers_for(identifier: str, requirements: Sequence[Any]) -> dict[int, list[DigitisedDocument]]:
    """For each requirement, the holder's reusable warehouse documents that satisfy it: digitised
    for the same catalog requirement, or of the same document type (a birth certificate
    digitised for one procedure serves another procedure's "Giấy khai sinh")."""
    if not identifier:
        return {}
    available = list(warehouse.reusable_for(identifier))
    offers: dict[int, list[DigitisedDocument]] = {}
    for requirement in requirements:
        name = (requirement.name or "").strip().casefold()
        matching = [d for d in available if d.requirement_id == requirement.pk
                    or (name and d.document_type.strip().casefold() == name)]
        if matching:
            offers[requirement.pk] = matching
    return offers


def log_officer_opening(user: Any, attached: DossierFile, dossier: Dossier) -> None:
    """An officer opening a dossier file copied from the citizen's warehouse: the access is logged
    (the citizen sees it on "Kho dữ liệu của tôi"). The holder opening their own file is not an
    access; a document the holder has hidden since is not logged (the dossier's copy is the
    dossier's own file, handed in with it)."""
    if not getattr(user, "is_officer", False) or attached.document is None:
        return
    source = attached.document.warehouse_document_id
    if source is None:
        return
    try:
        warehouse.open_for_officer(user, source, dossier.code)
    except warehouse.WarehouseError:
        pass
