"""The citizen portal: find a procedure, submit online, follow "my dossiers", public lookup.

Thin views (STYLE.md rule 2): each checks who asks and what they sent, calls one service
of motcua.dossiers.services and turns a DossierError into a message. Every dossier a
citizen reaches comes from `Dossier.objects.visible_to(user)` (rule 9).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from motcua.accounts.models import Role
from motcua.agencies.models import Agency
from motcua.catalog import services as catalog_services
from motcua.catalog.models import OnlineLevel, ProcedureVersion
from motcua.catalog.requirements import is_document
from motcua.dossiers import digital, held_uploads, permissions, services
from motcua.dossiers import lookup as public_lookup
from motcua.dossiers.forms import issue_submission_key
from motcua.dossiers.models import Applicant, Dossier, DossierEvent, Status
from motcua.dossiers.services import DossierError, Supplied
from motcua.dossiers.uploads import max_upload_bytes
from motcua.portal.forms import (
    LookupForm,
    OnlineSubmissionForm,
    required_document_field,
    requirement_field_name,
)
from motcua.portal.presentation import (
    available_slips,
    expected_appointment,
    file_response,
    money,
    slip_response,
    timeline,
)
from motcua.portal.uploads import ScanField


def _today() -> dt.date:
    return timezone.localdate()


def _citizen_dossiers(request: HttpRequest) -> Any:
    user: Any = request.user
    return Dossier.objects.visible_to(user).filter(applicant__user=user)


def _own_dossier(request: HttpRequest, code: str) -> Dossier:
    """The citizen's own dossier or 404 (never 403: a code alone must not reveal that it exists)."""
    return get_object_or_404(
        _citizen_dossiers(request).select_related(
            "version__procedure", "receiving_agency", "competent_agency", "applicant"),
        code=code,
    )


PORTAL_RESULTS = 10


def _search(query: str) -> list[Any]:
    """The one search of the site (catalog.search.find_procedures), best first; each result
    carries `online_level`, so only procedures offered online get "Nộp trực tuyến"."""
    from motcua.catalog.search import CatalogQuery, find_procedures

    return list(find_procedures(CatalogQuery(text=query), _today())[:PORTAL_RESULTS])


def home(request: HttpRequest) -> HttpResponse:
    """Portal home: search a procedure in one's own words, or go to one's dossiers."""
    query = request.GET.get("q", "").strip()[:200]
    results = _search(query) if query else []
    return render(request, "portal/home.html", {"query": query, "results": results})


# ---------------------------------------------------------------------------------------
# Online submission


def _online_version(code: str) -> ProcedureVersion:
    version = catalog_services.version_in_force(code, _today())
    if version is None:
        raise Http404
    return version


