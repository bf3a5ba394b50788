"""The deterministic local engine: rules, no network. Each use lives in its own module."""

from __future__ import annotations


class LocalEngine:
    name = "local"

    def __init__(self, settings, db=None):
        self.settings, self.db = settings, db

    async def generate_form(self, description: str, draft: dict | None = None, *, workspace_id=None) -> dict:
        from app.services.llm.local_forms import generate_form

        return generate_form(description, draft)

    async def plan_agent_actions(self, context: dict, *, workspace_id=None) -> dict:
        from app.services.llm.local_agent import plan_agent_actions

        return plan_agent_actions(context)

    async def generate_challenger(self, form: dict, stats: dict, *, workspace_id=None) -> dict:
        from app.services.llm.local_optimize import generate_challenger

        return generate_challenger(form, stats)

    async def suggest_improvements(self, form: dict, stats: dict, *, workspace_id=None) -> list[dict]:
        from app.services.llm.local_optimize import suggest_improvements

        return suggest_improvements(form, stats)
