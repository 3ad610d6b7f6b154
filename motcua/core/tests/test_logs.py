"""Logs carry codes and class names, never an exception's text (it may quote an ID number, a phone,
an address, or what another service answered): the console handler's filter, for the records
of Django and the libraries."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable

import pytest
from django.test import Client, override_settings

from motcua.core.logs import NoExceptionText, safe_traceback

ID_NUMBER, PHONE = "020190001234", "0912345678"
# What PostgreSQL says of a refused row, and a message of ours with data in it.
REFUSED = "duplicate key value violates unique constraint: Key (id_number)=(" + ID_NUMBER + ")"
NOT_SAVED = "could not save applicant " + PHONE


def _refused_row() -> None:
    raise ValueError(REFUSED)


def _failing_view() -> None:
    try:
        _refused_row()
    except ValueError as error:
        raise RuntimeError(NOT_SAVED) from error


def _raised() -> BaseException:
    with pytest.raises(RuntimeError) as caught:
        _failing_view()
    return caught.value


def _console() -> logging.Handler:
    """The handler settings.LOGGING puts on the root logger."""
    handlers = logging.getLogger().handlers
    found = [h for h in handlers if any(isinstance(f, NoExceptionText) for f in h.filters)]
    assert len(found) == 1, logging.getLogger().handlers
    return found[0]


def test_a_traceback_keeps_frames_and_class_names_without_messages() -> None:
    text = safe_traceback(_raised())
    assert "_refused_row" in text and "_failing_view" in text  # where it happened
    assert "ValueError (message not logged)" in text and "RuntimeError (message not logged)" in text
    assert ID_NUMBER not in text and PHONE not in text


def test_djangos_internal_server_error_reaches_the_console_without_the_exception_text() -> None:
    handler = _console()
    stream = io.StringIO()
    previous = handler.setStream(stream)  # type: ignore[attr-defined]
    error = _raised()
    try:
        # What django.utils.log.log_response does for an unhandled exception in a view.
        logging.getLogger("django.request").error("Internal Server Error: %s", "/portal/submit/1.001193/",
                                                  exc_info=(type(error), error, error.__traceback__))
        logging.getLogger("motcua.tests").warning("payment callback failed: %s", error)
    finally:
        handler.setStream(previous)  # type: ignore[attr-defined]
    written = stream.getvalue()
    assert "Internal Server Error: /portal/submit/1.001193/" in written
    assert "RuntimeError (message not logged)" in written and "ValueError (message not logged)" in written
    assert "payment callback failed: RuntimeError" in written
    assert ID_NUMBER not in written and PHONE not in written


def _written(emit: Callable[[], object]) -> str:
    """What the console handler writes while `emit` runs."""
    handler = _console()
    stream = io.StringIO()
    previous = handler.setStream(stream)  # type: ignore[attr-defined]
    try:
        emit()
    finally:
        handler.setStream(previous)  # type: ignore[attr-defined]
    return stream.getvalue()


@override_settings(ALLOWED_HOSTS=["testserver"])
def test_a_refused_host_header_is_logged_without_what_the_client_sent() -> None:
    """Django's `django.security.*` records carry the exception's text as their message."""
    host = f"nguyen-van-a-{ID_NUMBER}.example"
    responses: list[int] = []
    written = _written(lambda: responses.append(Client().get("/", HTTP_HOST=host).status_code))
    assert responses == [400]
    assert "DisallowedHost (message not logged)" in written
    assert ID_NUMBER not in written


def test_an_exception_logged_as_the_message_shows_its_class_only() -> None:
    """`logger.error(error)`, as django_q's status reporting does."""
    written = _written(lambda: logging.getLogger("django-q").error(RuntimeError(NOT_SAVED)))
    assert "RuntimeError (message not logged)" in written
    assert PHONE not in written
