"""A TrueType font with Vietnamese glyphs for the PDF slips.

reportlab ships only the Vera fonts, which lack Vietnamese letters (ạ, ế, ữ…). We use Open
Sans from the `ttf-opensans` package (Apache-2.0, full Vietnamese coverage) and fall back to
DejaVu Sans when the operating system has it. The font files are never committed.
"""

from __future__ import annotations

import functools
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "MotcuaSans"
BOLD = "MotcuaSans-Bold"

_SYSTEM_CANDIDATES = [
    (
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ),
    (Path("/usr/share/fonts/TTF/DejaVuSans.ttf"), Path("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf")),
]


class FontMissing(RuntimeError):
    pass


def font_files() -> tuple[Path, Path]:
    """(regular, bold) paths of a font with Vietnamese glyphs."""
    try:
        import ttf_opensans

        return Path(ttf_opensans.OPENSANS_REGULAR.path), Path(ttf_opensans.OPENSANS_BOLD.path)
    except ImportError:
        pass
    for regular, bold in _SYSTEM_CANDIDATES:
        if regular.exists() and bold.exists():
            return regular, bold
    raise FontMissing(
        "No font with Vietnamese glyphs: install the 'ttf-opensans' package (pip install ttf-opensans)."
    )


@functools.cache
def register() -> str:
    """Register the slip font family once per process; return the regular font's name."""
    regular, bold = font_files()
    pdfmetrics.registerFont(TTFont(REGULAR, str(regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR
