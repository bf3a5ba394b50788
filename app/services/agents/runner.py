"""The agent seam (SPEC §6.4, §6.5): Capture's flows call ``run_agent`` for
sales_lead and support_triage submissions handled by an agent.

    status = await run_agent(ctx, workspace_id, submission_id, handler_id)
    # "processed" | "awaiting_approval" | "needs_human_review"

The plan is stored before any action runs, so a job retry or a reprocess
replays the same plan and the per-(submission, index) idempotency of the
actions holds. ``RetryLater`` (one LLM re-queue) and ``LeaseLost`` propagate to
the job runner; other failures are logged and re-raised so the job retries.
"""

from __future__ import annotations

import asyncio
import inspect

from app.db import LeaseLost, value_in_workspace
from app.services.agents import autonomy
from app.services.agents.actions import apply_contact_updates_tx, execute_actions
from app.services.agents.context import build_context
from app.services.agents.plan import check_plan, normalise_plan
from app.services.llm.errors import LLMInvalidOutput, LLMUnavailable
from app.services.llm.grounding import feedback, invented, ungrounded_facts
from app.services.platform.jobs import RetryLater

MAX_LLM_REQUEUES = 1


class RetryRecorder:
    """The engine's ``on_retry(attempt, error, delay)``: each retry becomes an
    ``agent_retry`` step. Works whether the engine awaits the call or not."""

    def __init__(self, write, workspace_id: str, submission_id: str, handler_id: str | None):
        self.write, self.args, self.tasks = write, (workspace_id, submission_id, handler_id), []

    def __call__(self, attempt, error, delay):
        details = {"attempt": attempt, "error": str(error)[:500], "retry_in_seconds": delay}
        task = asyncio.ensure_future(self.write(autonomy.retry_event_tx, *self.args, details))
        self.tasks.append(task)
        return task

    async def flush(self) -> None:
        if self.tasks:
            await asyncio.gather(*self.tasks)


def _accepts_on_retry(method) -> bool:
    try:
        params = inspect.signature(method).parameters
    except (TypeError, ValueError):
        return False
    return "on_retry" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())


async def _agent_handler(db, workspace_id: str, handler_id: str | None) -> str | None:
    """Only agent handlers carry the agent's state; a human id is ignored here."""
    if not handler_id:
        return None
    return await db.read(
        value_in_workspace, "handlers", handler_id, workspace_id, "id", where="type = 'agent'"
    )


async def _ask_engine(ctx, context: dict, recorder: RetryRecorder, workspace_id: str):
    engine = ctx.state.llm
    kwargs = {"workspace_id": workspace_id}
    if _accepts_on_retry(engine.plan_agent_actions):
        kwargs["on_retry"] = recorder
    try:
        return await engine.plan_agent_actions(context, **kwargs)
    finally:
        await recorder.flush()


async def _plan(ctx, context: dict, run: dict, ids: tuple) -> dict | None:
    """A normalised plan, or None when the submission went to human review."""
    workspace_id, submission_id, handler_id = ids
    try:
        raw = await _ask_engine(ctx, context, RetryRecorder(ctx.write, *ids), workspace_id)
        return normalise_plan(raw)
    except LLMUnavailable as exc:
        if run["llm_requeues"] < MAX_LLM_REQUEUES:
            delay = ctx.settings.llm_requeue_seconds
            await ctx.write(autonomy.requeue_tx, *ids, exc.message, delay)
            raise RetryLater(
                delay, "AI model unavailable; the agent run is re-queued once"
            ) from None
        await ctx.write(
            autonomy.fail_tx,
            *ids,
            kind="llm_unavailable",
            message=exc.message,
            details={"requeues": run["llm_requeues"], "engine": ctx.state.llm.name},
        )
    except LLMInvalidOutput as exc:
        await ctx.write(
            autonomy.fail_tx,
            *ids,
            kind="llm_invalid_output",
            message=exc.message,
            details={"engine": ctx.state.llm.name},
        )
    return None


