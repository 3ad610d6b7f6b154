"""The province's local PKI: one CA and one signing certificate per agency.

Files live under `MOTCUA_PKI_DIR` (default `var/pki`), never in the database:

    ca.pem, ca.key                 the province's root (self-signed) for the demo and tests
    agencies/<agency code>.pem     the agency's certificate (issued by the CA)
    agencies/<agency code>.key     its private key (mode 0600)
    trust/*.pem                    further trust roots (e.g. the national CA for real tokens)

Production keys belong on tokens: `signer_for` is the one place that turns an agency code
into a pyHanko `Signer`. A PKCS#11 token (an ID card or a USB token) plugs in as
`pyhanko.sign.pkcs11.PKCS11Signer`, a remote signing service through pyHanko's interrupted
signing (`PdfSigner.digest_doc_for_signing` / `finish_signing`); both sign through the same
`motcua.documents.signing.sign_pdf`. See docs/documents.md.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from django.utils.translation import gettext

KEY_BITS = 2048
CA_YEARS = 20
AGENCY_YEARS = 5
_SAFE_CODE = re.compile(r"^[A-Za-z0-9.\-]+$")


class PkiError(Exception):
    """A translated message for the operator (missing CA, unknown agency…)."""


@dataclass(frozen=True)
class PkiReport:
    ca_created: bool
    created: list[str]
    existing: list[str]


def pki_dir() -> Path:
    return Path(settings.MOTCUA_PKI_DIR)


def ca_paths() -> tuple[Path, Path]:
    return pki_dir() / "ca.pem", pki_dir() / "ca.key"


def agency_paths(code: str) -> tuple[Path, Path]:
    if not _SAFE_CODE.match(code):
        raise PkiError(gettext("Mã cơ quan không hợp lệ: %(code)s") % {"code": code})
    folder = pki_dir() / "agencies"
    return folder / f"{code}.pem", folder / f"{code}.key"


def _write_key(path: Path, key: rsa.RSAPrivateKey) -> None:
    """Write a private key readable by its owner only (0600 from creation, no window)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(path, 0o600)


def _write_cert(path: Path, cert: x509.Certificate) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))


def _fit(text: str, limit: int = 64) -> str:
    """At most `limit` UTF-8 bytes (cryptography's check for X.509 names; Vietnamese letters take 2–3)."""
    while len(text.encode("utf-8")) > limit:
        text = text[:-1]
    return text.rstrip()


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, _fit(organisation)),
        x509.NameAttribute(NameOID.COMMON_NAME, _fit(common_name)),
    ])


def make_ca(common_name: str, now: dt.datetime | None = None) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    """A self-signed root able to sign agency certificates."""
    now = now or dt.datetime.now(dt.UTC)
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    name = _name(common_name, common_name)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
            encipher_only=False, decipher_only=False,
        ), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def issue_certificate(
    ca_cert: x509.Certificate, ca_key: Any, common_name: str, organisation: str,
    now: dt.datetime | None = None,
) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    """A document-signing certificate: digital signature + non-repudiation (PAdES validators ask)."""
    now = now or dt.datetime.now(dt.UTC)
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, organisation)).issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * AGENCY_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False,
        ), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_cert.public_key()),  # type: ignore[arg-type]
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    return cert, key


def _load_ca() -> tuple[x509.Certificate, Any]:
    cert_path, key_path = ca_paths()
    if not cert_path.exists() or not key_path.exists():
        raise PkiError(gettext("Chưa có CA của tỉnh: chạy “motcua pki init” trước."))
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    return cert, key


def init_pki(agencies: Iterable[tuple[str, str]], ca_name: str) -> PkiReport:
    """Create the CA when missing and a certificate for each (code, name) without one. Idempotent."""
    cert_path, key_path = ca_paths()
    ca_created = False
    if not cert_path.exists() or not key_path.exists():
        ca_cert, ca_key = make_ca(ca_name)
        _write_key(key_path, ca_key)
        _write_cert(cert_path, ca_cert)
        ca_created = True
    ca_cert, ca_key = _load_ca()
    created: list[str] = []
    existing: list[str] = []
    for code, name in agencies:
        agency_cert, agency_key = agency_paths(code)
        if agency_cert.exists() and agency_key.exists():
            existing.append(code)
            continue
        cert, key = issue_certificate(ca_cert, ca_key, name, ca_name)
        _write_key(agency_key, key)
        _write_cert(agency_cert, cert)
        created.append(code)
    return PkiReport(ca_created=ca_created, created=created, existing=existing)


def trust_root_files() -> list[Path]:
    cert_path, _ = ca_paths()
    files = [cert_path] if cert_path.exists() else []
    files += sorted((pki_dir() / "trust").glob("*.pem"))
    return files


def signer_for(code: str) -> Any:
    """The pyHanko signer of an agency (local key files; see the module docstring for tokens)."""
    from pyhanko.sign import signers

    cert_path, key_path = agency_paths(code)
    if not cert_path.exists() or not key_path.exists():
        raise PkiError(gettext("Cơ quan %(code)s chưa có chứng thư số: chạy “motcua pki init”.")
                       % {"code": code})
    ca_cert, _ = ca_paths()
    signer = signers.SimpleSigner.load(
        str(key_path), str(cert_path), ca_chain_files=(str(ca_cert),) if ca_cert.exists() else (),
    )
    if signer is None:
        raise PkiError(gettext("Không đọc được khóa của cơ quan %(code)s.") % {"code": code})
    return signer
