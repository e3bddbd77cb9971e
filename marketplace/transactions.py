"""One database transaction per request that changes something; none for page views.

Django's ATOMIC_REQUESTS wraps every view, GETs included, in a transaction. On SQLite with
IMMEDIATE transactions (see the settings) that would take the write lock for every page view and
queue readers behind each other; on PostgreSQL it holds a transaction open for nothing. Here,
GET, HEAD, OPTIONS and TRACE run in autocommit (and must write nothing), while POST, PUT, PATCH and
DELETE run their view in one transaction, rolled back if the view raises, as with
ATOMIC_REQUESTS. A view marked with `transaction.non_atomic_requests` is left alone.
"""

from django.db import DEFAULT_DB_ALIAS, transaction

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class AtomicUnsafeRequestsMiddleware:
    """Last in MIDDLEWARE, so the transaction holds the view and nothing around it (sessions,
    messages and cookies are saved after it commits)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = self.get_response(request)
        except BaseException as error:
            self._finish(request, error)
            raise
        self._finish(request, None)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS:
            return None
        if DEFAULT_DB_ALIAS in getattr(view_func, "_non_atomic_requests", set()):
            return None
        atomic = transaction.atomic(using=DEFAULT_DB_ALIAS)
        atomic.__enter__()
        request._souk_atomic = atomic
        return None

    def process_exception(self, request, exception):
        # Django turns the view's exception into an error page before it reaches __call__:
        # mark the transaction so that leaving it rolls back, as ATOMIC_REQUESTS would.
        if getattr(request, "_souk_atomic", None) is not None:
            transaction.set_rollback(True, using=DEFAULT_DB_ALIAS)
        return None

    @staticmethod
    def _finish(request, error: BaseException | None) -> None:
        atomic = getattr(request, "_souk_atomic", None)
        if atomic is None:
            return
        request._souk_atomic = None
        if error is None:
            atomic.__exit__(None, None, None)
        else:
            atomic.__exit__(type(error), error, error.__traceback__)
