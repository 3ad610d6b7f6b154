from motcua.agencies.tests.conftest import lang_son  # noqa: F401  (the same province for accounts)
