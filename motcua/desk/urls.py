from django.urls import path

from motcua.desk import views

app_name = "desk"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("counter/", views.counter, name="counter"),
    path("in-phieu/", views.print_slips, name="print_slips"),
    path("xac-thuc-dinh-danh/", views.verify_identity, name="verify_identity"),
    path("counter/<str:code>/", views.counter_receive, name="counter_receive"),
    path("dossiers/<str:code>/", views.dossier_page, name="dossier"),
    path("dossiers/<str:code>/act/<str:name>/", views.act, name="act"),
    path("dossiers/<str:code>/attach/", views.attach, name="attach"),
    path("dossiers/<str:code>/so-hoa/", views.digitised_status, name="digitised_status"),
    path("dossiers/<str:code>/so-hoa/<int:pk>/", views.digitised_confirm, name="digitised_confirm"),
    path("dossiers/<str:code>/files/<int:pk>/", views.download_file, name="file"),
    path("dossiers/<str:code>/result/", views.download_result, name="result"),
    path("dossiers/<str:code>/slips/<str:kind>.pdf", views.slip, name="slip"),
]
