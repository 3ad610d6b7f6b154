# ruff: noqa: E501  (the generated SQL reads better unwrapped)
"""Benchmark: the province dashboard and reports through motcua vs a plain GROUP BY over the dossiers.

Builds N dossiers on PostgreSQL by bulk generation (INSERT … SELECT generate_series: the
dossier table, then the per-dossier facts and the daily counters derived from them by SQL, in
their monthly partitions, then the monthly stock snapshots), then, for several periods,
measures in one run:
- motcua: the figures, the 766 index, the weekly/monthly trend and the agency and commune
  rankings the dashboard shows (motcua.stats.report: daily rows of the period + the stock
  snapshots), and the whole dashboard page rendered for a province leader; for one year also
  the report pages `/stats/report/?by=field` and `?by=procedure`;
- the reference: the same figures by one plain GROUP BY over the dossier table (per field or
  procedure for the report pages).
It prints both, checks they agree and prints the ratio. Goal: every page < 300 ms at 10 million.

    .venv/bin/python bench/stats.py                    # 1 million dossiers
    .venv/bin/python bench/stats.py --dossiers 10000000
    .venv/bin/python bench/stats.py --reuse            # keep the data of the previous run

Uses DATABASE_URL (default postgres://postgres@127.0.0.1:5432/motcua_snapbench); the
database is created if needed and its tables are replaced.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/motcua_snapbench"
os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
os.environ.setdefault("MOTCUA_TESTING", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")

FIRST_DAY = dt.date(2024, 7, 1)
DAYS = 730  # two years of dossiers
# The data is the state of the province on this instant: dossiers whose finish would come
# later are still open.
AS_OF = "2026-07-01 00:00+07"
AGENCIES_PER_PROVINCE = 65
PROCEDURES = 600


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    """Median milliseconds of `repeat` runs (after one warm-up) and the last result."""
    result = fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


# ---------------------------------------------------------------------------------------
# Data


def build_world() -> dict[str, Any]:
    """One province, its communes and agencies, a catalog of procedures, one applicant, one leader."""
    from motcua.accounts.models import Role, User
    from motcua.agencies.models import Agency
    from motcua.catalog.models import ChannelKind, Field, Procedure, ProcedureVersion
    from motcua.dossiers.models import Applicant
    from motcua.geography.models import Unit

    province = Unit.objects.create(code="20", name="Tỉnh Lạng Sơn", level=Unit.Level.PROVINCE)
    committee = Agency.objects.create(
        code="000.00.00.H37",
        name="Ủy ban nhân dân tỉnh Lạng Sơn",
        kind=Agency.Kind.PROVINCIAL_COMMITTEE,
        unit=province,
    )
    center = Agency.objects.create(
        code="000.00.30.H37",
        name="Trung tâm Phục vụ hành chính công tỉnh",
        kind=Agency.Kind.PROVINCIAL_CENTER,
        unit=province,
        parent=committee,
    )
    departments = [
        Agency.objects.create(
            code=f"000.00.{n:02d}.H37",
            name=f"Sở số {n}",
            kind=Agency.Kind.DEPARTMENT,
            unit=province,
            parent=committee,
        )
        for n in range(1, 16)
    ]
    centers, committees = [], []
    for i in range(AGENCIES_PER_PROVINCE):
        code = f"{6000 + i * 3:05d}"
        unit = Unit.objects.create(
            code=code, name=f"Xã số {i + 1}", level=Unit.Level.COMMUNE, parent=province
        )
        own = Agency.objects.create(
            code=f"{code[:3]}.{code[3:]}.90.H37",
            name=f"UBND xã số {i + 1}",
            kind=Agency.Kind.COMMUNE_COMMITTEE,
            unit=unit,
            parent=committee,
        )
        committees.append(own)
        centers.append(
            Agency.objects.create(
                code=f"{code[:3]}.{code[3:]}.91.H37",
                name=f"TTPVHCC xã số {i + 1}",
                kind=Agency.Kind.COMMUNE_CENTER,
                unit=unit,
                parent=own,
            )
        )
    fields = [Field.objects.create(name=f"Lĩnh vực {i + 1}") for i in range(20)]
    versions = []
    for i in range(PROCEDURES):
        procedure = Procedure.objects.create(
            code=f"9.{i:06d}",
            name=f"Thủ tục {i + 1}",
            field=fields[i % 20],
            at_commune=i % 3 != 0,
            at_province=i % 3 == 0,
        )
        version = ProcedureVersion.objects.create(
            procedure=procedure,
            valid_from=FIRST_DAY,
            content_hash=str(i),
            online_level="full" if i % 5 else "none",
        )
        version.channels.create(kind=ChannelKind.COUNTER, time_limit_value=5, time_limit_unit="working_days")
        versions.append(version)
    applicant = Applicant.objects.create(name="Người nộp mẫu", id_number="020190000000")
    leader = User.objects.create(username="bench.leader", role=Role.LEADER, agency=committee)
    return {
        "centers": centers,
        "committees": committees,
        "departments": departments,
        "center": center,
        "versions": versions,
        "applicant": applicant,
        "leader": leader,
    }


def generate(n: int) -> None:
    """N dossiers by INSERT … SELECT generate_series, then facts and counters by SQL."""
    from django.db import connection

    from motcua.dossiers.models import Dossier

    world = build_world()
    centers = [a.pk for a in world["centers"]]
    committees = [a.pk for a in world["committees"]]
    departments = [a.pk for a in world["departments"]]
    versions = [v.pk for v in world["versions"]]
    explicit = {
        "id",
        "code",
        "version",
        "applicant",
        "channel",
        "receiving_agency",
        "competent_agency",
        "status",
        "submitted_at",
        "received_at",
        "due_at",
        "original_due_at",
        "finished_at",
        "returned_at",
        "refused_at",
        "withdrawn_at",
        "created_at",
    }
    defaults = [
        (f.column, f.get_default())
        for f in Dossier._meta.concrete_fields
        if f.name not in explicit and not f.null
    ]
    default_columns = "".join(f", {column}" for column, _value in defaults)
    default_values = "".join(", %s" for _ in defaults)
    from motcua.stats import partitions, snapshots

    # The months of the data get their partitions before the rows arrive (a bulk load into the
    # DEFAULT partition would have to be moved out of it).
    partitions.ensure_partitions(ahead=26, today=FIRST_DAY)
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        # r: uniform draws per dossier; the commune (k) decides its centre and committee.
        cursor.execute(
            f"""
            INSERT INTO dossiers_dossier (code, version_id, applicant_id, channel, receiving_agency_id,
                competent_agency_id, status, submitted_at, received_at, due_at, original_due_at, finished_at,
                returned_at, refused_at, withdrawn_at, created_at{default_columns})
            SELECT 'B-' || g, v, %s, CASE WHEN r1 < 0.8776 THEN 'online' WHEN r1 < 0.99 THEN 'counter' ELSE 'postal' END,
                CASE WHEN prov THEN %s ELSE (%s::bigint[])[k] END,
                CASE WHEN prov THEN (%s::bigint[])[1 + (g %% 15)] ELSE (%s::bigint[])[k] END,
                CASE WHEN r2 < 0.01 THEN 3 WHEN r2 < 0.03 THEN 7 WHEN finish > %s::timestamptz THEN 4 ELSE 10 END,
                received, CASE WHEN r2 < 0.01 THEN NULL ELSE received END,
                CASE WHEN r2 < 0.01 THEN NULL ELSE due END, CASE WHEN r2 < 0.01 THEN NULL ELSE due END,
                CASE WHEN r2 >= 0.03 AND finish <= %s::timestamptz THEN finish END,
                CASE WHEN r2 >= 0.03 AND finish <= %s::timestamptz THEN finish + interval '1 day' END,
                CASE WHEN r2 < 0.01 THEN received + interval '1 hour' END,
                CASE WHEN r2 >= 0.01 AND r2 < 0.03 THEN received + interval '2 days' END,
                received{default_values}
            FROM (
                SELECT g, random() AS r1, random() AS r2, (g %% 7) = 0 AS prov,
                       1 + (g %% {len(centers)}) AS k, (%s::bigint[])[1 + (g %% {len(versions)})] AS v,
                       received, received + due_days * interval '1 day' AS due,
                       received + due_days * (0.2 + random() * 0.85) * interval '1 day' AS finish
                FROM (
                    SELECT g, %s::timestamptz + (random() * %s) * interval '1 day' AS received,
                           1 + floor(random() * 15) AS due_days
                    FROM generate_series(1, %s) AS g
                ) AS base
            ) AS draws
        """,
            [
                world["applicant"].pk,
                world["center"].pk,
                centers,
                departments,
                committees,
                AS_OF,
                AS_OF,
                AS_OF,
                *[value for _column, value in defaults],
                versions,
                dt.datetime.combine(FIRST_DAY, dt.time(7), tzinfo=dt.UTC),
                DAYS,
                n,
            ],
        )
        # A bulk load: the snapshot triggers are skipped (no month is built yet anyway) and the
        # snapshots are built once from the finished counters.
        cursor.execute("SET session_replication_role = replica")
        build_facts(cursor)
        cursor.execute("SET session_replication_role = DEFAULT")
        partitions.maintain(ahead=2)  # the stray overdue days after the data's last month
        snapshots.rebuild()
        cursor.execute("ANALYZE")  # as autovacuum would have by now


LOCAL = "AT TIME ZONE 'Asia/Ho_Chi_Minh'"


def build_facts(cursor: Any) -> None:
    """Facts from the dossiers, and both daily tables from the facts (the rules of motcua.stats.facts)."""
    cursor.execute(f"""
        INSERT INTO stats_dossierfact (dossier_id, receiving_agency_id, competent_agency_id, procedure_id, field_id,
            channel, submitted_on, received_at, received_on, outcome, ended_at, ended_on, timeliness, due_at,
            overdue_at, overdue_on, refused_on, stopped_on, returned_on, supplement_count, working_minutes, has_fee,
            paid_online, has_result, result_electronic, updated_at)
        SELECT d.id, d.receiving_agency_id, d.competent_agency_id, v.procedure_id, p.field_id,
            CASE d.channel WHEN 'counter' THEN 1 WHEN 'online' THEN 2 ELSE 3 END,
            (d.submitted_at {LOCAL})::date, d.received_at, (d.received_at {LOCAL})::date,
            CASE WHEN d.status = 7 THEN 3 WHEN d.received_at IS NULL THEN 0 WHEN d.finished_at IS NULL THEN 1 ELSE 2 END,
            COALESCE(d.finished_at, d.withdrawn_at), (COALESCE(d.finished_at, d.withdrawn_at) {LOCAL})::date,
            CASE WHEN d.finished_at IS NULL THEN 0 WHEN d.finished_at > d.due_at THEN 3
                 WHEN (d.finished_at {LOCAL})::date < (d.due_at {LOCAL})::date THEN 1 ELSE 2 END,
            d.due_at,
            CASE WHEN d.received_at IS NOT NULL AND (COALESCE(d.finished_at, d.withdrawn_at) IS NULL
                      OR d.due_at < COALESCE(d.finished_at, d.withdrawn_at)) THEN d.due_at END,
            CASE WHEN d.received_at IS NOT NULL AND (COALESCE(d.finished_at, d.withdrawn_at) IS NULL
                      OR d.due_at < COALESCE(d.finished_at, d.withdrawn_at)) THEN (d.due_at {LOCAL})::date END,
            (d.refused_at {LOCAL})::date, NULL, (d.returned_at {LOCAL})::date, 0,
            COALESCE(EXTRACT(epoch FROM d.finished_at - d.received_at)::int / 180, 0), false, false,
            d.finished_at IS NOT NULL, false, now()
        FROM dossiers_dossier d JOIN catalog_procedureversion v ON v.id = d.version_id
        JOIN catalog_procedure p ON p.id = v.procedure_id
    """)
    cursor.execute("ANALYZE stats_dossierfact")
    contributions = """
        SELECT received_on AS day, receiving_agency_id AS r, competent_agency_id AS c, procedure_id AS p,
               (channel = 1)::int AS received_counter, (channel = 2)::int AS received_online,
               (channel = 3)::int AS received_postal, 0 AS finished_early, 0 AS finished_on_time,
               0 AS finished_late, 0 AS withdrawn, 0 AS withdrawn_unreceived, 0 AS refused, 0 AS returned,
               0 AS became_overdue, 0 AS ended_overdue, 0 AS working_minutes, 0 AS results_issued
        FROM stats_dossierfact WHERE received_on IS NOT NULL
        UNION ALL
        SELECT ended_on, receiving_agency_id, competent_agency_id, procedure_id, 0, 0, 0,
               (outcome = 2 AND timeliness = 1)::int, (outcome = 2 AND timeliness = 2)::int,
               (outcome = 2 AND timeliness = 3)::int, (outcome = 3 AND received_on IS NOT NULL)::int,
               (outcome = 3 AND received_on IS NULL)::int, 0, 0, 0, (overdue_on IS NOT NULL)::int,
               CASE WHEN outcome = 2 THEN working_minutes ELSE 0 END, (outcome = 2 AND has_result)::int
        FROM stats_dossierfact WHERE ended_on IS NOT NULL
        UNION ALL
        SELECT overdue_on, receiving_agency_id, competent_agency_id, procedure_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
               1, 0, 0, 0
        FROM stats_dossierfact WHERE overdue_on IS NOT NULL
        UNION ALL
        SELECT refused_on, receiving_agency_id, competent_agency_id, procedure_id, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0,
               0, 0, 0, 0
        FROM stats_dossierfact WHERE refused_on IS NOT NULL
        UNION ALL
        SELECT returned_on, receiving_agency_id, competent_agency_id, procedure_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
               0, 0, 0, 0
        FROM stats_dossierfact WHERE returned_on IS NOT NULL
    """
    sums = """SUM(received_counter), SUM(received_online), SUM(received_postal), SUM(finished_early),
              SUM(finished_on_time), SUM(finished_late), SUM(withdrawn), SUM(withdrawn_unreceived), SUM(refused),
              SUM(returned), SUM(became_overdue), SUM(ended_overdue), SUM(working_minutes), SUM(results_issued)"""
    columns = """received_counter, received_online, received_postal, finished_early, finished_on_time,
                 finished_late, withdrawn, withdrawn_unreceived, refused, returned, became_overdue, ended_overdue,
                 working_minutes, results_issued"""
    zeros = """received_with_supplement, stopped, fee_dossiers, paid_online, electronic_results"""
    cursor.execute(f"""
        INSERT INTO stats_dailycount (day, receiving_agency_id, competent_agency_id, procedure_id, {columns}, {zeros})
        SELECT day, r, c, p, {sums}, 0, 0, 0, 0, 0 FROM ({contributions}) AS x GROUP BY day, r, c, p
    """)
    cursor.execute(f"""
        INSERT INTO stats_agencydailycount (day, receiving_agency_id, competent_agency_id, {columns}, {zeros})
        SELECT day, receiving_agency_id, competent_agency_id, {sums.replace("SUM(", "SUM(d.")}, 0, 0, 0, 0, 0
        FROM stats_dailycount d GROUP BY day, receiving_agency_id, competent_agency_id
    """)
    cursor.execute("ANALYZE stats_dailycount")
    cursor.execute("ANALYZE stats_agencydailycount")


def reset_tables() -> None:
    """Empty the tables the benchmark fills (the seeded 766 weights and the calendar stay)."""
    from django.db import connection

    prefixes = ("dossiers_", "stats_", "catalog_", "agencies_", "geography_", "accounts_user")
    keep = {"stats_indicatorweight"}
    tables = [t for t in connection.introspection.table_names() if t.startswith(prefixes) and t not in keep]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")


# ---------------------------------------------------------------------------------------
# The reference: one plain GROUP BY over the dossier table


REFERENCE_KEYS = [
    "received_online",
    "received_counter",
    "received_postal",
    "carried_over",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "open_overdue",
    "open_within",
]


def reference(start: dt.date, end: dt.date, by: str | None = None) -> Any:
    """The figures by one plain GROUP BY over the dossiers: totals, or per procedure or field."""
    from django.db import connection

    begin = dt.datetime.combine(start, dt.time(0), tzinfo=dt.timezone(dt.timedelta(hours=7)))
    stop = dt.datetime.combine(
        end + dt.timedelta(days=1), dt.time(0), tzinfo=dt.timezone(dt.timedelta(hours=7))
    )
    sql = f"""
        SELECT competent_agency_id,
          count(*) FILTER (WHERE received_at >= %(a)s AND received_at < %(e)s AND channel = 'online'),
          count(*) FILTER (WHERE received_at >= %(a)s AND received_at < %(e)s AND channel = 'counter'),
          count(*) FILTER (WHERE received_at >= %(a)s AND received_at < %(e)s AND channel = 'postal'),
          count(*) FILTER (WHERE received_at < %(a)s AND (fin IS NULL OR fin >= %(a)s)),
          count(*) FILTER (WHERE finished_at >= %(a)s AND finished_at < %(e)s
                            AND (finished_at {LOCAL})::date < (due_at {LOCAL})::date),
          count(*) FILTER (WHERE finished_at >= %(a)s AND finished_at < %(e)s AND finished_at <= due_at
                            AND (finished_at {LOCAL})::date >= (due_at {LOCAL})::date),
          count(*) FILTER (WHERE finished_at >= %(a)s AND finished_at < %(e)s AND finished_at > due_at),
          count(*) FILTER (WHERE received_at < %(e)s AND (fin IS NULL OR fin >= %(e)s) AND due_at < %(e)s),
          count(*) FILTER (WHERE received_at < %(e)s AND (fin IS NULL OR fin >= %(e)s) AND due_at >= %(e)s)
        FROM (SELECT *, COALESCE(finished_at, withdrawn_at) AS fin FROM dossiers_dossier) AS d
        GROUP BY competent_agency_id
    """
    if by is not None:
        column = "v.procedure_id" if by == "procedure" else "p.field_id"
        sql = sql.replace("SELECT competent_agency_id,", "SELECT line,").replace(
            "FROM (SELECT *, COALESCE(finished_at, withdrawn_at) AS fin FROM dossiers_dossier) AS d\n"
            "        GROUP BY competent_agency_id",
            f"FROM (SELECT x.*, COALESCE(x.finished_at, x.withdrawn_at) AS fin, {column} AS line "
            "FROM dossiers_dossier x JOIN catalog_procedureversion v ON v.id = x.version_id "
            "JOIN catalog_procedure p ON p.id = v.procedure_id) AS d GROUP BY line",
        )
        assert "GROUP BY line" in sql
    with connection.cursor() as cursor:
        cursor.execute(sql, {"a": begin, "e": stop})
        rows = cursor.fetchall()
    if by is not None:
        return {row[0]: dict(zip(REFERENCE_KEYS, row[1:], strict=True)) for row in rows if any(row[1:])}
    totals = dict.fromkeys(REFERENCE_KEYS, 0)
    for row in rows:
        for key, value in zip(REFERENCE_KEYS, row[1:], strict=True):
            totals[key] += value
    return totals


# ---------------------------------------------------------------------------------------
# motcua: what the province dashboard reads


def _subset(total: Any) -> dict[str, int]:
    return {key: getattr(total, key) for key in REFERENCE_KEYS}


def motcua_report(start: dt.date, end: dt.date, by: str) -> dict[int, dict[str, int]]:
    """The report page's lines (one per procedure or field) and its total, as the view reads them."""
    from motcua.stats.report import figures, grouped
    from motcua.stats.scope import province_scope

    scope = province_scope("20")
    lines = grouped(scope, start, end, by)
    figures(scope, start, end)
    return {line.key: _subset(line.figures) for line in lines}


