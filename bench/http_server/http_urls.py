"""motcua's URLs plus the reference views of bench/http_load.py: the same answers with plain SQL.

Each reference view runs in the same server (same workers, middleware, pool and cache) and
answers the same request with the fewest statements: what is left is the cost of motcua's
own code on top of Django.
"""

from __future__ import annotations

import json

from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from motcua.accounts.privacy import mask_id_number
from motcua.catalog.models import Procedure
from motcua.core.text import fold
from motcua.dossiers.models import Applicant, Dossier
from motcua.urls import urlpatterns as motcua_urlpatterns

LOOKUP_SQL = f"""
SELECT d.code, p.name, d.status, a.id_number, d.received_at, d.due_at, d.new_appointment_at, d.returned_at
FROM {Dossier._meta.db_table} d
JOIN {Applicant._meta.db_table} a ON a.id = d.applicant_id
JOIN catalog_procedureversion v ON v.id = d.version_id
JOIN {Procedure._meta.db_table} p ON p.id = v.procedure_id
WHERE d.code = %s AND a.id_number = %s
LIMIT 1
"""
SEARCH_SQL = (f"SELECT code, name FROM {Procedure._meta.db_table} WHERE name_folded LIKE %s"
              " ORDER BY code LIMIT 10")


@csrf_exempt
def reference_lookup(request: HttpRequest) -> JsonResponse:
    payload = json.loads(request.body)
    with connection.cursor() as cursor:
        cursor.execute(LOOKUP_SQL, [payload["code"], payload["id_number"]])
        row = cursor.fetchone()
    if row is None:
        return JsonResponse({"code": "not_found"}, status=404)
    keys = ("code", "procedure_name", "status", "applicant_id_masked", "received_at", "due_at",
            "new_appointment_at", "returned_at")
    answer = dict(zip(keys, row, strict=True))
    answer["applicant_id_masked"] = mask_id_number(row[3])
    return JsonResponse(answer)


def reference_search(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_SQL, [f"%{fold(request.GET.get('q', ''))}%"])
        items = [{"code": code, "name": name} for code, name in cursor.fetchall()]
    return JsonResponse({"items": items})


# The reference of the online submission: one row (created by bench/http_load.py) and the same files.
SUBMISSION_SQL = ("INSERT INTO bench_submission"
                  " (procedure_code, receiving_agency, applicant_id_number, files)"
                  " VALUES (%s, %s, %s, %s) RETURNING id")


@csrf_exempt
def reference_submission(request: HttpRequest) -> JsonResponse:
    uploads = request.FILES.getlist("files")
    names = [default_storage.save(f"bench/{upload.name}", upload) for upload in uploads]
    with connection.cursor() as cursor:
        cursor.execute(SUBMISSION_SQL, [request.POST["procedure_code"], request.POST["receiving_agency"],
                                        request.POST.get("applicant_id_number", ""), json.dumps(names)])
        (number,) = cursor.fetchone()
    return JsonResponse({"id": number, "files": names}, status=201)


urlpatterns = [
    path("bench/submission", reference_submission),
    path("bench/lookup", reference_lookup),
    path("bench/search", reference_search),
    *motcua_urlpatterns,
]
