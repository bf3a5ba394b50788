"""A realistic sample submission built from a form's fields, for "send test"
(SPEC §18): the receiver sees the keys and value types the real form sends."""

from __future__ import annotations

_BY_NAME = {
    "email": "jane.miller@example.com",
    "name": "Jane Miller",
    "full_name": "Jane Miller",
    "first_name": "Jane",
    "last_name": "Miller",
    "company": "BigCorp",
    "company_name": "BigCorp",
    "phone": "+1 415 555 0134",
    "job_title": "CFO",
    "title": "CFO",
    "website": "https://bigcorp.example",
    "message": "We would like a demo for our team of 40 next week.",
    "country": "United States",
    "city": "San Francisco",
}
_BY_TYPE = {
    "email": "jane.miller@example.com",
    "phone": "+1 415 555 0134",
    "url": "https://bigcorp.example",
    "date": "2026-01-15",
    "textarea": "We would like a demo for our team of 40 next week.",
    "checkbox": True,
    "hidden": "sample",
    "file": ["brief.pdf"],  # a file field's value is its files' names (SPEC §17)
}


def sample_value(field: dict):
    ftype, options = field.get("type"), field.get("options") or []
    if ftype == "select" and options:
        return options[0]
    if ftype == "multiselect" and options:
        return options[:2]
    if ftype == "number":
        low, high = field.get("min"), field.get("max")
        if low is not None and low > 42:
            return low
        return high if high is not None and high < 42 else 42
    if field.get("name") in _BY_NAME and ftype in ("text", "email", "phone", "textarea", "url"):
        return _BY_NAME[field["name"]]
    if ftype in _BY_TYPE:
        return _BY_TYPE[ftype]
    return f"Sample {field.get('label') or field.get('name')}"


def sample_data(fields: list[dict]) -> dict:
    return {f["name"]: sample_value(f) for f in fields if f.get("name")}
