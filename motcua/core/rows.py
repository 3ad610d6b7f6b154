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

Set-based writes per batch (`batch()`, opened by `stats.facts.deferred()`, the simulator's
batches): inside it, the rows of the append-only tables that a transition only adds and that
no transition reads back (the events, the hand-overs, the notification outbox) are queued by
`Table.append` and inserted once per table when the batch ends (`flush()`), in the order they
were queued. See `batch()` for the rules that keep this exact.

Writes carried by the next statement (`combining()`, opened by each transition; PostgreSQL with
Django's default client-side binding only): a write whose result the transition does not need
at once — the UPDATE of the dossier's changed columns, of its steps, the hand-over and outbox
INSERTs, the statistics' statement — is kept (`defer`) and sent ahead of the next statement
the transition runs, in the same round trip (`execute`: one query string of several
statements, their results checked in order), or alone when the transition ends. See
`combining()` for the rules that keep this exact.

Prepared (PostgreSQL, `_prepared`, MOTCUA_DB_PREPARE): each of these statements is planned once
per connection — sent as EXECUTE of a statement the connection PREPAREd the first time — instead
of being planned anew every time; `expand` turns what was sent back into readable statements.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
import uuid
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, router, transaction
from django.db.models import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    Field,
    FileField,
    ForeignKey,
    IntegerField,
    Model,
    QuerySet,
    TextField,
)
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init

