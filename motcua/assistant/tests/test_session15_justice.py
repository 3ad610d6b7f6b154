"""Session 15 (docs/assistant.md): "trợ giúp pháp lý" (legal aid) is the name of a field, so its
"giúp" is no request for help ("giúp em", an overview cue) and stays a topic word. Questions here
are in no eval file."""

from __future__ import annotations

from motcua.assistant import intents


def test_tro_giup_phap_ly_keeps_giup_on_the_real_catalog(real_catalog: None) -> None:
    assert intents.analyse("đổi người trợ giúp pháp lý").topic == "doi nguoi tro giup phap ly"
    assert "tro giup phap ly" in intents.analyse("muốn đổi luật sư trợ giúp pháp lý khác").topic
    assert "tro giup phap ly" in intents.analyse("tro giup phap ly het bao lau").topic
    # the aid-giver's title ("trợ giúp viên pháp lý") too
    assert intents.analyse("đổi trợ giúp viên pháp lý khác").topic == "doi tro giup vien phap ly khac"
    # a request for help elsewhere is still no topic word
    assert "giup" not in intents.analyse("giúp em thủ tục đăng ký khai sinh").topic.split()
