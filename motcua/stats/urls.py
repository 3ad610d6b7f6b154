from django.urls import path

from motcua.stats import views
from motcua.stats.reduction import reduction_view

app_name = "stats"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("report/", views.report_view, name="report"),
    path("dossiers/", views.dossier_list, name="dossiers"),
    path("export/<str:table>.xlsx", views.export, name="export"),
    path("cat-giam-thoi-han/", reduction_view, name="reduction"),
]
