from django.urls import path

from motcua.payments import sandbox

app_name = "payments_sandbox"

urlpatterns = [
    path("thanh-toan/", sandbox.checkout, name="checkout"),
    path("giao-dich/<str:transaction_id>/", sandbox.transaction_page, name="transaction"),
    path("giao-dich/<str:transaction_id>/thong-bao/", sandbox.resend, name="resend"),
    path("api/truy-van/", sandbox.api_query, name="query"),
    path("api/doi-soat/", sandbox.api_transactions, name="transactions"),
]
