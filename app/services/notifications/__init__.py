"""Notifications: inbox (the in-app bell, stored per member and workspace)."""
