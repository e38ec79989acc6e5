"""HTML to tagged PDF with WeasyPrint, reproducibly."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import string
import time
from datetime import date
from html import escape
from pathlib import Path

from glassbox_handbook.words import _

HERE = Path(__file__).parent
PRINT_CSS = HERE / "print.css"

# The diagram's look, inside the SVG (an <img> does not see the page's CSS). In greyscale, and never by shade
# alone: what a scenario enacts has a thick outline, a hatched fill and a bold label; what it leaves out has a
# thin dashed outline and a regular label in dark grey (#333, dark enough from the back of a room).
# A level name's focus box (.gb-hit) is for screens only. Sizes are for a diagram printed about 16 cm wide
# (labels of 8 to 9 pt).
SVG_STYLE = """<defs><pattern id="gb-hatch" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
<rect width="7" height="7" fill="#fff"/><line x1="0" y1="0" x2="0" y2="7" stroke="#b8b8b8" stroke-width="1.6"/></pattern></defs>
<style>
.gb-org{fill:none;stroke:#555;stroke-width:1.5}
.gb-shape{fill:#fff;stroke:#000;stroke-width:1.8}
text{fill:#000;font-size:14px;font-family:'DejaVu Sans',sans-serif}
.gb-small{font-size:12.5px}.gb-band{font-size:13px}.gb-side{font-size:16px;font-weight:700}
.gb-arrow{stroke:#000;stroke-width:1.4}.gb-head{fill:#000}
.is-on .gb-shape{fill:url(#gb-hatch);stroke:#000;stroke-width:4}
.is-on text{font-weight:700}
.is-off .gb-shape{stroke:#666;stroke-dasharray:5 4}
.is-off text{fill:#333}
.gb-level.is-off .gb-org{stroke:#999;stroke-dasharray:6 5}
.gb-hit{fill:none;stroke:none}
</style>"""

_SVG = re.compile(r'<svg class="gb-diagram[^"]*"[^>]*?aria-label="([^"]*)"[^>]*>.*?</svg>', re.S)


def svg_as_image(html: str, alt_suffix: str = "") -> str:
    """Inline diagrams become vector <img> elements, so the tagged PDF has a Figure with /Alt."""
    def repl(m: re.Match) -> str:
        svg = m.group(0)
        head_end = svg.index(">") + 1
        svg = svg[:head_end] + SVG_STYLE + svg[head_end:]
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        alt = m.group(1) + escape(alt_suffix, quote=True)  # the label is escaped already, the suffix not
        return f'<img class="gb-diagram-img" src="data:image/svg+xml;base64,{data}" alt="{alt}">'
    return _SVG.sub(repl, html)


def data_uri_svg(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def source_date() -> time.struct_time:
    return time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time())))


def iso_date() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", source_date())


def long_date(when: time.struct_time, language: str) -> str:
    """`when` as a printed date in `language` ("14 November 2023", "14 de noviembre de 2023")."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import format_date

    # Translators: a CLDR date pattern (dd: day, MMMM: month name, y: year; text in 'quotes'), as on a cover.
    pattern = _("dd MMMM y")
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        locale = Locale.parse("en")
    return format_date(date(when.tm_year, when.tm_mon, when.tm_mday), pattern, locale=locale)


def css_string(text: str, nbsp: bool = False) -> str:
    """`text` as a CSS string literal (safe inside a <style>); with `nbsp`, its spaces do not break."""
    text = text.replace(" ", "\u00a0") if nbsp else text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ").replace("<", "\\3c ") + '"'


def css_content(message: str, nbsp: bool = False, **values: str) -> str:
    """A translated `message` with `{name}` placeholders as a CSS `content` value: its words as strings,
    each placeholder as the CSS given for it (`page="counter(page)"`), in the translation's order."""
    parts = []
    for literal, field, _spec, _conv in string.Formatter().parse(message):
        if literal:
            parts.append(css_string(literal, nbsp))
        if field is not None:
            parts.append(values[field])
    return " ".join(parts) or '""'


def words_css() -> str:
    """The words that CSS writes (page numbers, "page 4" after a link), in the project's language: a
    stylesheet that comes before every other (`write_pdf`), so that no stylesheet file holds a word and a
    document's own stylesheet can still take them away (slides have no page numbers)."""
    pages = css_content(_("Page {page} of {pages}"), page="counter(page)", pages="counter(pages)")
    page_of_link = css_content(_("page {page}"), nbsp=True, page="target-counter(attr(href url), page)")
    return (f"@page {{ @bottom-center {{ content: {pages}; }} }}\n"
            # a link inside the printed handbook says where it lands (handbook.css)
            f'a.gb-pageref[href^="#"]::after {{ content: "\\a0(" {page_of_link} ")"; }}\n'
            f'.gb-paths > ul > li > p:first-child a[href^="#"]::after {{ content: "\\2192\\a0" {page_of_link}; }}\n')


def page_css(paper: str | None) -> str:
    """The page size of a document printed on `paper`; none for one whose stylesheet sets its own (slides)."""
    if paper is None:
        return ""
    return f"@page {{ size: {paper}; }} @page wide {{ size: {paper} landscape; }}"


def meta_tags(title: str, author: str) -> str:
    when = iso_date()
    return (f'<meta name="author" content="{escape(author, quote=True)}">'
            f'<meta name="dcterms.created" content="{when}"><meta name="dcterms.modified" content="{when}">'
            '<meta name="generator" content="Glass-Box Handbook builder">')


def write_pdf(html: str, target: Path, paper: str | None, base_url: str, styles: tuple[str, ...] = (),
              words: str = "") -> float:
    """Write one PDF with the words its stylesheets write (`words_css`), the shared stylesheet and the
    document's own (`styles`, files beside this module), on `paper` (None: the document's stylesheet gives
    the page size); return the seconds it took (for the benchmark in timings.json)."""
    from weasyprint import CSS, HTML

    start = time.perf_counter()

    stylesheets = [*([CSS(string=words)] if words else []), CSS(filename=str(PRINT_CSS)),
                   *(CSS(filename=str(HERE / name)) for name in styles), CSS(string=page_css(paper))]
    identifier = hashlib.sha256(target.name.encode("utf-8")).hexdigest()[:32].encode("ascii")
    target.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=html, base_url=base_url).write_pdf(
        str(target), stylesheets=stylesheets, pdf_variant="pdf/ua-1", pdf_identifier=identifier,
        uncompressed_pdf=False)
    return time.perf_counter() - start
