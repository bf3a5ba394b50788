"""The dialect seam: services write SQL once, in SQLite's dialect with ``?``
parameters, and it runs on PostgreSQL through ``translate`` (SPEC §15).

SQLite is the reference dialect: its statements run unchanged. For PostgreSQL a
statement is tokenised once (string literals, quoted names and comments are
kept apart, so a ``?`` or ``%`` inside a literal is left alone) and rewritten:

- ``?`` → ``%s`` and every literal ``%`` → ``%%`` (psycopg's parameter syntax);
- ``INSERT OR IGNORE`` → ``INSERT … ON CONFLICT DO NOTHING``;
- ``LIKE`` → ``ILIKE`` (SQLite's LIKE ignores case; PostgreSQL's does not);
- ``json_extract(x, '$.a.b')`` → ``(CAST(x AS jsonb) #>> '{a,b}')`` (text; compare
  it as text, or ``CAST(... AS TEXT) IN ('1', 'true')`` for flags);
- ``json_each(x)`` → a LATERAL ``jsonb_each`` with SQLite's key/value/type/atom;
- ``rowid`` → ``ctid`` (a row's address within one statement);
- ``julianday``, ``datetime``, ``strftime``, ``date`` (UTC ISO-8601 text in and out);
- ``group_concat`` → ``string_agg``; ``max(a, b)`` / ``min(a, b)`` → ``GREATEST`` /
  ``LEAST``; ``ifnull`` → ``COALESCE``; ``char(n)`` → ``chr(n)``; ``REAL`` →
  ``DOUBLE PRECISION``.

What cannot be translated is a fragment a service asks the seam for (``Dialect``
attributes, e.g. ``skip_locked`` for job claims) or SQL kept portable by hand.
Services never branch on the dialect.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"""
     (?P<str>'(?:[^']|'')*')
    |(?P<ident>"(?:[^"]|"")*")
    |(?P<comment>--[^\n]*|/\*.*?\*/)
    |(?P<param>\?)
    |(?P<pct>%)
    |(?P<word>[A-Za-z_][A-Za-z0-9_]*)
    |(?P<ws>\s+)
    |(?P<open>\()
    |(?P<close>\))
    |(?P<comma>,)
    |(?P<other>.)
    """,
    re.S | re.X,
)


def _tokens(sql: str) -> list[tuple[str, str]]:
    return [(m.lastgroup, m.group()) for m in _TOKEN.finditer(sql)]


def _next_solid(tokens, i: int) -> int:
    """Index of the first token at or after ``i`` that is not space or comment."""
    while i < len(tokens) and tokens[i][0] in ("ws", "comment"):
        i += 1
    return i


def _call(tokens, i: int):
    """For a word at ``i`` followed by ``(``: (args as token lists, index after ``)``)."""
    j = _next_solid(tokens, i + 1)
    if j >= len(tokens) or tokens[j][0] != "open":
        return None
    depth, args, current = 0, [], []
    for k in range(j + 1, len(tokens)):
        kind = tokens[k][0]
        if kind == "open":
            depth += 1
        elif kind == "close":
            if depth == 0:
                args.append(current)
                return args, k + 1
            depth -= 1
        elif kind == "comma" and depth == 0:
            args.append(current)
            current = []
            continue
        current.append(tokens[k])
    raise ValueError("unbalanced parentheses in SQL")


def _literal(arg_tokens) -> str | None:
    solid = [t for t in arg_tokens if t[0] not in ("ws", "comment")]
    if len(solid) == 1 and solid[0][0] == "str":
        return solid[0][1][1:-1].replace("''", "'")
    return None


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _json_path(path_sql: str, literal: str | None) -> str:
    if literal is not None:
        if literal == "$":
            return "'{}'"
        keys = [k.strip('"') for k in literal.removeprefix("$.").split(".")]
        return _quote("{" + ",".join(keys) + "}")
    return f"string_to_array(substr({path_sql}, 3), '.')"


# strftime conversions and the to_char pattern each gives (UTC text in, text out).
_STRFTIME = {
    "Y": "YYYY",
    "m": "MM",
    "d": "DD",
    "H": "HH24",
    "M": "MI",
    "S": "SS",
    "f": "SS.MS",
    "j": "DDD",
    "W": "IW",
    "w": "D",
}


def _to_char_pattern(fmt: str) -> str:
    out, i = [], 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "%" and i + 1 < len(fmt):
            code = fmt[i + 1]
            if code == "s":
                raise ValueError("strftime('%s') is not translated: compute epochs in Python")
            out.append(_STRFTIME.get(code) or "%")
            i += 2
            continue
        out.append(f'"{ch}"' if ch.isalpha() else ch)
        i += 1
    return "".join(out)


def _timestamp(value: str, modifiers: list[str]) -> str:
    expr = f"CAST({value} AS TIMESTAMPTZ)"
    for modifier in modifiers:
        expr = f"({expr} + CAST({modifier} AS INTERVAL))"
    return f"({expr} AT TIME ZONE 'UTC')"


def _strftime(fmt: str, args: list[str]) -> str:
    return f"to_char({_timestamp(args[0], args[1:])}, {_quote(_to_char_pattern(fmt))})"


class _Translator:
    def __init__(self, sql: str):
        self.tokens = _tokens(sql)
        self.on_conflict_nothing = False

    def run(self) -> str:
        _qualify_upsert(self.tokens)
        _alias_subqueries(self.tokens)
        text = self.render(self.tokens)
        if self.on_conflict_nothing:
            text = _append_on_conflict(text)
        return text

    def render(self, tokens) -> str:
        out, i = [], 0
        while i < len(tokens):
            kind, text = tokens[i]
            if kind == "param":
                out.append("%s")
            elif kind == "pct":
                out.append("%%")
            elif kind == "str":
                out.append(text.replace("%", "%%"))
            elif kind == "word":
                replaced = self.word(tokens, i)
                if replaced is not None:
                    piece, i = replaced
                    out.append(piece)
                    continue
                out.append(text)
            else:
                out.append(text)
            i += 1
        return "".join(out)

    def word(self, tokens, i):
        """(replacement, next index) for a word that differs on PostgreSQL, else None."""
        low = tokens[i][1].lower()
        if low == "like":
            return "ILIKE", i + 1
        if low == "real":
            return "DOUBLE PRECISION", i + 1
        if low == "rowid":  # within one statement, PostgreSQL's row address serves the same
            return "ctid", i + 1
        if low == "insert":
            j = _next_solid(tokens, i + 1)
            if j < len(tokens) and tokens[j][1].lower() == "or":
                k = _next_solid(tokens, j + 1)
                action = tokens[k][1].lower()
                if action != "ignore":
                    raise ValueError(f"INSERT OR {action.upper()} is not portable: use ON CONFLICT")
                self.on_conflict_nothing = True
                return "INSERT", k + 1
            return None
        if low == "is":
            return _is_distinct(tokens, i)
        if low not in _FUNCTIONS:
            return None
        call = _call(tokens, i)
        if call is None:
            return None
        args, after = call
        rendered = [self.render(a).strip() for a in args]
        piece = _FUNCTIONS[low](rendered, args)
        return (piece, after) if piece is not None else None


# Words left alone when qualifying an upsert's SET expressions.
_SQL_WORDS = {
    "and", "or", "not", "null", "is", "in", "case", "when", "then", "else", "end", "excluded",
    "where", "returning", "true", "false", "between", "like", "distinct", "from", "as", "cast",
    "integer", "real", "text", "set", "current_timestamp", "exists", "select", "glob",
}  # fmt: skip


def _qualify_upsert(tokens) -> None:
    """In ``ON CONFLICT … DO UPDATE SET a = a + excluded.a`` SQLite reads the bare ``a``
    on the right as the existing row's; PostgreSQL calls it ambiguous. Qualify it with
    the target table (in place, on the token list)."""
    words = [(i, t[1].lower()) for i, t in enumerate(tokens) if t[0] == "word"]
    lowered = [w for _, w in words]
    target = None
    for n, word in enumerate(lowered[:-1]):
        if word == "into" and n > 0 and lowered[n - 1] in ("insert", "ignore"):
            target = tokens[words[n + 1][0]][1]
            if n + 3 < len(lowered) and lowered[n + 2] == "as":
                target = tokens[words[n + 3][0]][1]
            break
    start = None
    for n in range(len(lowered) - 2):
        if lowered[n : n + 3] == ["do", "update", "set"]:
            start = words[n + 2][0] + 1
            break
    if target is None or start is None:
        return
    depth, previous = 0, "set"
    for i in range(start, len(tokens)):
        kind, text = tokens[i]
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
        if kind in ("ws", "comment"):
            continue
        if kind == "word" and text.lower() == "returning" and depth == 0:
            break
        if kind == "word" and text.lower() not in _SQL_WORDS:
            nxt = _next_solid(tokens, i + 1)
            after = tokens[nxt][1] if nxt < len(tokens) else ""
            before = previous
            is_target = after == "=" and before in ("set", ",") and depth == 0
            qualified = before == "." or after in (".", "(")
            if not is_target and not qualified:
                tokens[i] = ("word", f"{target}.{text}")
        previous = text.lower() if kind == "word" else text
    return


# After a subquery in FROM, these words mean no alias was given.
_NOT_ALIAS = {
    "where", "group", "order", "limit", "union", "join", "left", "inner", "cross", "on",
    "having", "window", "except", "intersect", "natural", "right", "full", "offset",
    "returning", "using",
}  # fmt: skip


def _alias_subqueries(tokens) -> None:
    """PostgreSQL 15 wants an alias on every subquery in FROM; SQLite does not."""
    count = 0
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        if kind == "word" and text.lower() in ("from", "join"):
            j = _next_solid(tokens, i + 1)
            if j < len(tokens) and tokens[j][0] == "open":
                k = _next_solid(tokens, j + 1)
                if k < len(tokens) and tokens[k][1].lower() in ("select", "with", "values"):
                    close = _matching(tokens, j)
                    after = _next_solid(tokens, close + 1)
                    follower = tokens[after] if after < len(tokens) else ("close", ")")
                    if follower[0] != "word" or follower[1].lower() in _NOT_ALIAS:
                        count += 1
                        tokens.insert(close + 1, ("word", f" AS _q{count}"))
        i += 1


def _matching(tokens, j: int) -> int:
    depth = 0
    for k in range(j, len(tokens)):
        if tokens[k][0] == "open":
            depth += 1
        elif tokens[k][0] == "close":
            depth -= 1
            if depth == 0:
                return k
    raise ValueError("unbalanced parentheses in SQL")


_IS_KEEP = {"null", "true", "false", "unknown", "distinct"}


def _is_distinct(tokens, i):
    """SQLite's ``a IS b`` / ``a IS NOT b`` with a value: PostgreSQL's ``IS [NOT] DISTINCT FROM``."""
    j = _next_solid(tokens, i + 1)
    negated = j < len(tokens) and tokens[j][1].lower() == "not"
    k = _next_solid(tokens, j + 1) if negated else j
    if k >= len(tokens) or tokens[k][1].lower() in _IS_KEEP:
        return None
    return ("IS DISTINCT FROM" if negated else "IS NOT DISTINCT FROM"), (
        j + 1 if negated else i + 1
    )


def _append_on_conflict(text: str) -> str:
    """ON CONFLICT DO NOTHING goes before a RETURNING clause, else at the end."""
    body = text.rstrip().rstrip(";")
    match = None
    for m in re.finditer(r"\bRETURNING\b", body, re.I):
        match = m
    if match:
        return body[: match.start()] + "ON CONFLICT DO NOTHING " + body[match.start() :]
    return body + " ON CONFLICT DO NOTHING"


def _group_concat(rendered, _raw):
    first = rendered[0]
    distinct = ""
    if first.lower().startswith("distinct "):
        distinct, first = "DISTINCT ", first[9:]
    separator = rendered[1] if len(rendered) > 1 else "','"
    return f"string_agg({distinct}CAST({first} AS TEXT), {separator})"


def _json_extract(rendered, raw):
    return f"(CAST({rendered[0]} AS jsonb) #>> {_json_path(rendered[1], _literal(raw[1]))})"


# json_each's columns as SQLite gives them: value and atom are SQL values (text here),
# type is SQLite's name for the JSON type ('text', 'integer', 'real', 'true', ...).
_JSON_EACH = (
    "LATERAL (SELECT e.key, e.value #>> '{{}}' AS value,"
    " CASE jsonb_typeof(e.value) WHEN 'string' THEN 'text' WHEN 'boolean' THEN e.value::text"
    " WHEN 'number' THEN CASE WHEN e.value::text ~ '^-?[0-9]+$' THEN 'integer' ELSE 'real' END"
    " ELSE jsonb_typeof(e.value) END AS type,"
    " CASE WHEN jsonb_typeof(e.value) IN ('object', 'array') THEN NULL"
    " ELSE e.value #>> '{{}}' END AS atom"
    " FROM jsonb_each(CAST({doc} AS jsonb)) AS e)"
)


def _json_each(doc: str) -> str:
    return _JSON_EACH.format(doc=doc)


def _julianday(rendered, _raw):
    """As SQLite computes it: whole milliseconds since the Julian epoch, divided as a
    double (so differences of julian days come out to the same float as on SQLite)."""
    ts = _timestamp(rendered[0], rendered[1:])
    return (
        f"(CAST(ROUND(EXTRACT(EPOCH FROM {ts} AT TIME ZONE 'UTC') * 1000) + 210866760000000"
        " AS DOUBLE PRECISION) / 86400000.0)"
    )


def _strftime_call(rendered, raw):
    fmt = _literal(raw[0])
    if fmt is None:
        raise ValueError("strftime needs a literal format to be translated")
    return _strftime(fmt, rendered[1:])


def _variadic(name):
    def rewrite(rendered, _raw):
        if len(rendered) < 2:
            return None  # the aggregate max(x) / min(x)
        return f"{name}({', '.join(rendered)})"

    return rewrite


_COMPARISONS = {"=", "<", ">", "!", "is", "like", "and", "or", "not", "in", "between", "glob"}


def _boolean_aggregate(name):
    """``SUM(status = 'x')``: SQLite's comparisons are integers, PostgreSQL's booleans,
    so a comparison at the argument's top level is cast to INTEGER (NULL stays NULL)."""

    def rewrite(rendered, raw):
        if len(raw) != 1:
            return None
        depth, solid, compares = 0, [], False
        for kind, text in raw[0]:
            if kind == "open":
                depth += 1
            elif kind == "close":
                depth -= 1
            elif kind not in ("ws", "comment"):
                solid.append(text.lower())
                if depth == 0 and text.lower() in _COMPARISONS:
                    compares = True
        if not compares or (solid and solid[0] in ("case", "distinct")):
            return None
        return f"{name}(CAST(({rendered[0]}) AS INTEGER))"

    return rewrite


