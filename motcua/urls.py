from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("motcua.api.urls")),
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("catalog/", include("motcua.catalog.urls")),
    path("", include("motcua.core.urls")),
    path("", include("motcua.portal.urls")),
    path("", include("motcua.documents.urls")),
    path("ecopy/", include("motcua.ecopy.urls")),
    path("desk/tro-ly/", include("motcua.assistant.urls")),
    path("desk/", include("motcua.desk.urls")),
    path("stats/", include("motcua.stats.urls")),
    path("centre/", include("motcua.centre.urls")),
    prefix_default_language=False,
)
