"""Oscar's partner models, unchanged: the app is forked for its strategy (strategy.py)."""

from oscar.apps.partner.models import *  # noqa: F403
