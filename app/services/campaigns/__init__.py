"""Campaigns (SPEC §8): ``campaigns`` (CRUD, inbound forms, welcome, tags),
``members`` (a campaign's contacts, automatic and manual), ``performance``
(submissions, contacts, deals, revenue), ``welcome`` (the email_marketing
flow's welcome email) and ``broadcasts`` (one email to an audience, sent by one
checkpointed bulk job)."""
