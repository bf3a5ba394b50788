"""The LLM interface (SPEC §6.5): four uses, two engines, one contract.

    engine = make_engine(settings, db)
    await engine.generate_form(description, draft=None, *, workspace_id=None, on_retry=None)
        -> a validated form config (form_config.validate_config); with ``draft``, the description is
           a list of change instructions applied to it
    await engine.plan_agent_actions(context, *, workspace_id=None, on_retry=None)
        -> {"reasoning", "actions": [{"action", "details"}], "contact_updates": {"tags_add", "notes"}}
    await engine.generate_challenger(form, stats, *, workspace_id=None, on_retry=None)
        -> {"label", "overrides" (partial config: fields/response), "rationale"}
    await engine.suggest_improvements(form, stats, *, workspace_id=None, on_retry=None)
        -> [{"kind", "field", "evidence", "change", "overrides"}]
    await engine.personalize_step(step, facts, *, workspace_id=None, on_retry=None)
        -> {"intro": one or two sentences for a sequence step, from ``facts`` (contact,
           company, form_name) only}
    await engine.aclose()  # releases the HTTP client (claude)

``on_retry`` is an optional ``async def on_retry(attempt, error, delay)`` awaited
before each retry wait (attempt = the number of the call that just failed, 1 or 2;
error = a short text; delay = seconds about to be waited). Every call is
recorded in ``llm_calls`` when the engine has a database (usage.py).

Engines raise ``LLMUnavailable`` when the model stayed unreachable through its
retries and ``LLMInvalidOutput`` when its answer could not be used even after
one stricter re-prompt. ``engine.name`` is "claude" or "local".
"""

from __future__ import annotations

from app.services.llm.errors import LLMError, LLMInvalidOutput, LLMUnavailable

__all__ = ["LLMError", "LLMInvalidOutput", "LLMUnavailable", "make_engine"]


def make_engine(settings, db=None):
    if settings.llm_engine == "claude":
        from app.services.llm.claude import ClaudeEngine

        return ClaudeEngine(settings, db)
    from app.services.llm.local import LocalEngine

    return LocalEngine(settings, db)
