"""Events are a contract (CONVENTIONS): every event type the code emits is declared
once in app/services/events/catalogue.py, every declared type is emitted (or names
the later feature that will emit it), and the detail keys declared are the keys the
emitters pass.

The scan walks every module under app/ with ``ast``. It knows the functions that
write an event (EMITTERS: the log's ``emit`` and the helpers that hand a type
through to it). A call whose type it cannot read is a failure, not a skip: a new
helper that forwards a type, or a type built with an f-string, gets noticed here.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.services.events.catalogue import CATALOGUE, TONES, UnknownEventType
from app.services.events.log import emit
from tests.helpers import soup

APP = Path(__file__).resolve().parent.parent / "app"
# The types SPEC §11 names: each must be declared (emitted now, or planned).
SPEC_TYPES = """submission_received spam_blocked contact_created contact_matched handler_assigned
agent_processing agent_action agent_action_blocked agent_draft agent_completed agent_error
agent_retry agent_escalated human_approved human_rejected human_override email_queued email_sent
email_failed sequence_step_sent enrollment_stopped experiment_variant optimization_run
experiment_promoted experiment_rolled_back job_dead""".split()

# qualified name -> (the parameter that carries the event type, a keyword that replaces it when given)
EMITTERS = {
    "app.services.events.log.emit": ("type", None),
    "app.services.processing.steps.record_step": ("step", "event"),
    "app.services.processing.flow_steps.step": ("name", "event"),
    "app.services.processing.flow_steps.confirmation": ("name", None),
}
DETAILS = "details"  # the parameter every emitter takes its detail dict in


@dataclass
class Call:
    where: str
    emitter: str  # qualified name of the function called
    caller: str | None  # qualified name of the enclosing top-level function
    types: frozenset  # literal types read from the call
    forwarded: bool  # the type is the caller's own parameter (the caller is an emitter)
    keys: frozenset  # literal detail keys
    open: bool  # details hold keys the scan cannot read (a variable, a spread)
    passthrough: bool  # details include the caller's own ``details`` parameter
    problem: str | None = None


class Module:
    def __init__(self, path: Path):
        rel = path.relative_to(APP.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        self.name = ".".join(parts)
        self.package = self.name if path.name == "__init__.py" else self.name.rsplit(".", 1)[0]
        self.path = path
        self.tree = ast.parse(path.read_text(), str(path))
        self.names: dict[str, str] = {}
        self.functions: dict[str, ast.FunctionDef] = {}
        self.constants: dict[str, ast.expr] = {}
        for node in ast.walk(self.tree):  # imports inside functions count too
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: up from this package
                    up = self.package.split(".")[: len(self.package.split(".")) - node.level + 1]
                    base = ".".join([*up, *([base] if base else [])])
                for alias in node.names:
                    self.names[alias.asname or alias.name] = f"{base}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    local = alias.asname or alias.name.split(".")[0]
                    self.names[local] = alias.name if alias.asname else local
        for node in self.tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.functions[node.name] = node
                self.names[node.name] = f"{self.name}.{node.name}"
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                if isinstance(node.targets[0], ast.Name):
                    self.constants[node.targets[0].id] = node.value

    def qualify(self, func: ast.expr) -> str | None:
        parts = []
        while isinstance(func, ast.Attribute):
            parts.append(func.attr)
            func = func.value
        if not isinstance(func, ast.Name) or func.id not in self.names:
            return None
        return ".".join([self.names[func.id], *reversed(parts)])


def _params(fn: ast.FunctionDef) -> list[str]:
    return [a.arg for a in (*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs)]


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _forwards(expr, params) -> bool:
    """The expression is the caller's own parameter(s): ``event``, ``event or step``."""
    if isinstance(expr, ast.Name):
        return expr.id in params
    return isinstance(expr, ast.BoolOp) and all(_forwards(v, params) for v in expr.values)


def _names(expr: ast.expr) -> set[str]:
    return {n.id for n in ast.walk(expr) if isinstance(n, ast.Name)}


