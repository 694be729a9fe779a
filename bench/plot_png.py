"""A tiny log-log line chart written as PNG with the standard library only.

The benchmark must not depend on matplotlib, so this draws the one chart it
needs: lines with markers on decade grids, digit tick labels and a legend, in a
built-in 3x5 pixel font. PNG encoding is zlib + struct (one IDAT, filter 0).
"""

from __future__ import annotations

import itertools
import math
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

RGB = tuple[int, int, int]

# 5-row glyphs, 3 columns wide except M, N, W; rows top to bottom, "1" is ink.
_FONT: dict[str, tuple[str, ...]] = {
    "0": ("111", "101", "101", "101", "111"),
    "1": ("010", "110", "010", "010", "111"),
    "2": ("111", "001", "111", "100", "111"),
    "3": ("111", "001", "111", "001", "111"),
    "4": ("101", "101", "111", "001", "001"),
    "5": ("111", "100", "111", "001", "111"),
    "6": ("111", "100", "111", "101", "111"),
    "7": ("111", "001", "001", "001", "001"),
    "8": ("111", "101", "111", "101", "111"),
    "9": ("111", "101", "111", "001", "111"),
    "A": ("010", "101", "111", "101", "101"),
    "B": ("110", "101", "110", "101", "110"),
    "C": ("011", "100", "100", "100", "011"),
    "D": ("110", "101", "101", "101", "110"),
    "E": ("111", "100", "110", "100", "111"),
    "F": ("111", "100", "110", "100", "100"),
    "G": ("011", "100", "101", "101", "011"),
    "H": ("101", "101", "111", "101", "101"),
    "I": ("111", "010", "010", "010", "111"),
    "J": ("001", "001", "001", "101", "010"),
    "K": ("101", "101", "110", "101", "101"),
    "L": ("100", "100", "100", "100", "111"),
    "M": ("10001", "11011", "10101", "10001", "10001"),
    "N": ("1001", "1101", "1011", "1001", "1001"),
    "O": ("010", "101", "101", "101", "010"),
    "P": ("110", "101", "110", "100", "100"),
    "Q": ("010", "101", "101", "110", "011"),
    "R": ("110", "101", "110", "101", "101"),
    "S": ("011", "100", "010", "001", "110"),
    "T": ("111", "010", "010", "010", "010"),
    "U": ("101", "101", "101", "101", "111"),
    "V": ("101", "101", "101", "101", "010"),
    "W": ("10001", "10001", "10101", "11011", "10001"),
    "X": ("101", "101", "010", "101", "101"),
    "Y": ("101", "101", "010", "010", "010"),
    "Z": ("111", "001", "010", "100", "111"),
    " ": ("000", "000", "000", "000", "000"),
    "-": ("000", "000", "111", "000", "000"),
    ".": ("000", "000", "000", "000", "010"),
    "/": ("001", "001", "010", "100", "100"),
    "(": ("010", "100", "100", "100", "010"),
    ")": ("010", "001", "001", "001", "010"),
    "=": ("000", "111", "000", "111", "000"),
}

WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)
GRID: RGB = (215, 215, 215)
MINOR: RGB = (242, 242, 242)
GREY_TEXT: RGB = (120, 120, 120)


@dataclass(frozen=True)
class Series:
    """One line: points (x, y) > 0, drawn dashed when `dashed`."""

    label: str
    color: RGB
    points: Sequence[tuple[float, float]]
    dashed: bool = False


