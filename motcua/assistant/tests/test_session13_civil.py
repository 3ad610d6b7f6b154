"""Session 13 (docs/assistant.md): everyday vocabulary of civil status, nationality, residence,
identity and justice, read through `motcua/catalog/synonyms.txt` (its "session 13: civil status,
residence, identity, justice" section). Questions written from the catalog's procedures and from
how people talk, in no eval file; each one was answered wrongly or not confidently before it."""

from __future__ import annotations

from motcua.catalog.search import synonyms


def test_session_13_civil_status_readings_are_parsed() -> None:
    rules = synonyms().rules
    assert rules[("ghi", "chu", "ket", "hon")][0][:4] == ("ghi", "vao", "so", "ho")
    assert ("trich", "luc", "ket", "hon") in rules
    # A date of birth written wrong is a civil-status matter only with the birth certificate named.
    assert ("khai", "sinh", "ghi", "sai", "ngay", "sinh") in rules
    assert ("sai", "nam", "sinh") not in rules
    # "02" in a name is searched as "2": the reading says "mức độ 2".
    assert rules[("kich", "hoat", "dinh", "danh", "muc", "2")] == (
        ("cap", "tai", "khoan", "dinh", "danh", "dien", "tu", "muc", "do", "2"),
    )


def test_session_13_civil_status_questions_on_the_real_catalog(real_catalog: None) -> None:
    from motcua.assistant.services import ask

    for question, codes in (
        # A lost marriage certificate is a copy of the extract from the register.
        ("giay ket hon bi mat, lam lai duoc khong", {"2.000635"}),
        # Married abroad: recorded in the Vietnamese register ("ghi chú kết hôn").
        ("ket hon o han quoc roi, ve nuoc ghi chu ket hon the nao", {"2.002189"}),
        # A date, a people, a missing place on the birth certificate: a correction.
        ("giay khai sinh ghi sai ngay sinh cua toi, sua the nao", {"1.004859"}),
        ("muon doi tu dan toc tay sang dan toc nung theo me", {"1.004859"}),
        ("khai sinh thieu ten que quan, bo sung the nao", {"1.004859"}),
        # Parents never married: the birth registered with the father recognised.
        ("chua cuoi ma co con, muon khai sinh cho con co ten bo luon", {"1.000689"}),
        # Registering a birth again (or a copy of it) for an adult with no original.
        ("toi 40 tuoi ma khong con ban chinh khai sinh, muon khai sinh lai", {"2.000635", "1.004884"}),
        # A guardianship that ends; an abandoned child taken in.
        ("chau da du 18 tuoi, ba khong lam giam ho nua", {"1.004845"}),
        ("muon xin mot dua tre bi bo roi ve nuoi", {"2.001263"}),
        ("chau mo coi ca bo me, chu ruot muon nhan nuoi", {"2.001263", "1.004837"}),
        # Nationality given up once and wanted back.
        ("truoc da thoi quoc tich, gio muon xin lai quoc tich viet nam", {"2.002038"}),
    ):
        answer = ask(question)
        assert answer.confident and answer.sources[0].code in codes, (question, answer.sources[:3])


def test_session_13_residence_identity_and_justice_questions_on_the_real_catalog(real_catalog: None) -> None:
    from motcua.assistant.services import ask

    for question, codes in (
        # Residence: being away, a guest for a few days, a household of one's own, data wrong.
        ("con di lam ben trung quoc mot nam, co phai bao vang khong", {"1.003677"}),
        ("nha co khach o que len choi vai ngay co phai bao cong an khong", {"2.001159"}),
        ("don ra o rieng, lam so ho khau rieng", {"1.010038"}),
        ("thong tin cu tru cua toi ghi sai que quan, sua o dau", {"1.010039"}),
        # Identity: a card renewed at 40; the electronic identity of level 2.
        ("cccd het han o tuoi 40 thi doi o dau", {"2.001195", "1.014064"}),
        ("kích hoạt định danh mức 2 cho bố mẹ già ở đâu", {"3.000228"}),
        ("dang ky vneid muc 2", {"3.000228"}),
        # A card for a baby is the under-14 card.
        ("lam can cuoc cho tre so sinh", {"1.014062", "1.012549"}),
        # Wrongly arrested: the State's liability; the commune police denounced.
        ("bi cong an bat nham, doi nha nuoc boi thuong", {"2.002165", "2.002192"}),
        ("cong an xa danh nguoi, toi muon to cao", {"1.004327", "1.003482"}),
        # A registration in a rented house; an identity card with a wrong place of origin.
        ("o nha thue lau nam muon nhap khau vao nha thue", {"1.004222"}),
        ("can cuoc sai que quan, sua o dau", {"1.012564"}),
    ):
        answer = ask(question)
        assert answer.confident and answer.sources[0].code in codes, (question, answer.sources[:3])


def test_session_13_certification_questions_on_the_real_catalog(real_catalog: None) -> None:
    from motcua.assistant.services import ask

    for question, codes in (
        # A CV certified at the commune is a certified signature, not a judicial record.
        ("ký xác nhận lý lịch ở xã để đi làm", {"2.000884"}),
        ("xac nhan so yeu ly lich o xa", {"2.000884"}),
        # A gift contract certified; a certified contract undone; one typed wrong.
        ("bo me cho con nha dat, lam hop dong tang cho o xa", {"2.001035"}),
        ("huy hop dong chuyen nhuong dat da ky o xa", {"2.000913"}),
        ("hop dong chung thuc bi sai ten, sua lai", {"2.000927"}),
    ):
        answer = ask(question)
        assert answer.confident and answer.sources[0].code in codes, (question, answer.sources[:3])
