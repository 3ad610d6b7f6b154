"""Scans attached to a dossier from a form (shared with the desk: `motcua.dossiers.forms`)."""

from __future__ import annotations

from motcua.dossiers.forms import ScanField, check_scan

__all__ = ["ScanField", "check_scan"]
