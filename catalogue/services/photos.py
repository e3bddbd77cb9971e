"""The photo pipeline: an uploaded photo checked (a real JPEG, PNG or WebP within limits),
re-encoded upright without its metadata, and stored; used by products and solidarity baskets."""

import io
import uuid
from collections.abc import Sequence
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from catalogue.models import Product, ProductImage

PHOTOS_MAX = 10
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_SIDE = 4000
# Pillow format name -> file extension of the stored copy.
PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def photo_check(*, file: IO[bytes], name: str = "") -> str:
    """Check an uploaded photo really is a JPEG, PNG or WebP within limits; return its format.

    Pillow opens and verifies it, then decodes it fully (a truncated file passes `verify()`).
    """
    name = name or getattr(file, "name", "") or _("the photo")
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
    if size > PHOTO_MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is too big: a photo may weigh at most %(max)s MB.")
            % {"name": name, "max": PHOTO_MAX_BYTES // (1024 * 1024)},
            code="photo_too_big",
        )
    not_a_photo = ValidationError(
        _("“%(name)s” is not a JPEG, PNG or WebP photo.") % {"name": name},
        code="photo_invalid",
    )
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format, (width, height) = image.format, image.size
            if image_format not in PHOTO_FORMATS:
                raise not_a_photo
            if width > PHOTO_MAX_SIDE or height > PHOTO_MAX_SIDE:
                raise ValidationError(
                    _(
                        "“%(name)s” is %(width)s×%(height)s pixels: "
                        "a photo may be at most %(max)s×%(max)s."
                    )
                    % {"name": name, "width": width, "height": height, "max": PHOTO_MAX_SIDE},
                    code="photo_too_large",
                )
            image.verify()
        file.seek(0)
        with Image.open(file) as image:
            image.load()
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise not_a_photo from None
    finally:
        file.seek(0)
    return image_format


def _photo_clean_copy(file: IO[bytes], image_format: str) -> bytes:
    """Re-encode the photo upright and without its metadata (phones record where it was taken)."""
    file.seek(0)
    with Image.open(file) as image:
        upright = ImageOps.exif_transpose(image)
        if image_format == "JPEG" and upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
        output = io.BytesIO()
        options = {"quality": 90} if image_format in ("JPEG", "WEBP") else {"optimize": True}
        upright.save(output, format=image_format, **options)
    return output.getvalue()


def photos_prepare(*, images: Sequence[IO[bytes]], existing: int) -> list[tuple[bytes, str]]:
    """Check every photo and make its clean copy before anything is written."""
    if existing + len(images) > PHOTOS_MAX:
        raise ValidationError(
            {"photos": [_("A product has at most %(max)s photos.") % {"max": PHOTOS_MAX}]}
        )
    prepared, problems = [], []
    for image in images:
        try:
            image_format = photo_check(file=image)
            prepared.append((_photo_clean_copy(image, image_format), image_format))
        except ValidationError as error:
            problems.extend(error.messages)
        except (OSError, ValueError):
            name = getattr(image, "name", "") or _("the photo")
            problems.append(_("“%(name)s” could not be read as a photo.") % {"name": name})
    if problems:
        raise ValidationError({"photos": problems})
    return prepared


def product_photos_add(*, product: Product, photos: list[tuple[bytes, str]]) -> None:
    position = product.images.count()
    for offset, (content, image_format) in enumerate(photos):
        photo = ProductImage(product=product, display_order=position + offset)
        name = f"{product.slug[:60]}-{uuid.uuid4().hex[:8]}.{PHOTO_FORMATS[image_format]}"
        photo.original.save(name, ContentFile(content), save=False)
        photo.save()