if TYPE_CHECKING:
    from psycopg.abc import Transformer as Adaptation

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
        self._insert_many: dict[tuple[int, bool], str] = {}
        # PostgreSQL: the array cast of each inserted column, when every one can go through
        # UNNEST (Django's own criteria for bulk_create), else None.
        self._unnest: list[str] | None = None
        self._unnest_pk = ""
        if connection.vendor == "postgresql":
            def cast(f: Field[Any, Any]) -> str | None:
                target = f.target_field if isinstance(f, ForeignKey) else f
                if hasattr(f, "get_placeholder") or target.get_internal_type() not in connection.data_types:
                    return None
                return f"(%s)::{str(f.db_type(connection)).split('(')[0]}[]"

            casts = [cast(f) for f in self.insert_fields]
            pk_cast = cast(self.pk)
            if pk_cast is not None and all(c is not None for c in casts):
                self._unnest = [c for c in casts if c is not None]
                self._unnest_pk = pk_cast
        self._sequence: str | None = None
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
        # Date-time columns that take an aware datetime as it is (PostgreSQL, Django's own
        # DateTimeField preparation: `adapt_datetimefield_value` returns the value).
        self._aware = {
            f.attname for f in self.fields
            if connection.vendor == "postgresql" and settings.USE_TZ
            and type(f).get_db_prep_value is DateTimeField.get_db_prep_value
            and type(f).get_prep_value is DateTimeField.get_prep_value
        }
        # `build` may skip Model.__init__: nothing listens to the model's init signals and the
        # model keeps Django's own __init__ and from_db.
        self._plain_init = (
            model.__init__ is Model.__init__
            and model.from_db.__func__ is Model.from_db.__func__  # type: ignore[attr-defined]
            and not pre_init.has_listeners(model)
            and not post_init.has_listeners(model)
        )
        self._plan_new()
        self._computed = {
            f.attname for f in self.fields
            if isinstance(f, FileField) or getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        }
        # Per inserted column: the field, its attname, its plain types, aware, computed (`row`).
        self._insert_plan = [
            (f, f.attname, self._plain[f.attname], f.attname in self._aware, f.attname in self._computed)
            for f in self.insert_fields
        ]

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
            db = _db()
            for index, found in self.converters:
                value = row[index]
                for converter in found:
                    value = converter(value, self._col_refs[index], db)
                row[index] = value
        if not self._plain_init:
            return self.model.from_db(DEFAULT_DB_ALIAS, self.attnames, row)
        # What `from_db` → `Model.__init__(*values)` leaves, without its per-field descriptor
        # calls (a fresh instance: no related object is cached that a key change would drop).
        obj = self.model.__new__(self.model)
        obj.__dict__.update(zip(self.attnames, row, strict=True))
        state = obj._state = ModelState()
        state.adding = False
        state.db = DEFAULT_DB_ALIAS
        return obj

    def new(self, **values: Any) -> Model:
        """A new (unsaved) instance, as `Model(**values)` makes it: the fields not given take
        their defaults; a relation given by name (`dossier=obj`) sets the key and caches the
        object. Without `Model.__init__`'s per-field loop and descriptor calls where `build`
        may skip it (same conditions); else `Model(**values)`."""
        if not self._plain_init or self._new_plan is None:
            return self.model(**values)
        obj = self.model.__new__(self.model)
        attrs = obj.__dict__
        cache: dict[str, Any] = {}
        # Every plain default in one update (the values given replace theirs below), the callable
        # ones called only for the fields not given: a loop over every field per new row cost
        # more than the rest of this function (a transition makes 3 or 4 rows).
        attrs.update(self._new_defaults)
        for attname, default in self._new_calls:
            if attname not in values:
                attrs[attname] = default()
        for name, value in values.items():
            relation = self._relations.get(name)
            if relation is None:
                if name not in self.by_name:
                    return self.model(**values)  # a property or an unknown name: Django decides
                attrs[self.by_name[name].attname] = value
                continue
            attname, target, related = relation
            if value is not None and not isinstance(value, related):
                return self.model(**values)  # Django's own error for a wrong type
            attrs[attname] = None if value is None else getattr(value, target)
            cache[name] = value
        attrs["_state"] = state = ModelState()
        if cache:
            state.fields_cache = cache
            for value in cache.values():  # what the relation's descriptor does on assignment
                if value is not None:
                    if state.db is None:
                        state.db = router.db_for_write(self.model, instance=value)
                    if value._state.db is None:
                        value._state.db = router.db_for_write(type(value), instance=obj)
        return obj

    def _plan_new(self) -> None:
        """What `new` needs: each field's default (a callable called per instance) and the
        relations by name."""
        plan: list[tuple[str, Any, bool]] = []
        for f in self.fields:
            if f.has_default() and callable(f.default):
                plan.append((f.attname, f.default, True))  # called per instance, as get_default does
            else:
                plan.append((f.attname, f.get_default(), False))
        self._new_plan: list[tuple[str, Any, bool]] | None = plan
        self._new_defaults = {attname: default for attname, default, call in plan if not call}
        self._new_calls = [(attname, default) for attname, default, call in plan if call]
        self._relations: dict[str, tuple[str, str, type[Model]]] = {}
        for f in self.fields:
            if isinstance(f, ForeignKey):
                self._relations[f.name] = (f.attname, f.target_field.attname, f.related_model)
            elif f.is_relation:
                self._new_plan = None  # a one-to-one or other relation: Model.__init__

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
        db = _db()
        params = [self.value(obj, f, True, db) for f in self.insert_fields]
        with db.cursor() as cursor:
            execute(cursor, self.insert_sql, params)
            pk = cursor.fetchone()[0] if self.returning else cursor.lastrowid
        setattr(obj, self.pk.attname, pk)
        obj._state.adding = False
        obj._state.db = DEFAULT_DB_ALIAS

    def _insert_later(self, objs: Sequence[Model], keyed: bool = False) -> None:
        """`insert_many`, kept for the next statement (`combining()`): the keys are given when
        it runs (`keyed`: the objects carry theirs); the objects count as saved at once."""
        values = [self.row(obj) for obj in objs]
        sql = self._values_sql(len(objs), keyed)
        for obj in objs:
            obj._state.adding = False
            obj._state.db = DEFAULT_DB_ALIAS
        if keyed:
            params: list[Any] = []
            for obj, row_values in zip(objs, values, strict=True):
                params.append(obj.pk)
                params.extend(row_values)
            message = f"{self.model.__name__}: the INSERT did not write every row."
            defer(sql, params, rowcount(len(objs), message))
            return
        attname = self.pk.attname

        def keys(cursor: Any) -> None:
            found = cursor.fetchall()
            if len(found) != len(objs):
                name = self.model.__name__
                raise DatabaseError(f"{name}: the INSERT wrote {len(found)} of {len(objs)} rows.")
            for obj, (pk,) in zip(objs, found, strict=True):
                setattr(obj, attname, pk)

        defer(sql, [v for row in values for v in row], keys)

    def insert_reserved(self, objs: Sequence[Model]) -> None:
        """INSERT new objects that carry keys reserved already (`batch_keys`, or `nextval` of
        `sequence()` in a statement the transition ran): kept for the next statement inside
        `combining()` (the row count checked then), else at once. They count as saved now."""
        if not objs:
            return
        if keeping():
            self._insert_later(objs, keyed=True)
        else:
            self.insert_many(objs, keyed=True)

    def insert_many(self, objs: Sequence[Model], *, keyed: bool = False) -> None:
        """One multi-row INSERT (keys given back where the database returns them).

        `keyed`: the objects carry their keys already (reserved by `reserve`), inserted as they are.
        """
        if not objs:
            return
        self._insert_rows(objs, [self.row(obj) for obj in objs], keyed)

    def row(self, obj: Model) -> list[Any]:
        """The object's values for an INSERT, every column but the key (taken now): what
        `value` gives for each, in one loop (the plain cases without a call)."""
        self._prepare(obj)
        db = _db()
        attrs = obj.__dict__
        out: list[Any] = []
        datetime = dt.datetime
        for f, name, plain, aware, computed in self._insert_plan:
            if computed:
                value = f.pre_save(obj, True)
            elif name in attrs:
                value = attrs[name]  # what the field's descriptor returns for a loaded value
            else:
                value = getattr(obj, name)
            if value is None or type(value) in plain:
                out.append(value)
            elif aware and type(value) is datetime and value.utcoffset() is not None:
                out.append(value)
            else:
                out.append(f.get_db_prep_save(value, db))
        return out

    def _values_sql(self, rows: int, keyed: bool) -> str:
        """A multi-row INSERT … VALUES of `rows` rows (`keyed`: with their keys, else returning
        them where the database can)."""
        sql = self._insert_many.get((rows, keyed))
        if sql is None:
            count = len(self.insert_fields) + keyed
            row = "(" + ", ".join(["%s"] * count) + ")"
            columns = f"{self.pk_column}, {self.insert_columns}" if keyed else self.insert_columns
            sql = f"INSERT INTO {self.name} ({columns}) VALUES {', '.join([row] * rows)}"
            if self.returning and not keyed:
                sql += f" RETURNING {self.pk_column}"
            if rows <= 8:  # the shapes a transition uses; a batch's flush varies
                self._insert_many[(rows, keyed)] = sql
        return sql

    def _insert_rows(self, objs: Sequence[Model], values: Sequence[list[Any]], keyed: bool) -> None:
        if len(objs) > 8 and self._unnest is not None:
            self._insert_unnest(objs, values, keyed)
            return
        sql = self._values_sql(len(objs), keyed)
        params: list[Any] = []
        for obj, value_row in zip(objs, values, strict=True):
            if keyed:
                params.append(obj.pk)
            params.extend(value_row)
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            execute(cursor, sql, params)
            if keyed:
                keys = [obj.pk for obj in objs]
            else:
                keys = [r[0] for r in cursor.fetchall()] if self.returning else [None] * len(objs)
        for obj, pk in zip(objs, keys, strict=True):
            setattr(obj, self.pk.attname, pk)
            obj._state.adding = False
            obj._state.db = DEFAULT_DB_ALIAS

    def _insert_unnest(self, objs: Sequence[Model], values: Sequence[list[Any]], keyed: bool) -> None:
        """Many rows as one array per column (PostgreSQL; what Django 5.2's bulk_create does):
        a statement of one placeholder per column, which the driver parses once, whatever the
        number of rows (a batch's flush), instead of one per value."""
        assert self._unnest is not None
        casts, columns = list(self._unnest), self.insert_columns
        if keyed:
            casts.insert(0, self._unnest_pk)
            columns = f"{self.pk_column}, {columns}"
        sql = f"INSERT INTO {self.name} ({columns}) SELECT * FROM UNNEST({', '.join(casts)})"
        if not keyed:
            sql += f" RETURNING {self.pk_column}"
        arrays = [list(column) for column in zip(*values, strict=True)]
        if keyed:
            arrays.insert(0, [obj.pk for obj in objs])
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            execute(cursor, sql, arrays)
            keys = [obj.pk for obj in objs] if keyed else [r[0] for r in cursor.fetchall()]
        for obj, pk in zip(objs, keys, strict=True):
            setattr(obj, self.pk.attname, pk)
            obj._state.adding = False
            obj._state.db = DEFAULT_DB_ALIAS

    def append(self, obj: Model, *, key: bool = False) -> None:
        """INSERT the new object now, or, inside a `batch()`, queue it for the batch's INSERT.

        `key`: the caller needs the object's key at once (another row refers to it): inside a
        batch it is reserved (`reserve`) before the object is queued; outside one the INSERT
        runs at once and returns it — unless the object carries a key reserved already (by a
        statement that took `nextval` of `sequence()`), then it is inserted with it, kept for
        the next statement inside `combining()`. Without `key` the key is given at the flush,
        or when the kept INSERT runs. Either way the object counts as saved (`_state.adding` False).
        """
        queue = _current()
        if queue is None:
            if key and obj.pk is not None:  # its key reserved already (`Table.sequence`)
                if keeping():
                    self._insert_later([obj], keyed=True)
                else:
                    self.insert_many([obj], keyed=True)
            elif key or not keeping():
                self.insert(obj)
            else:
                self._insert_later([obj])
            return
        values = self.row(obj)  # the values as they are now, as an INSERT now would take them
        if key and obj.pk is None:
            setattr(obj, self.pk.attname, queue.next_key(self))
        obj._state.adding = False
        obj._state.db = DEFAULT_DB_ALIAS
        queue.add(self, obj, key, values)

    def append_many(self, objs: Sequence[Model], *, key: bool = False) -> None:
        """`append` for several objects (one multi-row INSERT outside a batch)."""
        queue = _current()
        if queue is None:
            if key or not keeping() or not objs:
                self.insert_many(objs)
            else:
                self._insert_later(objs)
            return
        for obj in objs:
            self.append(obj, key=key)

    def reserve(self, count: int) -> list[int]:
        """`count` keys for new rows, never handed out again (call it inside a transaction).

        PostgreSQL: `nextval` of the key's sequence, `count` times in one statement (the
        sequence is not transactional: a key reserved by a transaction that rolls back is
        never reused, as with any INSERT). SQLite: max + 1 of the keys used so far (the table's
        largest key and its AUTOINCREMENT counter): the caller's transaction holds the
        database's one write lock (IMMEDIATE), so nobody else inserts before it commits; the
        rows of this table must then be inserted through `append` until the flush.
        """
        db = connections[DEFAULT_DB_ALIAS]
        with db.cursor() as cursor:
            if db.vendor == "postgresql":
                execute(cursor, "SELECT nextval(%s) FROM generate_series(1, %s)", [self.sequence(), count])
                return [row[0] for row in cursor.fetchall()]
            if db.vendor == "sqlite":
                cursor.execute(
                    f"SELECT MAX(COALESCE((SELECT MAX({self.pk_column}) FROM {self.name}), 0), "
                    "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))",
                    [self.model._meta.db_table],
                )
                last = int(cursor.fetchone()[0])
                return list(range(last + 1, last + 1 + count))
        raise DatabaseError(f"Keys cannot be reserved on {db.vendor}.")

    def sequence(self) -> str:
        """The name of the key's sequence (PostgreSQL; read once per process)."""
        if self._sequence is None:
            with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
                cursor.execute(
                    "SELECT pg_get_serial_sequence(%s, %s)", [self.model._meta.db_table, self.pk.column]
                )
                self._sequence = cursor.fetchone()[0]
            if self._sequence is None:
                raise DatabaseError(f"{self.model.__name__}: no sequence for its key.")
        return self._sequence

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
        """UPDATE these fields (names or attnames) of the saved object; exactly one row, or an error.

        Inside `combining()` the statement is kept for the next one (its row count checked then)."""
        if not names:
            return
        sql, fields = self.update_sql(names)
        db = _db()
        params = [self.value(obj, f, False, db) for f in fields]
        params.append(obj.pk)
        if keeping():
            defer(sql, params, rowcount(1, f"{self.model.__name__} {obj.pk}: the UPDATE affected no row."))
            return
        with db.cursor() as cursor:
            cursor.execute(sql, params)
            if cursor.rowcount != 1:
                raise DatabaseError(f"{self.model.__name__} {obj.pk}: the UPDATE affected no row.")

    def prep(self, name: str, value: Any, db: Any = None) -> Any:
        """A value of field `name` as the database takes it."""
        f = self.by_name[name]
        if value is None or type(value) in self._plain[f.attname]:
            return value
        if type(value) is dt.datetime and f.attname in self._aware and value.utcoffset() is not None:
            return value  # what DateTimeField gives PostgreSQL for an aware datetime: itself
        return f.get_db_prep_save(value, db or _db())


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


