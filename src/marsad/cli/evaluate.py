"""`marsad evaluate`: score a component against gold data; one subcommand per component."""

from __future__ import annotations

import click

from .ner import evaluate_ner


@click.group()
def evaluate() -> None:
    """Score Marsad's components against gold data."""


evaluate.add_command(evaluate_ner, name="ner")
