"""Just the admin, so that the admin tests do not depend on the other apps' URLs."""

from django.contrib import admin
from django.urls import path

urlpatterns = [path("admin/", admin.site.urls)]