_FUNCTIONS = {
    "sum": _boolean_aggregate("SUM"),
    "avg": _boolean_aggregate("AVG"),
    "group_concat": _group_concat,
    "json_extract": _json_extract,
    "json_each": lambda r, _raw: _json_each(r[0]),
    "json_array": lambda r, _raw: f"CAST(json_build_array({', '.join(r)}) AS TEXT)",
    "json_object": lambda r, _raw: f"CAST(json_build_object({', '.join(r)}) AS TEXT)",
    "json_array_length": lambda r, _raw: f"jsonb_array_length(CAST({r[0]} AS jsonb))",
    "julianday": _julianday,
    "strftime": _strftime_call,
    "datetime": lambda r, _raw: _strftime("%Y-%m-%d %H:%M:%S", r),
    "date": lambda r, _raw: _strftime("%Y-%m-%d", r) if r and r[0] else None,
    "max": _variadic("GREATEST"),
    "min": _variadic("LEAST"),
    "ifnull": lambda r, _raw: f"COALESCE({', '.join(r)})",
    "char": lambda r, _raw: f"chr({r[0]})" if len(r) == 1 else None,
}


# Portable fragments (the same SQL on both databases) for JSON read in aggregates:
# SQLite's json_extract answers typed values, the translation answers text.
def json_flag(doc: str, key: str) -> str:
    """1 when ``doc``'s ``key`` is true (or 1), else 0."""
    return f"(CASE WHEN CAST(json_extract({doc}, '$.{key}') AS TEXT) IN ('1', 'true') THEN 1 ELSE 0 END)"


