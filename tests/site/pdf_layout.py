"""Reading a printed page's layout back from a PDF with pdfplumber: the session plans in a guide's tables, the
clear space under each prompt of a packet, and how much of a page is left blank."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from test_pdf import flat

MM = 72 / 25.4
TOP, BOTTOM = 22 * MM, 20 * MM  # the page margins print.css gives every document
TIME = re.compile(r"^(\d+):(\d\d)–(\d+):(\d\d)$")


def plans(path: Path) -> dict[int, list[list[str]]]:
    """The session plans as printed: {total minutes: rows (time, minutes, step, what to do)}, from the tables."""
    found: dict[int, list[list[str]]] = {}
    rows: list[list[str]] | None = None
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            seen = rows is not None
            for table in page.extract_tables():
                for row in table:
                    cells = [flat(c or "") for c in row]
                    if cells[:4] == ["Time", "Minutes", "Step", "What to do"]:
                        rows, seen = [], True
                    elif rows is not None and cells[0] == "Total":
                        found[int(cells[1])] = rows
                        rows = None
                    elif rows is not None:
                        rows.append(cells)
            if found and not seen:
                break  # the plans stand together at the head of a guide; past them, tables are something else
    return found


def assert_plan_adds_up(total: int, rows: list[list[str]]) -> None:
    clock = 0
    assert rows, total
    for row in rows:
        assert len(row) == 4 and all(cell.strip() for cell in row), row  # no empty cell, no empty row
        h1, m1, h2, m2 = map(int, TIME.match(row[0]).groups())
        start, end = 60 * h1 + m1, 60 * h2 + m2
        assert start == clock and end - start == int(row[1]) > 0, row
        clock = end
    assert clock == total == sum(int(row[1]) for row in rows)


def is_rule(obj: dict) -> bool:
    """A ruled writing line: a grey horizontal hairline across the text (packet.css `.rule`)."""
    colour = obj.get("non_stroking_color") or obj.get("stroking_color") or ()
    colour = colour if isinstance(colour, (list, tuple)) else (colour,)
    grey = bool(colour) and max(colour) - min(colour) < 0.01 and 0.3 < colour[0] < 0.8
    return obj["height"] <= 1.0 and obj["width"] > 100 and grey


def packet_layout(path: Path, prompts: list[str]) -> tuple[list[float], list[int]]:
    """A packet read once: the clear space under each of its prompts (`clear_space`), and its half-empty pages
    (`half_empty_pages`)."""
    with pdfplumber.open(path) as pdf:
        return clear_space(pdf, prompts), half_empty_pages(pdf)


def clear_space(pdf: pdfplumber.PDF, prompts: list[str]) -> list[float]:
    """For each prompt (in order), the millimetres between the bottom of its text and what is printed next below
    it on its page (text, picture, box or line, other than the ruled writing lines), or the bottom margin."""
    out: list[float] = []
    pages = list(pdf.pages)
    texts = []
    for page in pages:
        lines = page.extract_text_lines()
        joined, spans = "", []
        for line in lines:
            text = flat(line["text"])
            joined = f"{joined}{'' if joined.endswith('-') or not joined else ' '}{text}"  # as flat() joins lines
            spans.append((len(joined), line))
        texts.append((joined, spans))
    at = 0
    for prompt in prompts:
        at, start = next((i, t.find(flat(prompt))) for i, (t, _) in enumerate(texts[at:], start=at)
                         if flat(prompt) in t)
        end = start + len(flat(prompt))
        bottom = next(line["bottom"] for stop, line in texts[at][1] if stop >= end)
        page = pages[at]
        below = [c["top"] for c in page.chars if c["top"] > bottom + 0.5]
        below += [o["top"] for o in page.rects + page.lines + page.curves + page.images
                  if o["top"] > bottom + 0.5 and not is_rule(o)]
        out.append((min([*below, page.height - BOTTOM]) - bottom) / MM)
    return out


def emptiness(page) -> float:
    """The share of the page's text area left blank below the last thing printed on it."""
    top, bottom = TOP, page.height - BOTTOM
    objs = [o for o in page.chars + page.rects + page.lines + page.curves + page.images
            if o["top"] >= top - 1 and o["bottom"] <= bottom + 1]
    lowest = max((o["bottom"] for o in objs), default=top)
    return (bottom - lowest) / (bottom - top)


def half_empty_pages(pdf: pdfplumber.PDF) -> list[int]:
    return [page.page_number for page in pdf.pages[:-1] if emptiness(page) > 0.5]
