"""The search app keeps nothing in the database: documents live in the engine, and the products
waiting for theirs in the background tasks (search/tasks.py)."""