def motcua_dashboard(start: dt.date, end: dt.date) -> dict[str, int]:
    from motcua.stats import index766
    from motcua.stats.report import overview, trend
    from motcua.stats.scope import province_scope

    scope = province_scope("20")
    summary = overview(scope, start, end)  # the total and the agency and commune rankings, one query
    total = summary.total
    index766.compute(scope, total, end)
    trend(scope, start, end, "week" if (end - start).days <= 120 else "month")
    return {
        "received_online": total.received_online,
        "received_counter": total.received_counter,
        "received_postal": total.received_postal,
        "carried_over": total.carried_over,
        "finished_early": total.finished_early,
        "finished_on_time": total.finished_on_time,
        "finished_late": total.finished_late,
        "open_overdue": total.open_overdue,
        "open_within": total.open_within,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--reuse", action="store_true", help="Keep the data already generated.")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--generate-only", action="store_true", help="Stop after generating the data.")
    args = parser.parse_args()
    say = (lambda *_a, **_k: None) if args.json else print
    rows: list[dict[str, object]] = []
    url = os.environ["DATABASE_URL"]
    if not url.startswith("postgres"):
        sys.exit("bench/stats.py needs PostgreSQL (DATABASE_URL=postgres://…)")
    ensure_database(url)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from motcua.accounts.models import User
    from motcua.dossiers.models import Dossier

    call_command("migrate", verbosity=0)
    if not args.reuse or not Dossier.objects.exists():
        reset_tables()
        began = time.perf_counter()
        generate(args.dossiers)
        say(
            f"generated {args.dossiers:,} dossiers with their facts and counters in "
            f"{time.perf_counter() - began:.0f} s"
        )
    if args.generate_only:
        return
    from motcua.stats import snapshots
    from motcua.stats.models import MonthlyCount

    if not MonthlyCount.objects.exists():  # data generated before the monthly tables existed
        began = time.perf_counter()
        snapshots.rebuild()
        say(f"built the monthly rows and stock snapshots in {time.perf_counter() - began:.0f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM dossiers_dossier")
        count = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM stats_agencydailycount")
        coarse = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM stats_dailycount")
        fine = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM stats_stocksnapshot")
        stock = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM stats_monthlycount")
        monthly = cursor.fetchone()[0]
    say(f"dossiers: {count:,}; agency×day rows: {coarse:,}; agency×procedure×day rows: {fine:,}; "
        f"monthly rows: {monthly:,}; monthly stock snapshot rows (procedure level): {stock:,}")
    client = Client()
    client.force_login(User.objects.get(username="bench.leader"))
    periods = [
        ("one month", dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
        ("a quarter", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        ("1 Jul–3 Dec 2025", dt.date(2025, 7, 1), dt.date(2025, 12, 3)),
        ("two years", FIRST_DAY, dt.date(2026, 6, 30)),
    ]
    say(
        f"{'period':<18} {'motcua figures':>15} {'dashboard page':>15} {'GROUP BY':>10} {'ratio':>7}  agree"
    )
    for label, start, end in periods:
        ours_ms, ours = timed(lambda s=start, e=end: motcua_dashboard(s, e), args.repeat)
        url = reverse("stats:dashboard") + f"?from={start.isoformat()}&to={end.isoformat()}"
        page_ms, response = timed(lambda u=url: client.get(u, HTTP_HOST="localhost"), args.repeat)
        assert response.status_code == 200, response.status_code
        ref_ms, ref = timed(lambda s=start, e=end: reference(s, e), max(1, args.repeat // 2))
        agree = "yes" if ours == ref else f"NO {ours} != {ref}"
        rows.append({"period": label, "from": start.isoformat(), "to": end.isoformat(),
                     "figures_ms": round(ours_ms, 2), "dashboard_page_ms": round(page_ms, 2),
                     "reference": {"group_by_ms": round(ref_ms, 2)},
                     "ratio": round(ref_ms / ours_ms, 2), "agree": ours == ref})
        say(
            f"{label:<18} {ours_ms:>12.1f} ms {page_ms:>12.1f} ms {ref_ms:>7.0f} ms {ref_ms / ours_ms:>6.0f}×  {agree}"
        )

    reports: list[dict[str, object]] = []
    start, end = dt.date(2025, 7, 1), dt.date(2026, 6, 30)
    say("")
    say(f"one year {start} – {end}: {'motcua lines':>14} {'report page':>13} {'GROUP BY':>10} {'ratio':>7}  agree")
    for by in ("field", "procedure"):
        ours_ms, ours = timed(lambda b=by: motcua_report(start, end, b), args.repeat)
        url = reverse("stats:report") + f"?by={by}&from={start.isoformat()}&to={end.isoformat()}"
        page_ms, response = timed(lambda u=url: client.get(u, HTTP_HOST="localhost"), args.repeat)
        assert response.status_code == 200, response.status_code
        ref_ms, ref = timed(lambda b=by: reference(start, end, b), max(1, args.repeat // 2))
        agree = ours == ref
        reports.append({"report": f"/stats/report/?by={by}", "from": start.isoformat(), "to": end.isoformat(),
                        "lines": len(ours), "figures_ms": round(ours_ms, 2), "report_page_ms": round(page_ms, 2),
                        "reference": {"group_by_ms": round(ref_ms, 2)}, "ratio": round(ref_ms / page_ms, 2),
                        "agree": agree})
        say(f"  by={by:<10} {' ' * 8}{ours_ms:>11.1f} ms {page_ms:>10.1f} ms {ref_ms:>7.0f} ms "
            f"{ref_ms / page_ms:>6.0f}×  {'yes' if agree else 'NO'}")

    if args.json:
        print(json.dumps({"database": connection.vendor, "dossiers": count, "agency_day_rows": coarse,
                          "agency_procedure_day_rows": fine, "stock_snapshot_rows": stock, "monthly_rows": monthly, "ratio_is": "GROUP BY ms / motcua ms",
                          "periods": rows, "reports": reports}))


if __name__ == "__main__":
    main()
