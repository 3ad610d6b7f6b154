"""Pages of the centre floor: kiosk, ticket (phone), display screen and its event stream, counter
console, lookup kiosk, booking.

Thin views (STYLE.md rule 2): each checks who asks and what they sent, calls one function of
`motcua.centre.services` and turns a CentreError into a message and a 4xx status.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from motcua.accounts.privacy import mask_id_number
from motcua.agencies.models import Agency
from motcua.centre import services, speech
from motcua.centre.models import Booking, Call, Counter, Priority, Rating, Service, Ticket, TicketStatus
from motcua.centre.services import CentreError
from motcua.centre.slips import ticket_pdf
from motcua.desk.views import officer_required
from motcua.dossiers import lookup as public_lookup
from motcua.dossiers.models import Dossier
from motcua.dossiers.slips import RATING_SALT
from motcua.portal.forms import LookupForm
from motcua.portal.presentation import expected_appointment
from motcua.worktime.core import TZ

# How long one event-stream response lives before the browser reconnects (EventSource does it
# by itself): a worker is never held for ever, and a restarted server is found again.
STREAM_SECONDS = 25.0
STREAM_POLL_SECONDS = 0.2


def _centre(code: str) -> Agency:
    centre = Agency.objects.filter(code=code, is_active=True).first()
    if centre is None or not centre.is_service_center:
        raise Http404
    return centre


# ---------------------------------------------------------------------------------------
# Kiosk


@require_http_methods(["GET", "POST"])
def kiosk(request: HttpRequest, code: str) -> HttpResponse:
    """Choose a service (and a priority group) and get a number; or check in with a booking code."""
    centre = _centre(code)
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("booking_code"):
                ticket = services.check_in(centre, request.POST["booking_code"][:12])
            else:
                service = Service.objects.filter(centre=centre, pk=_int(request.POST.get("service"))).first()
                if service is None:
                    raise CentreError("invalid_service", _("Hãy chọn một dịch vụ."))
                ticket = services.take_ticket(centre, service, request.POST.get("priority") or Priority.NONE)
        except CentreError as error:
            messages.error(request, error.message)
            status = 404 if error.code == "not_found" else 400
        else:
            return redirect("centre:issued", token=ticket.token)
    return render(
        request,
        "centre/kiosk.html",
        {
            "centre": centre,
            "services": Service.objects.filter(centre=centre, is_active=True),
            "priorities": [(value, label) for value, label in Priority.choices if value != Priority.NONE],
            "is_open": services.is_open(centre, timezone.now()),
        },
        status=status,
    )


def _int(value: Any) -> int:
    """A positive id from a form field, or 0 (which matches no row)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 0
    return number if 0 < number < 2**31 else 0


def issued(request: HttpRequest, token: str) -> HttpResponse:
    """The kiosk's answer: the number, print the receipt, back to the start by itself."""
    ticket = get_object_or_404(Ticket.objects.select_related("centre", "service"), token=token)
    return render(
        request,
        "centre/issued.html",
        {
            "ticket": ticket,
            "centre": ticket.centre,
            "ahead": services.waiting_ahead(ticket),
        },
    )


