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
    """Build the catalog search index, then close every connection and pool before the fork.

    A database connection (or a pool and its threads) opened in the master must not be shared
    by forked workers: each worker opens its own on its first request.
    """
    from motcua.catalog import search

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