_tables: dict[type[Model], Table] = {}


def table(model: type[Model]) -> Table:
    """The model's statements for the default connection (built on first use, per process).

    Kept by model alone: the default connection's vendor is the one of the settings, which a
    process does not change (every thread's connection is of the same vendor)."""
    found = _tables.get(model)
    if found is None:
        found = _tables[model] = Table(model)
    return found


# ---------------------------------------------------------------------------------------
# Writes carried by the next statement (PostgreSQL)

# A kept statement: its SQL, its parameters, and what to do with its result (the cursor is on
# it); that may return a function to call once every result of the round trip is read.
Check = Callable[[Any], "Callable[[], None] | None"]


class _Kept:
    def __init__(self) -> None:
        self.depth = 0  # open `combining()` blocks
        self.db: Any = None  # the default connection while a block is open (`_db`)
        self.statements: list[tuple[str, list[Any], Check | None]] = []


_kept_local = threading.local()


def _kept() -> _Kept:
    kept = getattr(_kept_local, "kept", None)
    if kept is None:
        kept = _kept_local.kept = _Kept()
    return kept


def _can_combine(db: Any = None) -> bool:
    """PostgreSQL with client-side binding (Django's default): a query string may hold several
    statements with their parameters (psycopg's ClientCursor), each with its own result."""
    db = db or _db()
    return db.vendor == "postgresql" and not db.settings_dict.get("OPTIONS", {}).get("server_side_binding")


