from django.urls import path

from motcua.catalog import views

app_name = "catalog"
urlpatterns = [
    path("", views.procedure_list, name="index"),
    path("<str:code>/", views.procedure_detail, name="detail"),
]
