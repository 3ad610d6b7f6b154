from django.urls import path

from . import views

app_name = "assistant"
urlpatterns = [
    path("", views.desk_assistant, name="desk"),
]
