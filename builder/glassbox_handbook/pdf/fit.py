"""Text that must fit a box of fixed size (a prompt card, a slide), laid out before WeasyPrint sees it.

A card or a slide has one size whatever it holds, so the composer decides
in advance, line by line, what goes in each box: it measures words with the
font's own advance widths (the fontconfig font WeasyPrint will use, read
with fontTools), breaks lines greedily at spaces as Pango does, and then
either steps the type down until everything fits, or flows what is left
into a next box marked "continued". Nothing is clipped, and no box grows.

The measure errs on the wide side (no kerning, breaks at spaces only), so a
line WeasyPrint sets is never longer than the one measured here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import lru_cache
from typing import NamedTuple

FAMILY = "DejaVu Sans"  # the family every fitted box is set in (slides.css, cards.css)
FALLBACK_EM = 0.62  # average advance, in ems, when the font file cannot be read: wider than DejaVu Sans
ZWSP = "\u200b"
EPSILON = 1e-6
SLACK = 0.99  # use 99% of a box's width, for what the measure cannot know (a fallback glyph, rounding)


@lru_cache(maxsize=4)
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    """Advance width of every character of the font, in ems, and the width of a character it lacks."""
    pattern = f"{FAMILY}:bold" if bold else f"{FAMILY}:regular"
    try:
        exe = shutil.which("fc-match")
        path = subprocess.run([exe, "-f", "%{file}", pattern], capture_output=True, text=True,
                              check=True, timeout=10).stdout.strip() if exe else ""
        from fontTools.ttLib import TTFont

        font = TTFont(path, lazy=True)
        per_em = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        widths = {cp: metrics[name][0] / per_em for cp, name in font.getBestCmap().items()}
        return widths, max(widths.get(ord("M"), FALLBACK_EM), FALLBACK_EM)
    except Exception:  # no fontconfig or no such font: WeasyPrint falls back too; measure generously
        return {}, FALLBACK_EM


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of `text` set at `size` points, in points."""
    widths, missing = _advances(bold)
    return sum(widths.get(ord(ch), missing) for ch in text if ch != ZWSP) * size


# Where Pango may break inside a run of non-space characters, of the places UAX #14 allows: after a
# hyphen that a letter follows, in any word; in a run wider than the column, also after a slash and
# before an opening bracket or a backtick. Only breaks Pango surely makes are used (a measure that
# breaks where Pango would not could promise too few lines).
_HYPHEN = re.compile(r"(?<=[A-Za-z][-\u2010\u2013])(?=[A-Za-z])")
_NO_BREAK_BEFORE = set(".,;:!?)]}%\u2019\u201d\u2026")
_INSIDE = re.compile(r"(?<=[-/\u2010\u2013])(?=[A-Za-z])|(?<=\S)(?=[(\[{`])")


def _words(text: str) -> list[str]:
    """Words, with a run that Pango never begins a line with (" .", " ;", " )") kept on the word before."""
    out: list[str] = []
    for word in text.split():
        if out and word[0] in _NO_BREAK_BEFORE:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def _pieces(word: str, room: float, size: float, bold: bool) -> list[tuple[str, str]]:
    """A run of characters as the pieces a line may end after, each with the glue before it: "" where
    Pango may break anyway, a zero-width space where only this cut lets it (a run wider than the column)."""
    parts = [(p, "") for p in _HYPHEN.split(word) if p]
    if text_width(word, size, bold) <= room:
        return parts
    out: list[tuple[str, str]] = []
    for part in (p for p in _INSIDE.split(word) if p):
        glue = ""
        while text_width(part, size, bold) > room:
            cut = len(part) - 1
            while cut > 1 and text_width(part[:cut], size, bold) > room:
                cut -= 1
            out.append((part[:cut], glue))
            part, glue = part[cut:], ZWSP
        out.append((part, glue))
    return out


def _lines(text: str, width: float, size: float, bold: bool) -> list[tuple[str, str]]:
    """Greedy lines of `text`, each with the glue that joins it to the next ("" or a zero-width space
    inside a word)."""
    room = width * SLACK
    space = text_width(" ", size, bold)
    lines: list[tuple[str, str]] = []
    line, used = "", 0.0
    for word in _words(text):
        for k, (piece, glue) in enumerate(_pieces(word, room, size, bold)):
            w = text_width(piece, size, bold)
            gap = space if line and k == 0 else 0.0
            if line and used + gap + w <= room:
                line, used = line + (" " if k == 0 else glue) + piece, used + gap + w
            else:
                if line:
                    lines.append((line, " " if k == 0 else glue))
                line, used = piece, w
    if line:
        lines.append((line, " "))
    return lines


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """The lines of `text` in a column `width` points wide: greedy, like Pango, at spaces and after a
    hyphen inside a word; a run wider than the column is cut (see `joined`)."""
    return [line for line, _ in _lines(text, width, size, bold)]


