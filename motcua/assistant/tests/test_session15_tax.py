"""Session 15 (docs/assistant.md): money already paid, named as money ("số thuế đã nộp tại Việt
Nam", "phí đường bộ đã nộp", "khoản thu ngân sách đã nộp", "đã nộp thuế ở nước ngoài"), is what a
tax procedure is about — a credit, a refund, a certificate —, not a dossier filed whose progress
is asked. A dossier filed, or money paid "rồi" with its result awaited, stays a status question.
Questions here are in no eval file."""

from __future__ import annotations

from typing import Any

import pytest

from motcua.assistant import intents


def _status(question: str) -> bool:
    analysis = intents.analyse(question)
    return intents.STATUS in analysis.intents or bool(analysis.dossier_code)


@pytest.mark.parametrize(
    "question",
    [
        "người trung quốc xin xác nhận số thuế đã nộp tại việt nam",
        "xin hoàn lại phí bảo trì đường bộ đã nộp",
        "hoàn trả khoản thu ngân sách đã nộp qua kho bạc",
        "tiền đã nộp nhầm vào ngân sách xin lại thế nào",
        "đã nộp thuế ở trung quốc muốn trừ vào thuế ở việt nam",
        "da nop thue o nuoc ngoai thi khai the nao",
    ],
)
def test_money_paid_is_no_dossier(db: Any, question: str) -> None:
    assert not _status(question)


@pytest.mark.parametrize(
    "question",
    [
        "tôi đã nộp hồ sơ hoàn thuế tháng trước",
        "đã nộp thuế rồi sao chưa có sổ",
        "tôi đã nộp tiền thuế đất rồi bao giờ lấy được sổ",
        "hồ sơ hoàn thuế của công ty tôi đến đâu rồi",
    ],
)
def test_a_dossier_filed_stays_status(db: Any, question: str) -> None:
    assert _status(question)
