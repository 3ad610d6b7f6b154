"""Precompiled SQL for the few statements on the transitions' hot path (issue #17).

Django compiles every ORM query anew (`as_sql`, `get_select`, `build_filter`, `save_base`):
for the handful of statements every transition runs — the event INSERT, the UPDATE of the
columns a transition changed, the hand-over INSERT, the statistics fact UPDATE — that costs
more Python than everything else the transition does. This module builds each statement's SQL
once per process (per model, database vendor and column list) from the model's `_meta`, runs it
with the Django connection's cursor (so it counts in `CaptureQueriesContext`, runs in the
caller's transaction and goes through the same wrappers) and converts values exactly as the
ORM does (`pre_save`, `get_db_prep_save` on the way in; the backend's and the field's
converters, then `Model.from_db`, on the way out). SQLite and PostgreSQL.

Not for general use: it sends no `pre_save`/`post_save` signals (no receiver listens to the
models it writes, by design: side effects go through `dossiers.hooks`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections
from django.db.models import (
    BooleanField,
    CharField,
    DateField,
    Field,
    FileField,
    ForeignKey,
    IntegerField,
    Model,
    TextField,
)

M = TypeVar("M", bound=Model)
Converter = Callable[[Any, Any, Any], Any]


class Table:
    """A model's statements and converters for the default connection's vendor."""

    def __init__(self, model: type[Model]) -> None:
        meta = model._meta
        quote = connection.ops.quote_name
        self.model = model
        self.name = quote(meta.db_table)
        self.pk: Field[Any, Any] = meta.pk  # type: ignore[assignment]
        self.fields: list[Field[Any, Any]] = list(meta.concrete_fields)
        self.attnames = [f.attname for f in self.fields]
        self.by_name: dict[str, Field[Any, Any]] = {}
        # The quoted column of each field, by name and by attname.
        self.column: dict[str, str] = {}
        for f in self.fields:
            assert f.column is not None
            self.by_name[f.name] = self.by_name[f.attname] = f
            self.column[f.name] = self.column[f.attname] = quote(f.column)
        self.pk_column = self.column[self.pk.attname]
        self.insert_fields = [f for f in self.fields if not f.primary_key]
        self.foreign_keys = [f for f in self.insert_fields if isinstance(f, ForeignKey)]
        self.insert_columns = ", ".join(self.column[f.attname] for f in self.insert_fields)
        placeholders = ", ".join(["%s"] * len(self.insert_fields))
        self.returning = bool(connection.features.can_return_columns_from_insert)
        self.insert_sql = f"INSERT INTO {self.name} ({self.insert_columns}) VALUES ({placeholders})"
        if self.returning:
            self.insert_sql += f" RETURNING {self.pk_column}"
        self._insert_many: dict[int, str] = {}
        self._updates: dict[tuple[str, ...], tuple[str, list[Field[Any, Any]]]] = {}
        # Converters of each column when read (what SQLCompiler.get_converters finds).
        self.converters: list[tuple[int, list[Converter]]] = []
        for index, f in enumerate(self.fields):
            col = f.get_col(meta.db_table)
            found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            if found:
                self.converters.append((index, found))
        self._col_refs = [f.get_col(meta.db_table) for f in self.fields]
        self._plain = {f.attname: _plain_types(f) for f in self.fields}
        self._computed = {
            f.attname for f in self.fields
            if isinstance(f, FileField) or getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        }

    def value(self, obj: Model, f: Field[Any, Any], add: bool, db: Any) -> Any:
        """The field's value of `obj` for an INSERT (`add`) or an UPDATE, as the database takes it.

        What `pre_save` and `get_db_prep_save` give, without their calls for the plain cases
        (a str for a text column, an int for an integer or key column, a bool, None)."""
        name = f.attname
        value = f.pre_save(obj, add) if name in self._computed else getattr(obj, name)
        return self.prep(name, value, db)

    def columns(self, alias: str) -> str:
        """The select list of every concrete column, qualified by `alias`, in field order."""
        return ", ".join(f"{alias}.{self.column[f.attname]}" for f in self.fields)

    def build(self, values: Sequence[Any]) -> Model:
        """A model instance from one row's values in `columns()` order (converted, as the ORM does)."""
        row = list(values)
        if self.converters:
            db = connections[DEFAULT_DB_ALIAS]
            for index, found in self.converters:
                value = row[index]
                for converter in found:
                    value = converter(value, self._col_refs[index], db)
                row[index] = value
        return self.model.from_db(DEFAULT_DB_ALIAS, self.attnames, row)

    # -- writes

    def _prepare(self, obj: Model) -> None:
        """What Model.save does first: a foreign key whose object was saved after assignment."""
        for f in self.foreign_keys:
            if getattr(obj, f.attname) is None and f.is_cached(obj):
                related = f.get_cached_value(obj)
                if related is not None:
                    if related.pk is None:
                        raise ValueError(f"save() prohibited: unsaved related object {f.name!r}.")
                    setattr(obj, f.name, related)  # the key, and the object stays cached

    def insert(self, obj: Model) -> None:
        """INSERT the new object (every column but the key), give it its key."""
        self._prepare(obj)
        db = connections[DEFAULT_DB_ALIAS]
        params = [self.value(obj, f, True, db) for f in self.insert_fields]
        with db.cursor() as cursor:
            cursor.execute(self.insert_sql, params)
            pk = cursor.fetchone()[0] if self.returning else cursor.lastrowid
        setattr(obj, self.pk.attname, pk)
        obj._state.adding = False
        obj._state.db = DEFAULT_DB_ALIAS

    def insert_many(self, objs: Sequence[Model]) -> None:
        """One multi-row INSERT (keys given back where the database returns them)."""
        if not objs:
            return
        sql = self._insert_many.get(len(objs))
        if sql is None:
            row = "(" + ", ".join(["%s"] * len(self.insert_fields)) + ")"
            sql = f"INSERT INTO {self.name} ({self.insert_columns}) VALUES {', '.join([row] * len(objs))}"
            if self.returning:
                sql += f" RETURNING {self.pk_column}"
            self._insert_many[len(objs)] = sql
        params: list[Any] = []
        db = connections[DEFAULT_DB_ALIAS]
        for obj in objs:
            self._prepare(obj)
            params.extend(self.value(obj, f, True, db) for f in self.insert_fields)
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            keys = [r[0] for r in cursor.fetchall()] if self.returning else [None] * len(objs)
        for obj, pk in zip(objs, keys, strict=True):
            setattr(obj, self.pk.attname, pk)
            obj._state.adding = False
            obj._state.db = DEFAULT_DB_ALIAS

    def update_sql(self, names: Iterable[str]) -> tuple[str, list[Field[Any, Any]]]:
        key = tuple(names)
        found = self._updates.get(key)
        if found is None:
            fields = [self.by_name[name] for name in key]
            sets = ", ".join(f"{self.column[name]} = %s" for name in key)
            found = (f"UPDATE {self.name} SET {sets} WHERE {self.pk_column} = %s", fields)
            self._updates[key] = found
        return found

    def update(self, obj: Model, names: Sequence[str]) -> None:
        """UPDATE these fields (names or attnames) of the saved object; exactly one row, or an error."""
        if not names:
            return
        sql, fields = self.update_sql(names)
        db = connections[DEFAULT_DB_ALIAS]
        params = [self.value(obj, f, False, db) for f in fields]
        params.append(obj.pk)
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            if cursor.rowcount != 1:
                raise DatabaseError(f"{self.model.__name__} {obj.pk}: the UPDATE affected no row.")

    def prep(self, name: str, value: Any, db: Any = None) -> Any:
        """A value of field `name` as the database takes it."""
        f = self.by_name[name]
        if value is None or type(value) in self._plain[f.attname]:
            return value
        return f.get_db_prep_save(value, db or connections[DEFAULT_DB_ALIAS])


def _plain_types(f: Field[Any, Any]) -> tuple[type, ...]:
    """The Python types a column takes as they are (get_db_prep_save would return them unchanged)."""
    if isinstance(f, ForeignKey):
        return _plain_types(f.target_field)
    if isinstance(f, (DateField, FileField)):  # DateTimeField is a DateField
        return ()
    if isinstance(f, (CharField, TextField)) and type(f).get_prep_value in _TEXT_PREP:
        return (str,)
    if isinstance(f, IntegerField) and type(f).get_prep_value is IntegerField.get_prep_value:
        return (int,)
    if isinstance(f, BooleanField) and type(f).get_prep_value is BooleanField.get_prep_value:
        return (bool,)
    return ()


_TEXT_PREP = {CharField.get_prep_value, TextField.get_prep_value}


_tables: dict[tuple[str, type[Model]], Table] = {}


def table(model: type[Model]) -> Table:
    """The model's statements for the default connection (built on first use, per process)."""
    key = (connection.vendor, model)
    found = _tables.get(key)
    if found is None:
        found = _tables[key] = Table(model)
    return found
