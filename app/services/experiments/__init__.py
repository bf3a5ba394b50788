"""Experiments (SPEC §9): A/B variants of a form, their stats, optimization and autopilot."""
