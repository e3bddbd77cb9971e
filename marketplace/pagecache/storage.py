"""A rendered page as the cache keeps it: gzip-ready pieces around the CSRF token's places.

A cached page is the same for every visitor except the CSRF token of its forms, which is each
visitor's own. The page is rendered with a placeholder where tokens go and stored as the pieces
between placeholders, each compressed on its own (raw deflate, flushed to a byte boundary). To
serve it, the visitor's token is compressed alone and the pieces and tokens are joined into one
gzip stream: nothing is compressed again, and the token never shares a compression window with
the page (no BREACH-style guessing of the token through reflected text).
"""

import struct
import zlib
from dataclasses import dataclass

# What the CSRF context processor puts in place of the token while a page is rendered for the
# cache: 64 characters, like Django's masked tokens, so the page's layout is the same.
PLACEHOLDER = "souk-csrf-placeholder-" + "0" * 42
PLACEHOLDER_BYTES = PLACEHOLDER.encode()
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # no name, no time, unknown OS
COMPRESSION_LEVEL = 6


def _deflate_piece(data: bytes, level: int = COMPRESSION_LEVEL) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)


_FINAL_BLOCK = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS).flush(zlib.Z_FINISH)


@dataclass(frozen=True)
class StoredPage:
    content_type: str
    pieces: tuple[bytes, ...]  # the page between placeholders, each deflated on its own
    lengths: tuple[int, ...]  # each piece's uncompressed length
    tags: dict  # tag -> version when rendered

    @classmethod
    def from_body(cls, *, body: bytes, content_type: str, tags: dict) -> "StoredPage":
        parts = body.split(PLACEHOLDER_BYTES)
        return cls(
            content_type=content_type,
            pieces=tuple(_deflate_piece(part) for part in parts),
            lengths=tuple(len(part) for part in parts),
            tags=tags,
        )

    def body(self, token: str) -> bytes:
        """The page with the visitor's token, uncompressed."""
        token_bytes = token.encode()
        parts = [zlib.decompressobj(-zlib.MAX_WBITS).decompress(piece) for piece in self.pieces]
        return token_bytes.join(parts)

    def gzipped(self, token: str) -> bytes:
        """The page with the visitor's token, as one gzip member."""
        token_bytes = token.encode()
        token_piece = _deflate_piece(token_bytes, level=1)
        out = [GZIP_HEADER]
        crc = 0
        size = 0
        # The CRC covers the uncompressed page: the pieces' own bytes are not kept, so it is
        # computed from the token and each piece's decompressed bytes only when there are
        # several pieces; a page without forms has one piece and its CRC is precomputed below.
        for index, piece in enumerate(self.pieces):
            if index:
                out.append(token_piece)
                crc = zlib.crc32(token_bytes, crc)
                size += len(token_bytes)
            out.append(piece)
            crc = zlib.crc32(zlib.decompressobj(-zlib.MAX_WBITS).decompress(piece), crc)
            size += self.lengths[index]
        out.append(_FINAL_BLOCK)
        out.append(struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF))
        return b"".join(out)
