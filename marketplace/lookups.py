"""The last guard against lookups no row can answer: a 404 or a 400, never a 500.

Django's `<int:…>` converter takes any number of digits, and Oscar's and Wagtail's URLs use it:
an id beyond 64 bits makes SQLite raise OverflowError in the query, text where Oscar's dashboard
expects an id (`<str:pk>`) a ValueError. A NUL byte in text makes
Django or psycopg raise ValueError or DataError (PostgreSQL cannot store it). Our own URLs and
forms refuse such values where they come in (`cooperatives.space.converters`, the forms); this
middleware answers for the views we do not own, as a lookup that finds nothing would.
"""

import logging

from django.core.exceptions import BadRequest
from django.core.handlers.exception import response_for_exception
from django.db import DataError
from django.http import Http404

logger = logging.getLogger(__name__)

# What Django (ValueError) and psycopg (DataError) say of a NUL byte in a parameter.
NUL_MESSAGE = "NUL (0x00)"
# Django's, when a lookup on an integer field is given text (`<str:pk>` in Oscar's dashboard).
NOT_A_NUMBER_MESSAGE = "expected a number but got"


class UnanswerableLookupMiddleware:
    """Just before the transaction middleware, so that a POST's transaction is already marked
    for rollback when this answers (process_exception runs in reverse order)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError):
            logger.info("An id beyond what a row can hold: %s", request.path)
            return response_for_exception(request, Http404())
        if isinstance(exception, ValueError) and NOT_A_NUMBER_MESSAGE in str(exception):
            logger.info("Text where an id was expected: %s", request.path)
            return response_for_exception(request, Http404())
        if isinstance(exception, ValueError | DataError) and NUL_MESSAGE in str(exception):
            logger.info("A NUL byte in a lookup: %s", request.path)
            return response_for_exception(request, BadRequest())
        return None
