"""Topic classification: one label per article from a linear model over word, stem and place features."""

from .model import TopicModel, load_default_model

__all__ = ["TopicModel", "load_default_model"]
