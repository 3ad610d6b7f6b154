"""The citizen's choice of channels (the portal's notification settings page calls these)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from motcua.accounts.models import User
from motcua.notify.models import Channel, Preference


class PreferenceError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def current(user: User) -> Preference:
    """The saved choice, or the default (email only) unsaved."""
    return Preference.objects.filter(user=user).first() or Preference(user=user)


def addresses(user: User) -> dict[str, str]:
    """Where each channel reaches the citizen: the account's email and phone (Zalo: the phone number)."""
    return {Channel.EMAIL: user.email, Channel.SMS: user.phone, Channel.ZALO: user.phone}


def choose(user: User, *, email: bool, sms: bool, zalo: bool) -> Preference:
    """Save the citizen's channels; a channel without an address on the account is refused."""
    where = addresses(user)
    if email and not where[Channel.EMAIL]:
        raise PreferenceError(
            "email", _("Tài khoản chưa có địa chỉ thư điện tử, không thể nhận thông báo qua thư.")
        )
    if (sms or zalo) and not where[Channel.SMS]:
        raise PreferenceError(
            "sms" if sms else "zalo",
            _("Tài khoản chưa có số điện thoại, không thể nhận thông báo qua SMS hoặc Zalo."),
        )
    with transaction.atomic():
        preference, _created = Preference.objects.update_or_create(
            user=user, defaults={"email": email, "sms": sms, "zalo": zalo}
        )
    return preference
