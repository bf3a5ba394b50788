"""Mail (SPEC §8): ``outbox`` queues every email (with its dedupe key),
``delivery`` is the job that hands it to the ``mailer`` (SMTP pool, or
outbox-only without an SMTP URL), ``render`` holds our own email templates and
``placeholders`` fills the text users write ({{variable|fallback}}, never Jinja)."""
