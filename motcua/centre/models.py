"""The floor of a service centre: services, counters, queue tickets and their periods, bookings, ratings.

A ticket's history is a chain of periods (waiting → called → serving → done / no-show, or back
to waiting when transferred): every change closes one period and opens the next, so waiting and
service times come straight from the periods (bcgov/queue-management "TheQ"). Only
`motcua.centre.services` writes these rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Floor(models.Model):
    """One row per centre: its queue settings and a version bumped by every change of its floor.

    Display screens in any server process watch `version` (one indexed read) to know when to
    refresh; the row is updated inside the transaction that changes a ticket, so a screen never
    sees the new version before the change is committed.
    """

    centre = models.OneToOneField(
        "agencies.Agency", verbose_name=_("trung tâm"), on_delete=models.CASCADE, related_name="floor"
    )
    version = models.BigIntegerField(default=0)
    # The interleaving rule for priority tickets: at most this many priority tickets are called in
    # a row while regular tickets wait; 0 calls them strictly by waiting time.
    priority_run = models.PositiveSmallIntegerField(_("số vé ưu tiên gọi liên tiếp"), default=2)
    priority_streak = models.PositiveSmallIntegerField(default=0)
    slot_minutes = models.PositiveSmallIntegerField(_("độ dài khung giờ đặt lịch (phút)"), default=30)
    bookings_per_person_per_day = models.PositiveSmallIntegerField(
        _("số lượt đặt lịch tối đa mỗi người mỗi ngày"), default=2
    )

    class Meta:
        verbose_name = _("cấu hình sàn trung tâm")
        verbose_name_plural = _("cấu hình sàn trung tâm")

    def __str__(self) -> str:
        return f"{self.centre_id} v{self.version}"


class Service(models.Model):
    """What a citizen chooses at the kiosk: a procedure field (e.g. Hộ tịch) or one procedure."""

    centre = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("trung tâm"),
        on_delete=models.CASCADE,
        related_name="queue_services",
    )
    name = models.CharField(_("tên dịch vụ"), max_length=200)
    field = models.ForeignKey(
        "catalog.Field",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    procedure = models.ForeignKey(
        "catalog.Procedure",
        verbose_name=_("thủ tục"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang phục vụ"), default=True)

    class Meta:
        verbose_name = _("dịch vụ xếp hàng")
        verbose_name_plural = _("dịch vụ xếp hàng")
        ordering = ["centre", "order", "name"]

    def __str__(self) -> str:
        return self.name


class Counter(models.Model):
    """A numbered counter (quầy) of a centre; it serves some services; one officer sits there today."""

    centre = models.ForeignKey(
        "agencies.Agency", verbose_name=_("trung tâm"), on_delete=models.CASCADE, related_name="counters"
    )
    number = models.PositiveSmallIntegerField(_("số quầy"))
    name = models.CharField(_("tên quầy"), max_length=200, blank=True)
    services = models.ManyToManyField(Service, verbose_name=_("dịch vụ phục vụ"), related_name="counters")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ trực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="centre_counters",
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        verbose_name = _("quầy")
        verbose_name_plural = _("quầy")
        ordering = ["centre", "number"]
        constraints = [models.UniqueConstraint(fields=["centre", "number"], name="centre_counter_unique")]

    def __str__(self) -> str:
        return str(_("Quầy số %(number)s") % {"number": self.number})


class TicketSequence(models.Model):
    """The daily counter behind ticket numbers: one row per (centre, local day), bumped under a row lock."""

    centre = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["centre", "day"], name="ticket_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.centre_id} {self.day}: {self.last}"


class Priority(models.TextChoices):
    NONE = "none", pgettext_lazy("queue priority", "Thông thường")
    ELDERLY = "elderly", _("Người cao tuổi")
    DISABILITY = "disability", _("Người khuyết tật")
    PREGNANT = "pregnant", _("Phụ nữ mang thai")
    CHILD = "child", _("Người đi cùng trẻ em dưới 6 tuổi")
    MERIT = "merit", _("Người có công với cách mạng")


class TicketStatus(models.TextChoices):
    WAITING = "waiting", _("Đang chờ")
    CALLED = "called", _("Đã gọi")
    SERVING = "serving", _("Đang phục vụ")
    DONE = "done", _("Đã phục vụ xong")
    NO_SHOW = "no_show", _("Vắng mặt")


OPEN_TICKET_STATUSES = (TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING)


class Ticket(models.Model):
    centre = models.ForeignKey(
        "agencies.Agency", verbose_name=_("trung tâm"), on_delete=models.PROTECT, related_name="tickets"
    )
    day = models.DateField(_("ngày"))
    number = models.PositiveIntegerField(_("số thứ tự"))
    service = models.ForeignKey(
        Service, verbose_name=_("dịch vụ"), on_delete=models.PROTECT, related_name="tickets"
    )
    priority = models.CharField(
        _("đối tượng ưu tiên"), max_length=20, choices=Priority.choices, default=Priority.NONE
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=TicketStatus.choices, default=TicketStatus.WAITING
    )
    # Where the ticket stands in its queue: the issue time (a booking's slot start when earlier;
    # a transfer keeps it, so a transferred citizen does not queue again from the back).
    queued_at = models.DateTimeField()
    issued_at = models.DateTimeField(_("thời điểm lấy số"))
    # After a transfer to one counter, only that counter calls the ticket.
    target_counter = models.ForeignKey(
        Counter, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    counter = models.ForeignKey(
        Counter,
        verbose_name=_("quầy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tickets",
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The dossier received while this ticket was served (set by `link_serving_ticket`).
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("hồ sơ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tickets",
    )
    # The secret in the QR code of the receipt: follow and rate the ticket on a phone.
    token = models.CharField(max_length=32, unique=True)

    class Meta:
        verbose_name = _("số thứ tự")
        verbose_name_plural = _("số thứ tự")
        ordering = ["-day", "number"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "day", "number"], name="ticket_number_unique")
        ]
        indexes = [models.Index(fields=["centre", "day", "status"], name="ticket_queue_idx")]

    def __str__(self) -> str:
        return f"{self.number}"

    @property
    def is_priority(self) -> bool:
        return self.priority != Priority.NONE


class TicketPeriod(models.Model):
    """One state of a ticket from `started_at` to `ended_at` (open while `ended_at` is null)."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="periods")
    state = models.CharField(max_length=20, choices=TicketStatus.choices)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+")
    counter = models.ForeignKey(Counter, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    # Why the period started: issued, called, recalled, started, transferred, checked_in…
    reason = models.CharField(max_length=30)

    class Meta:
        ordering = ["started_at", "pk"]
        indexes = [models.Index(fields=["ticket", "ended_at"], name="ticket_period_open_idx")]

    def __str__(self) -> str:
        return f"{self.ticket_id} {self.state} {self.started_at:%H:%M:%S}"


class Call(models.Model):
    """One announcement on the screens ("Mời công dân có số 1025 đến quầy số 3"), a recall included."""

    centre = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="calls")
    counter = models.ForeignKey(Counter, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["centre", "at"], name="centre_call_idx")]

    def __str__(self) -> str:
        return f"{self.ticket_id} → {self.counter_id}"