def ticket_receipt(request: HttpRequest, token: str) -> HttpResponse:
    ticket = get_object_or_404(Ticket.objects.select_related("centre", "service"), token=token)
    response = HttpResponse(ticket_pdf(ticket), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="so-{ticket.number}.pdf"'
    return response


# ---------------------------------------------------------------------------------------
# The ticket on the citizen's phone (the receipt's QR code): follow it, then rate


class RatingForm(forms.Form):
    level = forms.ChoiceField(
        label=gettext_lazy("Mức độ hài lòng"), choices=Rating.Level.choices, widget=forms.RadioSelect
    )
    reasons = forms.MultipleChoiceField(
        label=gettext_lazy("Lý do (nếu có)"),
        choices=Rating.Reason.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    comment = forms.CharField(
        label=gettext_lazy("Góp ý"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


def _rated(request: HttpRequest, form: RatingForm, **target: Any) -> bool:
    """Record the rating of a ticket or a dossier from a posted form; False with the form's errors."""
    if not form.is_valid():
        return False
    try:
        services.rate(level=form.cleaned_data["level"], reasons=form.cleaned_data["reasons"],
                      comment=form.cleaned_data["comment"], **target)
    except CentreError as error:
        form.add_error(None, error.message)
        return False
    messages.success(request, _("Cảm ơn bạn đã đánh giá!"))
    return True


@require_http_methods(["GET", "POST"])
def ticket_page(request: HttpRequest, token: str) -> HttpResponse:
    ticket = get_object_or_404(Ticket.objects.select_related("centre", "service", "counter"), token=token)
    form = RatingForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if _rated(request, form, ticket=ticket):
            return redirect("centre:ticket", token=token)
        status = 400
    return render(
        request,
        "centre/ticket.html",
        {
            "ticket": ticket,
            "centre": ticket.centre,
            "ahead": services.waiting_ahead(ticket),
            "rating": Rating.objects.filter(ticket=ticket).first(),
            "form": form,
            "can_rate": ticket.status == TicketStatus.DONE,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def rate_dossier(request: HttpRequest, token: str) -> HttpResponse:
    """The receipt slip's second QR code: rate the reception of a dossier, once.

    The link carries the dossier code signed (codes are sequential); nothing personal is shown.
    """
    try:
        code = signing.Signer(salt=RATING_SALT).unsign(token)
    except signing.BadSignature:
        raise Http404 from None
    dossier = get_object_or_404(Dossier.objects.select_related("receiving_agency", "version__procedure"),
                                code=code, received_at__isnull=False)
    form = RatingForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if _rated(request, form, dossier=dossier):
            return redirect("centre:rate_dossier", token=token)
        status = 400
    return render(request, "centre/rate_dossier.html", {
        "dossier": dossier, "form": form, "rating": Rating.objects.filter(dossier=dossier).first(),
    }, status=status)


# ---------------------------------------------------------------------------------------
# Display screen


def screen(request: HttpRequest, code: str) -> HttpResponse:
    centre = _centre(code)
    return render(request, "centre/screen.html", {"centre": centre})


@never_cache
@require_GET
def screen_state(request: HttpRequest, code: str) -> JsonResponse:
    return JsonResponse(services.floor_state(_centre(code)), json_dumps_params={"ensure_ascii": False})


@never_cache
@require_GET
def screen_events(request: HttpRequest, code: str) -> StreamingHttpResponse:
    """Server-Sent Events: the floor's state each time its version changes, from any server process.

    The shared source is the database (the centre's floor version, bumped in the transaction of
    every change), so a call made on another process reaches this stream within one poll.
    """
    centre = _centre(code)
    # Every connection starts with the whole state (a reconnecting screen may have missed calls).
    response = StreamingHttpResponse(_events(centre, None), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # nginx: do not buffer the stream
    return response


def _events(centre: Agency, last: int | None) -> Iterator[str]:
    yield "retry: 1000\n\n"
    deadline = time.monotonic() + STREAM_SECONDS
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        version = services.floor_version(centre.pk)
        if version != last:
            last = version
            state = services.floor_state(centre)
            yield f"id: {version}\nevent: floor\ndata: {json.dumps(state, ensure_ascii=False)}\n\n"
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > 10:
            yield ": keep-alive\n\n"
            quiet_since = time.monotonic()
        # The stream keeps its database connection (autocommit: each read sees the latest
        # committed version); Django closes it when the response ends.
        time.sleep(STREAM_POLL_SECONDS)


@require_GET
def call_audio(request: HttpRequest, code: str, pk: int) -> FileResponse:
    """The spoken call of one announcement (synthesised once per text, then served from the cache)."""
    centre = _centre(code)
    call = get_object_or_404(Call.objects.select_related("ticket", "counter"), pk=pk, centre=centre)
    try:
        path = speech.spoken(services.call_text(call.ticket.number, call.counter.number))
    except speech.SpeechUnavailable:
        raise Http404 from None
    response = FileResponse(path.open("rb"), content_type="audio/wav")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def chime(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(speech.chime(), content_type="audio/wav")
    response["Cache-Control"] = "public, max-age=86400"
    return response


# ---------------------------------------------------------------------------------------
# Counter console (desk area: officers of the centre only)


def _counter_officer(request: HttpRequest) -> Any:
    user: Any = request.user
    if user.role not in services.COUNTER_ROLES or user.agency is None or not user.agency.is_service_center:
        raise PermissionDenied
    return user


@officer_required
def console(request: HttpRequest) -> HttpResponse:
    user = _counter_officer(request)
    counter = services.counter_of(user)
    current = services.current_ticket(counter) if counter else None
    centre = user.agency
    return render(
        request,
        "centre/console.html",
        {
            "centre": centre,
            "counter": counter,
            "current": current,
            "counters": Counter.objects.filter(centre=centre, is_active=True).select_related("officer"),
            "services": Service.objects.filter(centre=centre, is_active=True),
            "state": services.floor_state(centre),
            "waited": _waited(current),
        },
    )


def _waited(ticket: Ticket | None) -> int | None:
    if ticket is None:
        return None
    return int((timezone.now() - ticket.issued_at).total_seconds() // 60)


@officer_required
@require_POST
def console_sit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _counter_officer(request)
    counter = get_object_or_404(Counter, pk=pk, centre=user.agency)
    try:
        services.sit_at_counter(user, counter)
    except CentreError as error:
        messages.error(request, error.message)
    return redirect("centre:console")


CONSOLE_ACTIONS = {
    "call_next",
    "call_again",
    "skip_absent",
    "start_serving",
    "finish_serving",
    "transfer",
}


@officer_required
@require_POST
def console_act(request: HttpRequest, action: str) -> HttpResponse:
    user = _counter_officer(request)
    if action not in CONSOLE_ACTIONS:
        raise Http404
    counter = services.counter_of(user)
    if counter is None:
        messages.error(request, _("Hãy chọn quầy bạn ngồi trước."))
        return redirect("centre:console")
    try:
        if action == "call_next":
            ticket = services.call_next(user, counter)
            messages.success(request, _("Đã gọi số %(number)s.") % {"number": ticket.number})
        else:
            ticket = get_object_or_404(Ticket, pk=_int(request.POST.get("ticket")), centre=user.agency)
            if action == "transfer":
                service = Service.objects.filter(
                    centre=user.agency, pk=_int(request.POST.get("service"))
                ).first()
                target = Counter.objects.filter(
                    centre=user.agency, pk=_int(request.POST.get("counter"))
                ).first()
                services.transfer(user, ticket, service=service, counter=target)
                messages.success(request, _("Đã chuyển số %(number)s.") % {"number": ticket.number})
            else:
                getattr(services, action)(user, ticket)
    except CentreError as error:
        messages.error(request, error.message)
        response = redirect("centre:console")
        return response
    return redirect("centre:console")


# ---------------------------------------------------------------------------------------
# Lookup kiosk: the public lookup's rules, in large type, on the centre's touch screen


@require_http_methods(["GET", "POST"])
def lookup_kiosk(request: HttpRequest, code: str) -> HttpResponse:
    centre = _centre(code)
    found = None
    limited = False
    if request.method == "POST":
        form = LookupForm(_scanned(request.POST))
        if form.is_valid():
            try:  # the public lookup's rules and its brute-force limits (dossiers/lookup.py)
                found = public_lookup.find(request, form.cleaned_data["code"], form.cleaned_data["id_number"])
            except public_lookup.LookupLimited as error:
                form.add_error(None, str(error))
                limited = True
            if found is not None:
                form = LookupForm(initial={"code": found.code})  # the ID number is not shown again
            elif not limited:
                form.add_error(None, _("Không tìm thấy hồ sơ với mã hồ sơ và số định danh đã nhập."))
    else:
        form = LookupForm(initial={"code": request.GET.get("code", "")[:40]})
    procedures: list[Any] = []
    query = request.GET.get("q", "").strip()[:100]
    if query:
        from motcua.catalog.models import Procedure
        from motcua.catalog.search import search

        hits = search(query, limit=8)
        by_id = Procedure.objects.in_bulk([h.procedure_id for h in hits])
        procedures = [by_id[h.procedure_id] for h in hits if h.procedure_id in by_id]
    # What is missing: the open supplement request's items (form 02), if any.
    missing = (
        found.supplement_requests.filter(answered_at__isnull=True).order_by("-number").first()
        if found
        else None
    )
    return render(
        request,
        "centre/lookup.html",
        {
            "centre": centre,
            "form": form,
            "dossier": found,
            "query": query,
            "procedures": procedures,
            "appointment": expected_appointment(found) if found else None,
            "masked_id": mask_id_number(found.applicant.id_number) if found else "",
            "idle_seconds": 60,
            "missing": missing,
        },
        status=(429 if limited else 404) if request.method == "POST" and found is None else 200,
    )


def _scanned(data: Any) -> Any:
    """A QR scanner types the receipt's whole lookup URL (…/tra-cuu/?code=…): keep the code."""
    code = str(data.get("code", ""))
    if "code=" in code:
        from urllib.parse import parse_qs, urlsplit

        data = data.copy()
        data["code"] = (parse_qs(urlsplit(code.strip()).query).get("code") or [""])[0][:40]
    return data


# ---------------------------------------------------------------------------------------
# Booking a slot online


class BookingForm(forms.Form):
    service = forms.ModelChoiceField(label=gettext_lazy("Dịch vụ"), queryset=Service.objects.none())
    slot = forms.ChoiceField(label=gettext_lazy("Khung giờ"))
    name = forms.CharField(label=gettext_lazy("Họ và tên"), max_length=200)
    id_number = forms.CharField(
        label=gettext_lazy("Số định danh cá nhân"),
        max_length=12,
        min_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    phone = forms.CharField(label=gettext_lazy("Số điện thoại"), max_length=20, required=False)

    def __init__(self, centre: Agency, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.filter(centre=centre, is_active=True)  # type: ignore[attr-defined]
        now = timezone.now()
        today = now.astimezone(TZ).date()
        choices = []
        for offset in range(8):
            for start in services.slot_starts(centre, today + dt.timedelta(days=offset)):
                if start > now:
                    choices.append((start.isoformat(), start.astimezone(TZ).strftime("%H:%M %d/%m/%Y")))
        self.fields["slot"].choices = choices  # type: ignore[attr-defined]


@require_http_methods(["GET", "POST"])
def book(request: HttpRequest, code: str) -> HttpResponse:
    centre = _centre(code)
    form = BookingForm(centre, request.POST or None)
    booking: Booking | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            booking = services.book(
                centre,
                data["service"],
                dt.datetime.fromisoformat(data["slot"]),
                id_number=data["id_number"],
                name=data["name"],
                phone=data["phone"],
            )
        except CentreError as error:
            form.add_error(None, error.message)
    status = 400 if request.method == "POST" and booking is None else 200
    return render(
        request, "centre/book.html", {"centre": centre, "form": form, "booking": booking}, status=status
    )


# ---------------------------------------------------------------------------------------
# Statistics of the floor (the people who see the /stats/ dashboards, scoped the same way)


def _stats_centres(request: HttpRequest) -> list[Agency]:
    from motcua.stats.scope import scope_for

    scope = scope_for(request.user)
    if scope is None:
        raise PermissionDenied
    centres = Agency.objects.filter(kind__in=Agency.SERVICE_CENTER_KINDS, is_active=True)
    if scope.agency_ids is not None:
        centres = centres.filter(pk__in=scope.all_ids)
    return list(centres.order_by("code"))


def _stats_period(request: HttpRequest) -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    dates = []
    for name in ("from", "to"):
        try:
            dates.append(dt.date.fromisoformat(request.GET.get(name, "")))
        except ValueError:
            dates.append(today)
    start, end = sorted(dates)
    return start, end


@login_required
def floor_stats(request: HttpRequest) -> HttpResponse:
    from motcua.centre import report
    from motcua.stats import charts

    centres = _stats_centres(request)
    start, end = _stats_period(request)
    ids = [c.pk for c in centres]
    facts = report.ticket_facts(ids, start, end)
    per_hour = dict(report.tickets_per_hour(facts))
    hours = list(range(7, 18))
    chart = charts.column_chart(
        "peak-hours",
        _("Số lượt lấy số theo giờ"),
        _("Số lượt lấy số trong từng giờ của kỳ báo cáo."),
        [f"{h:02d}h" for h in hours],
        [charts.Series(_("Số lượt"), [per_hour.get(h, 0) for h in hours])],
    )
    tables = [
        (title, report.breakdown(facts, by))
        for by, title in (
            ("centre", _("Theo trung tâm")),
            ("service", _("Theo dịch vụ")),
            ("counter", _("Theo quầy")),
            ("officer", _("Theo cán bộ")),
        )
    ]
    satisfaction = [
        (title, report.satisfaction(ids, start, end, by))
        for by, title in (
            ("centre", _("Theo trung tâm")),
            ("counter", _("Theo quầy")),
            ("officer", _("Theo cán bộ")),
        )
    ]
    return render(
        request,
        "centre/stats.html",
        {
            "centres": centres,
            "start": start,
            "end": end,
            "chart": chart,
            "tables": tables,
            "satisfaction": satisfaction,
            "per_day": report.tickets_per_day(facts),
        },
    )


@login_required
def floor_stats_xlsx(request: HttpRequest) -> HttpResponse:
    from motcua.centre import report
    from motcua.stats import xlsx

    centres = _stats_centres(request)
    start, end = _stats_period(request)
    ids = [c.pk for c in centres]
    title = _("Thống kê lấy số thứ tự từ %(start)s đến %(end)s") % {
        "start": start.strftime("%d/%m/%Y"),
        "end": end.strftime("%d/%m/%Y"),
    }
    data = xlsx.workbook(report.xlsx_sheets(report.ticket_facts(ids, start, end), ids, start, end), [title])
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="lay-so-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"'
    return response


# ---------------------------------------------------------------------------------------
# The counter's tablet: the person just served rates at the counter itself

# How long after the end of service the counter's tablet still offers the rating.
TABLET_WINDOW = dt.timedelta(minutes=15)


def _last_served(counter: Counter) -> Ticket | None:
    since = timezone.now() - TABLET_WINDOW
    return (
        Ticket.objects.filter(
            counter=counter,
            status=TicketStatus.DONE,
            rating__isnull=True,
            periods__state=TicketStatus.DONE,
            periods__started_at__gte=since,
        )
        .select_related("service")
        .order_by("-periods__started_at")
        .first()
    )


@require_http_methods(["GET", "POST"])
def tablet(request: HttpRequest, code: str, number: int) -> HttpResponse:
    """Public page on the tablet facing the citizen: rate the service just finished at this counter."""
    centre = _centre(code)
    counter = get_object_or_404(Counter, centre=centre, number=number, is_active=True)
    ticket = _last_served(counter)
    form = RatingForm(request.POST or None)
    status = 200
    if request.method == "POST":
        # Only the ticket the page showed, and only while it is still the one to rate.
        if ticket is None or request.POST.get("ticket") != ticket.token:
            messages.error(request, _("Lượt phục vụ này không còn được đánh giá tại quầy."))
            return redirect("centre:tablet", code=code, number=number)
        if _rated(request, form, ticket=ticket):
            return redirect("centre:tablet", code=code, number=number)
        status = 400
    return render(
        request,
        "centre/tablet.html",
        {
            "centre": centre,
            "counter": counter,
            "ticket": ticket,
            "form": form,
        },
        status=status,
    )
