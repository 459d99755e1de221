"""The HTTP API and web pages over the store (FastAPI)."""

from .app import create_app

__all__ = ["create_app"]
