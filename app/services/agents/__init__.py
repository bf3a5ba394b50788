"""AI agents (SPEC §6.4): context, plan guardrails, actions, autonomy, the
runner (``run_agent``, Capture's seam) and periodic recovery."""
