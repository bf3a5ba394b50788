"""Mail (SPEC §8): ``outbox`` queues every email (with its dedupe key),
``delivery`` is the job that hands it to the ``mailer`` (SMTP pool, or
outbox-only without an SMTP URL) after ``compose`` built the message as sent
(marketing footer and List-Unsubscribe headers) and ``dkim_sign`` signed it;
``suppression`` holds the unsubscribe links and the list checked at send time;
``outbox_view`` reads the outbox; ``email_templates`` are the templates users
write; ``render`` holds our own email templates and ``placeholders`` fills the
text users write ({{variable|fallback}}, never Jinja)."""
