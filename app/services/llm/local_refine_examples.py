"""Three instructions the local engine understands, drawn from the draft at hand: the page
offers them when a refinement was too vague to apply ("make it nicer"), so the marketer sees
what works on THIS form (issue 20)."""

from __future__ import annotations


def examples(config: dict) -> list[str]:
    """Three instructions this engine understands, drawn from the draft: offered
    when a refinement was too vague to apply ("make it friendlier")."""
    fields = config.get("fields") or []
    # a short label reads as an example; a consent statement does not
    optional = [
        f
        for f in fields
        if not f.get("required") and f.get("type") != "consent" and len(f["label"].split()) <= 4
    ]
    required = [f for f in fields if f.get("required") and f.get("type") != "email"]
    names = {f.get("name") for f in fields}
    candidates = [
        f"remove the {optional[-1]['label']} field" if optional and len(fields) > 1 else None,
        f"make {required[-1]['label']} optional" if required else None,
        "add a phone field" if "phone" not in names else None,
        f"move {fields[-1]['label']} to the top" if len(fields) > 1 else None,
        "add an optional first name field" if not names & {"name", "first_name"} else None,
        f"rename {fields[0]['label']} to Your {fields[0]['label'].lower()}" if fields else None,
        # about the form as a whole, short enough to read as a hint: when few fields qualify
        "change the thank-you message to Thanks, we will be in touch soon.",
    ]
    return [c for c in candidates if c][:3]
