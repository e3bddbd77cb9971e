"""The anonymous page cache: whole pages for visitors who are not logged in, invalidated by tags.

Views call `page_cache_allow(request, *tags)`; changes call `tags_invalidate(tags)` (the receivers
do it for saves made by code we do not own). See the README's "Page cache" section.
"""
