from django.urls import path

from motcua.payments import views

app_name = "payments"

urlpatterns = [
    path("<str:code>/", views.start, name="start"),
    path("<str:code>/ket-qua/", views.returned, name="returned"),
    path("<str:code>/bien-lai/<int:seq>/", views.receipt, name="receipt"),
]
