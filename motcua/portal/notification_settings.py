"""The citizen's notification settings: the channels (email, SMS, Zalo OA) that tell them about
their dossiers."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from motcua.accounts.models import Role
from motcua.accounts.privacy import mask_phone
from motcua.notify import preferences


class ChannelsForm(forms.Form):
    email = forms.BooleanField(label=gettext_lazy("Thư điện tử"), required=False)
    sms = forms.BooleanField(label=gettext_lazy("Tin nhắn SMS"), required=False)
    zalo = forms.BooleanField(label=gettext_lazy("Zalo OA (theo số điện thoại)"), required=False)


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request: HttpRequest) -> HttpResponse:
    user = request.user
    if getattr(user, "role", None) != Role.CITIZEN:
        raise PermissionDenied
    current = preferences.current(user)  # type: ignore[arg-type]
    status = 200
    if request.method == "POST":
        form = ChannelsForm(request.POST)
        if form.is_valid():
            try:
                preferences.choose(user, **form.cleaned_data)  # type: ignore[arg-type]
            except preferences.PreferenceError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, _("Đã lưu lựa chọn kênh nhận thông báo."))
                return redirect("portal:notification_settings")
        status = 400
    else:
        form = ChannelsForm(initial={"email": current.email, "sms": current.sms, "zalo": current.zalo})
    where = preferences.addresses(user)  # type: ignore[arg-type]
    return render(
        request,
        "portal/notification_settings.html",
        {
            "form": form,
            "email_address": where["email"],
            "phone": mask_phone(where["sms"]) if where["sms"] else "",
        },
        status=status,
    )
