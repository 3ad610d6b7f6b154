"""The WSGI application of the production server (`motcua serve`: gunicorn, docs in README)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
application = get_wsgi_application()

if os.environ.get("MOTCUA_WARM_UP", "1") != "0":
    from motcua.serving import warm_up

    warm_up()