def settable(paras: list[Para], width: float) -> list[Para]:
    """Paragraphs as the template sets them: a run too wide for the column is given its break (`joined`)."""
    return [p._replace(text=joined(_lines(p.text, width - p.indent, p.size, p.bold))) for p in paras]


def joined(lines: list[tuple[str, str]]) -> str:
    """Lines back into the text they were cut from, with a zero-width space where a run too wide for the
    column is cut: the stylesheets need no `overflow-wrap: anywhere` (which makes WeasyPrint eight
    times slower), and WeasyPrint breaks the run where it was measured."""
    return "".join(line + glue for line, glue in lines).rstrip()


class Para(NamedTuple):
    """A paragraph to set in a box: its text, type size, the class the template gives it, leading (times
    the size), weight, the space before it (points), the width its column gives up on the left (a mark
    beside it), and what it refers to (a component id whose mark it carries), for the template."""

    text: str
    size: float
    kind: str
    leading: float = 1.25
    bold: bool = False
    before: float = 0.0
    indent: float = 0.0
    ref: str = ""

    def lines(self, width: float) -> list[str]:
        return wrap(self.text, width - self.indent, self.size, self.bold)

    def height(self, width: float) -> float:
        return len(self.lines(width)) * self.size * self.leading


def height_of(paras: list[Para], width: float) -> float:
    """Height of paragraphs set one after the other (the first one's space before is not counted)."""
    return sum(p.height(width) + (p.before if i else 0) for i, p in enumerate(paras))


def fits(paras: list[Para], width: float, height: float) -> bool:
    return height_of(paras, width) <= height + EPSILON


def step_down(paras: list[Para], sizes: tuple[float, ...], kinds: set[str], width: float,
              height: float) -> list[Para]:
    """The paragraphs of `kinds` at the largest size of `sizes` (largest first) at which all fit;
    at the smallest size when none does (then `flow` continues them into further boxes)."""
    for size in sizes:
        trial = [p._replace(size=size) if p.kind in kinds else p for p in paras]
        if fits(trial, width, height):
            return trial
    return [p._replace(size=sizes[-1]) if p.kind in kinds else p for p in paras]


def flow(paras: list[Para], width: float, first: float, rest: float | None = None,
         keep: frozenset[str] = frozenset()) -> list[list[Para]]:
    """Paragraphs poured into boxes `first` points high, then `rest` points high. A paragraph that would
    fit in an empty box is never cut: it starts the next box; a longer one is cut between lines and goes
    on in the next box, cut between words where it can. One of a kind in `keep` (a label) stays with the first line of the paragraph
    after it. Each box holds at least one line."""
    boxes: list[list[Para]] = [[]]
    room = first

    def new_box() -> None:
        nonlocal room
        boxes.append([])
        room = first if rest is None else rest

    for i, para in enumerate(paras):
        lines = _lines(para.text, width - para.indent, para.size, para.bold)
        line_h = para.size * para.leading
        empty = first if rest is None else rest
        if boxes[-1] and para.before + len(lines) * line_h > room + EPSILON and len(lines) * line_h <= empty:
            new_box()  # it fits whole on the next one
        elif para.kind in keep and boxes[-1] and i + 1 < len(paras):
            after = paras[i + 1]
            after_h = after.height(width)
            # the paragraph after it comes whole when it fits a box, else from its first line
            need = para.before + len(lines) * line_h + after.before + (
                after_h if after_h <= empty else after.size * after.leading)
            if need > room + EPSILON:
                new_box()
        while lines:
            gap = para.before if boxes[-1] else 0.0
            n = int((room - gap + EPSILON) // line_h)
            if n == 0 and not boxes[-1]:
                n = 1  # a line taller than an empty box still goes somewhere
            if n == 0:
                new_box()
                continue
            # a cut between boxes falls between words where it can, never inside "the-|partnership"
            while 1 < n < len(lines) and lines[n - 1][1] != " ":
                n -= 1
            take, lines = lines[:n], lines[n:]
            boxes[-1].append(para._replace(text=joined(take), before=gap))
            room -= gap + len(take) * line_h
            if lines:
                new_box()
    return [box for box in boxes if box] or [[]]
