"""The global search box (top bar): contacts, companies, forms, submissions by email."""

from app.services.search.everything import KINDS, search_everything

__all__ = ["KINDS", "search_everything"]
