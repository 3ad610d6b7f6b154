"""The dossiers' periodic jobs (registered in `DossiersConfig.ready()`, run by `motcua worker`).

Each returns a small JSON-friendly summary (shown as the task's result in the admin) and
raises when something needs the system administrator: the failure lands in the admin's list
of failed tasks with its message.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from motcua.dossiers import anchor, audit, files, sweeps
from motcua.dossiers.services import keys
from motcua.jobs.runner import JobAttention


class NeedsAttention(JobAttention):
    """The job ran, and found something a person must look at."""


def deadline_sweep() -> dict[str, Any]:
    """`motcua dossiers sweep`: the stored due-soon / overdue snapshot and who needs an apology."""
    report = sweeps.sweep()
    return {
        "overdue": report.dossiers_overdue,
        "due_soon": report.dossiers_due_soon,
        "cleared": report.dossiers_cleared,
        "need_apology": len(report.need_apology),
    }


def seal_audit() -> dict[str, Any]:
    """`motcua dossiers seal-audit`: a checkpoint of the chain heads outside the database."""
    sealed = anchor.seal()
    return {"checkpoint": sealed.number, "dossiers": sealed.dossiers}


def verify_audit() -> dict[str, Any]:
    """`motcua dossiers verify-audit`: every chain and the sealed heads; a break is a failure to look at."""
    broken = list(anchor.verify())
    seen = {b.dossier_code for b in broken}
    broken += [b for b in audit.verify_chains() if b.dossier_code not in seen]
    if broken:
        raise NeedsAttention(
            _("%(n)s chuỗi nhật ký bị phá vỡ, ví dụ hồ sơ %(code)s (sự kiện %(seq)s).")
            % {"n": len(broken), "code": broken[0].dossier_code, "seq": broken[0].seq}
        )
    return {"broken": 0}


def clean_files() -> dict[str, Any]:
    """`motcua dossiers check-files --clean`: remove old orphan uploads; a missing file is a failure."""
    report = files.check_files(clean=True)
    if report.missing:
        raise NeedsAttention(
            _("%(n)s tệp của hồ sơ bị thiếu, ví dụ hồ sơ %(code)s.")
            % {"n": len(report.missing), "code": report.missing[0].dossier_code}
        )
    return {
        "files": report.files,
        "removed": len(report.removed),
        "recent_orphans": len(report.recent_orphans),
    }


def forget_submission_keys() -> dict[str, Any]:
    """The one-time submission keys older than a day: a repeat a day later is a new request."""
    return {"forgotten": keys.forget()}
