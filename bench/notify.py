"""Notifications delivered per second to a local SMTP server: motcua's outbox vs plain smtplib.

motcua's side: N events (online submissions and their receptions) have written N outbox rows; the
clock runs while `notify.delivery.deliver_due()` claims them with a lease, renders each in the
applicant's language, sends it through Django's SMTP backend with the commit before the final "."
and marks it sent — until the SMTP server (aiosmtpd, on 127.0.0.1) has them all. The reference
sends the same messages (built beforehand) with `smtplib.SMTP.sendmail` over one connection:
the floor of what any sender pays for SMTP itself. ratio = motcua / smtplib (≤ 1: the price of
exactly-once bookkeeping per message: the claim, the rendering, a committed mark per message).
Both sides share the process with the SMTP server's thread. On the development machine (2 cores,
SQLite): about 60 vs 350 messages a second, ratio ≈ 0.18 — one worker process delivers several
times the ≈ 30 messages a second of the province's peak (docs/scale.md: 14 submissions/s).

A fresh SQLite database in a temporary folder, unless --database-url names another (it is migrated
and must be empty: PostgreSQL e.g. postgres://postgres@127.0.0.1:5432/motcua_bench_notify).

    .venv/bin/python bench/notify.py [--events 400] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import smtplib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=400, help="events (= emails) per side (default 400)")
    parser.add_argument(
        "--database-url", default=None, help="an empty database to use (default: temporary SQLite)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="motcua-bench-notify-")
    from motcua.notify.tests.servers import SmtpSink

    sink = SmtpSink().start()
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "motcua.settings",
            "MOTCUA_TESTING": "1",
            "DATABASE_URL": args.database_url or f"sqlite:///{folder}/bench.sqlite3",
            "MOTCUA_VAR_DIR": folder,
            "MOTCUA_EMAIL_HOST": "127.0.0.1",
            "MOTCUA_EMAIL_PORT": str(sink.port),
            "MOTCUA_NOTIFY_EMAIL": "smtp",
            "MOTCUA_NOTIFY_ON_COMMIT": "0",
        }
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.MEDIA_ROOT = folder
    call_command("migrate", interactive=False, verbosity=0)
    from motcua.dossiers import services
    from motcua.dossiers.sample import at, build_world
    from motcua.notify import delivery, gateways
    from motcua.notify.models import OutboxMessage

    world = build_world()
    world.citizen.email = "nhung@example.vn"
    world.citizen.save()
    for _n in range((args.events + 1) // 2):
        dossier = services.submit_online(
            world.citizen,
            world.birth,
            world.applicant(world.citizen),
            world.ward_center,
            at=at("2026-03-02 07:00"),
            documents=services.catalog_documents(world.birth),
        )
        services.receive_dossier(world.receptionist, dossier, at=at("2026-03-02 08:00"))
    events = OutboxMessage.objects.count()
    from motcua.notify.messages import lookup_url

    # A running worker has loaded the URL configuration once; so does the bench, before the clock.
    lookup_url()

    start = time.perf_counter()
    result = delivery.deliver_due()
    sink.wait_for(events, timeout=600)
    ours = time.perf_counter() - start
    assert result["sent"] == events == sink.count(), (result, events, sink.count())

    # The reference: the very same messages, built beforehand, sent with smtplib alone.
    mail = gateways.DjangoMailGateway()
    prepared = [
        (
            settings.DEFAULT_FROM_EMAIL.split("<")[-1].rstrip(">"),
            row.recipient,
            mail._message(row).message().as_bytes(linesep="\r\n"),
        )
        for row in OutboxMessage.objects.all()
    ]
    before = sink.count()
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", sink.port) as client:
        for sender, recipient, content in prepared:
            client.sendmail(sender, [recipient], content)
    sink.wait_for(before + events, timeout=600)
    reference = time.perf_counter() - start
    sink.stop()
    report = {
        "events": events,
        "database": connection.vendor,
        "motcua_messages_per_second": round(events / ours, 1),
        "smtplib_messages_per_second": round(events / reference, 1),
        "ratio": round(reference / ours, 3),
    }
    if args.json:
        print(json.dumps(report))
    else:
        print(
            f"{events} events on {report['database']}: motcua {report['motcua_messages_per_second']}/s, "
            f"smtplib {report['smtplib_messages_per_second']}/s, ratio {report['ratio']}"
        )


if __name__ == "__main__":
    main()
