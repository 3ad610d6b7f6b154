"""Dossiers (hồ sơ) from submission to the returned result, with their append-only audit trail.

Only `motcua.dossiers.services` changes a dossier's status (STYLE.md rule 1): every
function there locks the row, checks who is acting, changes the dossier and appends a
hash-chained `DossierEvent` in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.accounts.privacy import mask_id_number
from motcua.catalog.models import ChannelKind
from motcua.core.rows import FlushingQuerySet
from motcua.dossiers.uploads import EXTENSIONS

# One validation for the applicant's identifiers at every door (forms, API schema, model):
# the lengths are the columns' (a longer value would be a database error, a 500), the
# characters those of ID numbers, tax codes ("0101234567-001") and phone numbers.
ID_NUMBER_MAX_LENGTH = 20
PHONE_MAX_LENGTH = 20
ID_NUMBER_PATTERN = r"^[0-9A-Za-z-]+$"
PHONE_PATTERN = r"^[0-9+(). -]*$"
ID_NUMBER_VALIDATOR = RegexValidator(
    ID_NUMBER_PATTERN,
    _("Số định danh hoặc mã số thuế chỉ gồm chữ số, chữ cái và dấu gạch ngang."),
)
PHONE_VALIDATOR = RegexValidator(
    PHONE_PATTERN, _("Số điện thoại chỉ gồm chữ số, dấu cách và các dấu + ( ) . -")
)

# The `prev_hash` of a dossier's first event.
GENESIS_HASH = "0" * 64
# The events' canonical JSON (`DossierEvent.canonical`): what `json.dumps` with these arguments
# gives, from one encoder instead of a new one per event (json.dumps builds one whenever an
# argument differs from its defaults).
_CANONICAL_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Status(models.IntegerChoices):
    """The national status codes of the National Public Service Portal."""

    SUBMITTED = 1, _("Mới đăng ký")
    RECEIVED = 2, _("Được tiếp nhận")
    REFUSED = 3, _("Không được tiếp nhận")
    PROCESSING = 4, _("Đang xử lý")
    SUPPLEMENT_REQUESTED = 5, _("Yêu cầu bổ sung giấy tờ")
    PAYMENT_REQUESTED = 6, _("Yêu cầu thực hiện nghĩa vụ tài chính")
    WITHDRAWN = 7, _("Công dân yêu cầu rút hồ sơ")
    STOPPED = 8, _("Dừng xử lý")
    RESULT_READY = 9, _("Đã xử lý xong")
    RETURNED = 10, _("Đã trả kết quả")


# Dossiers whose clock is still running or paused: the sweeps and "open" counts use these.
OPEN_STATUSES = (
    Status.RECEIVED,
    Status.PROCESSING,
    Status.SUPPLEMENT_REQUESTED,
    Status.PAYMENT_REQUESTED,
)
CLOSED_STATUSES = (Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.RETURNED)


class SubState(models.TextChoices):
    NONE = "", _("Không")
    # Status 1 sent back before reception (services.request_completion): the clock has not
    # started and no supplement is counted; the citizen completes and resubmits.
    COMPLETION_WAITING_APPLICANT = (
        "completion_applicant", _("Chờ công dân hoàn thiện hồ sơ trước khi tiếp nhận")
    )
    SUPPLEMENT_WAITING_APPLICANT = "supplement_applicant", _("Chờ công dân bổ sung")
    SUPPLEMENT_WAITING_OFFICER = "supplement_officer", _("Chờ cán bộ kiểm tra hồ sơ bổ sung")
    PAYMENT_PENDING = "payment_pending", _("Chờ thực hiện nghĩa vụ tài chính")
    AWAITING_APPROVAL = "awaiting_approval", _("Chờ lãnh đạo phê duyệt kết quả")


class Deadline(models.TextChoices):
    """Not a status, a flag for lists and alerts: computed when read (`dossiers.deadlines`)."""

    OK = "ok", _("Trong hạn")
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")


class Applicant(models.Model):
    """Who the dossier is for: a citizen (12-digit personal ID) or an organisation (tax code)."""

    class Kind(models.TextChoices):
        CITIZEN = "citizen", _("Công dân")
        ORGANISATION = "organisation", _("Tổ chức, doanh nghiệp")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.CITIZEN)
    name = models.CharField(_("họ và tên / tên tổ chức"), max_length=300)
    # Personal data (12-digit ID, phone, address): masked in lists, never logged.
    id_number = models.CharField(
        _("số định danh / mã số thuế"), max_length=ID_NUMBER_MAX_LENGTH, db_index=True,
        validators=[ID_NUMBER_VALIDATOR],
    )
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=PHONE_MAX_LENGTH, blank=True,
                             validators=[PHONE_VALIDATOR])
    email = models.EmailField(_("thư điện tử"), blank=True)
    address_unit = models.ForeignKey(
        "geography.Unit",
        verbose_name=_("đơn vị hành chính"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    street = models.CharField(_("số nhà, đường, thôn, xóm"), max_length=300, blank=True)
    # The language slips and notices are written in (STYLE.md rule 10): the citizen's
    # language when submitting online, Vietnamese otherwise.
    language = models.CharField(
        _("ngôn ngữ"), max_length=10, choices=settings.LANGUAGES, default="vi"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản công dân"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applicant_profiles",
    )

    class Meta:
        verbose_name = _("chủ hồ sơ")
        verbose_name_plural = _("chủ hồ sơ")

    def __str__(self) -> str:
        return self.name

    @property
    def masked_id(self) -> str:
        """Only the last 4 digits: what lists may show."""
        return mask_id_number(self.id_number)

    @property
    def address(self) -> str:
        parts = [self.street, self.address_unit.name if self.address_unit else ""]
        return ", ".join(p for p in parts if p)


class DossierSequence(models.Model):
    """The daily counter behind dossier codes: one row per (receiving agency, local day).

    Incremented under a row lock inside the transaction that creates the dossier, so
    concurrent submissions get consecutive numbers and never the same one.
    """

    # No index of its own: dossier_sequence_unique (agency, day) leads with it.
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+", db_index=False)
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "day"], name="dossier_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.day}: {self.last}"


class ResultDelivery(models.TextChoices):
    """Where the applicant chose to get the result (form 01; Decree 118/2025)."""

    CENTRE = "centre", _("Tại Trung tâm Phục vụ hành chính công")
    POST = "post", _("Qua dịch vụ bưu chính công ích")
    ONLINE = "online", _("Trực tuyến")


class DossierQuerySet(models.QuerySet["Dossier"]):
    def open(self) -> DossierQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def with_deadline(self, thresholds: Any = None) -> DossierQuerySet:
        """Annotate `deadline` (ok / due_soon / overdue) as the clock says at `thresholds.now`."""
        from motcua.dossiers import deadlines

        return self.annotate(deadline=deadlines.annotation(thresholds or deadlines.Thresholds.at()))

    def in_deadline(self, state: str, thresholds: Any = None) -> DossierQuerySet:
        """Dossiers due soon or overdue now (indexed comparisons on the due times)."""
        from motcua.dossiers import deadlines

        return self.filter(deadlines.condition(state, thresholds or deadlines.Thresholds.at()))

    def visible_to(self, user: Any) -> DossierQuerySet:
        """Scope by default (STYLE.md rule 9): officers see their agency's dossiers, citizens their own."""
        if user is None or not user.is_authenticated:
            return self.none()
        if user.is_superuser or user.role == "system_admin":
            return self
        if user.role == "citizen":
            return self.filter(applicant__user=user)
        if user.agency_id is None:
            return self.none()
        return self.filter(
            Q(receiving_agency_id=user.agency_id)
            | Q(competent_agency_id=user.agency_id)
            | Q(steps__agency_id=user.agency_id)
        ).distinct()