def _db() -> Any:
    """The default connection (`connections[DEFAULT_DB_ALIAS]`): inside `combining()` the one
    the outermost block took. A transition asks for it a few dozen times and each lookup
    through Django's thread-critical local costs about a microsecond (asgiref probes for a
    running event loop every time); within one thread's block it is the same object."""
    kept = getattr(_kept_local, "kept", None)
    if kept is not None and kept.db is not None:
        return kept.db
    return connections[DEFAULT_DB_ALIAS]


def keeping() -> bool:
    """Whether writes are kept for the next statement now (inside `combining()` on PostgreSQL):
    a new row whose key is reserved beforehand can then travel with them (`Table.insert_reserved`)."""
    return _kept().depth > 0


def batch_keys(table: Table, count: int) -> list[int] | None:
    """`count` keys of `table` from the current batch's reserved blocks (one statement per
    block of 64 to 1,024 keys, `_Queue.next_key`), when writes are kept inside a batch on
    PostgreSQL; else None (reserve them with a statement the caller runs anyway, or insert
    with RETURNING)."""
    queue = _current()
    if queue is None or not queue.watching or _kept().depth == 0:
        return None
    return [queue.next_key(table) for _ in range(count)]


def reserves_keys() -> bool:
    """Whether a statement the transition runs anyway should also reserve the key of the row
    it will append (`nextval` of `Table.sequence()`): writes are kept (`combining()`) and no
    batch reserves keys in blocks."""
    return _kept().depth > 0 and _current() is None


@contextmanager
def combining() -> Iterator[None]:
    """One transition's writes, each kept (`defer`) until the next statement carries it.

    Inside the block, on PostgreSQL, `Table.update`, the INSERTs of `Table.append` without a
    key needed at once, and the callers' other `defer`red statements are not sent when made: the
    next statement run through `execute` carries them ahead of itself in the same round trip,
    and any other statement on the connection (an ORM query, a savepoint, a raw cursor) writes
    them first (`_guard`, the first of the connection's `execute_wrappers`). So every read in
    the transaction sees them, and their order is kept. What keeps it
    exact:
    - when the outermost block ends normally the kept statements are sent (one round trip),
      before the caller's transaction can commit — except inside `batch()`, whose end sends them
      (the next transition's lock carries them meanwhile);
    - when an exception leaves the block they are dropped, with those of earlier blocks of the
      batch: the block must be one whose exception rolls the transaction back (the services'
      `_atomic`: the transaction's own block, or the caller's without a savepoint, which Django
      then marks for rollback; a refusal raised before any write is caught inside the block);
    - a kept statement's row count (or returned rows) is checked when it runs; an error then
      surfaces at the statement that carried it, inside the same transaction, which then rolls
      back as for any failed write.
    Elsewhere (SQLite, server-side binding) the block does nothing.
    """
    db = connections[DEFAULT_DB_ALIAS]
    if not _can_combine(db):
        yield
        return
    kept = _kept()
    kept.depth += 1
    kept.db = db
    try:
        yield
    except BaseException:
        kept.depth -= 1
        if kept.depth == 0:
            kept.db = None
        _drop()
        raise
    kept.depth -= 1
    try:
        if kept.depth == 0 and _current() is None:
            write_kept()
    finally:
        if kept.depth == 0:
            kept.db = None