class Scan:
    def __init__(self):
        self.modules = {
            m.name: m for m in (Module(p) for p in sorted(APP.rglob("*.py")) if p.is_file())
        }
        self.calls: list[Call] = []
        for module in self.modules.values():
            for node in module.tree.body:
                is_fn = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                self._walk(module, node, f"{module.name}.{node.name}" if is_fn else None)

    def definition(self, qualname: str) -> ast.FunctionDef:
        module, name = qualname.rsplit(".", 1)
        return self.modules[module].functions[name]

    def _walk(self, module, node, caller) -> None:
        for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
            emitter = module.qualify(call.func)
            if emitter in EMITTERS:
                where = f"{module.path.relative_to(APP.parent)}:{call.lineno}"
                self.calls.append(self._read(module, call, emitter, caller, node, where))

    def _type_expr(self, call: ast.Call, emitter: str) -> ast.expr | None:
        param, override = EMITTERS[emitter]
        replaced = _keyword(call, override) if override else None
        if replaced is not None and not (
            isinstance(replaced, ast.Constant) and replaced.value is None
        ):
            return replaced
        given = _keyword(call, param)
        if given is not None:
            return given
        fn = self.definition(emitter)
        positional = [a.arg for a in (*fn.args.posonlyargs, *fn.args.args)]
        if param in positional and positional.index(param) < len(call.args):
            return call.args[positional.index(param)]
        defaults = dict(zip(positional[::-1], fn.args.defaults[::-1], strict=False))
        defaults |= {
            a.arg: d for a, d in zip(fn.args.kwonlyargs, fn.args.kw_defaults, strict=True) if d
        }
        return defaults.get(param)

    def _literals(self, module, expr) -> frozenset | None:
        """The literal types an expression can take, or None when it is computed."""
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            return frozenset({expr.value})
        if isinstance(expr, ast.IfExp):
            body, orelse = self._literals(module, expr.body), self._literals(module, expr.orelse)
            return None if body is None or orelse is None else body | orelse
        if isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Name):
            table = module.constants.get(expr.value.id)
            if isinstance(table, ast.Dict):
                values = [self._literals(module, v) for v in table.values]
                if values and all(v is not None for v in values):
                    return frozenset().union(*values)
        return None

    def _read(self, module, call, emitter, caller, fn, where) -> Call:
        params = _params(fn) if caller else []
        expr = self._type_expr(call, emitter)
        literal = self._literals(module, expr) if expr is not None else None
        forwarded = literal is None and _forwards(expr, params)
        problem = None
        if literal is None and not forwarded:
            problem = f"{where}: cannot read the event type {ast.unparse(expr) if expr else '?'}"
        elif forwarded and caller not in EMITTERS:
            problem = (
                f"{where}: {caller} passes its parameter on as the event type;"
                " add it to EMITTERS in this test (or pass a literal)"
            )
        keys, open_, passthrough = self._keys(_keyword(call, DETAILS), fn, caller in EMITTERS)
        return Call(
            where,
            emitter,
            caller,
            literal or frozenset(),
            forwarded,
            keys,
            open_,
            passthrough,
            problem,
        )

    def _keys(self, expr, fn, forwards: bool) -> tuple[frozenset, bool, bool]:
        """(literal keys, open: keys the scan cannot see, passthrough: the details
        include the enclosing emitter's own ``details`` parameter)."""
        if expr is None or (isinstance(expr, ast.Constant) and expr.value is None):
            return frozenset(), False, False
        if isinstance(expr, ast.Dict):
            return self._dict_keys(expr, fn, forwards)
        if forwards and DETAILS in _names(expr):
            return frozenset(), False, True
        if isinstance(expr, ast.Name):
            return self._local_dict_keys(expr.id, fn, forwards)
        return frozenset(), True, False

    def _dict_keys(self, expr: ast.Dict, fn, forwards) -> tuple[frozenset, bool, bool]:
        keys, open_, passthrough = set(), False, False
        for key, value in zip(expr.keys, expr.values, strict=True):
            if (
                key is None
            ):  # **spread: a dict literal (maybe chosen by if/else) or passed-in details
                options = [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
                for option in options:
                    inner, inner_open, inner_pass = self._keys(option, fn, forwards)
                    keys |= inner
                    open_ |= inner_open
                    passthrough |= inner_pass
            elif isinstance(key, ast.Constant) and isinstance(key.value, str):
                keys.add(key.value)
            else:
                open_ = True
        return frozenset(keys), open_, passthrough

    def _local_dict_keys(self, name: str, fn, forwards) -> tuple[frozenset, bool, bool]:
        """``details = {...}`` once in the function, then maybe ``details["k"] = ...``."""
        if fn is None:
            return frozenset(), True, False
        assigned, added, other = [], set(), False
        for node in ast.walk(fn):
            if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(target, ast.Name) and target.id == name:
                        assigned.append(node.value)
                    elif (
                        isinstance(target, ast.Subscript)
                        and isinstance(target.value, ast.Name)
                        and target.value.id == name
                    ):
                        if isinstance(target.slice, ast.Constant):
                            added.add(target.slice.value)
                        else:
                            other = True
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == name
            ):
                other = True  # details.update(...), setdefault(...): not readable
        if len(assigned) != 1 or not isinstance(assigned[0], ast.Dict) or other:
            return frozenset(), True, False
        keys, open_, passthrough = self._dict_keys(assigned[0], fn, forwards)
        return keys | added, open_, passthrough

    # -- what the calls add up to --------------------------------------------------
    def types_reaching(self, emitter: str, seen=frozenset()) -> frozenset:
        """Every type the calls of a forwarding helper hand it."""
        found = set()
        for call in self.calls:
            if call.emitter == emitter and call.caller not in seen | {emitter}:
                found |= call.types
                if call.forwarded:
                    found |= self.types_reaching(call.caller, seen | {emitter})
        return frozenset(found)

    def base_keys(self, emitter: str) -> frozenset:
        """Keys a helper adds to every details dict it passes through (record_step's step/status)."""
        inner = [c for c in self.calls if c.caller == emitter and c.passthrough]
        return frozenset().union(*(c.keys | self.base_keys(c.emitter) for c in inner))

    def sites(self) -> list[tuple[Call, frozenset, frozenset]]:
        """(call, the types it writes, every literal detail key) for each call that is
        not a helper handing its own caller's details on."""
        out = []
        for call in self.calls:
            if call.passthrough and call.caller in EMITTERS:
                continue
            types = call.types | (self.types_reaching(call.caller) if call.forwarded else set())
            out.append((call, types, call.keys | self.base_keys(call.emitter)))
        return out


