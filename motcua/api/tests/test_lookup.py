"""Public lookup by dossier code and the applicant's ID number."""

from __future__ import annotations

from typing import Any

from django.test import Client

from motcua.api.tests.conftest import Dossiers


def lookup(code: str, id_number: str) -> Any:
    body = {"code": code, "id_number": id_number}
    return Client().post("/api/v1/lookup", body, content_type="application/json")


def test_lookup_with_the_right_id_shows_the_status_with_the_id_masked(dossiers: Dossiers) -> None:
    response = lookup(dossiers.mine.code, "001203004567")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == 1
    assert body["applicant_id_masked"] == "********4567"
    assert "001203004567" not in response.content.decode()


def test_lookup_with_another_id_is_not_found_like_an_unknown_code(dossiers: Dossiers) -> None:
    wrong_id = lookup(dossiers.mine.code, "002204005678")
    unknown = lookup("000.61.01.H37-250101-9999", "001203004567")
    assert wrong_id.status_code == unknown.status_code == 404
    assert wrong_id.json() == unknown.json()


def test_lookup_is_throttled(dossiers: Dossiers, settings: Any) -> None:
    settings.MOTCUA_API_THROTTLE_RATES = {"lookup": "3/min"}
    statuses = [lookup(dossiers.mine.code, "0000").status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]


def test_login_is_throttled(db: None, settings: Any) -> None:
    settings.MOTCUA_API_THROTTLE_RATES = {"login": "2/min"}
    statuses = [Client().post("/api/v1/auth/login", {"username": "x", "password": "y"},
                              content_type="application/json").status_code for _ in range(3)]
    assert statuses == [401, 401, 429]


def test_the_lookups_dossier_is_the_one_the_orm_reads_with_its_related_rows(
        dossiers: Dossiers, django_assert_num_queries: Any) -> None:
    # dossiers.lookup writes its one statement in SQL; every door reads the same objects as the
    # ORM's select_related would give them, without a query more.
    from django.forms.models import model_to_dict

    from motcua.dossiers import lookup as public_lookup
    from motcua.dossiers.models import Dossier

    for dossier in (dossiers.mine, dossiers.counter):
        expected = Dossier.objects.select_related(
            "version__procedure", "applicant", "receiving_agency", "competent_agency").get(pk=dossier.pk)
        with django_assert_num_queries(1):  # the dossier (the tests' cache is in memory)
            found = public_lookup.find(None, dossier.code, dossier.applicant.id_number)
            assert found is not None
            related = [found.version, found.version.procedure, found.applicant, found.receiving_agency,
                       found.competent_agency]
        wanted = [expected.version, expected.version.procedure, expected.applicant,
                  expected.receiving_agency, expected.competent_agency]
        assert [model_to_dict(o) for o in [found, *related]] == [
            model_to_dict(o) for o in [expected, *wanted]]
        assert [o.pk for o in related] == [o.pk for o in wanted]
        assert {k: v for k, v in vars(found).items() if not k.startswith("_")} == {
            k: v for k, v in vars(expected).items() if not k.startswith("_")}
    assert public_lookup.find(None, dossiers.mine.code, "002204005678") is None
