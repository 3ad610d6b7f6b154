"""Session 15: a name that lists the first issue beside its renewals ("Cấp, cấp lại, điều chỉnh,
gia hạn Giấy chứng nhận …", "Mở, chấm dứt, thay đổi địa điểm chi nhánh …") is the procedure for
a first application too; a question asking one listed action is served whatever else it lists."""
from __future__ import annotations

from motcua.assistant.retrieval import _unasked_qualifiers

CASINO = "Thủ tục cấp, cấp lại, điều chỉnh, gia hạn Giấy chứng nhận đủ điều kiện kinh doanh casino"
AGENT = ("Thủ tục cấp lại, điều chỉnh, gia hạn Giấy chứng nhận đăng ký đại lý đổi tiền của nước có "
         "chung biên giới")
BRANCH = ("Mở, chấm dứt, thay đổi địa điểm chi nhánh, văn phòng đại diện tại Việt Nam của doanh "
          "nghiệp bảo hiểm")


def test_a_name_listing_the_first_issue_serves_a_first_application() -> None:
    assert _unasked_qualifiers("xin giay chung nhan kinh doanh casino", CASINO) == 0
    assert _unasked_qualifiers("doanh nghiep bao hiem mo chi nhanh", BRANCH) == 0


def test_a_name_without_the_first_issue_still_is_a_renewal() -> None:
    assert _unasked_qualifiers("dang ky dai ly doi tien", AGENT) == 2


def test_any_listed_action_asked_serves_the_others() -> None:
    assert _unasked_qualifiers("dieu chinh giay chung nhan dai ly doi tien", AGENT) == 0
    assert _unasked_qualifiers("gia han giay chung nhan dai ly doi tien", AGENT) == 0


def test_an_approval_asked_does_not_ask_for_the_change_listed_beside_it() -> None:
    reservoir = ("Thẩm định, phê duyệt, điều chỉnh và công bố công khai quy trình vận hành hồ chứa "
                 "nước thuộc thẩm quyền của UBND cấp tỉnh")
    assert _unasked_qualifiers("phe duyet quy trinh van hanh ho chua", reservoir) == 1
