from __future__ import annotations

from django.test import Client

from motcua.e2e.world import CITIZEN_ID, World, submit_birth


def test_the_qr_link_fills_in_the_code(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    page = client.get(f"/tra-cuu/?code={dossier.code}").content.decode()
    assert f'value="{dossier.code}"' in page


def test_code_and_id_number_show_the_status(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    response = client.post("/tra-cuu/", {"code": dossier.code, "id_number": CITIZEN_ID})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mới đăng ký" in page and "Thủ tục đăng ký khai sinh" in page
    assert CITIZEN_ID not in page  # the ID number is not echoed back


def test_a_wrong_id_number_reveals_nothing(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    response = client.post("/tra-cuu/", {"code": dossier.code, "id_number": "020199999999"})
    page = response.content.decode()
    assert response.status_code == 404
    assert "Thủ tục đăng ký khai sinh" not in page
    assert "Không tìm thấy hồ sơ" in page