class Canvas:
    """An RGB pixel buffer with the few drawing operations the chart needs."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.px = bytearray(WHITE * (width * height))

    def set(self, x: int, y: int, c: RGB) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            i = 3 * (y * self.width + x)
            self.px[i : i + 3] = bytes(c)

    def rect(self, x0: int, y0: int, x1: int, y1: int, c: RGB) -> None:
        for y in range(y0, y1 + 1):
            for x in range(x0, x1 + 1):
                self.set(x, y, c)

    def line(
        self, x0: int, y0: int, x1: int, y1: int, c: RGB, width: int = 1, dashed: bool = False
    ) -> None:
        """Bresenham, thickened by drawing a width x width square per step."""
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
        err, step = dx + dy, 0
        while True:
            if not dashed or (step // 8) % 2 == 0:
                self.rect(x0, y0, x0 + width - 1, y0 + width - 1, c)
            if x0 == x1 and y0 == y1:
                return
            step += 1
            e2 = 2 * err
            if e2 >= dy:
                err += dy
                x0 += sx
            if e2 <= dx:
                err += dx
                y0 += sy

    def text(self, x: int, y: int, s: str, c: RGB = BLACK, scale: int = 2) -> None:
        """Draw s with its top-left corner at (x, y); unknown characters as blanks."""
        for ch in s.upper():
            glyph = _FONT.get(ch, _FONT[" "])
            for row, bits in enumerate(glyph):
                for col, bit in enumerate(bits):
                    if bit == "1":
                        self.rect(
                            x + col * scale,
                            y + row * scale,
                            x + col * scale + scale - 1,
                            y + row * scale + scale - 1,
                            c,
                        )
            x += (len(glyph[0]) + 1) * scale

    def png(self) -> bytes:
        """Encode as an 8-bit RGB PNG."""
        stride = 3 * self.width
        raw = b"".join(
            b"\x00" + bytes(self.px[y * stride : (y + 1) * stride]) for y in range(self.height)
        )

        def chunk(kind: bytes, data: bytes) -> bytes:
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        ihdr = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b"")
        )


def text_width(s: str, scale: int = 2) -> int:
    """Pixel width of s as drawn by Canvas.text."""
    cols = sum(len(_FONT.get(ch, _FONT[" "])[0]) + 1 for ch in s.upper())
    return max(0, (cols - 1) * scale)


def _num(v: float) -> str:
    """A tick label: an integer where possible, else a short decimal."""
    return str(round(v)) if v >= 1 else f"{v:g}"


def _decades(lo: float, hi: float) -> tuple[int, int]:
    a = math.floor(math.log10(lo))
    b = math.ceil(math.log10(hi))
    return a, max(b, a + 1)


def loglog_chart(
    series: Sequence[Series],
    title: str,
    x_label: str,
    y_label: str,
    width: int = 860,
    height: int = 520,
) -> bytes:
    """A log-log chart of the series with decade grid lines, as PNG bytes."""
    pts = [p for s in series for p in s.points if p[0] > 0 and p[1] > 0]
    if not pts:
        raise ValueError("nothing to plot")
    xa, xb = _decades(min(p[0] for p in pts), max(p[0] for p in pts))
    ya, yb = _decades(min(p[1] for p in pts), max(p[1] for p in pts))
    left, right, top, bottom = 80, 230, 40, 60
    pw, ph = width - left - right, height - top - bottom
    cv = Canvas(width, height)

    def to_px(x: float, y: float) -> tuple[int, int]:
        fx = (math.log10(x) - xa) / (xb - xa)
        fy = (math.log10(y) - ya) / (yb - ya)
        return left + round(fx * pw), top + ph - round(fy * ph)

    for d in range(xa, xb):  # minor grid at 2..9 x each decade
        for m in range(2, 10):
            px, _ = to_px(m * 10.0**d, 10.0**ya)
            cv.line(px, top, px, top + ph, MINOR)
    for d in range(ya, yb):
        for m in range(2, 10):
            _, py = to_px(10.0**xa, m * 10.0**d)
            cv.line(left, py, left + pw, py, MINOR)
            if m in (2, 5) and yb - ya <= 2:  # few decades: label 2 and 5 too
                label = _num(m * 10.0**d)
                cv.text(left - 8 - text_width(label), py - 5, label, GREY_TEXT)
    for d in range(xa, xb + 1):
        px, _ = to_px(10.0**d, 10.0**ya)
        cv.line(px, top, px, top + ph, GRID)
        label = _num(10.0**d)
        cv.text(px - text_width(label) // 2, top + ph + 8, label)
    for d in range(ya, yb + 1):
        _, py = to_px(10.0**xa, 10.0**d)
        cv.line(left, py, left + pw, py, GRID)
        label = _num(10.0**d)
        cv.text(left - 8 - text_width(label), py - 5, label)
    cv.line(left, top, left, top + ph, BLACK)
    cv.line(left, top + ph, left + pw, top + ph, BLACK)
    cv.text(left + (pw - text_width(x_label)) // 2, height - 24, x_label)
    cv.text(left, top - 18, y_label)
    cv.text(left + (pw - text_width(title)) // 2, 8, title)

    for s in series:
        line = sorted(to_px(x, y) for x, y in s.points if x > 0 and y > 0)
        for (x0, y0), (x1, y1) in itertools.pairwise(line):
            cv.line(x0, y0, x1, y1, s.color, width=2, dashed=s.dashed)
        for x, y in line:
            cv.rect(x - 3, y - 3, x + 3, y + 3, s.color)

    lx, ly = left + pw + 20, top + 10
    for s in series:
        cv.line(lx, ly + 4, lx + 30, ly + 4, s.color, width=2, dashed=s.dashed)
        cv.rect(lx + 12, ly + 1, lx + 18, ly + 7, s.color)
        cv.text(lx + 38, ly, s.label)
        ly += 22
    return cv.png()