async def _grounded(ctx, context: dict, run: dict, ids: tuple, plan: dict):
    """(plan, problems): a plan whose messages quote an invented number is asked for once more;
    if the new one does too, its problems come back and the plan is held as a draft."""
    problems = ungrounded_facts(plan, context)
    if not problems:
        return plan, []
    await ctx.write(autonomy.ungrounded_tx, *ids, problems, 1, "regenerating")
    retry = await _plan(ctx, {**context, "grounding_feedback": feedback(problems)}, run, ids)
    if retry is None:
        return None, problems
    problems = ungrounded_facts(retry, context)
    if problems:
        await ctx.write(autonomy.ungrounded_tx, *ids, problems, 2, "held_as_draft")
    return retry, problems


def _hold_reason(problems: list) -> str:
    return (
        f"Held for approval: the message states facts found nowhere in the submission, contact, "
        f"company or instructions ({', '.join(invented(problems))})."
    )


async def _execute(ctx, ids: tuple, context: dict, checked: dict) -> str:
    workspace_id, submission_id, handler_id = ids
    results = await execute_actions(
        ctx.write, workspace_id, submission_id, checked["actions"], handler_id=handler_id
    )
    author = f"Agent {context['handler']['name']}" if context.get("handler") else "AI agent"
    await ctx.write(
        apply_contact_updates_tx,
        workspace_id,
        submission_id,
        checked["contact_updates"],
        author,
        handler_id,
    )
    escalated = any(r["action"] == "escalate" and r["status"] == "done" for r in results)
    semi = context["autonomy"] == "semi_autonomous"
    return await ctx.write(
        autonomy.finish_tx,
        *ids,
        status="needs_human_review" if escalated else "processed",
        review_hours=ctx.settings.review_window_hours if semi else None,
        details={
            "autonomy": context["autonomy"],
            "actions": len(results),
            "blocked": len(checked["blocked"]),
        },
    )


async def apply_autonomy(
    ctx, ids: tuple, context: dict, checked: dict, problems: list | None = None
) -> str:
    level = context["autonomy"]
    if level == "notify_only":
        return await ctx.write(autonomy.notify_only_tx, *ids, checked)
    if problems:  # an ungrounded message is never sent on its own: a human decides
        held = {**checked, "reasoning": f"{_hold_reason(problems)} {checked['reasoning']}"}
        return await ctx.write(autonomy.create_draft_tx, *ids, held)
    if level == "draft":
        return await ctx.write(autonomy.create_draft_tx, *ids, checked)
    return await _execute(ctx, ids, context, checked)


async def run_agent(
    ctx, workspace_id: str, submission_id: str, handler_id: str | None = None
) -> str:
    """Plan, guard and act on one submission; returns its final status."""
    handler_id = await _agent_handler(ctx.db, workspace_id, handler_id)
    ids = (workspace_id, submission_id, handler_id)
    run = await ctx.write(autonomy.start_tx, *ids)
    try:
        context = await build_context(ctx.db, workspace_id, submission_id, handler_id)
        plan = run["plan"]
        if plan is None:
            plan = await _plan(ctx, context, run, ids)
            if plan is not None:
                plan, problems = await _grounded(ctx, context, run, ids, plan)
            if plan is None:
                return "needs_human_review"
        else:  # a replayed plan is held again if it was held the first time
            problems = ungrounded_facts(plan, context)
        checked = check_plan(plan, context["allowed_actions"])
        if run["plan"] is None:
            await ctx.write(autonomy.store_plan_tx, *ids, plan, checked, ctx.state.llm.name)
        return await apply_autonomy(ctx, ids, context, checked, problems)
    except (LeaseLost, RetryLater, asyncio.CancelledError):
        raise
    except Exception as exc:
        await ctx.write(autonomy.crash_tx, *ids, f"{type(exc).__name__}: {exc}"[:500])
        raise
