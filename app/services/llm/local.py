"""The deterministic local engine: rules, no network. Each use lives in its own module.

Every method takes ``on_retry`` like the Claude engine's (it is never called:
rules do not fail transiently) and records an ``llm_calls`` row when the engine
has a database, so usage pages count both engines' calls.
"""

from __future__ import annotations

import time

from app.errors import AppError
from app.services.llm.usage import record_call


class LocalEngine:
    name = "local"

    def __init__(self, settings, db=None):
        self.settings, self.db = settings, db

    async def _run(self, purpose: str, workspace_id, fn, *args):
        started = time.monotonic()
        try:
            result = fn(*args)
        except AppError as exc:
            await self._record(purpose, workspace_id, started, "rejected", exc.message)
            raise
        await self._record(purpose, workspace_id, started, "ok", None)
        return result

    async def _record(self, purpose, workspace_id, started, status, error):
        await record_call(
            self.db,
            purpose=purpose,
            engine=self.name,
            status=status,
            workspace_id=workspace_id,
            model="rules",
            duration_ms=int((time.monotonic() - started) * 1000),
            error=error,
        )

    async def generate_form(
        self, description: str, draft: dict | None = None, *, workspace_id=None, on_retry=None
    ) -> dict:
        from app.services.llm.local_forms import generate_form

        return await self._run("generate_form", workspace_id, generate_form, description, draft)

    async def plan_agent_actions(self, context: dict, *, workspace_id=None, on_retry=None) -> dict:
        from app.services.llm.local_agent import plan_agent_actions

        return await self._run("plan_agent_actions", workspace_id, plan_agent_actions, context)

    async def generate_challenger(
        self, form: dict, stats: dict, *, workspace_id=None, on_retry=None
    ) -> dict:
        from app.services.llm.local_optimize import generate_challenger

        return await self._run(
            "generate_challenger", workspace_id, generate_challenger, form, stats
        )

    async def suggest_improvements(
        self, form: dict, stats: dict, *, workspace_id=None, on_retry=None
    ) -> list[dict]:
        from app.services.llm.local_optimize import suggest_improvements

        return await self._run(
            "suggest_improvements", workspace_id, suggest_improvements, form, stats
        )

    async def personalize_step(
        self, step: dict, facts: dict, *, workspace_id=None, on_retry=None
    ) -> dict:
        from app.services.llm.local_personalize import personalize_step

        return await self._run("personalize_step", workspace_id, personalize_step, step, facts)

    async def aclose(self) -> None:
        """Nothing to release (the Claude engine closes its HTTP client here)."""
