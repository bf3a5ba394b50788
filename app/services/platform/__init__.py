"""Platform (SPEC §6.6): durable jobs, the workers that run them, the scheduler,
and the JSON body decoder every entry point shares."""
