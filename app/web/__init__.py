"""HTTP plumbing shared by every route module: auth, CSRF, rendering, API helpers."""
