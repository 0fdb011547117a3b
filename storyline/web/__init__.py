"""The local web UI and JSON API: ``create_app(db_path)`` returns the Starlette app ``storyline serve`` runs."""

from storyline.web.app import create_app

__all__ = ["create_app"]
