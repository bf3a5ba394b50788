"""The scheduler tick (SPEC §6.6): one per interval across processes, fanning
out to periodic tasks. Each domain adds its task here as "module:function";
a task is ``async def task(ctx)`` and should be quick or enqueue jobs."""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger("formagent.scheduler")

PERIODIC_TASKS: list[str] = [
    "app.services.mail.delivery:requeue_stalled",
    "app.services.platform.jobs:purge_finished",
    "app.services.agents.recovery:recover_stale",
    "app.services.sequences:send_due_steps",
    "app.services.experiments.autopilot:autopilot_tick",
    "app.services.integrations.notify:send_digests",
    "app.services.integrations.delivery:requeue_stalled",
    "app.services.platform.idempotency:purge_expired",
    "app.services.capture.partials:abandon_partials",
    "app.services.privacy.retention:enforce_retention",
    "app.services.files.purge:purge_uploads",
    "app.services.capture.quarantine:purge_quarantine",
    "app.services.capture.pow:purge_used",
]


async def run_tick(ctx, payload: dict) -> None:
    for target in PERIODIC_TASKS:
        module, name = target.split(":")
        try:
            await getattr(importlib.import_module(module), name)(ctx)
        except Exception:  # one broken task must not starve the others
            log.exception("scheduler task %s failed", target)
