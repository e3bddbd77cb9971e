"""Django's GZipMiddleware, for text only.

Pages, JSON and SVG shrink to a fifth; JPEG, PNG and WebP pictures (uploads served with
SERVE_MEDIA) are compressed already, and gzipping them again only spends CPU. Pages served by the
page cache arrive gzipped already and are left as they are.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/xml")
COMPRESSIBLE_EXACT = ("image/svg+xml",)


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if not (content_type.startswith(COMPRESSIBLE) or content_type in COMPRESSIBLE_EXACT):
            return response
        return super().process_response(request, response)
