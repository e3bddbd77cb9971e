"""Operators' dashboard pages for solidarity baskets and the hubs' parcels (staff only)."""
