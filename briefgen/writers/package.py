"""A minimal ZIP writer for OOXML packages: parts compressed once can be copied into every file."""

from __future__ import annotations

import struct
import zlib
from typing import BinaryIO, Iterable

DOS_DATE = (1 << 5) | 1  # 1 January 1980: every part gets the same time, so the output is reproducible
DEFLATED = 8
STORED = 0
STORED_SUFFIXES = (".png", ".jpeg", ".jpg")  # compressed already: deflating them again costs time and saves nothing


def compress(name: str, data: bytes) -> tuple[str, int, int, bytes]:
    """A part ready to be written: (name, CRC-32, size, raw deflate data, or the data itself for pictures)."""
    if name.endswith(STORED_SUFFIXES):
        return name, zlib.crc32(data), len(data), data
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return name, zlib.crc32(data), len(data), packer.compress(data) + packer.flush()


def write_zip(stream: BinaryIO, parts: Iterable[tuple[str, int, int, bytes]]) -> None:
    """Write compressed parts as a ZIP archive (no ZIP64: briefs are far below 4 GB)."""
    chunks: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name, crc, size, data in parts:
        encoded = name.encode("utf-8")
        if len(data) >= 0xFFFFFFFF or size >= 0xFFFFFFFF:
            raise ValueError(f"part {name} is too large for a ZIP archive without ZIP64")
        method = STORED if name.endswith(STORED_SUFFIXES) else DEFLATED
        fields = (20, 0, method, 0, DOS_DATE, crc, len(data), size, len(encoded))
        chunks += [struct.pack("<4sHHHHHLLLHH", b"PK\x03\x04", *fields, 0), encoded, data]
        directory.append(struct.pack("<4sHHHHHHLLLHHHHHLL", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset)
                         + encoded)
        offset += 30 + len(encoded) + len(data)
    central = b"".join(directory)
    end = struct.pack("<4sHHHHLLH", b"PK\x05\x06", 0, 0, len(directory), len(directory), len(central), offset, 0)
    stream.write(b"".join(chunks) + central + end)
