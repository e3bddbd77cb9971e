"""Demo pictures drawn locally with Pillow: nothing is downloaded.

Each picture is a warm gradient in the category's colour with a simple motif, so that product
grids look like a real catalogue while staying obviously illustrative. Product pictures carry no
words (the site speaks three languages); logos carry the cooperative's initials.
"""

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

SIZE = (800, 600)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _font(size: int):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType support
        return ImageFont.load_default()


def draw_picture(
    *, seed: str, colour: str, caption: str = "", size: tuple[int, int] = SIZE
) -> bytes:
    """A JPEG of `size` for `seed` (the same seed always gives the same picture)."""
    digest = hashlib.sha256(seed.encode()).digest()
    base = _rgb(colour)
    light = _mix(base, (250, 245, 236), 0.75)
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    width, height = size
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_mix(light, base, y / height * 0.55))
    # A motif of circles and an arch, placed by the seed, evokes jars, pots and rolled carpets.
    for i in range(5):
        cx = digest[i] / 255 * width
        cy = digest[i + 5] / 255 * height * 0.7
        radius = 40 + digest[i + 10] / 255 * 110
        tint = _mix(base, (255, 255, 255), 0.2 + (digest[i + 15] % 40) / 100)
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=tint)
    arch_w = width * 0.42
    left = (width - arch_w) / 2
    draw.rounded_rectangle(
        [left, height * 0.3, left + arch_w, height * 0.86], radius=int(arch_w / 2), fill=base
    )
    draw.rectangle([0, height * 0.86, width, height], fill=_mix(base, (0, 0, 0), 0.35))
    if caption:
        font = _font(max(18, height // 14))
        text = caption[:40]
        box = draw.textbbox((0, 0), text, font=font)
        draw.text(
            ((width - (box[2] - box[0])) / 2, height * 0.875),
            text,
            font=font,
            fill=(255, 255, 255),
        )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80, optimize=True)
    return buffer.getvalue()