class Dossier(models.Model):
    code = models.CharField(_("mã hồ sơ"), max_length=64, unique=True)
    version = models.ForeignKey(
        "catalog.ProcedureVersion",
        verbose_name=_("thủ tục (phiên bản)"),
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    applicant = models.ForeignKey(
        Applicant, verbose_name=_("chủ hồ sơ"), on_delete=models.PROTECT, related_name="dossiers"
    )
    channel = models.CharField(_("hình thức nộp"), max_length=10, choices=ChannelKind.choices)
    # Neither agency has an index of its own: dossier_agency_received and
    # dossier_competent_received lead with them (every row a dossier writes or moves pays for
    # each index it is in; docs/scale.md, session 9).
    receiving_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("nơi tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    competent_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan giải quyết"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    # The commune where the land parcel lies, asked at reception when the procedure's competence
    # follows the parcel (catalog.services.place_basis == "land").
    land_unit = models.ForeignKey(
        "geography.Unit",
        verbose_name=_("xã, phường nơi có thửa đất"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.PositiveSmallIntegerField(
        _("trạng thái"), choices=Status.choices, default=Status.SUBMITTED
    )
    sub_state = models.CharField(
        _("trạng thái phụ"), max_length=24, choices=SubState.choices, default=SubState.NONE, blank=True
    )
    # Written by `motcua dossiers sweep` for the record only; what users read is computed
    # from the due times when read (`deadline_now`, `DossierQuerySet.with_deadline`).
    deadline_state = models.CharField(
        _("tình trạng hạn"), max_length=10, choices=Deadline.choices, default=Deadline.OK
    )
    # Bumped by every transition: two officers acting on the same version of a dossier,
    # the second one learns that it was already handled (services._lock).
    revision = models.PositiveIntegerField(default=0, editable=False)
    # The hash of the newest event (the chain head), read under the row lock so a transition
    # links its event without querying the last one. The chain itself is in DossierEvent;
    # `verify-audit` checks that this head and the chain agree.
    last_event_hash = models.CharField(max_length=64, default=GENESIS_HASH, editable=False)
    request = models.TextField(_("nội dung yêu cầu"), blank=True)
    result_delivery = models.CharField(
        _("hình thức nhận kết quả"),
        max_length=10,
        choices=ResultDelivery.choices,
        default=ResultDelivery.CENTRE,
    )
    sets = models.PositiveSmallIntegerField(_("số bộ hồ sơ"), default=1)

    submitted_at = models.DateTimeField(_("thời điểm nộp"), null=True, blank=True)
    received_at = models.DateTimeField(_("thời điểm tiếp nhận"), null=True, blank=True)
    # When the legal clock started: the reception at the counter; for an online dossier its
    # submission, moved to the next working start if outside working hours (services._plan_reception).
    clock_started_at = models.DateTimeField(_("thời điểm bắt đầu tính hạn"), null=True, blank=True)
    due_at = models.DateTimeField(_("hạn trả kết quả"), null=True, blank=True)
    original_due_at = models.DateTimeField(_("hạn ghi trên giấy hẹn"), null=True, blank=True)
    finished_at = models.DateTimeField(_("thời điểm xử lý xong"), null=True, blank=True)
    returned_at = models.DateTimeField(_("thời điểm trả kết quả"), null=True, blank=True)
    refused_at = models.DateTimeField(_("thời điểm từ chối"), null=True, blank=True)
    stopped_at = models.DateTimeField(_("thời điểm dừng xử lý"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("thời điểm rút hồ sơ"), null=True, blank=True)

    # The supplement clock: the remaining working time is kept at the pause and given back on resume.
    paused_at = models.DateTimeField(_("tạm dừng từ"), null=True, blank=True)
    remaining_at_pause = models.DurationField(null=True, blank=True)
    paused_working = models.DurationField(_("thời gian tạm dừng (giờ làm việc)"), default=timedelta(0))
    supplement_count = models.PositiveSmallIntegerField(_("số lần yêu cầu bổ sung"), default=0)
    # Where a dossier goes back to after a supplement or a payment (2 or 4).
    resume_status = models.PositiveSmallIntegerField(choices=Status.choices, null=True, blank=True)

    current_step = models.ForeignKey(
        "DossierStep",
        verbose_name=_("bước hiện tại"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    current_step_due_at = models.DateTimeField(_("hạn bước hiện tại"), null=True, blank=True)

    fee_amount = models.BigIntegerField(_("số tiền phải nộp (đồng)"), null=True, blank=True)
    payment_requested_at = models.DateTimeField(null=True, blank=True)
    paid_at = models.DateTimeField(_("thời điểm nộp tiền"), null=True, blank=True)
    paid_online = models.BooleanField(_("thanh toán trực tuyến"), default=False)

    result_text = models.TextField(_("kết quả giải quyết"), blank=True)
    result_file = models.FileField(_("tệp kết quả"), upload_to="results/%Y/%m/", blank=True)
    result_electronic = models.BooleanField(_("kết quả điện tử"), default=False)
    # The electronic result signed by the deciding agency on approval (issue #13).
    result_signed = models.ForeignKey(
        "documents.SignedDocument", verbose_name=_("kết quả đã ký số"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    # Decree 118/2025: a late dossier gets an apology and a new appointment; on-time is
    # still measured against due_at, never against this.
    new_appointment_at = models.DateTimeField(_("ngày hẹn lại"), null=True, blank=True)
    apologized_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)

    objects = DossierQuerySet.as_manager()

    # Column values as read by `services._lock`, so a transition writes only what it changed.
    _loaded_values: dict[str, Any] | None = None
    # Column values before the event the services just appended (None: inserted by that
    # transition), for the handlers of `dossiers.hooks` that keep derived figures.
    _previous_values: dict[str, Any] | None = None
    # The unfinished steps (and the current one) in order, as read by `services._lock` with the
    # row, kept up to date by the transition; None when not read (they are queried then).
    _open_steps: list[DossierStep] | None = None
    # The key of the next event, reserved by the statement that locked or numbered the row
    # (PostgreSQL, one transition at a time: `rows.reserves_keys`); used once by `_next_event`.
    _event_key: int | None = None
    # Keys of the new rows of a new dossier's transition (its applicant, the dossier, its
    # documents and steps), reserved by the statement that numbered it (PostgreSQL, writes
    # kept): the rows are then inserted with the transition's other writes. Used once each.
    _reserved_keys: dict[Any, list[int]] | None = None
    # `rows.foreign_statements()` when the services locked the row (inside a batch): the copy is
    # held for the next transition only if no other statement ran before the transition ended.
    _foreign_at_lock: int = -1
    # How the deciding agency was chosen (catalog competence rule), set by the services on a new
    # dossier and written into its first event.
    _competence_rule: str = ""

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        ordering = ["-received_at", "-id"]
        indexes = [
            # The sweeps: open dossiers by status whose due time has passed or is near. Not
            # partial (only the running statuses): SQLite uses a partial index only for a query
            # that repeats its condition, and the status-only filters (waiting for a supplement,
            # closed dossiers) use these too (docs/scale.md, session 9).
            models.Index(fields=["status", "due_at"], name="dossier_status_due"),
            models.Index(fields=["status", "current_step_due_at"], name="dossier_status_step_due"),
            # Exports and the tracking book: a period of one receiving agency.
            models.Index(fields=["receiving_agency", "received_at"], name="dossier_agency_received"),
            models.Index(fields=["competent_agency", "received_at"], name="dossier_competent_received"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def procedure(self) -> Any:
        return self.version.procedure

    @property
    def deadline_now(self) -> str:
        """ok / due_soon / overdue now: the `with_deadline` annotation if loaded, else computed."""
        annotated = self.__dict__.get("deadline")
        if annotated is not None:
            return str(annotated)
        from motcua.dossiers import deadlines

        return deadlines.state_of(self)

    def get_deadline_now_display(self) -> str:
        return str(Deadline(self.deadline_now).label)


class SubmissionKey(models.Model):
    """A one-time submission key and the dossier it created (double submission).

    Each form that creates a dossier carries a key issued with the page; an API client may send
    an `Idempotency-Key` header. The key is written with the dossier, in its transaction, under
    the unique constraint (account, key): of two requests with one key (a double click, a phone
    resending its POST, a receptionist pressing twice) only one can commit; the other learns
    which dossier the first created (`services.AlreadySubmitted`). Scoped by the account that
    submitted, as the IETF draft scopes an idempotency key by its client. Forgotten after a day
    (`dossiers.forget-submission-keys`)."""

    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                                db_index=False)  # the unique constraint leads with it
    key = models.CharField(max_length=255)
    # No index: a dossier is deleted only by hand, and the table holds a day of submissions.
    dossier = models.ForeignKey("Dossier", on_delete=models.CASCADE, related_name="+", db_index=False)
    # The digest of what the request asked (`services.keys.fingerprint`): a repeat with other
    # data is refused (`submission_key_reused`).
    fingerprint = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["account", "key"], name="submission_key_once")]

    def __str__(self) -> str:
        return f"{self.account_id}:{self.key}"


class DossierStep(models.Model):
    """A step of the internal process, copied from the version's ProcessSteps at reception."""

    # No index of its own: dossier_step_unique (dossier, order) leads with it.
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="steps", db_index=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    name = models.CharField(_("tên bước"), max_length=300)
    role = models.CharField(_("vai trò"), max_length=20)
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    allotted = models.DurationField(_("thời gian được giao (giờ làm việc)"))
    started_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deadline_state = models.CharField(max_length=10, choices=Deadline.choices, default=Deadline.OK)

    class Meta:
        verbose_name = _("bước xử lý hồ sơ")
        verbose_name_plural = _("bước xử lý hồ sơ")
        ordering = ["dossier", "order"]
        constraints = [models.UniqueConstraint(fields=["dossier", "order"], name="dossier_step_unique")]
        indexes = [models.Index(fields=["finished_at", "due_at"], name="dossier_step_open_due")]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class DossierDocument(models.Model):
    """A component supplied (thành phần hồ sơ) with its counts, as listed on the receipt slip."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="documents")
    requirement = models.ForeignKey(
        "catalog.Requirement", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.TextField(_("tên giấy tờ"))
    originals = models.PositiveSmallIntegerField(_("bản chính"), default=0)
    certified_copies = models.PositiveSmallIntegerField(_("bản sao chứng thực"), default=0)
    photocopies = models.PositiveSmallIntegerField(_("bản sao"), default=0)
    supplied_in_supplement = models.BooleanField(_("nộp bổ sung"), default=False)
    # Once-only (issue #13): the citizen's warehouse document reused instead of an upload.
    warehouse_document = models.ForeignKey(
        "documents.DigitisedDocument", verbose_name=_("giấy tờ dùng lại từ kho dữ liệu"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = _("giấy tờ đã nộp")
        verbose_name_plural = _("giấy tờ đã nộp")
        ordering = ["dossier", "id"]

    def __str__(self) -> str:
        return self.name


def attachment_path(instance: DossierFile, filename: str) -> str:
    """Server-chosen names: a random stem and the extension of the type the content proved.

    The uploaded file name says nothing reliable (`Giấy chứng sinh.pdf.exe`), so neither its
    stem nor its extension reaches the disk; `attach_file` sets `content_type` from the
    file's first bytes (`uploads.check_upload`) before saving.
    """
    extension = EXTENSIONS.get(instance.content_type)
    suffix = f".{extension}" if extension else ""
    return f"dossiers/{uuid.uuid4().hex}{suffix}"


class DossierFile(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        DossierDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="files"
    )
    file = models.FileField(_("tệp"), upload_to=attachment_path)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    # Proven by the first bytes (PDF, JPEG or PNG), never taken from the browser or the name.
    content_type = models.CharField(_("kiểu tệp"), max_length=40, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self) -> str:
        return self.original_name or str(self.file.name)


class SupplementRequest(models.Model):
    """Form 02: everything missing, asked once and in writing."""

    # No index of its own: supplement_number_unique (dossier, number) leads with it.
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="supplement_requests", db_index=False
    )
    number = models.PositiveSmallIntegerField(_("lần"))
    items = models.JSONField(_("giấy tờ cần bổ sung"), default=list)
    reason = models.TextField(_("lý do"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField()
    override_reason = models.TextField(_("lý do yêu cầu bổ sung lần tiếp theo"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    # Working time the current step had left at the pause (the dossier's is on Dossier).
    step_remaining = models.DurationField(null=True, blank=True)

    class Meta:
        verbose_name = _("yêu cầu bổ sung")
        verbose_name_plural = _("yêu cầu bổ sung")
        ordering = ["dossier", "number"]
        constraints = [models.UniqueConstraint(fields=["dossier", "number"], name="supplement_number_unique")]

    def __str__(self) -> str:
        return f"{self.dossier_id} #{self.number}"


class Handover(models.Model):
    """One hand-over for the control slip (form 05): between steps or agencies (liên thông)."""

    class Kind(models.TextChoices):
        RECEPTION = "reception", _("Tiếp nhận")
        STEP = "step", _("Chuyển bước")
        TRANSFER = "transfer", _("Chuyển liên thông")
        RESULT = "result", _("Chuyển kết quả")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="handovers")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    at = models.DateTimeField()
    from_agency = models.ForeignKey("agencies.Agency", null=True, on_delete=models.PROTECT, related_name="+")
    to_agency = models.ForeignKey("agencies.Agency", null=True, on_delete=models.PROTECT, related_name="+")
    giver = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    receiver = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_step = models.ForeignKey(
        DossierStep, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What the finished step was measured against (for early / on time / late on the slip).
    due_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    # Queued inside a batch (`motcua.core.rows.batch`): a read writes the queue first.
    objects = FlushingQuerySet["Handover"].as_manager()

    class Meta:
        ordering = ["dossier", "at", "id"]

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete an audit event."""


class EventQuerySet(FlushingQuerySet["DossierEvent"]):
    """Append-only; queued inside a batch (`motcua.core.rows.batch`): a read writes the queue first."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("Dossier events are append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Dossier events are append-only.")



class DossierEvent(models.Model):
    """Every transition leaves a row (STYLE.md rule 4), chained by SHA-256 per dossier.

    hash = SHA-256(previous hash + canonical JSON of this event), so editing or deleting
    any event breaks the chain from that point (`motcua dossiers verify-audit`).
    """

    # No index of its own: dossier_event_seq_unique (dossier, seq[, at]) leads with it.
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="events", db_index=False)
    seq = models.PositiveIntegerField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(db_index=True)
    action = models.CharField(max_length=40)
    from_status = models.PositiveSmallIntegerField(choices=Status.choices, null=True, blank=True)
    to_status = models.PositiveSmallIntegerField(choices=Status.choices, null=True, blank=True)
    reason = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("nhật ký hồ sơ")
        verbose_name_plural = _("nhật ký hồ sơ")
        ordering = ["dossier", "seq"]
        constraints = [models.UniqueConstraint(fields=["dossier", "seq"], name="dossier_event_seq_unique")]
        indexes = [models.Index(fields=["action", "at"], name="dossier_event_action_at")]

    def __str__(self) -> str:
        return f"{self.dossier_id}#{self.seq} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Dossier events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Dossier events are append-only.")

    def canonical(self, dossier_code: str) -> str:
        """The content the hash covers, independent of the database's formatting."""
        from datetime import UTC

        content = {
            "dossier": dossier_code,
            "seq": self.seq,
            "actor": self.actor_id,
            "at": self.at.astimezone(UTC).isoformat(timespec="microseconds"),
            "action": self.action,
            "from": self.from_status,
            "to": self.to_status,
            "reason": self.reason,
            "data": self.data,
        }
        return _CANONICAL_JSON.encode(content)

    def compute_hash(self, dossier_code: str) -> str:
        payload = (self.prev_hash + self.canonical(dossier_code)).encode("utf-8")
        return hashlib.sha256(payload).hexdigest()