@login_required
@never_cache  # Back after a submission must not bring the posted page (its used key) back
@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest, code: str) -> HttpResponse:
    version = _online_version(code)
    user: Any = request.user
    context: dict[str, Any] = {"version": version, "procedure": version.procedure}
    if version.online_level == OnlineLevel.NONE:
        return render(request, "portal/submit_unavailable.html", context, status=409)
    if user.role != Role.CITIZEN:
        messages.error(request, _(
            "Cán bộ tiếp nhận hồ sơ tại quầy; chỉ tài khoản công dân nộp hồ sơ trực tuyến."))
        return render(request, "portal/submit_unavailable.html", context, status=403)
    requirements = list(version.requirements.all())
    agencies = list(catalog_services.reception_agencies(version.procedure, settings.MOTCUA_PROVINCE_CODE))
    home = _home_unit(user)
    initial = {"name": user.full_name, "id_number": user.id_number, "phone": user.phone, "email": user.email,
               "address_unit": home, "receiving_agency": _home_centre(agencies, home),
               "submission_key": issue_submission_key(user)}
    offers = digital.offers_for(user.verified_id_number, requirements)
    slots = [requirement_field_name(r.pk) for r in requirements if is_document(r)]
    form_key = version.procedure.code
    files = held_uploads.merge(request, form_key, slots) if request.method == "POST" else None
    form = OnlineSubmissionForm(request.POST or None, files or None, requirements=requirements,
                                agencies=agencies, initial=initial, offers=offers, account=user)
    if catalog_services.place_basis(version) == "land":
        form.ask_land_unit()
    form.held_tokens = {name: request.POST[held_uploads.FIELD_PREFIX + name] for name in slots
                        if request.POST.get(held_uploads.FIELD_PREFIX + name) and name not in request.FILES}
    if request.method == "POST":
        dossier = _submit(request, form, version, agencies) if form.is_valid() else None
        if dossier is not None:
            held_uploads.release(request, form_key)
            return redirect("portal:receipt", code=dossier.code)
        # Refused: keep every upload that passed its own check for the next attempt.
        kept = {name: form.cleaned_data[name] for name in slots if form.cleaned_data.get(name)}
        held_uploads.hold(request, form_key, kept)
    form.show_held(held_uploads.held(request, form_key))
    context.update(form=form, requirements=requirements, upload_max_mb=max_upload_bytes() // (1024 * 1024))
    status = 409 if form.key_refused else 400 if form.errors else 200
    return render(request, "portal/submit.html", context, status=status)


def _home_unit(user: Any) -> int | None:
    """The commune or ward the citizen gave as residence on their latest dossier (None at first)."""
    return (Applicant.objects.filter(user=user, address_unit__isnull=False).order_by("-pk")
            .values_list("address_unit_id", flat=True).first())


def _home_centre(agencies: list[Any], unit_id: int | None) -> int | None:
    """The citizen's own commune's centre among those that receive the procedure (issue #19)."""
    return next((a.pk for a in agencies if unit_id is not None and a.unit_id == unit_id
                 and a.kind == Agency.Kind.COMMUNE_CENTER), None)


def _request_text(form: OnlineSubmissionForm) -> str:
    """The request as typed, preceded by the "on behalf of" declaration when there is one."""
    declaration = form.on_behalf_declaration()
    text = form.cleaned_data.get("request_text", "")
    return "\n".join(part for part in (declaration, text) if part)


def _submit(request: HttpRequest, form: OnlineSubmissionForm, version: ProcedureVersion,
            agencies: list[Any]) -> Dossier | None:
    data = form.cleaned_data
    once = form.once(request.user)
    if form.key_refused:
        return None
    agency = next(a for a in agencies if a.pk == data["receiving_agency"])
    applicant = form.applicant(user=request.user)
    files = [(r.pk, data[requirement_field_name(r.pk)]) for r in form.requirements
             if data.get(requirement_field_name(r.pk))]
    try:
        # One service call: it checks the required documents and stores the files with the dossier.
        dossier = services.submit_online(
            request.user,  # type: ignore[arg-type]  # login_required: a User
            version, applicant, agency, request=_request_text(form),
            files=files, reused=form.reused(), result_delivery=data["result_delivery"],
            land_unit=form.land_unit(),
            on_behalf=data["on_behalf_relationship"] if data.get("on_behalf") else "",
            # Slips and notices will be written in the language the citizen uses now.
            language=translation.get_language(),
            once=once,
        )
    except services.AlreadySubmitted as repeat:
        # A double click or a resent POST: nothing new, the citizen sees the first dossier's receipt.
        messages.info(request, repeat.message)
        return repeat.dossier
    except DossierError as error:
        if error.code == "submission_key_reused":
            form.key_reused(request.user)
            return None
        if not form.competence_error(error):
            form.add_error(None, error.message)
        for requirement_id in error.missing:  # documents_missing: mark each slot too
            form.add_error(requirement_field_name(requirement_id), _("Vui lòng đính kèm giấy tờ này."))
        return None
    messages.success(request, _("Đã nộp hồ sơ %(code)s.") % {"code": dossier.code})
    return dossier


@login_required
def receipt(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _own_dossier(request, code)
    lookup = request.build_absolute_uri(reverse("portal:lookup") + f"?code={dossier.code}")
    return render(request, "portal/receipt.html", {
        "dossier": dossier, "appointment": expected_appointment(dossier),
        "lookup_url": lookup, "qr_svg": _qr_svg(lookup),
        "receipt_available": "receipt" in dict(available_slips(dossier)),
    })


def _qr_svg(text: str) -> str:
    """The lookup link as an inline SVG QR code (no image file, no third-party service)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8")
    return svg[svg.index("<svg"):]  # drop the XML declaration: the SVG is inlined in HTML


# ---------------------------------------------------------------------------------------
# My dossiers


@login_required
def my_dossiers(request: HttpRequest) -> HttpResponse:
    dossiers = (
        _citizen_dossiers(request)
        .select_related("version__procedure", "receiving_agency")
        .order_by("-submitted_at", "-id")[:200]
    )
    return render(request, "portal/my_dossiers.html", {"dossiers": dossiers})


class SupplementAnswerForm:
    """One upload per item the officer asked for (form 02 lists them)."""

    def __init__(self, items: list[str], data: Any = None, files: Any = None) -> None:
        from django import forms

        form = forms.Form(data, files)
        for index, item in enumerate(items):
            form.fields[f"item_{index}"] = ScanField(label=item)
        form.fields["note"] = forms.CharField(label=_("Ghi chú"), required=False, max_length=1000,
                                              widget=forms.Textarea(attrs={"rows": 2}))
        self.form = form
        self.items = items


def _open_supplement(dossier: Dossier) -> Any:
    if dossier.status != Status.SUPPLEMENT_REQUESTED:
        return None
    return dossier.supplement_requests.order_by("-number").first()


@login_required
def dossier_detail(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _own_dossier(request, code)
    supplement = _open_supplement(dossier)
    answer = SupplementAnswerForm(list(supplement.items)) if supplement else None
    return _render_detail(request, dossier, supplement, answer)


# The transitions a citizen is offered on the portal (the page of their own dossier).
PORTAL_ACTIONS = ("withdraw", "receive_supplement", "complete_submission")


def portal_actions(user: Any, dossier: Dossier) -> list[str]:
    """What the portal offers on this dossier: exactly what the services would accept."""
    return [a for a in permissions.available_actions(user, dossier) if a in PORTAL_ACTIONS]


def _completion(dossier: Dossier) -> DossierEvent | None:
    """The desk's request to complete the dossier before reception, if it waits for the citizen."""
    events = DossierEvent.objects.filter(dossier=dossier, action="request_completion")
    return events.order_by("-seq").first()


class CompletionForm:
    """One upload slot per document of the procedure not handed in yet."""

    def __init__(self, dossier: Dossier, data: Any = None, files: Any = None) -> None:
        from django import forms

        from motcua.catalog.requirements import documents_of

        present = set(dossier.documents.values_list("requirement_id", flat=True))
        documents = documents_of(dossier.version.requirements.all())
        self.requirements = [r for r in documents if r.pk not in present]
        form = forms.Form(data, files)
        for r in self.requirements:
            form.fields[requirement_field_name(r.pk)] = required_document_field(r)
        form.fields["note"] = forms.CharField(label=_("Ghi chú"), required=False, max_length=1000,
                                              widget=forms.Textarea(attrs={"rows": 2}))
        self.form = form

    def files(self) -> list[tuple[int | None, Any]]:
        data = self.form.cleaned_data
        return [(r.pk, data[requirement_field_name(r.pk)]) for r in self.requirements
                if data.get(requirement_field_name(r.pk))]


def _render_detail(request: HttpRequest, dossier: Dossier, supplement: Any, answer: Any,
                   status: int = 200, completion_form: CompletionForm | None = None) -> HttpResponse:
    actions = portal_actions(request.user, dossier)
    completion = None
    if "complete_submission" in actions:
        completion = _completion(dossier)
        completion_form = completion_form or CompletionForm(dossier)
    return render(request, "portal/dossier_detail.html", {
        "dossier": dossier,
        "appointment": expected_appointment(dossier),
        "events": timeline(dossier, for_citizen=True),
        "documents": dossier.documents.prefetch_related("files"),
        "slips": available_slips(dossier),
        "supplement": supplement,
        "answer": answer.form if answer and "receive_supplement" in actions else None,
        "can_withdraw": "withdraw" in actions,
        "completion": completion,
        "completion_form": completion_form.form if completion_form and completion else None,
        "can_download_result": _result_available(dossier),
        "fee": money(dossier.fee_amount),
    }, status=status)


@login_required
@require_POST
def answer_supplement(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _own_dossier(request, code)
    supplement = _open_supplement(dossier)
    if supplement is None or "receive_supplement" not in portal_actions(request.user, dossier):
        messages.error(request, _("Hồ sơ này không có yêu cầu bổ sung đang chờ."))
        return redirect("portal:dossier", code=code)
    answer = SupplementAnswerForm(list(supplement.items), request.POST, request.FILES)
    if not answer.form.is_valid():
        return _render_detail(request, dossier, supplement, answer, status=400)
    documents = [Supplied(item, originals=1) for item in answer.items]
    files = [(index, answer.form.cleaned_data[f"item_{index}"]) for index in range(len(answer.items))]
    try:
        services.receive_supplement(request.user, dossier, documents=documents,  # type: ignore[arg-type]
                                    files=files, note=answer.form.cleaned_data["note"])
    except DossierError as error:
        messages.error(request, error.message)
        return redirect("portal:dossier", code=code)
    messages.success(request, _("Đã gửi hồ sơ bổ sung. Thời hạn giải quyết được tính tiếp."))
    return redirect("portal:dossier", code=code)


@login_required
@require_POST
def complete(request: HttpRequest, code: str) -> HttpResponse:
    """Resubmit a dossier the desk sent back for completion before reception."""
    dossier = _own_dossier(request, code)
    if "complete_submission" not in portal_actions(request.user, dossier):
        messages.error(request, _("Hồ sơ này không chờ hoàn thiện."))
        return redirect("portal:dossier", code=code)
    form = CompletionForm(dossier, request.POST, request.FILES)
    if not form.form.is_valid():
        return _render_detail(request, dossier, None, None, status=400, completion_form=form)
    try:
        services.complete_submission(request.user, dossier, files=form.files(),  # type: ignore[arg-type]
                                     note=form.form.cleaned_data["note"])
    except DossierError as error:
        messages.error(request, error.message)
        return redirect("portal:dossier", code=code)
    messages.success(request, _("Đã gửi lại hồ sơ đã hoàn thiện. Trung tâm sẽ kiểm tra và tiếp nhận."))
    return redirect("portal:dossier", code=code)


@login_required
@require_POST
def withdraw(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _own_dossier(request, code)
    reason = request.POST.get("reason", "")[:1000]
    if "\x00" in reason:  # PostgreSQL refuses NUL in text: a 500 (forms refuse it; this reads the POST)
        messages.error(request, _("Dữ liệu gửi lên không hợp lệ."))
        return redirect("portal:dossier", code=code)
    try:
        services.withdraw(request.user, dossier, reason=reason)  # type: ignore[arg-type]
    except DossierError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã rút hồ sơ %(code)s.") % {"code": dossier.code})
    return redirect("portal:dossier", code=code)


def _result_available(dossier: Dossier) -> bool:
    """The result file is the applicant's once it is handed over (or issued electronically)."""
    if not dossier.result_file:
        return False
    if dossier.status == Status.RETURNED:
        return True
    return dossier.status == Status.RESULT_READY and dossier.result_electronic


@login_required
def download_result(request: HttpRequest, code: str) -> FileResponse:
    dossier = _own_dossier(request, code)
    if not _result_available(dossier):
        raise Http404
    suffix = _suffix(dossier.result_file.name or "")
    return file_response(dossier.result_file, f"{dossier.code}-ket-qua{suffix}")


@login_required
def download_file(request: HttpRequest, code: str, pk: int) -> FileResponse:
    dossier = _own_dossier(request, code)
    attached = get_object_or_404(dossier.files, pk=pk)
    return file_response(attached.file, attached.original_name, attached.content_type)


@login_required
def slip(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    return slip_response(_own_dossier(request, code), kind)


def _suffix(name: str) -> str:
    tail = name.rsplit("/", 1)[-1]
    return "." + tail.rsplit(".", 1)[-1] if "." in tail else ""


# ---------------------------------------------------------------------------------------
# Public lookup


@require_http_methods(["GET", "POST"])
def lookup(request: HttpRequest) -> HttpResponse:
    """Code + ID number: the QR code on the receipt opens this page with the code filled in.

    The ID number travels in a POST body, never in the URL (URLs end up in logs).
    """
    found = None
    limited = False
    if request.method == "POST":
        form = LookupForm(request.POST)
        if form.is_valid():
            try:
                found = public_lookup.find(request, form.cleaned_data["code"], form.cleaned_data["id_number"])
            except public_lookup.LookupLimited as error:
                form.add_error(None, str(error))
                limited = True
            if found is not None:
                # A fresh form: the ID number is not sent back to the screen (shared counters, shoulders).
                form = LookupForm(initial={"code": found.code})
            elif not limited:
                form.add_error(None, _("Không tìm thấy hồ sơ với mã hồ sơ và số định danh đã nhập."))
    else:
        form = LookupForm(initial={"code": request.GET.get("code", "")[:40]})
    status = 200
    if request.method == "POST" and found is None:
        status = 429 if limited else 404
    return render(request, "portal/lookup.html", {
        "form": form, "dossier": found, "appointment": expected_appointment(found) if found else None,
    }, status=status)

