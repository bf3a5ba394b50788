"""Experiments (SPEC §9): ``experiments`` (CRUD, variants with weights and
overrides, one active per form, the log), ``assign`` (which variant a visitor
sees, by a hash of experiment and visitor id), ``stats`` (per-variant SQL
aggregates, Wilson interval, two-proportion z-test), ``optimize`` (waiting / no
clear winner / promotion and the next challenger), ``autopilot`` (the periodic
task: keep one running, optimize, roll back a promotion that drops) and
``pages`` (what the dashboard pages show)."""
