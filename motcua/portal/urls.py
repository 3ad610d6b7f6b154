from django.contrib.auth.views import LogoutView
from django.urls import path

from motcua.portal import auth_views, notification_settings, views

app_name = "portal"
urlpatterns = [
    path("portal/", views.home, name="home"),
    path("portal/submit/<str:code>/", views.submit, name="submit"),
    path("portal/dossiers/", views.my_dossiers, name="my_dossiers"),
    path("portal/dossiers/<str:code>/", views.dossier_detail, name="dossier"),
    path("portal/dossiers/<str:code>/receipt/", views.receipt, name="receipt"),
    path("portal/dossiers/<str:code>/supplement/", views.answer_supplement, name="answer_supplement"),
    path("portal/dossiers/<str:code>/complete/", views.complete, name="complete"),
    path("portal/dossiers/<str:code>/withdraw/", views.withdraw, name="withdraw"),
    path("portal/dossiers/<str:code>/result/", views.download_result, name="result"),
    path("portal/dossiers/<str:code>/files/<int:pk>/", views.download_file, name="file"),
    path("portal/dossiers/<str:code>/slips/<str:kind>.pdf", views.slip, name="slip"),
    path("portal/thong-bao/", notification_settings.notification_settings, name="notification_settings"),
    path("tra-cuu/", views.lookup, name="lookup"),
    path("accounts/login/", auth_views.MotcuaLoginView.as_view(), name="login"),
    path("accounts/logout/", LogoutView.as_view(next_page="core:home"), name="logout"),
    path("accounts/register/", auth_views.register, name="register"),
    path("accounts/password-reset/", auth_views.password_reset, name="password_reset"),
    path("accounts/password-reset/sent/", auth_views.password_reset_done, name="password_reset_done"),
    path("accounts/reset/<uidb64>/<token>/", auth_views.password_reset_confirm,
         name="password_reset_confirm"),
    path("accounts/reset/done/", auth_views.password_reset_complete, name="password_reset_complete"),
]
