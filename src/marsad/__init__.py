"""Marsad: Arabic news in, structured facts with evidence out."""

__version__ = "0.1.0"
