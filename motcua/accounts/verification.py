"""Proving an account's ID number at the counter: the person shows their ID card *and* a code
that only their signed-in account can show.

A typed ID number is a claim (`User.verified_id_number`): the data warehouse, the offers of
digitised documents and their reuse open only to a proven number. VNeID proves it online
(`motcua.portal.oidc`). At a one-stop counter the officer compares the ID card with the person,
but the card alone does not say which *account* is that person's: someone who registered
another person's number would get their documents if the officer verified "the account with
this number". So the citizen shows a six-digit code from their signed-in account (the data
warehouse page); the officer types the card's number and that code. The code is an HMAC of
the account, its current number and a 15-minute window (no table, nothing to clean up), so it
is worthless for any other account or number and expires by itself.
"""

from __future__ import annotations

import datetime as dt
import hmac
import unicodedata

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from motcua.accounts import audit
from motcua.accounts.models import AccountEvent, IdVerification, Role, User
from motcua.core import ratelimit

WINDOW = dt.timedelta(minutes=15)
DIGITS = 6
# Codes officers may type for one number in an hour: a code has a million values.
ATTEMPTS_PER_NUMBER = 5
ATTEMPTS_WINDOW_SECONDS = 3600
# Roles that receive people at a counter and may check their card.
VERIFYING_ROLES = frozenset({Role.RECEPTIONIST, Role.CENTER_MANAGER})


class VerificationError(Exception):
    """A refusal, with the message to show the officer."""


def _window(at: dt.datetime) -> int:
    return int(at.timestamp() // WINDOW.total_seconds())


def _code(user: User, window: int) -> str:
    digest = salted_hmac("motcua.accounts.counter-verification",
                         f"{user.pk}:{user.id_number}:{window}").hexdigest()
    return str(int(digest[:15], 16) % 10**DIGITS).zfill(DIGITS)


def counter_code(user: User, at: dt.datetime | None = None) -> tuple[str, dt.datetime]:
    """The code the account shows now, and until when an officer can still enter it."""
    window = _window(at or timezone.now())
    valid_until = dt.datetime.fromtimestamp((window + 2) * WINDOW.total_seconds(), tz=dt.UTC)
    return _code(user, window), valid_until


def can_verify(officer: User) -> bool:
    return bool(getattr(officer, "is_officer", False)) and officer.role in VERIFYING_ROLES


def verify_at_counter(officer: User, id_number: str, code: str, *, at: dt.datetime | None = None) -> User:
    """Mark as proven the account whose number is on the card (`id_number`, already clean: 12
    digits) and which shows `code` (this window's or the previous one's). Nothing changes on a
    refusal."""
    if not can_verify(officer):
        raise VerificationError(_("Chỉ cán bộ một cửa mới xác thực được số định danh."))
    # Full-width digits are the same digits (NFKC); any other non-ASCII one is refused here
    # (hmac.compare_digest raises TypeError on a non-ASCII str: it was a 500).
    code = unicodedata.normalize("NFKC", "".join((code or "").split()))
    if not (code.isascii() and code.isdigit()) or len(code) != DIGITS:
        message = _("Mã xác thực gồm %(digits)d chữ số, hiển thị trong tài khoản của người dân.")
        raise VerificationError(message % {"digits": DIGITS})
    # Every attempt is counted, before the check and outside the transaction (with the database
    # cache the counter is a row on this connection, which a refusal would roll back): the
    # increment is atomic, so officers posting at the same time cannot pass the limit together.
    if not ratelimit.allow(f"counter-verification:{id_number}", ATTEMPTS_PER_NUMBER, ATTEMPTS_WINDOW_SECONDS):
        raise VerificationError(
            _("Đã nhập mã quá nhiều lần cho số định danh này. Hãy thử lại sau một giờ."))
    window = _window(at or timezone.now())
    with transaction.atomic():
        user = (User.objects.select_for_update()
                .filter(id_number=id_number, role=Role.CITIZEN, is_active=True).first())
        matched = user is not None and any(
            hmac.compare_digest(code, _code(user, w)) for w in (window, window - 1))
        if user is not None and matched and user.id_verified_at is None:
            user.mark_id_verified(IdVerification.COUNTER)
            user.save(update_fields=["id_verified_at", "id_verified_by"])
            with audit.acting_as(officer):
                audit.record(AccountEvent.Action.ID_VERIFIED, subject_id=user.pk, subject=user.username,
                             data={"method": IdVerification.COUNTER,
                                   "agency": getattr(officer.agency, "code", "")})
    if user is None or not matched:
        # The same message whether no account holds the number or the code is wrong: the
        # desk must not become a way to find out who has an account.
        raise VerificationError(_(
            "Mã xác thực không đúng hoặc đã hết hạn, hoặc không có tài khoản công dân mang số định danh "
            "này. Hãy để người dân mở lại trang “Kho dữ liệu của tôi” và đọc mã mới."))
    return user
