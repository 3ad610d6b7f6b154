"""Log in, log out, register (local accounts; other methods plug in via login_methods)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import (
    LoginView,
    PasswordResetCompleteView,
    PasswordResetConfirmView,
    PasswordResetDoneView,
    PasswordResetView,
)
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from motcua.core import ratelimit
from motcua.core.clients import client_address
from motcua.portal.forms import RegisterForm
from motcua.portal.login_methods import extra_login_methods


def home_url_for(user: Any) -> str:
    """Where a person lands after logging in: officers at their workspace, citizens at the portal."""
    if getattr(user, "is_officer", False):
        return reverse("desk:inbox")
    return reverse("portal:home")


class MotcuaLoginView(LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return home_url_for(self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["login_methods"] = extra_login_methods()
        return context


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(home_url_for(request.user))
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = form.save()
        except IntegrityError:
            # Checked in the form, but a registration racing this one may have taken the number
            # in between: the unique constraint (accounts_user_id_number_unique) decides.
            form.id_number_taken()
            return render(request, "registration/register.html", {"form": form, "next": ""})
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Đã tạo tài khoản. Bạn có thể nộp hồ sơ trực tuyến."))
        next_url = request.POST.get("next", "")
        if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            return redirect(next_url)
        return redirect("portal:home")
    return render(request, "registration/register.html", {"form": form, "next": request.GET.get("next", "")})


class RateLimitedPasswordResetView(PasswordResetView):
    """Django's reset by email (a one-time link to the account's address), in Vietnamese.

    The answer is the same whether or not the address has an account (nothing to learn from
    it); a client may ask MOTCUA_PASSWORD_RESET_PER_HOUR times an hour, so the form cannot be
    used to flood someone's mailbox.
    """

    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("portal:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        if not ratelimit.allow(f"password-reset:{client_address(self.request)}",
                               settings.MOTCUA_PASSWORD_RESET_PER_HOUR, 3600):
            form.add_error(None, _("Bạn đã yêu cầu quá nhiều lần. Vui lòng thử lại sau một giờ."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


password_reset = RateLimitedPasswordResetView.as_view()
password_reset_done = PasswordResetDoneView.as_view(template_name="registration/password_reset_done.html")
password_reset_confirm = PasswordResetConfirmView.as_view(
    template_name="registration/password_reset_confirm.html",
    success_url=reverse_lazy("portal:password_reset_complete"),
)
password_reset_complete = PasswordResetCompleteView.as_view(
    template_name="registration/password_reset_complete.html")
