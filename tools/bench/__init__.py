"""The benchmark and the load generator behind `make bench` (see README-section.md)."""

# Answered by tools.bench.wsgi before Django: the ceiling of the same gunicorn workers.
CONSTANT_PATH = "/__bench__/constant"