def defer(sql: str, params: list[Any], check: Check | None = None) -> None:
    """Keep a write for the next statement (inside `combining()`, else run it now)."""
    if not keeping():
        with _db().cursor() as cursor:
            cursor.execute(sql, params)
            follow = check(cursor) if check is not None else None
        if follow is not None:
            follow()
        return
    kept = _kept()
    if not kept.statements:
        _guard_connection()  # once per round trip (it stays first once installed)
    kept.statements.append((sql, params, check))


def rowcount(expected: int, message: str) -> Check:
    """A check that the kept statement changed exactly `expected` rows."""
    def check(cursor: Any) -> None:
        if cursor.rowcount != expected:
            raise DatabaseError(message)
        return None

    return check


def _take() -> list[tuple[str, list[Any], Check | None]]:
    kept = _kept()
    taken, kept.statements = kept.statements, []
    return taken


def _drop() -> None:
    _take()


def execute(cursor: Any, sql: str, params: Sequence[Any]) -> None:
    """`cursor.execute(sql, params)`, with the kept writes ahead of it in the same round trip;
    the cursor is left on this statement's result.

    For the services' own statements only (their locks, INSERTs of new rows, key
    reservations, reads of rows other than dossiers and steps): inside a batch they leave the
    dossiers the batch holds (`held`) as they are.
    """
    taken = _take() if _kept().statements else []
    _kept_local.own = True
    try:
        if not taken:
            if _prepared(cursor.db) is None:
                cursor.execute(sql, params)
            else:
                _send(cursor, [(sql, params)])
            return
        with _failing_rolls_back():
            _send(cursor, [*((t[0], t[1]) for t in taken), (sql, params)])
            _results(cursor, taken)
    finally:
        _kept_local.own = False


def _send(cursor: Any, statements: list[tuple[str, Sequence[Any]]]) -> None:
    """One query string of the statements with their values merged in (psycopg's ClientCursor
    `mogrify`, what executing each would send), run without parameters; the cursor is left on
    the first statement's result. Merged one by one, each statement's parsing is the driver's
    cached one (it caches a query's parsing only up to 50 parameters and 4,096 characters,
    which a joined string of several would pass). With prepared statements on (`_prepared`),
    each is sent as EXECUTE of its prepared statement, and the PREPAREs this connection still
    needs go first (their results skipped)."""
    state = _prepared(cursor.db)
    if state is None:
        cursor.execute(";\n".join(cursor.mogrify(sql, params) for sql, params in statements))
        return
    prepares: list[tuple[str, Any]] = []
    # One adaptation context for the whole round trip, as `mogrify` makes for each call: its
    # dumpers, looked up once per value type, serve every statement (`_Prepared.text`).
    tx = Transformer(cursor.cursor)
    texts = [state.text(cursor, tx, sql, params, prepares) for sql, params in statements]
    try:
        cursor.execute(";\n".join([*(text for text, _key in prepares), *texts]))
    except BaseException as error:
        state.failed(error, [key for _text, key in prepares])
        raise
    for _ in prepares:
        cursor.nextset()


def _results(cursor: Any, taken: list[tuple[str, list[Any], Check | None]]) -> None:
    """Check the kept statements' results (the cursor on the first), move to the next result
    after each; then call what the checks asked for."""
    after = []
    for _sql, _params, check in taken:
        if check is not None:
            follow = check(cursor)
            if follow is not None:
                after.append(follow)
        cursor.nextset()
    for follow in after:
        follow()


def write_kept() -> None:
    """Send the kept writes now (one round trip), if any."""
    taken = _take()
    if not taken:
        return
    with _db().cursor() as cursor:
        _kept_local.own = True
        try:
            with _failing_rolls_back():
                _send(cursor, [(t[0], t[1]) for t in taken])
                _results(cursor, taken)
        finally:
            _kept_local.own = False


# ---------------------------------------------------------------------------------------
# Prepared statements (PostgreSQL with client-side binding)
#
# The services' statements have a few fixed shapes (built once per process) and run on every
# transition: planning them each time costs the server more than running them (the lock's
# four-table SELECT: 0.4 ms of planning for 0.13 ms of execution). So each connection
# PREPAREs a shape the first time it sends it and then sends `EXECUTE name(values…)`: still a
# plain query string with the values merged in (what lets the kept writes travel together,
# see `combining()`), with the plan the server keeps for the session. A statement's name is
# derived from its text and parameter types; the names a connection has prepared are kept per
# connection (a new connection, or one from the pool, prepares again what it lacks). When a
# round trip that carried PREPAREs fails, whether they ran is not known: that connection then
# uses new names (a generation number), leaving at most a few unused statements behind.
# MOTCUA_DB_PREPARE=0 turns it off (PgBouncer in transaction mode: its server connections
# change between transactions, and SQL-level prepared statements with them).

