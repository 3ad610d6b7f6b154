"""Every figure on small hand-built scenarios; expected values worked out by hand.

The birth registration (1.001193) takes 1 working day: received Monday 2 March 2026 at 08:00,
it is due Tuesday 3 March at 08:00. Working hours 07:00–11:30 and 13:30–17:00.
The land procedure (1.012786) takes 10 working days: received 2 March 08:00, due 16 March 08:00.
"""

from __future__ import annotations

import pytest

from motcua.dossiers import services
from motcua.dossiers.sample import World, at
from motcua.stats import index766
from motcua.stats.scope import province_scope

from .helpers import approve, assert_consistent, day, figures, received


def test_finish_time_is_the_result_ready_time_not_the_return(world: World) -> None:
    dossier = received(world, "2026-03-02 08:00")
    approve(world, dossier, "2026-03-03 07:30")
    services.return_result(world.receptionist, dossier, at=at("2026-03-09 08:00"))  # after the due time
    march = assert_consistent("2026-03-01", "2026-03-31")
    assert (march.finished_early, march.finished_on_time, march.finished_late) == (0, 1, 0)
    assert march.returned == 1
    assert march.progress_rate == 1.0
    # Finished on 3 March, returned on 9 March: a period that stops on the 3rd has the finish only.
    early_march = figures("2026-03-01", "2026-03-03")
    assert (early_march.finished, early_march.returned, early_march.open_total) == (1, 0, 0)


def test_a_stopped_dossier_is_finished_at_the_stop_time(world: World) -> None:
    dossier = received(world, "2026-03-02 08:00")
    services.stop_processing(world.leader, dossier, "Người nộp đã chết.", at=at("2026-03-04 08:00"))
    march = assert_consistent("2026-03-01", "2026-03-31")
    assert (march.finished, march.finished_late, march.stopped) == (1, 1, 1)
    assert march.progress_rate == 0.0


def test_supplement_waiting_time_is_excluded(world: World) -> None:
    dossier = received(world, "2026-03-02 08:00")
    # 09:00: 7 working hours were left (6 h on the 2nd, 1 h on the 3rd); the clock stops.
    services.request_supplement(
        world.specialist, dossier, ["Giấy chứng sinh"], "Thiếu giấy chứng sinh", at=at("2026-03-02 09:00")
    )
    services.receive_supplement(world.receptionist, dossier, at=at("2026-03-04 08:00"))
    assert dossier.due_at == at("2026-03-04 17:00")  # 08:00 + 7 working hours
    approve(world, dossier, "2026-03-04 16:00")
    march = assert_consistent("2026-03-01", "2026-03-31")
    assert (march.finished_on_time, march.finished_late) == (1, 0)
    # 22 working hours from reception to the result, minus 15 h paused = 7 h = 0.875 day.
    assert march.average_working_days == pytest.approx(0.875)
    assert march.supplement_rate == 1.0


def test_more_than_one_supplement_request_makes_the_dossier_late(world: World) -> None:
    dossier = received(world, "2026-03-02 08:00")
    services.request_supplement(
        world.specialist, dossier, ["Tờ khai"], "Thiếu tờ khai", at=at("2026-03-02 08:30")
    )
    services.receive_supplement(world.receptionist, dossier, at=at("2026-03-02 09:00"))
    services.request_supplement(
        world.leader,
        dossier,
        ["Giấy chứng sinh"],
        "Thiếu giấy chứng sinh",
        at=at("2026-03-02 09:30"),
        override_reason="Tờ khai bổ sung bị sai.",
    )
    services.receive_supplement(world.receptionist, dossier, at=at("2026-03-02 10:00"))
    approve(world, dossier, "2026-03-02 11:00")  # long before the due time
    march = assert_consistent("2026-03-01", "2026-03-31")
    assert (march.finished_early, march.finished_late) == (0, 1)
    assert march.progress_rate == 0.0


def test_a_supplement_never_returned_counts_from_the_request_time(world: World) -> None:
    dossier = received(world, "2026-03-02 08:00")
    services.request_supplement(
        world.specialist, dossier, ["Tờ khai"], "Thiếu tờ khai", at=at("2026-03-02 09:00")
    )
    march = assert_consistent("2026-03-01", "2026-03-31")
    # The request (2 March) came before the due day (3 March): early, and not open any more.
    assert (march.finished_early, march.open_total) == (1, 0)
    # When the supplement finally arrives the dossier is open again: the figures follow.
    services.receive_supplement(world.receptionist, dossier, at=at("2026-03-02 10:00"))
    again = assert_consistent("2026-03-01", "2026-03-31")
    assert (again.finished, again.open_total, again.open_overdue) == (0, 1, 1)


