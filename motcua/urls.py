from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from motcua.api.main import api
from motcua.assistant import api as assistant_api
from motcua.core.views import switch_language
from motcua.portal import oidc

# The composition root mounts the assistant's endpoints on the API (the assistant builds on the
# API, so the API cannot import it: .importlinter), before the API's URLs are built below.
if all(router is not assistant_api.router for _prefix, router in api._routers):
    api.add_router("/assistant", assistant_api.router)

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/setlang/", switch_language, name="set_language"),
    path("api/v1/", include("motcua.api.urls")),
    # Outside the language prefix: the provider knows one fixed redirect URI (docs/signin.md).
    path("oidc/authenticate/", oidc.start, name="oidc_authentication_init"),
    path("oidc/callback/", oidc.callback, name="oidc_authentication_callback"),
    # The local sandbox of the national payment platform (404 unless MOTCUA_PAYMENT_SANDBOX).
    path("sandbox-thanh-toan/", include("motcua.payments.sandbox_urls")),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("catalog/", include("motcua.catalog.urls")),
    path("", include("motcua.core.urls")),
    path("", include("motcua.portal.urls")),
    path("", include("motcua.documents.urls")),
    path("ecopy/", include("motcua.ecopy.urls")),
    path("thanh-toan/", include("motcua.payments.urls")),
    path("desk/tro-ly/", include("motcua.assistant.urls")),
    path("desk/", include("motcua.desk.urls")),
    path("stats/", include("motcua.stats.urls")),
    path("centre/", include("motcua.centre.urls")),
    prefix_default_language=False,
)

handler403 = "motcua.core.errors.forbidden"
handler404 = "motcua.core.errors.not_found"
handler500 = "motcua.core.errors.server_error"
