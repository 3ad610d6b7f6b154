"""The catalog's small province and demo catalog, for the home page tests."""

from motcua.catalog.tests.conftest import catalog, province

__all__ = ["catalog", "province"]