def test_open_dossiers_are_measured_at_the_end_of_the_period(world: World) -> None:
    received(world, "2026-03-02 08:00", land=True)  # due 16 March 08:00
    before_due = assert_consistent("2026-03-01", "2026-03-13")
    assert (before_due.open_within, before_due.open_overdue, before_due.progress_rate) == (1, 0, 1.0)
    after_due = assert_consistent("2026-03-01", "2026-03-16")
    assert (after_due.open_within, after_due.open_overdue, after_due.progress_rate) == (0, 1, 0.0)


def test_dossiers_carried_over_from_before_the_period(world: World) -> None:
    finished_in_february = received(world, "2026-02-23 08:00")
    approve(world, finished_in_february, "2026-02-23 10:00")
    carried = received(world, "2026-02-27 10:00")  # Friday: due Monday 2 March 10:00
    february = assert_consistent("2026-02-01", "2026-02-28")
    assert (february.received, february.finished, february.open_within) == (2, 1, 1)
    approve(world, carried, "2026-03-02 09:00")
    march = assert_consistent("2026-03-01", "2026-03-31")
    assert (march.carried_over, march.received, march.handled) == (1, 0, 1)
    assert (march.finished_on_time, march.open_total) == (1, 0)
    assert march.progress_rate == 1.0


def test_the_apology_new_appointment_does_not_make_a_late_dossier_on_time(world: World) -> None:
    dossier = received(world, "2026-03-02 08:00")
    services.apologize(
        world.leader, dossier, "Cần xác minh thêm.", at("2026-03-05 17:00"), at=at("2026-03-02 16:00")
    )
    approve(world, dossier, "2026-03-04 10:00")  # before the new appointment, after the due time
    march = assert_consistent("2026-03-01", "2026-03-31")
    assert (march.finished_on_time, march.finished_late) == (0, 1)


def test_withdrawn_and_refused_dossiers_are_counted_apart(world: World) -> None:
    online = services.submit_online(
        world.citizen, world.birth, world.applicant(), world.ward_center, at=at("2026-03-02 07:30"),
        documents=services.catalog_documents(world.birth)
    )
    services.refuse_dossier(world.receptionist, online, "Sai thủ tục", at=at("2026-03-02 08:00"))
    withdrawn = received(world, "2026-03-02 08:00")
    services.withdraw(world.receptionist, withdrawn, at=at("2026-03-02 10:00"), reason="Đơn xin rút hồ sơ")
    march = assert_consistent("2026-03-01", "2026-03-31")
    assert (march.refused, march.received, march.withdrawn_total, march.handled) == (1, 1, 1, 1)
    # Neither finished nor open: the progress indicator has no data (never a made-up number).
    assert march.progress_rate is None
    index = index766.compute(province_scope(), march, day("2026-03-31"))
    assert index.indicator("2.1").score is None


def test_progress_indicator_on_a_mixed_period(world: World) -> None:
    on_time = received(world, "2026-03-02 08:00")
    approve(world, on_time, "2026-03-02 15:00")  # early
    stopped = received(world, "2026-03-02 08:00")
    services.stop_processing(world.leader, stopped, "Không đủ điều kiện.", at=at("2026-03-05 08:00"))  # late
    received(world, "2026-03-02 08:00", land=True)  # open, due 16 March
    withdrawn = received(world, "2026-03-02 09:00")
    services.withdraw(world.receptionist, withdrawn, at=at("2026-03-02 10:00"), reason="Đơn xin rút hồ sơ")
    period = assert_consistent("2026-03-01", "2026-03-10")
    # (1 early + 1 open within) ÷ (2 finished + 1 open); the withdrawn one is in neither.
    assert period.progress_rate == pytest.approx(2 / 3)
    assert period.on_time_rate == 0.5
    index = index766.compute(province_scope(), period, day("2026-03-10"))
    assert index.indicator("2.1").score == pytest.approx(20 * 2 / 3)


def test_online_share_and_indicator_3_3(world: World) -> None:
    online = services.submit_online(
        world.citizen,
        world.birth,
        world.applicant(world.citizen),
        world.ward_center,
        at=at("2026-03-01 20:00"), documents=services.catalog_documents(world.birth),
    )
    services.receive_dossier(world.receptionist, online, at=at("2026-03-02 07:30"))
    received(world, "2026-03-02 08:00")
    received(world, "2026-03-02 08:30")
    march = assert_consistent("2026-03-01", "2026-03-31")
    assert (march.received_online, march.received_counter) == (1, 2)
    assert march.online_rate == pytest.approx(1 / 3)
    index = index766.compute(province_scope(), march, day("2026-03-31"))
    # Below the 50% threshold: 1/3 × 6 points ÷ 0.5 = 4 points.
    assert index.indicator("3.3").score == pytest.approx(4.0)
    # 3.1 from the catalog: 2 of the 3 procedures are offered online (certification is not).
    assert index.indicator("3.1").rate == pytest.approx(2 / 3)
