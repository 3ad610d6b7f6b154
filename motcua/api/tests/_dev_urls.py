# TEMPORARY while motcua/urls.py points at apps still being written; removed before the end.
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("api/v1/", include("motcua.api.urls")),
    path("admin/", admin.site.urls),
]