def json_real(doc: str, key: str) -> str:
    """``doc``'s ``key`` as a number (NULL when absent)."""
    return f"CAST(json_extract({doc}, '$.{key}') AS REAL)"


_DDL = re.compile(r"\s*(--[^\n]*\n\s*)*(CREATE|ALTER)\b", re.I)


@functools.lru_cache(maxsize=4096)  # services reuse a few hundred statements
def to_postgres(sql: str) -> str:
    if _DDL.match(sql):
        sql = ddl_to_postgres(sql)
    return _Translator(sql).run()


@dataclass(frozen=True)
class Dialect:
    """What a service may ask of the database it runs on, as SQL fragments."""

    name: str
    # Appended to a claim's SELECT: other processes' workers skip rows this one holds.
    skip_locked: str

    def translate(self, sql: str) -> str:
        return sql if self.name == "sqlite" else to_postgres(sql)


SQLITE = Dialect("sqlite", skip_locked="")
POSTGRES = Dialect("postgresql", skip_locked=" FOR UPDATE SKIP LOCKED")


def is_postgres_url(target) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


# -- migrations ----------------------------------------------------------------
_ROWID_KEY = re.compile(r"\bINTEGER\s+PRIMARY\s+KEY(\s+AUTOINCREMENT)?\b", re.I)
_WITHOUT_ROWID = re.compile(r"\)\s*WITHOUT\s+ROWID\b", re.I)
_DDL_WORDS = {"integer": "BIGINT", "blob": "BYTEA"}


def ddl_to_postgres(statement: str) -> str:
    """A SQLite migration statement's types in PostgreSQL's words (the rest of the
    statement is translated like any other). An ``INTEGER PRIMARY KEY`` fills itself
    in on SQLite, so it becomes an identity column; ``INTEGER`` is 64-bit on SQLite."""
    code = [t for kind, t in _tokens(statement) if kind not in ("ws", "comment")]
    head = " ".join(code[:4]).upper()
    if re.match(r"(CREATE|DROP) (TEMP |TEMPORARY )?(TRIGGER|VIRTUAL)", head):
        raise ValueError(
            "triggers and virtual tables differ per dialect: add this migration's "
            "PostgreSQL version to app/db/migrations/postgresql/"
        )
    statement = _WITHOUT_ROWID.sub(")", statement)
    statement = _ROWID_KEY.sub("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", statement)
    return "".join(
        _DDL_WORDS.get(text.lower(), text) if kind == "word" else text
        for kind, text in _tokens(statement)
    )
