# Oscar's shipping models, unchanged: the fork exists for the per-cooperative repository.
from oscar.apps.shipping.models import *  # noqa: F403
