"""Oscar's sorl-thumbnail thumbnailer, for a picture whose file is missing or unreadable.

sorl returns a thumbnail without a size when it could not read the source (a file removed from
the media folder, a storage that does not answer), and `thumb.width` then raises a TypeError:
the whole page answered 500. Such a thumbnail now has the size that was asked for, so pages
render with a broken picture instead of failing.
"""

import logging

from oscar.core.thumbnails import SorlThumbnail

logger = logging.getLogger(__name__)


def _asked_size(size: str) -> tuple[int, int]:
    width, _, height = size.partition("x")
    width = int(width) if width.isdigit() else 0
    height = int(height) if height.isdigit() else width
    return width, height or width


class SizedSorlThumbnail(SorlThumbnail):
    def generate_thumbnail(self, source, **opts):
        asked = opts.get("size", "")
        thumbnail = super().generate_thumbnail(source, **opts)
        if getattr(thumbnail, "size", None) is None:
            logger.warning("No thumbnail for %r: its file is missing or unreadable", source)
            thumbnail.set_size(_asked_size(asked))
        return thumbnail
