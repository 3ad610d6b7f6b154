"""Forms of the citizen portal: registration, public lookup.

The applicant's form and the scan field are shared with the desk: they live in `motcua.dossiers.forms`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import Role, User
from motcua.catalog.requirements import describe_counts, is_always_required, is_document
from motcua.dossiers.forms import (  # noqa: F401  (the portal's names for them)
    ID_NUMBER_INPUT_MAX,
    ID_NUMBER_RE,
    ApplicantForm,
    ScanField,
    clean_id_number,
    unit_choices,
)

DUPLICATE_ID_NUMBER = _("Số định danh cá nhân này đã có tài khoản. Nếu đó là bạn, hãy đăng nhập "
                        "(hoặc lấy lại mật khẩu qua thư điện tử).")


class RegisterForm(UserCreationForm):
    """A local citizen account; officers are created by administrators, never here."""

    full_name = forms.CharField(label=_("Họ và tên"), max_length=200)
    id_number = forms.CharField(
        label=_("Số định danh cá nhân (CCCD)"), max_length=ID_NUMBER_INPUT_MAX,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("12 chữ số in trên căn cước."),
    )
    phone = forms.CharField(
        label=_("Số điện thoại"), max_length=20, required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(label=_("Thư điện tử"), required=False,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "full_name", "id_number", "phone", "email")

    def clean_id_number(self) -> str:
        value = clean_id_number(self.cleaned_data["id_number"])
        if User.objects.filter(id_number=value).exists():
            raise forms.ValidationError(DUPLICATE_ID_NUMBER, code="id_number_taken")
        return value

    def id_number_taken(self) -> None:
        """The database refused the account (another registration with this number won the race)."""
        self.add_error("id_number", forms.ValidationError(DUPLICATE_ID_NUMBER, code="id_number_taken"))

    def save(self, commit: bool = True) -> User:
        user: User = super().save(commit=False)
        user.role = Role.CITIZEN
        user.agency = None
        if commit:
            user.save()
        return user


class LookupForm(forms.Form):
    """Public lookup: the dossier code plus the applicant's ID number, so codes alone reveal nothing."""

    code = forms.CharField(label=_("Mã hồ sơ"), max_length=40,
                           widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    id_number = forms.CharField(
        label=_("Số định danh cá nhân hoặc mã số thuế của người nộp"), max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip()

    def clean_id_number(self) -> str:
        return self.cleaned_data["id_number"].strip().replace(" ", "")


def required_document_field(requirement: Any) -> Any:
    """One upload slot. The browser is told which documents are always required (it checks
    first); the server's judge is `dossiers.services` (`documents_missing`, naming each one),
    so portal, desk and API cannot disagree."""
    from motcua.dossiers.uploads import ACCEPT

    attrs: dict[str, Any] = {"accept": ACCEPT}
    if is_always_required(requirement):
        attrs["required"] = True
    field = ScanField(label=requirement.name, required=False, help_text=describe_counts(requirement),
                      widget=forms.FileInput(attrs=attrs))
    field.always_required = is_always_required(requirement)  # type: ignore[attr-defined]
    return field


def requirement_field_name(requirement_id: int) -> str:
    return f"doc_{requirement_id}"


def reuse_field_name(requirement_id: int) -> str:
    return f"reuse_{requirement_id}"


def reuse_label(document: Any) -> str:
    """A warehouse document as the citizen recognises it: type, number, origin, date."""
    parts = [document.document_type or _("Giấy tờ"), document.number,
             str(document.get_origin_display()), document.created_at.strftime("%d/%m/%Y")]
    return " · ".join(p for p in parts if p)


class OnlineSubmissionForm(ApplicantForm):
    """The procedure's form: applicant, request, where to submit, one upload slot per required document."""

    receiving_agency = forms.TypedChoiceField(
        label=_("Nơi tiếp nhận hồ sơ"), coerce=int, empty_value=None,
        help_text=_("Mặc định là Trung tâm phục vụ hành chính công của xã, phường nơi bạn cư trú."))
    request_text = forms.CharField(
        label=_("Nội dung yêu cầu"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: đăng ký khai sinh cho con, họ tên của con, ngày sinh."),
    )
    result_delivery = forms.ChoiceField(
        label=_("Hình thức nhận kết quả"), widget=forms.RadioSelect,
        initial="centre", required=False,
    )
    confirm = forms.BooleanField(
        label=_("Tôi cam đoan các thông tin khai là đúng sự thật và chịu trách nhiệm trước pháp luật."),
    )
    # Submitting for someone else is declared, never inferred (issue #15): without it, the
    # applicant is the signed-in account's own identity.
    on_behalf = forms.BooleanField(
        label=_("Tôi nộp thay cho người khác"), required=False,
        help_text=_("Ví dụ: cha, mẹ nộp cho con; người được ủy quyền. Khi không chọn, họ tên và số định "
                    "danh của người nộp là của tài khoản đang đăng nhập."),
    )
    on_behalf_relationship = forms.CharField(
        label=_("Quan hệ với người có hồ sơ"), required=False, max_length=200,
        help_text=_("Ví dụ: mẹ của trẻ; được ủy quyền theo giấy ủy quyền số …"),
    )

    def __init__(self, *args: Any, requirements: list[Any], agencies: list[Any],
                 offers: dict[int, list[Any]] | None = None, account: Any = None, **kwargs: Any) -> None:

        super().__init__(*args, **kwargs)
        self.account = account
        self.requirements = [r for r in requirements if is_document(r)]
        self.notes = [r for r in requirements if not is_document(r)]
        from motcua.dossiers.models import ResultDelivery

        self.fields["result_delivery"].choices = ResultDelivery.choices  # type: ignore[attr-defined]
        # No silent default: the citizen's own commune's centre is preselected by the view when known,
        # otherwise the citizen chooses (never the first centre in alphabetical order).
        self.fields["receiving_agency"].choices = [  # type: ignore[attr-defined]
            ("", _("— Chọn nơi tiếp nhận —")), *((a.pk, a.name) for a in agencies)]
        for requirement in self.requirements:
            self.fields[requirement_field_name(requirement.pk)] = required_document_field(requirement)
            offered = (offers or {}).get(requirement.pk)
            if offered:
                # Once-only (issue #13): what the citizen's warehouse already holds, instead of an upload.
                self.fields[requirement_field_name(requirement.pk)].widget.attrs.pop("required", None)
                self.fields[reuse_field_name(requirement.pk)] = forms.TypedChoiceField(
                    label=_("Hoặc dùng giấy tờ trong kho dữ liệu của tôi"), coerce=int, required=False,
                    empty_value=None,
                    choices=[("", _("— Không dùng, tôi tải tệp lên —")),
                             *((d.pk, reuse_label(d)) for d in offered)],
                )
        # Django marks required inputs with the `required` attribute: the browser checks first.
        self.use_required_attribute = True

    def document_groups(self) -> list[tuple[str, list[Any]]]:
        """Upload slots grouped under the catalog's case headings ("Giấy tờ phải nộp:" …), in order."""
        groups: list[tuple[str, list[Any]]] = []
        for r in self.requirements:
            if not groups or groups[-1][0] != r.case:
                groups.append((r.case, []))
            groups[-1][1].append(self[requirement_field_name(r.pk)])
            if reuse_field_name(r.pk) in self.fields:
                groups[-1][1].append(self[reuse_field_name(r.pk)])
        return groups

    def reused(self) -> list[tuple[int, int]]:
        """(requirement id, warehouse document id) for each slot where the citizen chose reuse."""
        data = self.cleaned_data
        return [(r.pk, data[reuse_field_name(r.pk)]) for r in self.requirements
                if data.get(reuse_field_name(r.pk)) and not data.get(requirement_field_name(r.pk))]

    def applicant_fields(self) -> list[Any]:
        names = ["on_behalf", "on_behalf_relationship", "name", "id_number", "date_of_birth", "phone",
                 "email", "address_unit", "street", "land_unit"]
        return [self[n] for n in names if n in self.fields]

    def clean(self) -> dict[str, Any]:
        """The applicant is the account's own identity unless the citizen declares "on behalf of".

        An account without an ID number (an old local account) submits with the identity typed.
        """
        data = super().clean() or self.cleaned_data
        own_id = getattr(self.account, "id_number", "") or ""
        typed_id = data.get("id_number")
        if data.get("on_behalf"):
            if not (data.get("on_behalf_relationship") or "").strip():
                self.add_error("on_behalf_relationship", _("Vui lòng ghi rõ quan hệ với người có hồ sơ."))
            if own_id and typed_id == own_id:
                self.add_error("id_number", _("Đây là số định danh của chính bạn. Bỏ chọn “Tôi nộp thay cho "
                                              "người khác” nếu hồ sơ là của bạn."))
            return data
        data["on_behalf_relationship"] = ""
        if own_id:
            if typed_id and typed_id != own_id:
                self.add_error("id_number", _(
                    "Số định danh khác với số của tài khoản đang đăng nhập. Nếu bạn nộp thay cho người "
                    "khác, hãy chọn “Tôi nộp thay cho người khác” và ghi rõ quan hệ."))
            data["id_number"] = own_id
            if getattr(self.account, "full_name", ""):
                data["name"] = self.account.full_name
        return data

    def on_behalf_declaration(self) -> str:
        """The declaration as a line of the request, so the slips and the desk show it (the
        submission event records it too: `submit_online(on_behalf=…)`)."""
        if not self.cleaned_data.get("on_behalf"):
            return ""
        from django.conf import settings
        from django.utils import translation

        with translation.override(settings.LANGUAGE_CODE):  # part of the dossier: in Vietnamese
            return gettext("Nộp thay: %(account)s (%(relationship)s)") % {
                "account": getattr(self.account, "full_name", "") or str(self.account),
                "relationship": self.cleaned_data["on_behalf_relationship"].strip()}

    def clean_result_delivery(self) -> str:
        return self.cleaned_data.get("result_delivery") or "centre"
