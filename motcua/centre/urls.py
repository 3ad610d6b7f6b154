from django.urls import path

from motcua.centre import views

app_name = "centre"
urlpatterns = [
    path("quay/", views.console, name="console"),
    path("thong-ke/", views.floor_stats, name="stats"),
    path("thong-ke/lay-so.xlsx", views.floor_stats_xlsx, name="stats_xlsx"),
    path("quay/ngoi/<int:pk>/", views.console_sit, name="console_sit"),
    path("quay/<str:action>/", views.console_act, name="console_act"),
    path("danh-gia/<str:token>/", views.rate_dossier, name="rate_dossier"),
    path("ve/<str:token>/", views.ticket_page, name="ticket"),
    path("ve/<str:token>/so/", views.issued, name="issued"),
    path("ve/<str:token>/phieu.pdf", views.ticket_receipt, name="receipt"),
    path("chuong.wav", views.chime, name="chime"),
    path("<str:code>/kiosk/", views.kiosk, name="kiosk"),
    path("<str:code>/screen/", views.screen, name="screen"),
    path("<str:code>/screen/state.json", views.screen_state, name="state"),
    path("<str:code>/screen/events/", views.screen_events, name="events"),
    path("<str:code>/calls/<int:pk>.wav", views.call_audio, name="call_audio"),
    path("<str:code>/tra-cuu/", views.lookup_kiosk, name="lookup"),
    path("<str:code>/quay/<int:number>/danh-gia/", views.tablet, name="tablet"),
    path("<str:code>/dat-lich/", views.book, name="book"),
]
