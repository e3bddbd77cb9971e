import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Campaign progress is cached by page and revision ids, which a rolled-back test may reuse."""
    cache.clear()
    yield
    cache.clear()
