"""The one NinjaAPI instance behind /api/v1 (OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs)."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger
from ninja.renderers import JSONRenderer

from motcua.api import accounts, catalog, dossiers, geography
from motcua.api.common import JSON_DUMPS_PARAMS
from motcua.api.errors import install_error_handlers
from motcua.centre import api as centre_api
from motcua.documents import api as documents_api
from motcua.dossiers.services import DossierError
from motcua.payments import api as payments_api

DESCRIPTION = """\
motcua's REST API for integrations and apps.

* Public: the procedure catalog, administrative units and agencies, and the lookup of a dossier
  by its code and the applicant's ID number; the virtual assistant (`/api/v1/assistant`).
* Signed in: dossiers, scoped exactly like the web pages. Send `Authorization: Bearer <token>`
  (tokens are created in the admin) or use the session cookie with the `X-CSRFToken` header.
* Errors: `{"code": "...", "message": "...", "fields": {...}}`; switch on `code`, show `message`.
"""


class SwaggerWithCsrf(Swagger):
    """Ninja's Swagger page, plus the CSRF token so that "Try it out" works with the session."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {"swagger_settings": json.dumps(self.settings, indent=1), "api": api, "add_csrf": True}
        return render(request, self.template, context)


class Utf8JSONRenderer(JSONRenderer):
    """Vietnamese stays readable in responses ("Hộ tịch", not "H\\u1ed9 t\\u1ecbch")."""

    json_dumps_params = JSON_DUMPS_PARAMS


# "ninja" is in INSTALLED_APPS, so the Swagger UI is served from ninja's own static files
# (ninja/templates/ninja/swagger.html): the docs page loads nothing from a CDN.
api = NinjaAPI(
    title="motcua API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    renderer=Utf8JSONRenderer(),
    docs=SwaggerWithCsrf(settings={"persistAuthorization": False}),
)
install_error_handlers(api, domain_errors=(DossierError,))

api.add_router("/auth", accounts.router)
api.add_router("/catalog", catalog.router)
api.add_router("/units", geography.units_router)
api.add_router("/agencies", geography.agencies_router)
api.add_router("/dossiers", dossiers.router)
api.add_router("/lookup", dossiers.lookup_router)
# /assistant: mounted by the composition root (motcua/urls.py): the assistant builds on the API.
api.add_router("/centre", centre_api.router)
api.add_router("/documents", documents_api.router)
api.add_router("/payments", payments_api.router)
