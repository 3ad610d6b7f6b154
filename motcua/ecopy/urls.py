from django.urls import path

from motcua.ecopy import views

app_name = "ecopy"
urlpatterns = [
    path("", views.register, name="register"),
    path("chung-thuc/", views.certify, name="certify"),
    path("so.xlsx", views.export, name="export"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/ban-sao.pdf", views.download, name="download"),
    path("<int:pk>/bien-lai.pdf", views.receipt, name="receipt"),
]
