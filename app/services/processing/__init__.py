"""Processing (SPEC §6): what happens after a submission is stored.

flows (the process_submission job) · flow_steps and steps (the deterministic
steps and their log) · routing (who gets it) · handlers and handler_groups ·
work (tasks, tickets, claims) · summary (one line per submission)."""
