"""Session 14 (docs/assistant.md): the ways a citizen asks about a dossier already filed, with no
"hồ sơ của tôi" in them — how far it has got, whether a step is done, a wait gone on, an
appointment overrun, a dossier sent back, a supplement asked for, a code, when "I" get the
paper — and the procedure questions that share their words ("hồ sơ", "kết quả", "bao lâu",
"tra cứu", "tiến độ") and stay about the procedure. Questions here are in no eval file."""

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
        # a step done yet, at the end
        "hồ sơ của mẹ tôi đã được duyệt chưa",
        "dang ky kinh doanh cua toi duyet chua",
        "đã có sổ chưa",
        "so cua toi da ky chua",
        "hồ sơ đã chuyển sang thuế chưa",
        "ho so gui buu dien da nhan duoc chua",
        "giấy chứng tử của bố tôi có chưa",
        # how far it has got
        "hồ sơ tách thửa nhà tôi đến bước nào rồi",
        "toi nop ho so cap phep xay dung thang truoc gio the nao roi",
        "tra cứu kết quả hồ sơ",
        "hồ sơ đất nhà tôi đang bị kẹt ở đâu",
        "ad ơi check giúp em hồ sơ với",
        # a state it is in
        "hồ sơ bị trả về là sao",
        "tai sao ho so bi tra ve",
        "hồ sơ bị trả lại lần thứ 2 rồi",
        "ho so bi cham la sao",
        # a supplement asked for
        "email bao ho so can bo sung",
        "cán bộ bảo bổ sung mà chưa thấy gọi",
        # a wait gone on
        "sao lau the nop ho so ca thang roi",
        "lam cccd 3 thang roi chua co the",
        "nộp hồ sơ 2 tháng rồi mà chưa xong",
        "quá hạn rồi mà chưa có sổ",
        "sao mãi chưa có kết quả vậy",
        "doi mai khong thay ket qua",
        "con may ngay nua co ket qua",
        "tiền trợ cấp của mẹ tôi sao chưa về",
        # an appointment
        "giay hen ghi ngay 15 ma gio van chua co",
        "trễ hẹn rồi mà chưa có kết quả",
        "cán bộ hẹn thứ 6 trả kết quả mà tới giờ chưa có",
        # filed, then only when ("nộp rồi bao giờ có"), or its channel told
        "nop roi bao gio co",
        "toi da nop don xin tro cap bao gio duoc nhan",
        "hồ sơ nộp trên cổng dịch vụ công báo đã tiếp nhận, bao giờ xong",
        "đã nộp online hôm qua giờ xem ở đâu",
        "đóng thuế xong rồi bao giờ được nhận sổ đỏ",
        # when "I" get the paper, "chừng nào" the south's "khi nào"
        "khi nao toi lay duoc can cuoc",
        "so do nha em chung nao lay duoc",
        "bao giờ lấy được kết quả",
        "ngày nào lấy được kết quả",
        # a code, whole or not
        "quên mã hồ sơ thì tra cứu sao",
        "ma ho so H37.22-240501-0012",
    ],
)
def test_a_dossier_already_filed_is_asked_about(db: Any, question: str) -> None:
    assert _status(question), (question, intents.analyse(question))


@pytest.mark.parametrize(
    "question",
    [
        # the procedure's documents, time, place, with "hồ sơ", "kết quả", "bao lâu"
        "hồ sơ khai sinh gồm gì",
        "bao lâu thì có kết quả khai sinh",
        "sau khi nop ho so bao lau co ket qua",
        "nop ho so may ngay thi co ket qua khai sinh",
        "nộp hồ sơ xong bao lâu có kết quả sổ đỏ",
        "hồ sơ của con tôi nhập học cần gì",
        "ho so cua toi can nhung giay to gi de lam so do",
        "ho so lam cccd cho tre em",
        "lấy kết quả hồ sơ đất đai ở đâu",
        "hẹn trả kết quả sau bao nhiêu ngày",
        # a lookup or a result that is no dossier's
        "tra cứu quy hoạch",
        "xin ket qua giam dinh y khoa o dau",
        "mã hồ sơ thủ tục hành chính là gì",
        # a project's schedule, a report, the procedure "thông báo bổ sung"
        "tiến độ dự án đường cao tốc",
        "dieu chinh tien do du an dau tu",
        "thong bao bo sung nganh nghe kinh doanh can gi",
        "sua doi bo sung giay phep khai thac",
        # the desk's rule: whether one may ask for a supplement again (`officer`)
        "yêu cầu bổ sung hồ sơ lần thứ hai được không?",
        # a hypothesis, something to do to a dossier filed
        "neu ho so bi tra ve thi lam sao",
        "nop ho so roi co duoc rut lai khong",
        # a situation told with the same words, the procedure's rule or steps asked (review)
        "Trẻ 6 tháng tuổi có được cấp thẻ BHYT miễn phí không",
        "Cho tôi biết điều kiện để được cấp hộ chiếu",
        "Gia đình tôi làm nhà từ năm 1995 rồi mà chưa có sổ đỏ, giờ làm thế nào",
        "lấy vợ mà chưa có giấy xác nhận độc thân được không",
        "Cho em coi mẫu hồ sơ đăng ký kết hôn",
        "hồ sơ bị trễ hạn phải làm văn bản xin lỗi thế nào",
        "hồ sơ đang giải quyết có được bổ sung không",
        "ngày hẹn trả kết quả được tính thế nào",
        "mẫu phiếu hẹn trả kết quả",
        "sao y bản chính chưa có dấu đỏ có được không",
        # a rule asked after telling what was done
        "dong thue o nuoc ngoai roi co phai dong o viet nam",
        "nop muon roi co bi phat khong",
        # a life told in the past, waits that are no dossier's
        "con toi 5 tuoi van chua co giay khai sinh thi lam the nao",
        "mua dat roi ma chua co so do thi lam the nao",
        "đóng bảo hiểm 15 năm rồi bao giờ được lĩnh lương hưu",
        "giay phep con may thang nua het han thi gia han o dau",
        "khi nào tôi có thể nhận con nuôi",
        "bản sao chưa có chứng thực có dùng được không",
        "cắt tóc nam ở đâu đẹp",
        "hồ sơ hưởng chế độ cho trẻ bị chậm phát triển",
    ],
)
def test_a_procedure_question_with_the_same_words_is_no_status(db: Any, question: str) -> None:
    assert not _status(question), (question, intents.analyse(question))


def test_the_desk_question_and_a_filed_dossier_asked_something_else_are_unchanged(db: Any) -> None:
    assert intents.analyse("ho so nao cua toi den han hom nay").intents == ("due_today",)
    assert set(intents.analyse("hồ sơ của con tôi nhập học cần gì").intents) == {"documents"}
    assert set(intents.analyse("chừng nào có kết quả đăng ký khai sinh").intents) == {"time"}