@pytest.fixture(scope="module")
def scan() -> Scan:
    return Scan()


def test_the_scan_reads_every_emitted_type(scan):
    problems = [c.problem for c in scan.calls if c.problem]
    assert not problems, "\n".join(problems)
    emitters_called = {c.emitter for c in scan.calls}
    assert emitters_called == set(EMITTERS), (
        f"helpers listed but never called: {set(EMITTERS) - emitters_called}"
    )
    assert len(scan.calls) > 60


def test_every_emitted_type_is_in_the_catalogue(scan):
    missing = sorted(
        f"{t} ({call.where})"
        for call, types, _ in scan.sites()
        for t in types
        if t not in CATALOGUE
    )
    assert not missing, "Emitted but not declared in the event catalogue:\n  " + "\n  ".join(
        missing
    )


def test_every_catalogue_entry_is_emitted_or_says_which_feature_will(scan):
    emitted = {t for _, types, _ in scan.sites() for t in types}
    silent = sorted(n for n, e in CATALOGUE.items() if n not in emitted and not e.planned)
    assert not silent, f"Declared, emitted nowhere, and not marked planned: {silent}"
    stale = sorted(n for n, e in CATALOGUE.items() if n in emitted and e.planned)
    assert not stale, f"Emitted now: drop `planned` from {stale}"
    assert set(SPEC_TYPES) <= set(CATALOGUE)


def test_detail_keys_match_what_emitters_pass(scan):
    seen, open_types, problems = defaultdict(set), set(), []
    for call, types, keys in scan.sites():
        for t in types & set(CATALOGUE):
            seen[t] |= keys
            if call.open:
                open_types.add(t)
            extra = keys - set(CATALOGUE[t].details)
            if extra:
                problems.append(f"{call.where}: {t} passes undeclared keys {sorted(extra)}")
    for name, entry in CATALOGUE.items():
        if name in seen and name not in open_types:
            unused = set(entry.details) - seen[name]
            if unused:
                problems.append(f"{name} declares keys nothing passes: {sorted(unused)}")
    assert not problems, "\n".join(problems)
    # the scan sees most detail dicts whole: the check above is not vacuous
    assert len(set(seen) - open_types) > 40


def test_the_scan_follows_forwarding_helpers(scan):
    """record_step's step/status/entity_id reach the events its callers name, and
    the confirmation helper's own name (not the step it forwards) is the type."""
    sites = {t: keys for _, types, keys in scan.sites() for t in types}
    assert {"step", "status", "entity_id"} <= sites["agent_escalated"]
    assert {"welcome_email", "confirmation"} <= set(sites)
    assert "processing_started" not in sites  # replaced by event="submission_processing"
    assert "submission_processing" in sites


# -- what reads the catalogue ------------------------------------------------------
def test_every_entry_is_well_formed():
    for name, entry in CATALOGUE.items():
        assert entry.name == name and entry.label and entry.area, name
        assert entry.tone in TONES, f"{name}: tone {entry.tone!r}"
        assert len(set(entry.details)) == len(entry.details), f"{name}: a key twice"


async def test_emit_refuses_an_undeclared_type(app, user):
    db = app.state.db
    before = await db.fetchval("SELECT COUNT(*) FROM events")
    with pytest.raises(UnknownEventType, match="note_addded"):
        await db.write(lambda conn: emit(conn, user.workspace_id, "note_addded"))
    assert await db.fetchval("SELECT COUNT(*) FROM events") == before
    await db.write(lambda conn: emit(conn, user.workspace_id, "note_added"))
    assert await db.fetchval("SELECT COUNT(*) FROM events") == before + 1


async def test_the_live_page_menu_and_rows_come_from_the_catalogue(app, user):
    await app.state.db.write(
        lambda conn: emit(conn, user.workspace_id, "email_failed", details={"to": "x@y.test"})
    )
    doc = soup(await user.web.get("/live"))
    options = {o["value"]: o.get_text() for o in doc.select("#f-type option") if o["value"]}
    assert options == {name: e.label for name, e in CATALOGUE.items()}
    areas = [g["label"] for g in doc.select("#f-type optgroup")]
    assert areas == list(dict.fromkeys(e.area for e in CATALOGUE.values()))
    badge = doc.select_one('li.event[data-type="email_failed"] .badge')
    assert badge.get_text() == "Email failed" and "badge-danger" in badge["class"]


async def test_the_api_docs_list_every_type(client):
    spec = (await client.get("/api/openapi.json")).json()
    text = spec["paths"]["/api/events"]["get"]["description"]
    missing = [name for name in CATALOGUE if f"`{name}`" not in text]
    assert not missing, f"GET /api/events does not document: {missing}"
    assert "`handler_assigned` — Handler assigned" in text
