"""The form kinds the local engine recognises, with the cues that point to them.

Each kind: its flow, form type, agent autonomy and allowed actions; ``cues``
(regex, weight) read from the whole description by ``local_intent``;
``fields`` (catalogue keys) when the description names few fields of its own,
``core`` when it names several (then its own fields replace the defaults).
A key ending in ``-`` is the optional variant of a catalogue field, ``+`` the
required one. Only contact basics and the main free-text field are required
by default: a draft never requires what the marketer did not ask for.
"""

from __future__ import annotations

from app.services.llm.local_kinds_enquiries import ENQUIRY_KINDS
from app.services.llm.local_kinds_marketing import MARKETING_KINDS
from app.services.llm.local_kinds_people import PEOPLE_KINDS

# The order breaks ties between equally cued kinds: keep it.
KINDS = [*PEOPLE_KINDS, *MARKETING_KINDS, *ENQUIRY_KINDS]
DEFAULT_KIND = "contact"
