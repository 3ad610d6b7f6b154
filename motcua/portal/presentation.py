"""What people read about a dossier (shared with the desk and the API: `motcua.dossiers.presentation`)."""

from __future__ import annotations

from motcua.dossiers.presentation import (
    ACTION_LABELS,
    INTER_AGENCY_FORWARD_LABEL,
    INTERNAL_ACTIONS,
    SLIP_LABELS,
    TimelineEntry,
    available_slips,
    event_label,
    expected_appointment,
    file_response,
    mask,
    money,
    slip_response,
    timeline,
)

__all__ = ["ACTION_LABELS", "INTER_AGENCY_FORWARD_LABEL", "INTERNAL_ACTIONS", "SLIP_LABELS", "TimelineEntry",
           "available_slips", "event_label", "expected_appointment", "file_response", "mask", "money",
           "slip_response", "timeline"]
