"""Django's Redis cache, made to count as empty while Redis does not answer.

Everything the site keeps in the cache (sessions are also in the database, pages and counts can
be computed again) survives a cache miss; none of it is worth a 500 page. A read that fails
returns what a miss would, a write that fails is dropped, and both are logged, at most once a
minute per process so that an outage does not flood the logs.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
_LOG_EVERY_SECONDS = 60.0


class _ClientReused(RedisCacheClient):
    """Django's client makes a new `redis.Redis` for every operation; redis-py 8 builds some 170
    response callbacks in each (about 0.3 ms, and a page makes dozens of cache calls). One client
    per connection pool is made once and reused: it is thread-safe, and its pool reconnects after
    a fork."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class ResilientRedisCache(RedisCache):
    _last_logged = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ClientReused

    def _failed(self, operation: str) -> None:
        now = time.monotonic()
        if now - ResilientRedisCache._last_logged >= _LOG_EVERY_SECONDS:
            ResilientRedisCache._last_logged = now
            logger.warning(
                "Redis cache unavailable (%s): serving without it", operation, exc_info=True
            )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except RedisError:
            self._failed("add")
            return False

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError:
            self._failed("get")
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except RedisError:
            self._failed("set")

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except RedisError:
            self._failed("touch")
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError:
            self._failed("delete")
            return False

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError:
            self._failed("get_many")
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError:
            self._failed("has_key")
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except RedisError:
            self._failed("incr")
            raise ValueError(f"Key {key!r} unavailable") from None

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError:
            self._failed("set_many")
            return list(data)

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except RedisError:
            self._failed("delete_many")

    def clear(self):
        try:
            return super().clear()
        except RedisError:
            self._failed("clear")
            return False
