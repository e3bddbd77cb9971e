"""Oscar's customer models, unchanged: the app is forked for its views (see views.py)."""

from oscar.apps.customer.models import *  # noqa: F403  (Oscar's fork pattern)
