"""Rows of one model for many people in one plain SELECT, without the ORM's compiler (ADR-045).

An export reads eight tables per person; building and compiling eight querysets cost two thirds
of a single plan's export (cProfile: `SQLCompiler.as_sql`), more than reading the rows. The SQL
for each (model, column) is built once from the model's own metadata and kept; each value goes
through the database's and the field's own converters and the row becomes a model instance
through `Model.from_db`, as the ORM's own do. Callers decide who may see what: this reads
whatever it is asked for, like the querysets it replaces in `export`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from django.db import connection, connections, models
from django.db.models.base import ModelState

M = TypeVar("M", bound=models.Model)
Converter = Callable[[Any, Any, Any], Any]


@dataclass(frozen=True)
class Select:
    sql: str
    attnames: tuple[str, ...]
    converters: tuple[tuple[int, Any, tuple[Converter, ...]], ...]


@cache
def _select(model: type[models.Model], column: str, vendor: str) -> Select:
    quote = connection.ops.quote_name
    fields = model._meta.concrete_fields
    names = ", ".join(quote(f.column) for f in fields)
    table = quote(model._meta.db_table)
    where = quote(next(f.column for f in fields if column in (f.name, f.attname)))
    order = quote(model._meta.pk.column)
    # `{ids}`: one placeholder per id, filled in when run (both SQLite and PostgreSQL take IN lists).
    sql = f"SELECT {names} FROM {table} WHERE {where} IN ({{ids}}) ORDER BY {order}"  # noqa: S608 - names from metadata
    converters = []
    for i, field in enumerate(fields):
        col = field.get_col(model._meta.db_table)
        # Field.get_db_converters is untyped in django-stubs: it is the ORM's own step for each value.
        own: list[Converter] = field.get_db_converters(connection)  # type: ignore[attr-defined]
        found = tuple(connection.ops.get_db_converters(col) + own)
        if found:
            converters.append((i, col, found))
    return Select(sql, tuple(f.attname for f in fields), tuple(converters))


def fetch(model: type[M], column: str, ids: Iterable[int]) -> list[M]:
    """Every row of `model` whose `column` is one of `ids`, in primary key order."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    select = _select(model, column, connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(select.sql.format(ids=", ".join(["%s"] * len(wanted))), wanted)
        rows = cursor.fetchall()
    # The connection itself, not the `connection` proxy: it is looked up on every attribute read.
    real = connections[connection.alias]
    made = []
    for row in rows:
        values = list(row)
        for i, col, converters in select.converters:
            for convert in converters:
                values[i] = convert(values[i], col, real)
        made.append(_instance(model, select.attnames, values, real.alias))
    return made


def _instance(model: type[M], attnames: tuple[str, ...], values: list[Any], db: str) -> M:
    """What `Model.from_db` makes, without `Model.__init__`'s work per field (a fifth of a bulk
    export's time): every concrete field's value in the instance's `__dict__`, where the field
    descriptors read it, and its state saying it came from this database."""
    obj = model.__new__(model)
    obj.__dict__.update(zip(attnames, values, strict=True))
    obj._state = ModelState()
    obj._state.adding = False
    obj._state.db = db
    return obj
