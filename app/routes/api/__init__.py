"""The JSON API (mounted at /api): calls the same services as the pages."""
