"""Mounted at api/v1/ in motcua/urls.py, outside i18n_patterns (Accept-Language picks the language)."""

from motcua.api.main import api

app_name = "api"
urlpatterns = api.urls[0]
