"""What a server process does once, before its first request (imported by motcua/wsgi.py only).

gunicorn loads the application in its master process (`preload_app`, see
motcua/core/gunicorn_config.py), so this runs once and every worker inherits the result by
fork; management commands and tests never import motcua.wsgi, so they never pay for it.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connections

log = logging.getLogger(__name__)


def warm_up() -> None:
    """Load the URL configuration and build the catalog search index, then close every
    connection and pool before the fork.

    Django imports the URL configuration (every view module, the API's schemas) on a process's
    first request: ≈ 1.5 s of CPU, paid by each new worker (and by each recycled one) on a
    citizen's request unless the master has done it. A database connection (or a pool and its
    threads) opened in the master must not be shared by forked workers: each worker opens its
    own on its first request.
    """
    from django.urls import get_resolver

    from motcua.catalog import search

    get_resolver().url_patterns  # noqa: B018 - imports the URLconf and every view it names
    try:
        search.get_index()
    except DatabaseError as error:  # a fresh database before `migrate`: build on the first search
        log.warning("catalog search index not built at start-up: %s", type(error).__name__)
    finally:
        close_connections()


def close_connections() -> None:
    """Close the connections of this process and, for PostgreSQL with pooling, the pools."""
    for connection in connections.all(initialized_only=True):
        connection.close()
        close_pool = getattr(connection, "close_pool", None)
        if close_pool is not None:
            close_pool()
