"""A label the engine narrowed, given back as the marketer wrote it (local engine, round 44b).

The engine names a field more precisely than the marketer did: "Richiesta preventivo catering:
…, tipo di evento, data, …" has its "data" read as the event's date, labelled "Event date".
Dutch and Italian have no phrase table for such a label, and putting it back word by word
gave English word order on Italian words ("Evento data"). ``narrowed_label`` gives the piece
the marketer wrote ("Data") when the label ends with its English ("date") and no other field
is labelled with that word alone (then "Data" would name two fields).
"""

from __future__ import annotations


def narrowed_label(norm: str, by_text: dict[str, str], labels: list[str]) -> str | None:
    """The marketer's piece for the normalised engine label ``norm`` ("event date"), or None.

    ``by_text``: normalised English piece → the marketer's words; ``labels``: every field's
    normalised English label."""
    words = norm.split()
    if len(words) < 2:
        return None
    for size in (2, 1):  # the longest piece first: "start date" before "date"
        tail = " ".join(words[-size:])
        if size < len(words) and tail in by_text and labels.count(tail) == 0:
            return by_text[tail]
    return None
