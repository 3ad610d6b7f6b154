"""The one-stop desk and the officer workspace: inboxes, counter reception, the dossier page.

Thin views (STYLE.md rule 2): they check that an officer asks, scope every queryset to
what that officer may see (rule 9), call one service per transition (rule 1) and turn a
DossierError into a message. No view writes a dossier's status.
"""

from __future__ import annotations

import functools
import io
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from motcua.accounts import verification
from motcua.accounts.models import Role
from motcua.catalog import services as catalog_services
from motcua.catalog.models import ChannelKind, Procedure
from motcua.catalog.requirements import is_document
from motcua.centre.services import link_serving_ticket
from motcua.desk import digitised
from motcua.desk import forms as desk_forms
from motcua.desk.workspace import (
    BOXES,
    InboxQuery,
    allowed_actions,
    box_counts,
    box_dossiers,
    boxes_for,
    procedures_in_scope,
    scoped,
)
from motcua.dossiers import deadlines, digital, held_uploads, services
from motcua.dossiers.forms import issue_submission_key
from motcua.dossiers.models import Deadline, Dossier, Status
from motcua.dossiers.presentation import available_slips, file_response, money, slip_response, timeline
from motcua.dossiers.services import DossierError, Supplied

View = Callable[..., HttpResponse | FileResponse]


def officer_required(view: View) -> View:
    """Logged in and an officer of an agency; citizens get 403 on every desk page."""

    @login_required
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse | FileResponse:
        if not getattr(request.user, "is_officer", False):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


# ---------------------------------------------------------------------------------------
# Inbox


INBOX_PAGE_SIZE = 50
# The inbox searches of this session, by token: a searched ID number never goes in a URL (the
# proxy's access log, the browser's history), as in the admin (accounts/admin.py).
INBOX_SEARCHES_KEY = "motcua_desk_inbox_searches"
INBOX_FILTERS = ("box", "status", "due", "procedure", "channel", "sort")


def _searched(request: HttpRequest, sent: QueryDict) -> HttpResponse:
    """The search form: its term kept in the session, the filters in the URL with the token."""
    params = QueryDict(mutable=True)
    for name in (*INBOX_FILTERS, "page"):
        value = sent.get(name, "")
        if value:
            params[name] = value[:200]
    term = sent.get("q", "").strip()[:200]
    if term:
        token = secrets.token_urlsafe(8)
        searches = dict(list(request.session.get(INBOX_SEARCHES_KEY, {}).items())[-9:])
        searches[token] = term
        request.session[INBOX_SEARCHES_KEY] = searches
        params["qs"] = token
    return redirect(f"{request.path}?{params.urlencode()}")


