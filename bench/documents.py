"""Signed documents and OCR: motcua's signing and verification vs pyHanko called directly; OCR speed.

Run:  .venv/bin/python bench/documents.py [--json] [--files N] [--ocr-pages N]

Both sides get the same PDFs (one A4 page of Vietnamese text each) and the same agency key
from a throw-away PKI. motcua's signing also stamps the Circular 01/2023 QR code; its
verification also loads the trust roots and classifies the verdict. Goal: ratio >= 0.7.
OCR: Tesseract (vie) pages per minute at 300 dpi, rendering included.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rate(run: Callable[[], None], count: int, repeats: int = 2) -> float:
    """Items per second of the fastest of `repeats` runs."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return count / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--files", type=int, default=30)
    parser.add_argument("--ocr-pages", type=int, default=3)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="motcua-bench-pki-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    os.environ.setdefault("MOTCUA_DEBUG", "1")
    os.environ["MOTCUA_PKI_DIR"] = folder
    import django

    django.setup()
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields, signers
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from motcua.documents import ocr, pki, signing
    from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf
    from motcua.documents.verification import Verdict, verify_bytes

    code = "000.01.30.H37"
    pki.init_pki([(code, "UBND phường Đông Kinh")], "CA bench")
    sources = [render_pdf([*BIRTH_CERTIFICATE, f"Bản số {i}"]) for i in range(args.files)]
    signer = pki.signer_for(code)
    qr = signing.QrFields(document_name="Giấy khai sinh", dossier_code="000.02.30.H37-260302-0001",
                          procedure_code="1.001193", holder_identifier="020190001234")
    link = signing.verification_link("00000000-0000-0000-0000-000000000000")
    signed: list[bytes] = []

    def ours_sign() -> None:
        signed.clear()
        for pdf in sources:
            stamped = signing.add_qr(pdf, qr.payload(link), link)
            signed.append(signing.sign_bytes(stamped, code, signer=signer))

    def pyhanko_sign() -> None:
        for pdf in sources:
            meta = signers.PdfSignatureMetadata(field_name="Sig", subfilter=fields.SigSeedSubFilter.PADES,
                                                md_algorithm="sha256")
            signers.PdfSigner(meta, signer=signer).sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)))

    root = load_cert_from_pemder(str(pki.ca_paths()[0]))

    def ours_verify() -> None:
        for data in signed:
            assert verify_bytes(data).verdict == Verdict.VALID

    def pyhanko_verify() -> None:
        for data in signed:
            signature = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
            status = validate_pdf_signature(
                signature, ValidationContext(trust_roots=[root], allow_fetching=False))
            assert status.bottom_line

    sign_ours = rate(ours_sign, len(sources))
    sign_ref = rate(pyhanko_sign, len(sources))
    verify_ours = rate(ours_verify, len(signed))
    verify_ref = rate(pyhanko_verify, len(signed))

    pages = render_pdf(BIRTH_CERTIFICATE)
    start = time.perf_counter()
    for _ in range(args.ocr_pages):
        ocr.ocr_pdf(pages)
    ocr_per_minute = args.ocr_pages / (time.perf_counter() - start) * 60

    result = {
        "files": len(sources),
        "sign_per_second": round(sign_ours, 1),
        "pyhanko_sign_per_second": round(sign_ref, 1),
        "sign_ratio": round(sign_ours / sign_ref, 2),
        "verify_per_second": round(verify_ours, 1),
        "pyhanko_verify_per_second": round(verify_ref, 1),
        "verify_ratio": round(verify_ours / verify_ref, 2),
        "ocr_pages_per_minute": round(ocr_per_minute, 1),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"signing:      {result['sign_per_second']}/s vs pyHanko {result['pyhanko_sign_per_second']}/s"
              f" (ratio {result['sign_ratio']})")
        print(f"verification: {result['verify_per_second']}/s vs pyHanko "
              f"{result['pyhanko_verify_per_second']}/s (ratio {result['verify_ratio']})")
        print(f"OCR:          {result['ocr_pages_per_minute']} pages/min (Tesseract vie, 300 dpi)")


if __name__ == "__main__":
    main()
