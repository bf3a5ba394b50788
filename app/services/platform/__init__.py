"""Platform (SPEC §6.6): durable jobs, the workers that run them, the scheduler."""
