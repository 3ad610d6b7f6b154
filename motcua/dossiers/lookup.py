"""The public lookup (code + ID number), shared by the web page, the API and the kiosks.

Dossier codes are sequential, so the secret is the ID number: guesses are limited per client
address (MOTCUA_LOOKUP_PER_MINUTE) and per dossier code (MOTCUA_LOOKUP_FAILURES_PER_CODE wrong ID
numbers an hour, whoever tries), in the cache all server processes share.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext

from motcua.agencies.models import Agency
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.core import ratelimit
from motcua.core import rows as tables
from motcua.core.clients import client_address
from motcua.dossiers.models import Applicant, Dossier

HOUR = 3600


class LookupLimited(Exception):
    """Too many attempts; the message is translated and says how long to wait."""


def find(request: Any, code: str, id_number: str) -> Dossier | None:
    """The dossier with this code and applicant ID number, or None; raises LookupLimited.

    Every door that looks a dossier up by code + ID number comes here (web page, API, lookup
    kiosk, assistant). `request` None (the command line) skips only the per-client limit.
    """
    code, id_number = code.strip(), id_number.strip()
    if request is not None and not ratelimit.allow(
            f"lookup-ip:{client_address(request)}", settings.MOTCUA_LOOKUP_PER_MINUTE, 60):
        raise LookupLimited(gettext("Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau 1 phút."))
    code_key = f"lookup-code:{code}"
    if ratelimit.exceeded(code_key, settings.MOTCUA_LOOKUP_FAILURES_PER_CODE, HOUR):
        raise LookupLimited(gettext(
            "Hồ sơ này đã bị tra cứu sai số định danh quá nhiều lần. Vui lòng thử lại sau 1 giờ "
            "hoặc liên hệ bộ phận một cửa."))
    found = _find(code, id_number)
    if found is None:
        ratelimit.allow(code_key, settings.MOTCUA_LOOKUP_FAILURES_PER_CODE, HOUR)
    return found


# The dossier with its version, procedure, applicant and both agencies: what
# `Dossier.objects.select_related("version__procedure", "applicant", "receiving_agency",
# "competent_agency").filter(code=…, applicant__id_number=…).first()` gives, in one statement
# written once per process (the ORM's compiling of those joins was most of a lookup's Python).
_JOINED = (  # alias, model, and the alias and key of the row that points at it
    ("d", Dossier, "", ""), ("v", ProcedureVersion, "d", "version"), ("p", Procedure, "v", "procedure"),
    ("a", Applicant, "d", "applicant"), ("r", Agency, "d", "receiving_agency"),
    ("c", Agency, "d", "competent_agency"),
)


@cache
def _find_sql() -> str:
    joins = "".join(
        f" JOIN {tables.table(model).name} {alias} ON {alias}.{tables.table(model).pk_column}"
        f" = {of}.{tables.table(_JOINED_MODELS[of]).column[key]}"
        for alias, model, of, key in _JOINED[1:])
    return (
        f"SELECT {', '.join(tables.table(model).columns(alias) for alias, model, _of, _key in _JOINED)}"
        f" FROM {tables.table(Dossier).name} d{joins}"
        f" WHERE d.{tables.table(Dossier).column['code']} = %s"
        f" AND a.{tables.table(Applicant).column['id_number']} = %s LIMIT 1")


_JOINED_MODELS: dict[str, Any] = {alias: model for alias, model, _of, _key in _JOINED}


def _find(code: str, id_number: str) -> Dossier | None:
    with connection.cursor() as cursor:
        cursor.execute(_find_sql(), [code, id_number])
        row = cursor.fetchone()
    if row is None:
        return None
    built: dict[str, Any] = {}
    start = 0
    for alias, model, of, key in _JOINED:
        table = tables.table(model)
        built[alias] = table.build(row[start:start + len(table.fields)])
        start += len(table.fields)
        if of:  # the related object cached on its row, as select_related leaves it
            _JOINED_MODELS[of]._meta.get_field(key).set_cached_value(built[of], built[alias])
    dossier: Dossier = built["d"]
    return dossier
