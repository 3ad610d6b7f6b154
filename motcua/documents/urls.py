from django.urls import path

from motcua.documents import views

app_name = "documents"
urlpatterns = [
    path("xac-thuc/", views.verify, name="verify"),
    path("kho-du-lieu/", views.warehouse, name="warehouse"),
    path("kho-du-lieu/<int:pk>/tep.pdf", views.warehouse_file, name="warehouse_file"),
    path("kho-du-lieu/<int:pk>/can-bo-mo/", views.officer_file, name="officer_file"),
    path("kho-du-lieu/<int:pk>/<str:action>/", views.warehouse_action, name="warehouse_action"),
]
