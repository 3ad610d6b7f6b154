"""Decision 766 digitisation figures (issue #13), read from the dossiers and the documents tables.

For a scope and a period (local days, both included):

* dossiers digitised: dossiers received in the period with at least one component digitised at
  reception (a counter scan kept in the warehouse) or reused from the warehouse;
* results digitised: dossiers whose result was issued (approved) in the period and kept in the
  holder's warehouse (a signed electronic result);
* reuse of digitised data: the documents handed in with dossiers submitted in the period that
  point at a warehouse document, out of all the documents handed in with them;
* certified electronic copies per agency in the period, and the digitised records the
  scope's agencies keep in the warehouse to date (a stock, like the province's published count).

Indicator 4.2 is (dossiers digitised + results digitised) / (dossiers received + results
issued); 4.3 is 1 when an agency in scope certified at least one electronic copy in the period
(0 otherwise: the service is not provided); 4.4 is the reuse rate. 4.5 (a connection to the
national warehouse) is not something motcua can measure: no data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, Q

from motcua.documents.models import DigitisedDocument, Origin
from motcua.dossiers.models import Dossier, DossierDocument
from motcua.ecopy.models import CertifiedCopy
from motcua.stats.scope import Scope
from motcua.worktime.core import TZ

if TYPE_CHECKING:
    from motcua.stats.report import Figures


@dataclass
class Digitisation:
    dossiers_received: int = 0
    dossiers_digitised: int = 0
    results_issued: int = 0
    results_digitised: int = 0
    documents_handed_in: int = 0
    documents_reused: int = 0
    records_digitised: int = 0
    copies_by_agency: list[tuple[str, str, int]] = field(default_factory=list)  # (code, name, copies)

    @property
    def copies(self) -> int:
        return sum(count for _code, _name, count in self.copies_by_agency)

    def indicators(self) -> dict[str, tuple[int, int]]:
        """(numerator, denominator) of 4.2, 4.3 and 4.4, only where there is something to measure."""
        data: dict[str, tuple[int, int]] = {}
        base = self.dossiers_received + self.results_issued
        if base:
            data["4.2"] = (self.dossiers_digitised + self.results_digitised, base)
        data["4.3"] = (1 if self.copies else 0, 1)
        if self.documents_handed_in:
            data["4.4"] = (self.documents_reused, self.documents_handed_in)
        return data


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    low = dt.datetime.combine(start, dt.time.min, tzinfo=TZ)
    high = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=TZ)
    return low, high


def digitisation(
    scope: Scope, start: dt.date, end: dt.date, figures: Figures | None = None
) -> Digitisation:
    """A few queries whatever the number of dossiers (the dashboard's query budget).

    With the period's `figures` (the report's, read from the counters) the dossiers received and
    the results issued are taken from them — the same definitions: received in the period, and
    a result approved in the period — instead of counting the period's dossiers. The digitised
    ones are found from the small side (the warehouse's scans and results, the reused documents)
    through the dossiers' unique code and primary key, so no query reads the period's dossiers.
    """
    low, high = _bounds(start, end)
    in_scope = Dossier.objects.filter(scope.q())
    received = Q(received_at__gte=low, received_at__lt=high)
    issued = Q(finished_at__gte=low, finished_at__lt=high)
    if figures is not None:
        counts = {"received": figures.received, "issued": figures.results_issued}
    else:
        counts = in_scope.filter(received | issued).aggregate(
            received=Count("pk", filter=received), issued=Count("pk", filter=issued)
        )
    scans = DigitisedDocument.objects.filter(origin=Origin.COUNTER_SCAN).values("dossier_code")
    reused = DossierDocument.objects.filter(warehouse_document__isnull=False).values("dossier_id")
    results = DigitisedDocument.objects.filter(origin=Origin.RESULT).values("dossier_code")
    digitised = (
        in_scope.filter(received, code__in=scans)
        .order_by()
        .values("pk")
        .union(in_scope.filter(received, pk__in=reused).order_by().values("pk"))
        .count()
    )
    dossiers = {
        "received": counts["received"],
        "digitised": digitised,
        "issued": counts["issued"],
        "results": in_scope.filter(issued, code__in=results).count(),
    }
    documents = DossierDocument.objects.filter(
        dossier__in=in_scope.filter(submitted_at__gte=low, submitted_at__lt=high)
    ).aggregate(handed_in=Count("pk"), reused=Count("pk", filter=Q(warehouse_document__isnull=False)))
    agencies = Q() if scope.agency_ids is None else Q(agency_id__in=sorted(scope.agency_ids))
    copies = (CertifiedCopy.objects.filter(agencies, certified_at__gte=low, certified_at__lt=high)
              .values("agency__code", "agency__name").annotate(n=Count("id")).order_by("agency__code"))
    return Digitisation(
        dossiers_received=dossiers["received"],
        dossiers_digitised=dossiers["digitised"],
        results_issued=dossiers["issued"],
        results_digitised=dossiers["results"],
        documents_handed_in=documents["handed_in"],
        documents_reused=documents["reused"],
        records_digitised=DigitisedDocument.objects.filter(agencies, deleted_at__isnull=True).count(),
        copies_by_agency=[(row["agency__code"], row["agency__name"], row["n"]) for row in copies],
    )
