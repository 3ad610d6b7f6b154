"""Admin for people: roles and agencies visible, ID numbers and phones masked in lists."""

from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.views.main import IS_FACETS_VAR, SEARCH_VAR, ChangeList  # type: ignore[attr-defined]
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.accounts.models import AccountEvent, User
from motcua.accounts.privacy import mask_id_number, mask_phone
from motcua.core.readonly_admin import ReadOnlyAdminMixin

PRIVATE_FIELDS = {"id_number": mask_id_number, "phone": mask_phone}
SEARCH_SESSION_KEY = "motcua_admin_user_search"


class MaskedUserChangeForm(UserChangeForm):
    """The ID number and phone are never sent to the page: blank keeps them, a value replaces them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, mask in PRIVATE_FIELDS.items():
            field = self.fields.get(name)
            if field is None:
                continue
            current = getattr(self.instance, name, "")
            field.required = False
            field.widget.attrs["autocomplete"] = "off"
            if current:
                field.help_text = gettext("Hiện tại: %(masked)s. Để trống để giữ nguyên; nhập để thay.") % {
                    "masked": mask(current)}
            self.initial[name] = ""

    def _keep_if_blank(self, name: str) -> str:
        value = (self.cleaned_data.get(name) or "").strip()
        return value or getattr(self.instance, name, "")

    def clean_id_number(self) -> str:
        return self._keep_if_blank("id_number")

    def clean_phone(self) -> str:
        return self._keep_if_blank("phone")


class PrivateSearchForm(forms.Form):
    q = forms.CharField(max_length=200, required=False)


class PrivateSearchChangeList(ChangeList):
    """Links (filters, sorting, paging) carry the search token, never the searched term."""

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        token = getattr(request, "_motcua_search_token", None)
        if token:
            self.params.pop(SEARCH_VAR, None)
            self.params["qs"] = token
            self.filter_params.pop(SEARCH_VAR, None)
            self.filter_params["qs"] = [token]
            self.remove_facet_link = self.get_query_string(remove=[IS_FACETS_VAR])
            self.add_facet_link = self.get_query_string({IS_FACETS_VAR: True})


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = (
        "username", "full_name", "role", "agency", "masked_id_number", "masked_phone", "is_active")
    list_filter = ("role", "is_active", "is_staff", "agency__kind")
    # Searching by exact ID number is allowed (an officer may have it on paper); it is never shown in full.
    search_fields = ("username", "full_name", "=id_number", "agency__name", "agency__code")
    list_select_related = ("agency",)
    raw_id_fields = ("agency",)
    form = MaskedUserChangeForm
    # The search box posts (admin/accounts/user/change_list.html): a searched ID number never
    # travels in a URL, so it never reaches an access log; the list is then shown for `?qs=<token>`.
    change_list_template = "admin/accounts/user/change_list.html"
    fieldsets = (
        *DjangoUserAdmin.fieldsets,  # type: ignore[misc]
        (_("Vai trò và cơ quan"), {"fields": ("role", "agency", "full_name", "id_number", "phone",
                                              "id_verified_at", "id_verified_by")}),
    )
    readonly_fields = ("id_verified_at", "id_verified_by")
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Vai trò và cơ quan"), {"fields": ("role", "agency", "full_name")}),
    )

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return PrivateSearchChangeList

    def get_preserved_filters(self, request: HttpRequest) -> str:
        # "Add" and row links keep the list's filters: the token, never the term.
        token = getattr(request, "_motcua_search_token", None)
        if token is None:
            return super().get_preserved_filters(request)
        params = request.GET.copy()
        params.pop(SEARCH_VAR, None)
        params["qs"] = token
        return urlencode({"_changelist_filters": params.urlencode()})

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if request.method == "POST" and "private_search" in request.POST:
            form = PrivateSearchForm(request.POST)
            term = form.cleaned_data["q"].strip() if form.is_valid() else ""
            if not term:
                return HttpResponseRedirect(request.path)
            token = secrets.token_urlsafe(8)
            searches = dict(request.session.get(SEARCH_SESSION_KEY, {}))
            searches = dict(list(searches.items())[-9:])  # the last few searches of this session
            searches[token] = term
            request.session[SEARCH_SESSION_KEY] = searches
            return HttpResponseRedirect(f"{request.path}?{urlencode({'qs': token})}")
        asked = request.GET.get("qs")
        if asked is not None:
            token = asked
            term = request.session.get(SEARCH_SESSION_KEY, {}).get(token, "")
            # The changelist reads its search term from GET["q"]: hand it over inside the request only.
            query = request.GET.copy()
            query.pop("qs")
            query["q"] = term
            request.GET = query  # type: ignore[assignment]
            request._motcua_search_token = token  # type: ignore[attr-defined]
            extra_context = {**(extra_context or {}), "private_search_token": token,
                             "private_search_masked": mask_id_number(term) if term.isdigit() else term}
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("số định danh cá nhân"))
    def masked_id_number(self, user: User) -> str:
        return mask_id_number(user.id_number)

    @admin.display(description=_("số điện thoại"))
    def masked_phone(self, user: User) -> str:
        return mask_phone(user.phone)


@admin.register(AccountEvent)
class AccountEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The account audit log: read only, for everyone (append-only, see accounts.audit)."""

    list_display = ("at", "action", "actor", "subject", "data")
    list_filter = ("action",)
    search_fields = ("=actor", "=subject")
    date_hierarchy = "at"
    readonly_fields = ("at", "action", "actor_user_id", "actor", "subject_user_id", "subject", "data")
