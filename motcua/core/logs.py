"""What may reach a log: codes, status codes, exception class names, our own ids.

Never an ID number, a phone, an address, a name — nor the text of an exception or of an external
service's answer: a database error quotes the row it refused ("Key (id_number)=(…)"), a portal
or a gateway may echo the personal data it was sent. Call sites log `exception_name(error)` and
the codes they know; `NoExceptionText`, on the console handler (settings.LOGGING), is the net for
the records of others (Django's "Internal Server Error" with its exception, a library's
`logger.exception`): the traceback keeps its frames and class names, never a message.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any


def exception_name(error: BaseException) -> str:
    """The class of `error`, as a log may show it (`urllib.error.URLError`, `ValueError`)."""
    kind = type(error)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def _chain(error: BaseException) -> list[BaseException]:
    """`error` and the exceptions it was raised from or during, oldest first (as Python prints them)."""
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return seen[::-1]


def safe_traceback(error: BaseException) -> str:
    """The traceback of `error` and of its causes: the frames (file, line, function, our source line)
    and each exception's class name, without its message."""
    parts: list[str] = []
    for index, each in enumerate(_chain(error)):
        if index:
            parts.append("\nThe above exception led to the following one:\n\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_tb(each.__traceback__))
        parts.append(f"{exception_name(each)} (message not logged)\n")
    return "".join(parts).rstrip("\n")


def _safe_argument(value: Any) -> Any:
    return exception_name(value) if isinstance(value, BaseException) else value


class NoExceptionText(logging.Filter):
    """A handler's filter: the record's exception is written as `safe_traceback`, an exception
    given as an argument ("… %s", error) or as the message itself (`logger.error(error)`, as
    django-q does) as its class name, and a `django.security.*` record (whose message is the
    exception's text: "Invalid HTTP_HOST header: '<what the client sent>'") as its logger's last
    name. It never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("django.security."):
            record.msg = f"{record.name.rpartition('.')[2]} (message not logged)"
            record.args = ()
        elif isinstance(record.msg, BaseException):
            record.msg = f"{exception_name(record.msg)} (message not logged)"
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = safe_traceback(record.exc_info[1])
            record.exc_info = None
        if isinstance(record.args, tuple):
            record.args = tuple(_safe_argument(a) for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: _safe_argument(v) for k, v in record.args.items()}
        return True