# PREPARE's parameter types, by the Python type of the value Django hands the driver; a value of
# another type (an array, an adapter object) sends its statement unprepared. Integers are
# bigint (an integer column takes it, and compares with it using its index); text and NULL are
# left for the server to infer from where they stand, as it does for unprepared statements.
_PARAMETER_TYPES: dict[type, str] = {
    bool: "boolean",
    int: "bigint",
    float: "double precision",
    Decimal: "numeric",
    str: "unknown",
    type(None): "unknown",
    dt.datetime: "timestamptz",
    dt.date: "date",
    dt.time: "time",
    dt.timedelta: "interval",
    uuid.UUID: "uuid",
    bytes: "bytea",
}
try:
    from psycopg.adapt import Transformer
    from psycopg.types.json import Jsonb

    _PARAMETER_TYPES[Jsonb] = "jsonb"
except ImportError:  # SQLite-only installs
    pass


def _parameter_type(cls: type) -> str:
    """PREPARE's type of a value's type, or of the nearest type above it subclasses (a choices
    enum: str or int); "" if none."""
    for base in cls.__mro__:
        found = _PARAMETER_TYPES.get(base)
        if found is not None:
            _PARAMETER_TYPES[cls] = found
            return found
    return ""


# Shapes prepared per connection at most (a transition uses a few dozen; the rest run unprepared).
PREPARED_PER_CONNECTION = 200
# Each shape's name and its text with $n placeholders (None: not preparable), shared by connections;
# the shapes sent once so far (prepared from the second time); at most _SHAPES_KEPT of each.
_SHAPES: dict[tuple[str, tuple[str, ...]], tuple[str, str] | None] = {}
_SEEN: set[tuple[str, tuple[str, ...]]] = set()
_SHAPE_TEXT: dict[str, str] = {}  # name → the statement, for `expand`
_SHAPES_KEPT = 10_000