class Booking(models.Model):
    """A time slot booked online; checked in at the kiosk with its code, which issues a ticket."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("Đã đặt")
        CHECKED_IN = "checked_in", _("Đã đến")
        CANCELLED = "cancelled", _("Đã hủy")

    centre = models.ForeignKey(
        "agencies.Agency", verbose_name=_("trung tâm"), on_delete=models.PROTECT, related_name="+"
    )
    service = models.ForeignKey(
        Service, verbose_name=_("dịch vụ"), on_delete=models.PROTECT, related_name="+"
    )
    slot_start = models.DateTimeField(_("bắt đầu khung giờ"))
    code = models.CharField(_("mã đặt lịch"), max_length=12, unique=True)
    # Personal data: the daily limit counts bookings per ID number; never shown unmasked in lists.
    id_number = models.CharField(_("số định danh cá nhân"), max_length=12)
    name = models.CharField(_("họ và tên"), max_length=200)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.BOOKED)
    ticket = models.OneToOneField(
        Ticket, null=True, blank=True, on_delete=models.SET_NULL, related_name="booking"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lịch hẹn")
        verbose_name_plural = _("lịch hẹn")
        indexes = [models.Index(fields=["centre", "slot_start"], name="booking_slot_idx")]

    def __str__(self) -> str:
        return self.code


class Rating(models.Model):
    """The citizen's satisfaction with one service: one rating per ticket and one per dossier."""

    class Level(models.TextChoices):
        VERY_SATISFIED = "very_satisfied", _("Rất hài lòng")
        SATISFIED = "satisfied", _("Hài lòng")
        NOT_SATISFIED = "not_satisfied", _("Không hài lòng")

    class Reason(models.TextChoices):
        WAITING = "waiting", _("Chờ đợi lâu")
        ATTITUDE = "attitude", _("Thái độ cán bộ chưa tốt")
        GUIDANCE = "guidance", _("Hướng dẫn chưa rõ ràng")
        REPEATED = "repeated", _("Phải bổ sung giấy tờ nhiều lần")
        FACILITIES = "facilities", _("Cơ sở vật chất chưa đáp ứng")

    centre = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    ticket = models.OneToOneField(
        Ticket, null=True, blank=True, on_delete=models.CASCADE, related_name="rating"
    )
    dossier = models.OneToOneField(
        "dossiers.Dossier", null=True, blank=True, on_delete=models.CASCADE, related_name="rating"
    )
    counter = models.ForeignKey(Counter, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    level = models.CharField(_("mức độ hài lòng"), max_length=20, choices=Level.choices)
    reasons = models.JSONField(_("lý do"), default=list, blank=True)
    comment = models.CharField(_("góp ý"), max_length=500, blank=True)
    at = models.DateTimeField()

    class Meta:
        verbose_name = _("đánh giá mức độ hài lòng")
        verbose_name_plural = _("đánh giá mức độ hài lòng")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ticket__isnull=False) | models.Q(dossier__isnull=False),
                name="rating_has_subject",
            )
        ]

    def __str__(self) -> str:
        return self.level
