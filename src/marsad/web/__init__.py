"""The web pages: Jinja2 templates (autoescaped) and safe rendering of highlighted text."""