@officer_required
@require_http_methods(["GET", "POST"])
def inbox(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _searched(request, request.POST)
    if "q" in request.GET:
        # A link or bookmark from before the form posted: its term moves to the session at once,
        # so the page's own links (pages, sort) never carry it again.
        return _searched(request, request.GET)
    user: Any = request.user
    boxes = boxes_for(user)
    keys = [b.key for b in boxes]
    current = request.GET.get("box", keys[0])
    if current not in keys:
        raise Http404
    # Due soon and overdue as the clock says now: one set of instants for the whole page.
    now = deadlines.Thresholds.at()
    counts = box_counts(user, boxes, now)
    tabs = [{"key": b.key, "label": b.label, "count": counts[b.key]} for b in boxes]
    asked = request.GET.copy()
    if "qs" in asked:  # the term stays in the session; links keep the token
        term = request.session.get(INBOX_SEARCHES_KEY, {}).get(asked["qs"])
        if term is None:
            # A search of another session, or pushed out by newer ones: say so rather than show
            # the whole box as if it were the result.
            messages.warning(request, _("Lượt tìm kiếm này đã hết hạn, vui lòng tìm lại."))
            asked.pop("qs")
            asked.pop("page", None)
            return redirect(f"{request.path}?{asked.urlencode()}")
        asked["q"] = term
    query = InboxQuery.from_params(asked)
    page = Paginator(box_dossiers(user, current, query, thresholds=now), INBOX_PAGE_SIZE).get_page(
        request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    sort_params = params.copy()
    sort_params["sort"] = "-due" if query.sort == "due" else "due"
    return render(request, "desk/inbox.html", {
        "tabs": tabs, "current": BOXES[current], "page": page, "dossiers": page.object_list,
        "chosen": query, "query": params.urlencode(), "sort_query": sort_params.urlencode(),
        "statuses": Status.choices, "due_states": Deadline.choices, "channels": ChannelKind.choices,
        "procedures": procedures_in_scope(user),
    })


# ---------------------------------------------------------------------------------------
# Counter reception


def _receptionist(request: HttpRequest) -> Any:
    user: Any = request.user
    if user.role != Role.RECEPTIONIST or user.agency is None or not user.agency.is_service_center:
        raise PermissionDenied
    return user


@officer_required
def counter(request: HttpRequest) -> HttpResponse:
    """Find the procedure the applicant asks for (the catalog search, accent-insensitive)."""
    _receptionist(request)
    form = desk_forms.ProcedureSearchForm(request.GET or None)
    results: list[Procedure] = []
    if form.is_valid() and form.cleaned_data["q"].strip():
        from motcua.catalog.search import search

        hits = search(form.cleaned_data["q"].strip(), limit=15)
        found = Procedure.objects.in_bulk([h.procedure_id for h in hits])
        results = [found[h.procedure_id] for h in hits if h.procedure_id in found]
    return render(request, "desk/counter.html", {"form": form, "results": results})


@officer_required
@never_cache  # Back after a reception must not bring the posted page (its used key) back
@require_http_methods(["GET", "POST"])
def counter_receive(request: HttpRequest, code: str) -> HttpResponse:
    """Receive a dossier handed in at the counter: tick what was brought, attach scans, print form 01."""
    user = _receptionist(request)
    today = timezone.localdate()
    version = catalog_services.version_in_force(code, today)
    if version is None:
        raise Http404
    requirements = list(version.requirements.all())
    # Scans kept across a refused attempt (a mistyped ID number, a reused form): the receptionist
    # does not scan the applicant's papers twice.
    slots = [f"scan_{r.pk}" for r in requirements if is_document(r)]
    # Kept per page: a fresh page is the next applicant (one officer's session serves many people,
    # and the scans kept from someone's refused attempt must never be offered to another), while
    # a second tab open for another applicant keeps its own.
    form_key, page = held_uploads.page_key(request, "counter:" + version.procedure.code)
    files = held_uploads.merge(request, form_key, slots) if request.method == "POST" else None
    form = desk_forms.CounterReceptionForm(request.POST or None, files or None,
                                           requirements=requirements,
                                           initial={"submission_key": issue_submission_key(user)})
    if catalog_services.place_basis(version) == "land":
        form.ask_land_unit()
    form.held_tokens = {name: request.POST[held_uploads.FIELD_PREFIX + name] for name in slots
                        if request.POST.get(held_uploads.FIELD_PREFIX + name) and name not in request.FILES}
    if request.method == "POST":
        dossier = _receive_at_counter(request, user, version, form) if form.is_valid() else None
        if isinstance(dossier, services.AlreadySubmitted):
            # Pressed twice (or the browser resent it): nothing new, the first dossier's page.
            held_uploads.release(request, form_key)
            messages.info(request, dossier.message)
            return redirect("desk:dossier", code=dossier.dossier.code)
        if dossier is None:
            held_uploads.hold(request, form_key, {name: form.cleaned_data[name] for name in slots
                                                  if form.cleaned_data.get(name)})
        else:
            held_uploads.release(request, form_key)
            decision = form.cleaned_data["decision"]
            if decision == "refuse":
                done = _("Đã từ chối tiếp nhận hồ sơ %(code)s. In phiếu từ chối (mẫu 03) cho người nộp.")
            elif decision == "receive_and_forward":
                done = _("Đã tiếp nhận hồ sơ %(code)s và chuyển xử lý. In giấy tiếp nhận cho người nộp.")
            else:
                done = _("Đã tiếp nhận hồ sơ %(code)s. In giấy tiếp nhận cho người nộp, "
                         "rồi chọn “Chuyển bước tiếp theo” để chuyển hồ sơ đi xử lý.")
            messages.success(request, done % {"code": dossier.code})
            return redirect("desk:dossier", code=dossier.code)
    form.show_held(held_uploads.held(request, form_key))
    return render(request, "desk/counter_receive.html", {
        "form": form, "version": version, "procedure": version.procedure, "held_page": page,
    }, status=409 if form.key_refused else 400 if form.errors else 200)


def _receive_at_counter(request: HttpRequest, user: Any, version: Any,
                        form: desk_forms.CounterReceptionForm) -> Dossier | services.AlreadySubmitted | None:
    data = form.cleaned_data
    once = form.once(user)
    if form.key_refused:
        return None
    applicant = form.applicant()
    request_text = data.get("request_text", "")
    try:
        if data["decision"] == "refuse":
            refused = services.refuse_new_dossier(user, version, applicant, data["refusal_reason"],
                                                  channel=ChannelKind.COUNTER, request=request_text,
                                                  documents=form.documents(), once=once)
            link_serving_ticket(user, refused)  # the centre floor: the ticket served got its answer
            return refused
        # One service call: the dossier, exactly the documents ticked, their scans (and the
        # hand-over to the next step when asked) stand or fall together.
        dossier = services.receive_new_dossier(
            user, version, applicant, channel=ChannelKind.COUNTER, request=request_text,
            documents=form.documents(), files=form.scans(), result_delivery=data["result_delivery"],
            land_unit=form.land_unit(), sets=data["sets"],
            forward=data["decision"] == "receive_and_forward", once=once,
        )
    except services.AlreadySubmitted as repeat:
        return repeat
    except DossierError as error:
        if error.code == "submission_key_reused":
            form.key_reused(user)
            return None
        if not form.competence_error(error):
            form.add_error(None, error.message)
        return None
    link_serving_ticket(user, dossier)  # the centre floor: the dossier carries the ticket served
    return dossier


# ---------------------------------------------------------------------------------------
# The dossier page


def _visible_dossier(request: HttpRequest, code: str) -> Dossier:
    """A dossier within the officer's scope, or 404 (another commune's dossier does not exist for them)."""
    return get_object_or_404(
        scoped(request.user).select_related(
            "version__procedure", "applicant", "applicant__address_unit", "receiving_agency",
            "competent_agency", "current_step", "current_step__assignee"),
        code=code,
    )


@dataclass(frozen=True)
class Action:
    """A transition offered as a button: its label, the form asking for what it needs, the service call."""

    label: Promise
    form: type[forms.Form] | None
    run: Callable[[Any, Dossier, dict[str, Any]], Any]
    done: Promise
    confirm: Promise | None = None
    secondary: bool = False


def _attach_result(user: Any, dossier: Dossier, data: dict[str, Any]) -> Any:
    return services.mark_result_ready(user, dossier, data["result_text"], result_file=data.get("result_file"),
                                      electronic=data.get("electronic", False))


def _receive_supplement(user: Any, dossier: Dossier, data: dict[str, Any]) -> Any:
    names = [line.strip() for line in data["documents"].splitlines() if line.strip()]
    files = [(None, data["scan"])] if data.get("scan") else []
    return services.receive_supplement(user, dossier, documents=[Supplied(n, originals=1) for n in names],
                                       files=files, note=data.get("note", ""))


ACTIONS: dict[str, Action] = {
    "receive_and_forward": Action(
        gettext_lazy("Tiếp nhận và chuyển xử lý"), None,
        lambda u, d, f: services.receive_dossier(u, d, forward=True),
        gettext_lazy("Đã tiếp nhận hồ sơ và chuyển xử lý. In giấy tiếp nhận và hẹn trả kết quả.")),
    "receive": Action(gettext_lazy("Tiếp nhận hồ sơ"), None,
                      lambda u, d, f: services.receive_dossier(u, d),
                      gettext_lazy("Đã tiếp nhận hồ sơ. In giấy tiếp nhận và hẹn trả kết quả, rồi chọn "
                                   "“Chuyển bước tiếp theo” để chuyển hồ sơ đi xử lý."), secondary=True),
    "request_completion": Action(
        gettext_lazy("Yêu cầu hoàn thiện hồ sơ trước khi tiếp nhận"), desk_forms.CompletionRequestForm,
        lambda u, d, f: services.request_completion(
            u, d, [i.strip() for i in f["items"].splitlines() if i.strip()], f["reason"]),
        gettext_lazy("Đã gửi yêu cầu hoàn thiện hồ sơ cho người nộp. Thời hạn giải quyết chưa bắt đầu."),
        secondary=True),
    "refuse": Action(pgettext_lazy("action", "Từ chối tiếp nhận"), desk_forms.ReasonForm,
                     lambda u, d, f: services.refuse_dossier(u, d, f["reason"]),
                     gettext_lazy("Đã từ chối tiếp nhận hồ sơ."), secondary=True,
                     confirm=gettext_lazy("Từ chối tiếp nhận hồ sơ này?")),
    "forward": Action(gettext_lazy("Chuyển bước tiếp theo"), desk_forms.NoteForm,
                      lambda u, d, f: services.forward_dossier(u, d, note=f.get("note", "")),
                      gettext_lazy("Đã chuyển hồ sơ sang bước tiếp theo.")),
    "result_ready": Action(gettext_lazy("Trình lãnh đạo phê duyệt kết quả"), desk_forms.ResultForm,
                           _attach_result, gettext_lazy("Đã trình kết quả giải quyết.")),
    "approve": Action(gettext_lazy("Phê duyệt kết quả"), desk_forms.NoteForm,
                      lambda u, d, f: services.approve_result(u, d, note=f.get("note", "")),
                      gettext_lazy("Đã phê duyệt kết quả. Hồ sơ chuyển về bộ phận một cửa để trả.")),
    "request_supplement": Action(
        gettext_lazy("Yêu cầu bổ sung hồ sơ"), desk_forms.SupplementForm,
        lambda u, d, f: services.request_supplement(
            u, d, [i.strip() for i in f["items"].splitlines() if i.strip()], f["reason"],
            override_reason=f.get("override_reason", "")),
        gettext_lazy("Đã gửi yêu cầu bổ sung. In phiếu yêu cầu bổ sung (mẫu 02)."), secondary=True),
    "receive_supplement": Action(gettext_lazy("Nhận hồ sơ bổ sung"), desk_forms.SupplementReceivedForm,
                                 _receive_supplement, gettext_lazy("Đã nhận hồ sơ bổ sung.")),
    "request_payment": Action(
        pgettext_lazy("action", "Yêu cầu thực hiện nghĩa vụ tài chính"), desk_forms.PaymentRequestForm,
        lambda u, d, f: services.request_payment(u, d, f["amount"], reason=f["description"]),
        gettext_lazy("Đã gửi yêu cầu thực hiện nghĩa vụ tài chính cho người nộp."), secondary=True),
    "record_payment": Action(
        gettext_lazy("Xác nhận đã nộp phí, lệ phí"), desk_forms.PaymentRecordForm,
        lambda u, d, f: services.record_payment(u, d, reference=f.get("reference", "")),
        gettext_lazy("Đã ghi nhận người nộp đã thực hiện nghĩa vụ tài chính. Hồ sơ được xử lý tiếp.")),
    "assign": Action(gettext_lazy("Phân công người xử lý"), desk_forms.AssignForm,
                     lambda u, d, f: services.assign_step(u, d, f["assignee"]),
                     gettext_lazy("Đã phân công người xử lý."), secondary=True),
    "transfer": Action(gettext_lazy("Chuyển liên thông"), desk_forms.TransferForm,
                       lambda u, d, f: services.transfer_dossier(u, d, f["to_agency"],
                                                                 reason=f.get("reason", "")),
                       gettext_lazy("Đã chuyển hồ sơ liên thông."), secondary=True),
    "return_result": Action(gettext_lazy("Trả kết quả"), desk_forms.NoteForm,
                            lambda u, d, f: services.return_result(u, d, note=f.get("note", "")),
                            gettext_lazy("Đã trả kết quả cho người nộp.")),
    "apologize": Action(gettext_lazy("Xin lỗi và hẹn lại"), desk_forms.ApologyForm,
                        lambda u, d, f: services.apologize(u, d, f["reason"], f["new_appointment"]),
                        gettext_lazy("Đã lập phiếu xin lỗi và hẹn lại ngày trả kết quả."), secondary=True),
    "stop": Action(pgettext_lazy("action", "Dừng xử lý"), desk_forms.ReasonForm,
                   lambda u, d, f: services.stop_processing(u, d, f["reason"]),
                   gettext_lazy("Đã dừng xử lý hồ sơ."), secondary=True,
                   confirm=gettext_lazy("Dừng xử lý hồ sơ này?")),
    "withdraw": Action(gettext_lazy("Rút hồ sơ theo đề nghị của người nộp"), desk_forms.ReasonForm,
                       lambda u, d, f: services.withdraw(u, d, reason=f["reason"]),
                       gettext_lazy("Đã rút hồ sơ."), secondary=True,
                       confirm=gettext_lazy("Rút hồ sơ này theo đề nghị của người nộp?")),
}


def _make_form(name: str, dossier: Dossier, data: Any = None, files: Any = None) -> forms.Form | None:
    action = ACTIONS[name]
    if action.form is None:
        return None
    prefix = name
    agency = dossier.current_step.agency_id if dossier.current_step else None
    if action.form is desk_forms.TransferForm:
        return desk_forms.TransferForm(data, files, prefix=prefix, exclude_agency_id=agency)
    if action.form is desk_forms.AssignForm:
        return desk_forms.AssignForm(data, files, prefix=prefix, agency_id=agency)
    return action.form(data, files, prefix=prefix)


def _next_step(dossier: Dossier) -> Any:
    order = dossier.current_step.order if dossier.current_step else 0
    return dossier.steps.filter(order__gt=order, finished_at__isnull=True).order_by("order").first()


def _render_dossier(request: HttpRequest, dossier: Dossier, bound: dict[str, forms.Form] | None = None,
                    status: int = 200) -> HttpResponse:
    names = allowed_actions(request.user, dossier, _next_step(dossier))
    bound = bound or {}
    offered = [{
        "name": n, "action": ACTIONS[n],
        "form": bound.get(n) or _make_form(n, dossier),
    } for n in names]
    return render(request, "desk/dossier.html", {
        "dossier": dossier,
        "actions": offered,
        "events": timeline(dossier, for_citizen=False),
        "steps": dossier.steps.select_related("agency", "assignee").order_by("order"),
        "handovers": dossier.handovers.select_related("from_agency", "to_agency", "giver", "receiver"),
        "documents": dossier.documents.select_related("warehouse_document__agency").prefetch_related("files"),
        "loose_files": dossier.files.filter(document__isnull=True),
        "supplements": dossier.supplement_requests.order_by("number"),
        "slips": available_slips(dossier),
        "attach_form": desk_forms.AttachForm(),
        "fee": money(dossier.fee_amount),
        "digitised": digitised.panel(dossier),
    }, status=status)


@officer_required
def dossier_page(request: HttpRequest, code: str) -> HttpResponse:
    return _render_dossier(request, _visible_dossier(request, code))


@officer_required
@require_POST
def act(request: HttpRequest, code: str, name: str) -> HttpResponse:
    """Run one transition. The page's revision goes to the service, so a stale page learns
    that someone else already handled the dossier instead of acting twice."""
    dossier = _visible_dossier(request, code)
    action = ACTIONS.get(name)
    if action is None:
        raise Http404
    form = _make_form(name, dossier, request.POST, request.FILES)
    if form is not None and not form.is_valid():
        messages.error(request, _("Vui lòng nhập đủ thông tin cho thao tác “%(action)s”.")
                       % {"action": action.label})
        return _render_dossier(request, dossier, {name: form}, status=400)
    try:
        dossier.revision = int(request.POST.get("revision", dossier.revision))
    except ValueError:
        dossier.revision = -1
    try:
        action.run(request.user, dossier, form.cleaned_data if form is not None else {})
    except DossierError as error:
        messages.error(request, error.message)
        return redirect("desk:dossier", code=code)
    messages.success(request, str(action.done))
    return redirect("desk:dossier", code=code)


@officer_required
def digitised_status(request: HttpRequest, code: str) -> HttpResponse:
    return digitised.status(request, _visible_dossier(request, code))


@officer_required
def digitised_confirm(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    return digitised.confirm(request, _visible_dossier(request, code), pk)


@officer_required
@require_POST
def attach(request: HttpRequest, code: str) -> HttpResponse:
    dossier = _visible_dossier(request, code)
    form = desk_forms.AttachForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.get("scan", [])))
        return redirect("desk:dossier", code=code)
    try:
        services.attach_file(request.user, dossier, form.cleaned_data["scan"])  # type: ignore[arg-type]
    except DossierError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã đính kèm tệp."))
    return redirect("desk:dossier", code=code)


@officer_required
def slip(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    return slip_response(_visible_dossier(request, code), kind)


# At most this many dossiers in one printout (a day's receipts at a busy counter).
BULK_PRINT_MAX = 100


@officer_required
@require_http_methods(["GET"])
def print_slips(request: HttpRequest) -> HttpResponse:
    """The chosen dossiers' slips of one kind (receipt by default) as one PDF, in the order chosen.

    Only dossiers in the officer's scope; one that is not, or whose slip does not exist yet,
    refuses the whole printout (404), so nothing is printed silently short.
    """
    from pypdf import PdfReader, PdfWriter

    from motcua.dossiers.slips import SLIPS

    kind = request.GET.get("kind", "receipt")
    codes = list(dict.fromkeys(c.strip() for c in request.GET.getlist("code") if c.strip()))
    if kind not in SLIPS or not codes or len(codes) > BULK_PRINT_MAX:
        raise Http404
    found = {d.code: d for d in scoped(request.user).filter(code__in=codes).select_related(
        "version__procedure", "applicant", "applicant__address_unit", "receiving_agency", "competent_agency")}
    writer = PdfWriter()
    for code in codes:
        dossier = found.get(code)
        if dossier is None or kind not in dict(available_slips(dossier)):
            raise Http404
        for page in PdfReader(io.BytesIO(SLIPS[kind](dossier))).pages:
            writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    response = HttpResponse(buffer.getvalue(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{kind}-{len(codes)}.pdf"'
    return response


@officer_required
def download_file(request: HttpRequest, code: str, pk: int) -> FileResponse:
    dossier = _visible_dossier(request, code)
    attached = get_object_or_404(dossier.files.select_related("document"), pk=pk)
    digital.log_officer_opening(request.user, attached, dossier)  # a copy from the citizen's warehouse
    return file_response(attached.file, attached.original_name, attached.content_type)


@officer_required
def download_result(request: HttpRequest, code: str) -> FileResponse:
    dossier = _visible_dossier(request, code)
    # The stored name's extension is the proven type of the file (dossiers.services).
    suffix = PurePosixPath(dossier.result_file.name or "").suffix
    return file_response(dossier.result_file, f"{dossier.code}-ket-qua{suffix}")


# ---------------------------------------------------------------------------------------
# Proving a citizen account's ID number at the counter (motcua.accounts.verification)


@officer_required
@require_http_methods(["GET", "POST"])
def verify_identity(request: HttpRequest) -> HttpResponse:
    """The person shows their ID card and reads the code of their account: its number is proven."""
    if not verification.can_verify(request.user):  # type: ignore[arg-type]
        raise PermissionDenied
    form = desk_forms.CounterVerificationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                user = verification.verify_at_counter(request.user, form.cleaned_data["id_number"],  # type: ignore[arg-type]
                                                      form.cleaned_data["code"])
            except verification.VerificationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Đã xác thực số định danh của tài khoản %(account)s (%(name)s): "
                                            "kho dữ liệu của người dân đã mở.")
                                 % {"account": user.username, "name": user.full_name or user.get_full_name()})
                return redirect("desk:verify_identity")
        status = 400
    return render(request, "desk/verify_identity.html", {"form": form}, status=status)