class _Prepared:
    """The statements one database connection has prepared."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # name → "EXECUTE name"
        self.generation = 0

    def text(
        self, cursor: Any, tx: Adaptation, sql: str, params: Sequence[Any], prepares: list[tuple[str, Any]]
    ) -> str:
        """The statement as EXECUTE with its values, adding to `prepares` its PREPARE (and its
        shape's key) if this connection lacks it; the statement itself (values merged) when it
        cannot be prepared, or the first time the process sends its shape (a shape sent once,
        an INSERT with an unusual pattern of NULLs, takes no room among a connection's)."""
        try:
            # map() rather than a generator: this runs for every value a transition sends.
            types = tuple(map(_PARAMETER_TYPES.__getitem__, map(type, params)))
        except KeyError:
            types = tuple(_parameter_type(type(v)) for v in params)
            if "" in types:
                return str(cursor.mogrify(sql, params))
        key = (sql, types)
        if key in _SHAPES:
            shape = _SHAPES[key]
        elif key in _SEEN or len(_SEEN) >= _SHAPES_KEPT:
            shape = _shape(sql, types)
        else:
            _SEEN.add(key)
            shape = None
        if shape is None:
            return str(cursor.mogrify(sql, params))
        name = f"{shape[0]}_{self.generation}" if self.generation else shape[0]
        execute = self.names.get(name)
        if execute is None:
            if len(self.names) >= PREPARED_PER_CONNECTION:
                return str(cursor.mogrify(sql, params))
            declared = f" ({', '.join(types)})" if types else ""
            prepares.append((f"PREPARE {name}{declared} AS {shape[1]}", key))
            execute = self.names[name] = f"EXECUTE {name}"
        if not params:
            return execute
        # The values as `mogrify` merges them (each value's literal from the driver's dumper,
        # None as NULL), without its parsing of a placeholder template: that parsing, and the
        # Transformer each call builds, cost more than the literals themselves.
        values = b", ".join(map(tx.as_literal, params)).decode(tx.encoding)
        return f"{execute}({values})"

    def failed(self, error: BaseException, prepared: list[Any]) -> None:
        """A round trip failed. With PREPAREs in it, whether they ran is not known: new names from
        now on; if the server refused one as written (class 42: a parameter whose type it cannot
        infer, an operator for bigint missing), the shapes it carried are sent unprepared from
        now on. When the server lost this connection's statements (26000: DEALLOCATE, a pooler)
        or cannot run one any more (0A000: a migration changed a column it returns), the
        connection prepares everything again, under new names."""
        code = getattr(error.__cause__, "sqlstate", None) or getattr(error, "sqlstate", None) or ""
        if prepared or code in ("26000", "0A000"):
            self.generation += 1
        if code in ("26000", "0A000"):
            self.names.clear()
        if prepared and code.startswith("42"):
            for key in prepared:
                _SHAPES[key] = None


def _shape(sql: str, types: tuple[str, ...]) -> tuple[str, str] | None:
    """The name and $n text of a statement with `%s` placeholders (None: other % forms)."""
    parts = sql.replace("%%", "\0").split("%s")
    if len(parts) != len(types) + 1 or any("%" in part for part in parts):
        shape = None
    else:
        text = parts[0] + "".join(f"${i}{part}" for i, part in enumerate(parts[1:], start=1))
        text = text.replace("\0", "%")
        digest = hashlib.blake2b(f"{text}\0{','.join(types)}".encode(), digest_size=8).hexdigest()
        shape = (f"motcua_{digest}", text)
    if len(_SHAPES) < _SHAPES_KEPT:
        _SHAPES[(sql, types)] = shape
        if shape is not None:
            _SHAPE_TEXT[shape[0]] = shape[1]
    return shape


_prepared_states: weakref.WeakKeyDictionary[Any, _Prepared] = weakref.WeakKeyDictionary()


def _prepared(db: Any = None) -> _Prepared | None:
    """The default connection's (or `db`'s) prepared statements, when the services send theirs
    prepared (PostgreSQL, client-side binding, MOTCUA_DB_PREPARE on); else None."""
    db = db or _db()
    if not getattr(settings, "MOTCUA_DB_PREPARE", True) or not _can_combine(db):
        return None
    raw = db.connection
    if raw is None:
        return None
    state = _prepared_states.get(raw)
    if state is None:
        state = _prepared_states[raw] = _Prepared()
    return state


def expand(sql: str) -> str:
    """A query string as sent, readable: each `EXECUTE` of a prepared statement replaced by the
    statement's text (its $n placeholders), each PREPARE left out (to read captured queries:
    tests, debugging; statements are told apart by ";\n" outside quoted literals)."""
    if "motcua_" not in sql:
        return sql
    out = []
    for statement in _statements(sql):
        if statement.startswith("PREPARE motcua_"):
            continue
        match = _EXECUTE.match(statement)
        out.append(_SHAPE_TEXT.get(match.group(1), statement) if match else statement)
    return ";\n".join(out)


_EXECUTE = re.compile(r"EXECUTE (motcua_[0-9a-f]{16})(?:_\d+)?")


def _statements(sql: str) -> Iterator[str]:
    start, quoted = 0, False
    for i, char in enumerate(sql):
        if char == "'":
            quoted = not quoted
        elif not quoted and char == ";" and sql.startswith(";\n", i):
            yield sql[start:i]
            start = i + 2
    yield sql[start:]


@contextmanager
def _failing_rolls_back() -> Iterator[None]:
    """A round trip of kept writes that fails (an error, or a check of one of them) may have
    run the statements after the failing one: the transaction must not commit them, whatever
    statement carried them and whoever catches the error (`transaction.set_rollback`)."""
    try:
        yield
    except BaseException:
        connection = connections[DEFAULT_DB_ALIAS]
        if connection.in_atomic_block:
            transaction.set_rollback(True)
        raise


def _guard(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
    """The connection's outermost execute wrapper (PostgreSQL, installed on first use and kept):
    a statement other than the services' own (`execute`, the kept writes) writes the kept
    writes first and empties the batch's held copies (`held`)."""
    if not getattr(_kept_local, "own", False):
        kept = getattr(_kept_local, "kept", None)
        if kept is not None and kept.statements:
            write_kept()
        queue = _current()
        if queue is not None:
            queue.held.clear()
            queue.foreign += 1
    return execute(sql, params, many, context)


def _guard_connection() -> None:
    """Put `_guard` first among the default connection's execute wrappers, once. First, and
    never removed: Django's `execute_wrapper()` blocks remove the last wrapper when they end,
    whichever it is."""
    db = _db()
    if _guard not in db.execute_wrappers:
        db.execute_wrappers.insert(0, _guard)


def held() -> dict[Any, Any] | None:
    """Inside a batch where writes are kept (PostgreSQL): the services' locked copies of the
    dossiers this transaction holds, by key, as they stand after the batch's last transition
    on each (`dossiers.services.kernel._lock` reuses them instead of locking again). Emptied
    by any statement on the connection other than the services' own (`execute`, the kept
    writes): an ORM query, a savepoint, a raw cursor — whatever might have changed a row
    behind the copies. None elsewhere."""
    queue = _current()
    return queue.held if queue is not None and queue.watching else None


def foreign_statements() -> int:
    """How many statements other than the services' own the current batch has seen (0 outside
    one): a transition holds its copy (`held`) only if none ran between its lock and its end —
    one of its own ORM writes (a rehome's step moves) may have changed a row behind the copy."""
    queue = _current()
    return queue.foreign if queue is not None else 0


def forget_held() -> None:
    """Drop the held copies (a transition failed or was refused: its copy may be half-changed)."""
    queue = _current()
    if queue is not None:
        queue.held.clear()


# ---------------------------------------------------------------------------------------
# Set-based writes per batch


class _Marker:
    """A no-op registered with `transaction.on_commit`: Django drops it when a savepoint that
    was open at its registration rolls back, which is how the queue learns of that rollback."""

    __slots__ = ()

    def __call__(self) -> None:
        return None


_FIRST_BLOCK, _LAST_BLOCK = 64, 1024
_Entry = tuple[Model, bool, list[Any], "_Marker | None"]


class _Queue:
    """The rows a batch has queued, per table in the order of first use, and the keys reserved."""

    def __init__(self, depth: int) -> None:
        self.depth = depth  # len(connection.savepoint_ids) when the batch began
        # Per table: (object, its key was reserved, its values, the marker of when it was queued).
        self.rows: dict[Table, list[_Entry]] = {}
        # Rows written by a flush while a savepoint (opened since the batch began) was open,
        # with the flush's marker.
        self.written: list[tuple[Table, _Entry, _Marker]] = []
        self.keys: dict[Table, list[int]] = {}  # reserved and not handed out, in order
        self.next_sqlite: dict[Table, int] = {}
        self.block: dict[Table, int] = {}
        self.marker: tuple[tuple[str, ...], _Marker] | None = None
        self.memo: dict[Any, Any] = {}  # see `memo()`
        self.held: dict[Any, Any] = {}  # see `held()`
        self.foreign = 0  # statements other than the services' own seen by `_guard`
        self.watching = False  # PostgreSQL with kept writes: `_guard` watches the statements

    def savepoints(self) -> tuple[str, ...]:
        """The savepoints opened since the batch began and still open."""
        return tuple(sid for sid in connection.savepoint_ids[self.depth :] if sid is not None)

    def current_marker(self) -> _Marker | None:
        """None outside any savepoint opened since the batch began; else a marker that lives
        as long as none of the open savepoints rolls back."""
        open_now = self.savepoints()
        if not open_now:
            return None
        if self.marker is not None and self.marker[0] == open_now:
            return self.marker[1]  # savepoint ids are never reused: the same ones, still open
        marker = _Marker()
        transaction.on_commit(marker)
        self.marker = (open_now, marker)
        return marker

    def next_key(self, table: Table) -> int:
        if connection.vendor == "sqlite":
            key = self.next_sqlite.get(table)
            if key is None:
                key = table.reserve(1)[0]
            self.next_sqlite[table] = key + 1
            return key
        free = self.keys.setdefault(table, [])
        if not free:
            size = self.block.get(table, _FIRST_BLOCK // 2) * 2
            self.block[table] = min(size, _LAST_BLOCK)
            free.extend(reversed(table.reserve(self.block[table])))
        return free.pop()

    def add(self, table: Table, obj: Model, keyed: bool, values: list[Any]) -> None:
        self.rows.setdefault(table, []).append((obj, keyed, values, self.current_marker()))

    def flush(self) -> None:
        """INSERT what is queued, each table's rows in as few statements as the drivers take."""
        alive = {id(entry[1]) for entry in connection.run_on_commit}  # (savepoints, function, robust)

        def lives(marker: _Marker | None) -> bool:
            return marker is None or id(marker) in alive

        # Rows a rolled-back savepoint took away although they were queued outside it: again.
        kept = []
        for table, entry, flushed in self.written:
            if lives(flushed):
                kept.append((table, entry, flushed))
            elif lives(entry[3]):
                self.rows.setdefault(table, []).append(entry)
        self.written = kept
        if not any(self.rows.values()):
            return
        under = self.current_marker()
        queued, self.rows = self.rows, {}
        for table, entries in queued.items():
            live = [entry for entry in entries if lives(entry[3])]
            for keyed in (True, False):
                part = [entry for entry in live if entry[1] is keyed]
                for start in range(0, len(part), 500):
                    chunk = part[start : start + 500]
                    table._insert_rows([e[0] for e in chunk], [e[2] for e in chunk], keyed)
            if under is not None:
                self.written.extend((table, entry, under) for entry in live)


_local = threading.local()


def _current() -> _Queue | None:
    return getattr(_local, "queue", None)


@contextmanager
def batch() -> Iterator[None]:
    """Queue the rows written with `Table.append` and INSERT each table's rows once at the end.

    Only inside the caller's transaction (outside one, or nested in another batch, it does
    nothing more than its outer block). What keeps it exact:
    - keys a row refers to (an event's, for its outbox rows) are reserved when the row is
      queued (`Table.reserve`);
    - a read of a queued table through its models (`FlushingQuerySet`) flushes the queue first;
    - a savepoint opened inside the batch that rolls back takes back what was queued while it
      was open (and what a flush wrote while it was open is queued again), as if the rows had
      been written at once; savepoints are seen through Django's atomic blocks
      (`connection.savepoint_ids`, compared with those open when the batch began);
    - when the block ends normally the queue is written; when an exception leaves it, the queue
      is written too if the transaction can still commit (the caller may catch the error and
      commit the work done before it), else dropped with the transaction (it must roll back).
    """
    if _current() is not None or not connection.in_atomic_block:
        yield
        return
    queue = _local.queue = _Queue(len(connection.savepoint_ids))
    if _can_combine():
        _guard_connection()  # it sees every statement as its caller sent it
        queue.watching = True
    try:
        yield
    except BaseException:
        _local.queue = None
        queue.held.clear()
        if not connection.needs_rollback:
            try:
                queue.flush()
                write_kept()
            except Exception:
                transaction.set_rollback(True)  # not written: the transaction must not commit
        if connection.needs_rollback:
            _drop()
        raise
    _local.queue = None
    queue.held.clear()
    if connection.needs_rollback:
        _drop()
        return  # the transaction rolls back: nothing to write (and no statement may run)
    queue.flush()
    write_kept()


def memo() -> dict[Any, Any] | None:
    """A dict that lives as long as the current batch, None outside one: for what a batch job
    reads again and again and never changes itself (an applicant's notification addresses,
    `motcua.notify.handlers`), read once per batch instead of once per transition."""
    queue = _current()
    return None if queue is None else queue.memo


def flush() -> None:
    """Write what the current batch has queued (before reading a queued table some other way)."""
    queue = _current()
    if queue is not None:
        queue.flush()


class FlushingQuerySet(QuerySet[M]):
    """A queryset that writes the current batch's queue before it reads (or changes) its table."""

    def _fetch_all(self) -> None:
        if self._result_cache is None:
            flush()
        super()._fetch_all()  # type: ignore[misc]

    def iterator(self, chunk_size: int | None = None) -> Iterator[M]:
        flush()
        return super().iterator(chunk_size)

    def count(self) -> int:
        flush()
        return super().count()

    def exists(self) -> bool:
        flush()
        return super().exists()

    def aggregate(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        flush()
        return super().aggregate(*args, **kwargs)

    def update(self, **kwargs: Any) -> int:
        flush()
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        flush()
        return super().delete()
