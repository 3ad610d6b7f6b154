"""Forms shared by the doors that take a dossier from a person: the applicant and the scans.

The citizen portal and the one-stop desk both ask who the dossier is for (`ApplicantForm`) and
take scans (`ScanField`: PDF, JPEG or PNG proven by their first bytes), so the form lives below
both of them.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from typing import Any

from django import forms
from django.core import signing
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import PHONE_MAX_LENGTH, PHONE_VALIDATOR
from motcua.dossiers.services.keys import SubmissionOnce, fingerprint
from motcua.dossiers.uploads import ACCEPT, UploadProblem, check_upload

# ASCII digits only: `\d` and str.isdigit() also take "０" or "٠", and a number stored so would
# match no other record of the same person (nor the one-account-per-number check).
ID_NUMBER_RE = re.compile(r"^[0-9]{12}$")
# Room for a number typed in groups ("0200 9000 1234"): spaces are removed before the check,
# so the person gets our specific message, not Django's generic length one.
ID_NUMBER_INPUT_MAX = 24


def clean_id_number(value: str) -> str:
    """The 12 digits of a personal ID number, whitespace removed, or a message that says what is wrong."""
    # Full-width digits ("０１２…", typed with some keyboards) are the same digits (NFKC).
    value = unicodedata.normalize("NFKC", "".join(value.split()))
    if not (value.isascii() and value.isdigit()):
        raise forms.ValidationError(_("Số định danh cá nhân chỉ gồm chữ số (12 chữ số in trên căn cước)."),
                                    code="id_number_not_digits")
    if not ID_NUMBER_RE.match(value):
        raise forms.ValidationError(
            _("Số định danh cá nhân gồm đúng 12 chữ số; số bạn nhập có %(count)d chữ số."),
            code="id_number_length", params={"count": len(value)})
    return value


def check_scan(upload: UploadedFile) -> None:
    try:
        check_upload(upload)
    except UploadProblem as problem:
        raise forms.ValidationError(problem.message) from None


class ScanField(forms.FileField):
    """One uploaded scan; the browser is told what we accept, the server checks it again."""

    default_error_messages = {"required": _("Vui lòng đính kèm giấy tờ này.")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        upload = super().clean(data, initial)
        if upload:
            check_scan(upload)
        return upload


def unit_choices() -> list[tuple[str, str]]:
    """Communes and wards of the province in force today (the applicant's place of residence)."""
    import datetime as dt

    from django.conf import settings

    from motcua.geography.models import Unit

    units = (
        Unit.objects.on(dt.date.today())
        .filter(parent__code=settings.MOTCUA_PROVINCE_CODE, parent__level=Unit.Level.PROVINCE)
        .exclude(level=Unit.Level.DISTRICT).order_by("name_folded").values_list("pk", "name")
    )
    return [("", "—")] + [(str(pk), name) for pk, name in units]


# The one-time submission key of a form that creates a dossier: "<account id>.<random>", signed,
# so a key copied from another account's page (or made up) is refused before anything is looked up.
_SUBMISSION_KEY_SALT = "motcua.dossiers.submission-key"


def issue_submission_key(account: Any) -> str:
    """A fresh key for a form rendered for `account` (a double click posts it twice: one dossier)."""
    return signing.Signer(salt=_SUBMISSION_KEY_SALT).sign(f"{account.pk}.{secrets.token_urlsafe(18)}")


def submission_key_of(account: Any, token: str) -> str | None:
    """The key of a form `account` posted, or None when it was issued to another account or forged."""
    try:
        value = signing.Signer(salt=_SUBMISSION_KEY_SALT).unsign(token)
    except signing.BadSignature:
        return None
    owner, _dot, key = value.partition(".")
    return key if owner == str(account.pk) and key else None


class ApplicantForm(forms.Form):
    """Who the dossier is for; prefilled from the account, editable (e.g. a parent for a child).

    Both forms that create a dossier (the portal's online submission, the counter's reception)
    carry a one-time `submission_key`, issued with the page (`issue_submission_key`)."""

    required_css_class = "required"  # the label gets a "*" (explained above the form), not just a colour

    submission_key = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    name = forms.CharField(label=_("Họ và tên người nộp"), max_length=300,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    id_number = forms.CharField(
        label=_("Số định danh cá nhân"), max_length=ID_NUMBER_INPUT_MAX,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("12 chữ số in trên căn cước; có thể gõ cách nhóm, hệ thống tự bỏ dấu cách."),
    )
    date_of_birth = forms.DateField(label=_("Ngày sinh"), required=False,
                                    widget=forms.DateInput(attrs={"type": "date"}))
    phone = forms.CharField(label=_("Số điện thoại"), max_length=PHONE_MAX_LENGTH,
                            validators=[PHONE_VALIDATOR],
                            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}))
    email = forms.EmailField(label=_("Thư điện tử"), required=False,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    address_unit = forms.TypedChoiceField(label=_("Xã, phường nơi cư trú"), required=False, coerce=int,
                                          empty_value=None)
    street = forms.CharField(label=_("Số nhà, đường, thôn, xóm"), max_length=300, required=False,
                             widget=forms.TextInput(attrs={"autocomplete": "street-address"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["address_unit"].choices = unit_choices()  # type: ignore[attr-defined]

    def clean_id_number(self) -> str:
        return clean_id_number(self.cleaned_data["id_number"])

    # Set by `once` (or `key_reused`) when the posted key was refused: the view answers 409,
    # nothing created, the page comes back with a fresh key.
    key_refused = False
    # Slots the POST filled with a file kept from an earlier attempt (dossiers.held_uploads): the
    # fingerprint names them by their token, not their content — once the dossier is created the
    # kept file is gone, and a resent POST must still be the same submission.
    held_tokens: dict[str, str] = {}

    def once(self, account: Any) -> SubmissionOnce | None:
        """The posted key for the services, with the digest of what the form asks (its cleaned
        data and each uploaded file's content); None when the form carried none (a client of its
        own: no protection, as an API call without `Idempotency-Key`).

        The same key with the same data (a double click, a resent POST) is the first dossier;
        with other data (Back to a page that kept the old key, another applicant typed in) the
        service refuses it (`submission_key_reused`) and the view calls `key_reused`.
        A key issued to another account, or forged, is refused here: nothing is created and
        nothing says what that key created."""
        token = self.cleaned_data.get("submission_key", "")
        if not token:
            return None
        key = submission_key_of(account, token)
        if key is None:
            self._refuse_key(account, gettext(
                "Biểu mẫu này không được cấp cho tài khoản của bạn hoặc đã bị thay đổi, nên hồ sơ chưa "
                "được nộp. Vui lòng kiểm tra lại thông tin và gửi lại."))
            return None
        return SubmissionOnce(key, self.fingerprint())

    def fingerprint(self) -> str:
        """The digest of the cleaned data (without the key) and of the uploaded files' contents."""
        fields: dict[str, Any] = {}
        files: list[File] = []
        for name in sorted(self.cleaned_data):
            value = self.cleaned_data[name]
            if name == "submission_key":
                continue
            if name in self.held_tokens:
                fields[name] = "held:" + self.held_tokens[name]
                continue
            uploads = value if isinstance(value, (list, tuple)) else [value]
            if uploads and all(isinstance(each, File) for each in uploads):
                files.extend(uploads)
                fields[name] = len(uploads)
            else:
                fields[name] = value
        return fingerprint(type(self).__name__, fields, files)

    def show_held(self, held: dict[str, dict[str, Any]]) -> None:
        """Mark the slots whose file is kept from a refused attempt: shown as attached, not required again."""
        for name, record in held.items():
            if name in self.fields:
                self.fields[name].held = record  # type: ignore[attr-defined]
                self.fields[name].widget.attrs.pop("required", None)

    def key_reused(self, account: Any) -> None:
        """The posted key created a dossier from other data: this is a new submission, which needs
        a fresh key — nothing is created now, the page comes back with one and says so."""
        self._refuse_key(account, gettext(
            "Biểu mẫu này đã được dùng để nộp một hồ sơ khác (có thể do quay lại trang trước), nên hồ "
            "sơ này chưa được nộp. Vui lòng kiểm tra lại thông tin rồi gửi lại để nộp hồ sơ mới."))

    def _refuse_key(self, account: Any, message: str) -> None:
        self.key_refused = True
        self.add_error(None, message)
        data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
        data["submission_key"] = issue_submission_key(account)
        self.data = data

    def ask_land_unit(self) -> None:
        """Land procedures are decided by the commune where the parcel lies (catalog.services.place_basis)."""
        self.fields["land_unit"] = forms.TypedChoiceField(
            label=_("Xã, phường nơi có đất"), coerce=int, empty_value=None, choices=unit_choices(),
            help_text=_("Thủ tục đất đai do Ủy ban nhân dân nơi có đất giải quyết."))

    def land_unit(self) -> Any:
        """The chosen commune of the land parcel (a Unit), or None when the procedure does not ask."""
        from motcua.geography.models import Unit

        unit_id = self.cleaned_data.get("land_unit")
        return Unit.objects.filter(pk=unit_id).first() if unit_id else None

    def competence_error(self, error: Any) -> bool:
        """Put a `no_competent_agency` refusal on the field that decides it; True when it was one."""
        if getattr(error, "code", "") != "no_competent_agency":
            return False
        self.add_error("land_unit" if "land_unit" in self.fields else "address_unit", error.message)
        return True

    def applicant(self, user: Any = None) -> Any:
        """An unsaved Applicant from the cleaned data (the service saves it with the dossier)."""
        from motcua.dossiers.models import Applicant

        data = self.cleaned_data
        return Applicant(
            kind=Applicant.Kind.CITIZEN, name=data["name"].strip(), id_number=data["id_number"],
            date_of_birth=data.get("date_of_birth"), phone=data.get("phone", ""), email=data.get("email", ""),
            address_unit_id=data.get("address_unit"), street=data.get("street", ""), user=user,
        )
