"""Forms of the one-stop desk and the officer workspace: one small form per transition."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.catalog.requirements import describe_counts, is_document
from motcua.dossiers.forms import ID_NUMBER_INPUT_MAX, ApplicantForm, ScanField, clean_id_number


class CounterReceptionForm(ApplicantForm):
    """Receive at the counter on the applicant's behalf: who, what, which documents were brought."""

    request_text = forms.CharField(label=_("Nội dung yêu cầu"), required=False, max_length=2000,
                                   widget=forms.Textarea(attrs={"rows": 2}))
    sets = forms.IntegerField(label=_("Số bộ hồ sơ"), min_value=1, max_value=99, initial=1,
                              widget=forms.NumberInput(attrs={"class": "count"}))
    result_delivery = forms.ChoiceField(label=_("Hình thức nhận kết quả"), widget=forms.RadioSelect,
                                        initial="centre", required=False)
    # Which button was pressed: receive, receive and forward at once, or refuse (form 03).
    decision = forms.ChoiceField(
        choices=[(d, d) for d in ("receive", "receive_and_forward", "refuse")], required=False,
        widget=forms.HiddenInput)
    refusal_reason = forms.CharField(label=_("Lý do từ chối tiếp nhận"), required=False, max_length=2000,
                                     widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, requirements: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from motcua.dossiers.models import ResultDelivery

        self.fields["phone"].required = False
        self.fields["result_delivery"].choices = ResultDelivery.choices  # type: ignore[attr-defined]
        # Notes of the catalog (no counts) are not documents to tick.
        self.requirements = [r for r in requirements if is_document(r)]
        for r in self.requirements:
            # Unticked until the receptionist ticks what was really handed in (the receipt lists it).
            self.fields[f"brought_{r.pk}"] = forms.BooleanField(label=r.name, required=False)
            for part, label in (("originals", _("Bản chính")), ("certified_copies", _("Bản sao chứng thực")),
                                ("photocopies", _("Bản sao"))):
                self.fields[f"{part}_{r.pk}"] = forms.IntegerField(
                    label=label, min_value=0, max_value=99, initial=getattr(r, part),
                    widget=forms.NumberInput(attrs={"class": "count"}))
            self.fields[f"scan_{r.pk}"] = ScanField(label=_("Bản quét"), required=False)

    def document_rows(self) -> list[dict[str, Any]]:
        return [{
            "requirement": r, "needs": describe_counts(r),
            "brought": self[f"brought_{r.pk}"], "originals": self[f"originals_{r.pk}"],
            "certified_copies": self[f"certified_copies_{r.pk}"], "photocopies": self[f"photocopies_{r.pk}"],
            "scan": self[f"scan_{r.pk}"],
        } for r in self.requirements]

    def applicant_fields(self) -> list[Any]:
        names = ["name", "id_number", "date_of_birth", "phone", "email", "address_unit", "street",
                 "land_unit"]
        return [self[n] for n in names if n in self.fields]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["decision"] = data.get("decision") or "receive"
        data["result_delivery"] = data.get("result_delivery") or "centre"
        if data["decision"] == "refuse":
            if not (data.get("refusal_reason") or "").strip():
                self.add_error("refusal_reason", _("Cần ghi rõ lý do."))
            return data
        if self.requirements and not any(data.get(f"brought_{r.pk}") for r in self.requirements):
            raise forms.ValidationError(_("Chưa đánh dấu giấy tờ nào người nộp mang đến."))
        return data

    def documents(self) -> list[Any]:
        """Exactly what the receptionist ticked, with the counts typed."""
        from motcua.dossiers.services import Supplied

        data = self.cleaned_data
        return [
            Supplied(r.name, data[f"originals_{r.pk}"] or 0, data[f"certified_copies_{r.pk}"] or 0,
                     data[f"photocopies_{r.pk}"] or 0, r.pk)
            for r in self.requirements if data.get(f"brought_{r.pk}")
        ]

    def scans(self) -> list[tuple[int | None, Any]]:
        """The scans of the documents ticked, each on its document."""
        data = self.cleaned_data
        return [(r.pk, data[f"scan_{r.pk}"]) for r in self.requirements
                if data.get(f"brought_{r.pk}") and data.get(f"scan_{r.pk}")]


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class ResultForm(forms.Form):
    result_text = forms.CharField(label=_("Kết quả giải quyết"), max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    result_file = ScanField(label=_("Tệp kết quả (PDF, JPEG, PNG)"), required=False)
    electronic = forms.BooleanField(label=_("Kết quả điện tử"), required=False)


class SupplementForm(forms.Form):
    items = forms.CharField(
        label=_("Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)"), max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reason = forms.CharField(label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    override_reason = forms.CharField(
        label=_("Lý do yêu cầu bổ sung lần tiếp theo (chỉ lãnh đạo)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def item_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["items"].splitlines() if line.strip()]


class CompletionRequestForm(forms.Form):
    """Send an online dossier back before reception: what to complete and why (no clock yet)."""

    items = forms.CharField(
        label=_("Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)"), max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reason = forms.CharField(label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class PaymentRequestForm(forms.Form):
    """Ask the applicant to pay fees, charges or taxes (status 6)."""

    amount = forms.IntegerField(label=_("Số tiền phải nộp (đồng)"), min_value=1, max_value=10**12,
                                widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    description = forms.CharField(label=_("Nội dung khoản phải nộp (phí, lệ phí, thuế…)"), max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class PaymentRecordForm(forms.Form):
    """The applicant paid at the counter or by transfer: what proves it."""

    reference = forms.CharField(label=_("Số biên lai hoặc mã giao dịch"), required=False, max_length=100)


class SupplementReceivedForm(forms.Form):
    documents = forms.CharField(label=_("Giấy tờ đã nhận bổ sung (mỗi dòng một giấy tờ)"), max_length=4000,
                                widget=forms.Textarea(attrs={"rows": 2}))
    scan = ScanField(label=_("Bản quét"), required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=2000)


class TransferForm(forms.Form):
    to_agency = forms.ModelChoiceField(label=_("Cơ quan nhận liên thông"), queryset=Agency.objects.none())
    reason = forms.CharField(label=_("Lý do, nội dung chuyển"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, exclude_agency_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = Agency.objects.filter(is_active=True).exclude(
            kind__in=Agency.SERVICE_CENTER_KINDS).order_by("name")
        if exclude_agency_id:
            agencies = agencies.exclude(pk=exclude_agency_id)
        self.fields["to_agency"].queryset = agencies  # type: ignore[attr-defined]


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Người xử lý"), queryset=User.objects.none())

    def __init__(self, *args: Any, agency_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        officers = User.objects.filter(agency__isnull=False, agency=agency_id, is_active=True,
                                       role__in=[Role.SPECIALIST, Role.LEADER, Role.RECEPTIONIST])
        self.fields["assignee"].queryset = officers.order_by("full_name")  # type: ignore[attr-defined]


class ApologyForm(forms.Form):
    reason = forms.CharField(label=_("Lý do chậm trễ"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))
    new_appointment = forms.DateTimeField(
        label=_("Ngày, giờ hẹn trả mới"), input_formats=["%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def clean_new_appointment(self) -> Any:
        value = self.cleaned_data["new_appointment"]
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value


class AttachForm(forms.Form):
    scan = ScanField(label=_("Tệp đính kèm (PDF, JPEG, PNG)"))


class ProcedureSearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm thủ tục"), max_length=200, required=False)


class CounterVerificationForm(forms.Form):
    """The officer proves a citizen account's ID number: the card's number, the account's code."""

    id_number = forms.CharField(label=_("Số định danh cá nhân trên căn cước"), max_length=ID_NUMBER_INPUT_MAX,
                                widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    code = forms.CharField(label=_("Mã xác thực người dân đọc từ tài khoản"), max_length=12,
                           widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    checked = forms.BooleanField(
        label=_("Tôi đã đối chiếu căn cước bản gốc với chính người đang đứng tại quầy"))

    def clean_id_number(self) -> str:
        return clean_id_number(self.cleaned_data["id_number"])
