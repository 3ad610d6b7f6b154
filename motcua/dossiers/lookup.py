"""The public lookup (code + ID number), shared by the web page, the API and the kiosks.

Dossier codes are sequential, so the secret is the ID number: guesses are limited per client
address (MOTCUA_LOOKUP_PER_MINUTE) and per dossier code (MOTCUA_LOOKUP_FAILURES_PER_CODE wrong ID
numbers an hour, whoever tries), in the cache all server processes share.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext

from motcua.core import ratelimit
from motcua.core.clients import client_address
from motcua.dossiers.models import Dossier

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
    found = (Dossier.objects.select_related("version__procedure", "applicant", "receiving_agency",
                                            "competent_agency")
             .filter(code=code, applicant__id_number=id_number).first())
    if found is None:
        ratelimit.allow(code_key, settings.MOTCUA_LOOKUP_FAILURES_PER_CODE, HOUR)
    return found
