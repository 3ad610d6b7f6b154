"""The desk assistant page: an officer asks about a procedure, their dossiers due today or the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from motcua.desk.views import officer_required

from .services import MAX_QUESTION, AssistantError, ask


class DeskQuestionForm(forms.Form):
    question = forms.CharField(
        label=_("Câu hỏi"), max_length=MAX_QUESTION, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    conversation = forms.CharField(required=False, widget=forms.HiddenInput)


@officer_required
@require_http_methods(["GET", "POST"])
def desk_assistant(request: HttpRequest) -> HttpResponse:
    answer = None
    status = 200
    if request.method == "POST":
        form = DeskQuestionForm(request.POST)
        if form.is_valid():
            user: Any = request.user
            try:
                answer = ask(
                    form.cleaned_data["question"],
                    conversation=form.cleaned_data["conversation"],
                    user=user,
                    officer=True,
                )
            except AssistantError as exc:
                form.add_error("question", exc.message)
                status = 422
            else:
                form = DeskQuestionForm(initial={"conversation": answer.conversation})
        else:
            status = 422
    else:
        form = DeskQuestionForm()
    return render(request, "assistant/desk.html", {"form": form, "answer": answer}, status=status)
