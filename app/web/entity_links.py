"""Where an object lives in the dashboard, by its id's prefix (``deal_…`` ->
/deals/deal_…): one map for the ``entity_url`` template filter and for the
``url`` the API adds to ``created_entities.items``."""

from __future__ import annotations

# id prefix -> (route name, path parameter)
ENTITY_PAGES = {
    "contact": ("contact_detail", "id"),
    "company": ("company_detail", "id"),
    "deal": ("deal_detail", "id"),
    "draft": ("draft", "id"),
    "sub": ("submissions_show", "id"),
    "form": ("forms_edit", "form_id"),
    "email": ("outbox_email", "id"),
    "seq": ("sequence_detail", "id"),
}
# Items without a page of their own: tasks and tickets are worked on in My work.
HOMELESS = {"task": ("my_work", "#tasks"), "ticket": ("my_work", "#tickets")}


def page_of(entity_id: str | None) -> tuple[str, dict] | None:
    """(route name, path params) of the page showing ``entity_id``, if it has one."""
    page = ENTITY_PAGES.get((entity_id or "").split("_", 1)[0])
    return (page[0], {page[1]: entity_id}) if page else None


def item_path(url_path, item: dict) -> str | None:
    """The page of a ``created_entities`` item (``url_path(name, **params)`` builds paths)."""
    page = page_of(item.get("home"))
    if page:
        return url_path(page[0], **page[1])
    if item.get("type") in HOMELESS:
        name, anchor = HOMELESS[item["type"]]
        return url_path(name) + anchor
    return None
