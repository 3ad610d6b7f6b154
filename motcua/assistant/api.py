"""`POST /api/v1/assistant`: one question, one grounded answer (see services.ask)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Router, Schema
from ninja.errors import Throttled
from ninja.utils import check_csrf
from pydantic import Field as PydanticField

from motcua.api.auth import current_user
from motcua.api.errors import ERROR_STATUSES, ApiError, ErrorOut
from motcua.api.throttles import LookupThrottle, ScopedThrottle

from .services import AssistantError, ask

router = Router(tags=["assistant"])


class AssistantThrottle(ScopedThrottle):
    scope = "assistant"


class AskIn(Schema):
    question: str = PydanticField("", max_length=2000, description="Câu hỏi, có dấu hoặc không dấu.")
    conversation: str = PydanticField(
        "", max_length=2000, description="`conversation` của câu trả lời trước, cho câu hỏi nối tiếp."
    )
    dossier_code: str = PydanticField("", max_length=64, description="Mã hồ sơ, để xem tình trạng hồ sơ.")
    id_number: str = PydanticField(
        "", max_length=20, description="Số định danh hoặc mã số thuế của người nộp."
    )


class SourceOut(Schema):
    code: str
    name: str
    field: str
    url: str
    parts: list[str]


class SuggestionOut(Schema):
    code: str
    name: str
    url: str


class AnswerOut(Schema):
    answer: str
    intent: str
    intents: list[str]
    confident: bool
    sources: list[SourceOut]
    suggestions: list[SuggestionOut]
    conversation: str
    needs: list[str]
    dossier: dict[str, Any] | None


@router.post(
    "",
    response={200: AnswerOut, ERROR_STATUSES: ErrorOut},
    throttle=[AssistantThrottle()],
    summary="Hỏi trợ lý ảo về thủ tục hành chính hoặc tình trạng hồ sơ",
)
def ask_assistant(request: HttpRequest, payload: AskIn) -> dict[str, Any]:
    """Answers come from the catalog version in force; `confident: false` means "not sure, search
    the catalog or call the centre". The status of a dossier needs its code and the applicant's
    ID number (or a signed-in owner), exactly like `/api/v1/lookup`, and is rate-limited like it."""
    user = current_user(request)
    if user is not None and getattr(request, "auth", None) is None and check_csrf(request) is not None:
        # A session without its CSRF token (another site posting with our cookie): anonymous.
        user = None
    if payload.dossier_code and not payload.id_number and user is None:
        raise ApiError(
            "validation_error",
            gettext("Cần cả mã hồ sơ và số định danh của người nộp."),
            422,
            {"id_number": [gettext("Hãy nhập số định danh của người nộp.")]},
        )
    if payload.dossier_code and not LookupThrottle().allow_request(request):
        raise Throttled(60)
    try:
        answer = ask(
            payload.question,
            conversation=payload.conversation,
            dossier_code=payload.dossier_code,
            id_number=payload.id_number,
            user=user,
        )
    except AssistantError as exc:
        raise ApiError(exc.code, exc.message, 422, {"question": [exc.message]}) from exc
    return answer.as_dict()
