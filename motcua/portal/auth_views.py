"""Log in, log out, register (local accounts; other methods plug in via login_methods)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

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
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Đã tạo tài khoản. Bạn có thể nộp hồ sơ trực tuyến."))
        next_url = request.POST.get("next", "")
        if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            return redirect(next_url)
        return redirect("portal:home")
    return render(request, "registration/register.html", {"form": form, "next": request.GET.get("next", "")})
