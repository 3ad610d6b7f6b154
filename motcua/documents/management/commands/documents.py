"""`motcua documents sign|verify|ocr|ocr-pending`: signed PDFs and Vietnamese OCR from the command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.core.cli import BadInput, to_json
from motcua.documents import signing
from motcua.documents.verification import verify_bytes


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        raise BadInput(_("Không đọc được tệp %(path)s.") % {"path": path}) from None


class Command(BaseCommand):
    help = "Sign a PDF as an agency (with the QR code), verify a signed PDF, OCR a scan."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        sign = actions.add_parser("sign", help="Sign FILE as the agency; write OUT.")
        sign.add_argument("file")
        sign.add_argument("--agency", required=True, help="Agency code, e.g. 000.01.30.H37.")
        sign.add_argument("--out", required=True)
        sign.add_argument("--name", default="", help="Document name (default: the file's name).")
        sign.add_argument("--dossier", default="", help="Dossier code printed in the QR code.")
        sign.add_argument("--procedure", default="", help="Procedure code printed in the QR code.")
        sign.add_argument("--holder", default="", help="Holder's ID number or tax code.")
        sign.add_argument("--json", action="store_true")
        verify = actions.add_parser("verify", help="Verify FILE; exit 0 only when valid.")
        verify.add_argument("file")
        verify.add_argument("--json", action="store_true")
        ocr = actions.add_parser("ocr", help="Read FILE (PDF/JPEG/PNG) in Vietnamese; propose metadata.")
        ocr.add_argument("file")
        ocr.add_argument("--json", action="store_true")
        pending = actions.add_parser(
            "ocr-pending", help="Recognise the digitised documents waiting for OCR (what the worker runs).")
        pending.add_argument("--limit", type=int, default=None)
        pending.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['action'].replace('-', '_')}")(options)

    def _sign(self, options: dict[str, Any]) -> None:
        data = _read(options["file"])
        agency = Agency.objects.filter(code=options["agency"]).first()
        if agency is None:
            raise BadInput(_("Không có cơ quan mã %(code)s.") % {"code": options["agency"]})
        qr = signing.QrFields(
            document_name=options["name"] or Path(options["file"]).stem,
            dossier_code=options["dossier"], procedure_code=options["procedure"],
            holder_identifier=options["holder"],
        )
        try:
            document = signing.sign_document(data, agency, qr)
        except signing.SigningError as error:
            raise BadInput(str(error)) from None
        with document.file.open("rb") as handle:
            Path(options["out"]).write_bytes(handle.read())
        if options["json"]:
            self.stdout.write(to_json({"id": str(document.id), "out": options["out"],
                                       "link": signing.verification_link(document.id)}))
        else:
            self.stdout.write(_("Đã ký: %(out)s (xác thực: %(link)s)") % {
                "out": options["out"], "link": signing.verification_link(document.id)})

    def _verify(self, options: dict[str, Any]) -> None:
        result = verify_bytes(_read(options["file"]))
        if options["json"]:
            self.stdout.write(to_json({
                "verdict": result.verdict.value, "label": result.label, "signer": result.signer,
                "signed_at": result.signed_at, "timestamped": result.timestamped,
            }))
        else:
            self.stdout.write(result.label)
            if result.signer:
                self.stdout.write(_("Người ký: %(signer)s") % {"signer": result.signer})
            if result.signed_at:
                self.stdout.write(_("Thời gian ký: %(at)s") % {"at": result.signed_at.isoformat()})
        if not result.ok:
            sys.stdout.flush()
            raise CommandError(result.label, returncode=1)

    def _ocr(self, options: dict[str, Any]) -> None:
        from motcua.documents import ocr

        data = _read(options["file"])
        try:
            pdf, _pages = ocr.scans_to_pdf([(options["file"], data)])
            text = ocr.ocr_pdf(pdf)
        except ocr.OcrError as error:
            raise BadInput(str(error)) from None
        proposal = ocr.propose_metadata(text)
        if options["json"]:
            self.stdout.write(to_json({"text": text, "proposal": proposal.as_dict()}))
        else:
            self.stdout.write(text)
            for key, value in proposal.as_dict().items():
                self.stdout.write(f"{key}: {value}")

    def _ocr_pending(self, options: dict[str, Any]) -> None:
        from motcua.documents import ocr_jobs

        done = ocr_jobs.run_pending(limit=options["limit"])
        if options["json"]:
            self.stdout.write(to_json({"recognised": done}))
        else:
            self.stdout.write(_("Đã nhận dạng %(count)d giấy tờ.") % {"count": done})
