"""Who is no buyer whatever they ask: someone who works for another form builder is a competitor, however politely they ask
(issue 20, leads round 41s): "I'm a product manager at Formstack. Curious how your AI routing
works under the hood - could you share technical docs?" from formstack.com was answered with a
promise to send the docs. Told by their address or by "I'm … at <maker>"; a buyer who names the
tool they leave ("we're replacing Typeform", "we use Jotform today") is still a buyer. And
"Merci de ne plus m'envoyer d'emails" asks to be left alone, as "unsubscribe" does
(``STOP_SENDING``, read with the scorer's opt-out words)."""

from __future__ import annotations

import re

from app.services.crm.normalize import email_domain

_MAKERS = (
    r"typeform|jotform|formstack|tally|wufoo|cognito forms|paperform|fillout|surveymonkey|"
    r"gravity forms|123formbuilder|formsite|zoho forms|formassembly|formidable forms|"
    r"wpforms|ninja forms|formspree|getform|basin|leadpages|unbounce"
)
_DOMAINS = {
    "typeform.com", "jotform.com", "formstack.com", "tally.so", "wufoo.com", "cognitoforms.com",
    "paperform.co", "fillout.com", "surveymonkey.com", "123formbuilder.com", "formsite.com",
    "formassembly.com", "wpforms.com", "ninjaforms.com", "formspree.io", "getform.io",
}  # fmt: skip
_WORKS_AT = re.compile(
    rf"\b(?:i'?m|i am|we'?re|we are)\s+(?:an?\s+)?(?:[\w-]+\s+){{0,3}}?(?:at|from)\s+(?:{_MAKERS})\b|"
    rf"\bi work (?:at|for|on the \w+ team at)\s+(?:{_MAKERS})\b|"
    rf"\b(?:here|writing) from (?:the )?(?:{_MAKERS})\b",
    re.I,
)


def rival(text: str, email: str) -> tuple[str, str] | None:
    """("competitor", why) when the writer works for another form builder."""
    domain = email_domain(email) or ""
    if domain in _DOMAINS or any(domain.endswith("." + d) for d in _DOMAINS):
        return "competitor", f"writes from another form builder ({domain})"
    said = _WORKS_AT.search(text)
    if said:
        return "competitor", f"works for another form builder ({said.group(0)})"
    return None


# "merci de ne plus m'envoyer d'emails", "dejen de enviarme", "smettete di scrivermi"
STOP_SENDING = (
    r"\bne (?:plus|jamais) (?:m'|me )?(?:envoyer|[ée]crire|contacter|recontacter|solliciter)\b|"
    r"\bne m'(?:envoyez|[ée]crivez) plus\b|\bne me (?:contactez|sollicitez|recontactez) plus\b|"
    r"\bdej(?:en|ad|e) de (?:enviarme|escribirme|mandarme|contactarme)\b|"
    r"\bpar(?:em|e) de (?:me )?(?:enviar|mandar|contactar)\b|\bschicken sie mir keine\b|"
    r"\bsmett(?:ete|a) di (?:inviarmi|scrivermi|contattarmi|mandarmi)\b|\bstuur (?:me|mij) geen\b|"
    r"\bdon'?t send me\b|\bno longer (?:wish|want) to (?:receive|hear)\b"
)
