"""Serving a room of strangers: hosted mode, the host token, per-visitor rate limits (docs/hosting.md)."""
