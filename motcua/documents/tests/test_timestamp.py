"""With MOTCUA_TSA_URL set, the signature carries a trusted RFC 3161 timestamp from that service.

The service is a real HTTP server on the loopback, answering with pyHanko's in-process
timestamper under a TSA certificate issued by the province's CA.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from asn1crypto import keys, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.timestamps import DummyTimeStamper

from motcua.documents import pki, signing
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf
from motcua.documents.verification import Verdict, verify_bytes
from motcua.dossiers.sample import World


def _tsa_certificate() -> tuple[Any, Any]:
    ca_path, key_path = pki.ca_paths()
    ca = x509.load_pem_x509_certificate(ca_path.read_bytes())
    ca_key: Any = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "TSA thử nghiệm")]))
        .issuer_name(ca.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    der_key = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return (asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
            keys.PrivateKeyInfo.load(der_key))


@pytest.fixture
def tsa_url(signing_world: World, settings: Any) -> Iterator[str]:
    cert, key = _tsa_certificate()
    stamper = DummyTimeStamper(tsa_cert=cert, tsa_key=key)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.MOTCUA_TSA_URL = f"http://127.0.0.1:{server.server_address[1]}/"
    yield settings.MOTCUA_TSA_URL
    server.shutdown()
    server.server_close()


def test_signature_carries_a_trusted_timestamp_when_a_tsa_is_configured(signing_world: World,
                                                                         tsa_url: str) -> None:
    document = signing.sign_document(render_pdf(BIRTH_CERTIFICATE), signing_world.ward_committee,
                                     signing.QrFields(document_name="Giấy khai sinh"))
    with document.file.open("rb") as handle:
        result = verify_bytes(handle.read())
    assert result.verdict == Verdict.VALID
    assert result.timestamped is True
    assert result.signed_at is not None


def test_without_a_tsa_the_signature_has_no_timestamp(signing_world: World) -> None:
    data = signing.sign_bytes(render_pdf(BIRTH_CERTIFICATE), signing_world.ward_committee.code)
    assert verify_bytes(data).timestamped is False
