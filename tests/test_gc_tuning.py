"""The served process's garbage-collector tuning (app/main.tune_gc, SPEC §14): on for a
server started from the environment, off for apps built directly (as tests build them)."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
from pathlib import Path

from app.config import Settings
from app.services.capture.pipeline import Incoming
from tests.factory import make_form, submit

ROOT = Path(__file__).resolve().parent.parent


def test_on_from_the_environment_unless_turned_off(tmp_path):
    env = {"FORMAGENT_DATA_DIR": str(tmp_path), "FORMAGENT_SECRET_KEY": "k"}
    assert Settings.from_env(env).gc_tuning is True
    for off in ("0", "false"):
        assert Settings.from_env({**env, "FORMAGENT_GC_TUNING": off}).gc_tuning is False
    assert Settings(data_dir=tmp_path, db_path=tmp_path / "x.db", secret_key="k").gc_tuning is False


def _gc_after_startup(tmp_path, **env) -> str:
    """gc's threshold and frozen count once a started app's lifespan has begun, in a
    process of its own (freezing this test process's objects would outlive the test)."""
    script = textwrap.dedent(
        """
        import asyncio, gc
        from app.main import create_app

        async def main():
            app = create_app()
            async with app.router.lifespan_context(app):
                print(gc.get_threshold()[0], gc.get_freeze_count() > 0)

        asyncio.run(main())
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "FORMAGENT_DATA_DIR": str(tmp_path),
            "FORMAGENT_WORKERS": "0",
            "FORMAGENT_LLM": "local",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_a_started_server_freezes_start_up_objects_and_collects_less_often(tmp_path):
    assert _gc_after_startup(tmp_path) == ["20000", "True"]
    assert _gc_after_startup(tmp_path, FORMAGENT_GC_TUNING="0") == ["700", "False"]


async def test_answered_submission_errors_leave_no_cycle_holding_the_request(client, user):
    """A served process collects cycles rarely, so an error answer must not leave one that
    keeps the submission (and its body) alive: 422, 400 and 404 alike."""
    form = await make_form(user)
    gc.collect()
    gc.disable()
    try:
        assert (await submit(client, form["id"], {"email": "not an email"})).status_code == 422
        malformed = await client.post(
            f"/api/submissions/{form['id']}",
            content=b"{not json",
            headers={"content-type": "application/json"},
        )
        assert malformed.status_code == 400
        assert (await submit(client, "frm_missing", {"email": "a@b.co"})).status_code == 404
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        held = [o for o in gc.garbage if isinstance(o, Incoming)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert held == []
