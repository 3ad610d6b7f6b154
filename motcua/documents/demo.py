"""Demo keys and documents: the province's CA and agency certificates, a digitised birth certificate.

Idempotent: existing keys are kept; the demo citizen's document is added once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from motcua.accounts.models import User
from motcua.agencies.models import Agency
from motcua.documents import pki, services
from motcua.documents.models import DigitisedDocument, Origin
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf

DEMO_CITIZEN = "congdan.an"
DEMO_RECEPTIONIST = "tiepnhan.dongkinh"


def load(command: Any, data_dir: Path) -> None:
    agencies = list(Agency.objects.filter(is_active=True).order_by("code").values_list("code", "name"))
    province = Agency.objects.filter(kind=Agency.Kind.PROVINCIAL_COMMITTEE).order_by("code").first()
    report = pki.init_pki(agencies, f"CA {province.name}" if province else "CA motcua")
    command.stdout.write(_("Chữ ký số: %(created)d chứng thư mới, %(existing)d đã có (%(path)s).") % {
        "created": len(report.created), "existing": len(report.existing), "path": pki.pki_dir()})
    citizen = User.objects.filter(username=DEMO_CITIZEN).first()
    officer = User.objects.filter(username=DEMO_RECEPTIONIST).first()
    if citizen is None or not citizen.id_number:
        return
    if DigitisedDocument.objects.filter(holder_identifier=citizen.id_number).exists():
        return
    text = "\n".join(BIRTH_CERTIFICATE)
    proposal = services.ocr.propose_metadata(text)
    services.digitise(
        [("giay-khai-sinh.pdf", render_pdf(BIRTH_CERTIFICATE))], holder_identifier=citizen.id_number,
        holder_name=citizen.full_name, origin=Origin.COUNTER_SCAN,
        metadata=services.Metadata(document_type=proposal.document_type, number=proposal.number,
                                   issuer=proposal.issuer, issue_date=proposal.issue_date),
        agency=officer.agency if officer else None, officer=officer, ocr_text=text,
    )
