"""What English of the builder's is left in a site and PDFs built in another language (Spanish here).

Two checks, neither a hand-kept list of the builder's own messages:

(a) every message of the builder's catalog template (`locale/glassbox_handbook.pot`), split at its
    placeholders and tags into fragments of two words or more: a fragment found in a page's visible text
    or a PDF's text is a message that was not looked up (or not translated). A fragment the language's
    own translation keeps as it is ("Creative Commons") is not English left.
(b) about a hundred common English words that are no Spanish words ("the", "with", "your", "show",
    "page"): the builder's words that never went through the catalog at all.

Furo and Sphinx write some words of their own untranslated in Spanish (Sphinx's Spanish catalog lacks
"Next" and "Link to this heading"; Furo writes "Back to top" through it and "Skip to content" with no
lookup). Those phrases are computed, not listed by hand: the messages of Furo's installed templates
(`_()` and `{% trans %}`) and of Sphinx's catalog that Sphinx's `.mo` for the language does not
translate, and the words Furo's templates and code write as they are. They are taken out of the text where they
stand before looking (so the same word written by the builder elsewhere is still found), and what they
contain is returned by `theme_words()` for the report.

Visible text: a page's body text (scripts, styles and code left out), the attributes a reader meets
(`aria-label`, `title`, `alt`, `placeholder`, a button's `value`) and the phrases of the JSON a page
hands its scripts (the words they write into the page); in a browser, the text a page shows once its
scripts have run (`rendered_texts`); a PDF's text as pdftotext reads it.
"""

from __future__ import annotations

import gettext
import html
import json
import re
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "builder" / "glassbox_handbook"
POT = PACKAGE / "locale" / "glassbox_handbook.pot"

# Common English words that are no Spanish words (not "a", "no", "has", "roles", "solo"): the function words
# and the handful of the builder's own nouns and verbs that every view uses. A test (tests/unit/
# test_english_left.py) keeps every one of them out of the Spanish catalogs' vocabulary.
FUNCTION_WORDS = frozenset("""
the and with your this that of for from to in on is are was were been being it its or by at an if then than
there these those they them their we our you what when where which who whom why how will would should could
cannot must might have had does did not only also all any each every both more most some other such into
onto over under about after before between through without within while because again here just very
show hide open close print read write choose find add see link back next previous less first last one two
three page pages level levels prompt prompts scenario scenarios role component components framework people
room session guide cards packet handout worksheet answer answers question questions step steps minutes
notes search download copy contents team everyone nothing something yes
""".split())

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[sdr]|%[sdr]|\$\{\w+\}")
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]+")
# A word standing on its own: not part of a file name, a path, an address or a hyphenated word.
_TOKEN = re.compile(r"(?<![\w/.@'’-])([A-Za-z]+)(?![\w/@-]|\.\w|['’]\w)")
_SKIP = ("script", "style", "code", "pre", "kbd", "samp", "head", "template")
_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


def _norm(text: str) -> str:
    return " ".join(html.unescape(text).split())


def _json_phrases(value: object) -> list[str]:
    """The phrases (two words or more, not an address or a path) in a script's JSON data."""
    if isinstance(value, str):
        text = _norm(_PLACEHOLDER.sub(" ", value))  # "{component}" is filled in by the script
        return [text] if len(_WORD.findall(text)) >= 2 and not re.search(r"[/\\]|\.html|^\w+:", text) else []
    if isinstance(value, dict):
        return [p for v in value.values() for p in _json_phrases(v)]
    if isinstance(value, list):
        return [p for v in value for p in _json_phrases(v)]
    return []


def page_texts(markup: str) -> list[str]:
    """The visible text of one HTML page, in pieces: its body text, the attributes a reader meets, and
    the phrases of the JSON data its scripts write from."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    pieces: list[str] = []
    for script in soup.select('script[type="application/json"]'):
        try:
            pieces += _json_phrases(json.loads(script.string or "null"))
        except ValueError:
            pass
    for element in soup.find_all(True):
        for name in _ATTRIBUTES:
            if element.get(name):
                pieces.append(_norm(element[name]))
        if element.name == "input" and element.get("type") in {"button", "submit", "reset"} and element.get("value"):
            pieces.append(_norm(element["value"]))
    for gone in soup.find_all(_SKIP):
        gone.decompose()
    body = soup.body or soup
    return [_norm(body.get_text(" ")), *pieces]


def _fragments(message: str) -> list[str]:
    """A message split at its placeholders and tags, the fragments of two words or more."""
    out = []
    for part in re.split(r"\{[^{}]*\}|%\(\w+\)[sdr]|%[sdr]|<[^>]+>|\n", html.unescape(message)):
        part = _norm(part).strip(" .,:;!?()[]\"'“”‘’–—-·•/")
        if len(_WORD.findall(part)) >= 2:
            out.append(part)
    return out


def _read_po(path: Path):
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        return read_po(f)


@cache
def catalog_phrases(language: str = "es") -> tuple[str, ...]:
    """The fragments of the builder's messages (check (a)), less those its translation keeps as they are."""
    translations: dict[str, str] = {}
    po = PACKAGE / "locale" / language / "LC_MESSAGES" / "glassbox_handbook.po"
    if po.is_file():
        for message in _read_po(po):
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            for msgid in ids:
                translations[msgid] = " ".join(s for s in strings if s)
    found: set[str] = set()
    for message in _read_po(POT):
        for msgid in message.id if isinstance(message.id, tuple) else (message.id,):
            if not msgid:
                continue
            kept = _norm(translations.get(msgid, "")).casefold()
            found.update(f for f in _fragments(msgid) if f.casefold() not in kept)
    return tuple(sorted(found, key=len, reverse=True))


def _phrase_pattern(text: str) -> re.Pattern[str] | None:
    """A theme's phrase as a pattern over normalised text: a placeholder inside it matches a few words, one
    at either end is left off. A single word counts only when it is the whole message ("Next"): "%s in %s"
    would take every "in" away."""
    text = _norm(_TAG.sub(" ", text))
    parts = [_norm(p) for p in _PLACEHOLDER.split(text)]
    while parts and not _WORD.search(parts[0]):
        parts.pop(0)
    while parts and not _WORD.search(parts[-1]):
        parts.pop()
    words = len(_WORD.findall(" ".join(parts)))
    if not words or (words == 1 and len(_PLACEHOLDER.findall(text)) > 0):
        return None
    parts = [re.escape(p) for p in parts]
    body = r"[^|]{0,80}?".join(parts).replace(r"\ ", r"\s*")
    return re.compile(rf"(?<!\w){body}(?!\w)")


def _sphinx_locale() -> Path:
    import sphinx

    return Path(sphinx.__file__).parent / "locale"


def _untranslated(language: str):
    """A function that says whether Sphinx's `.mo` for the language leaves a message as it is."""
    translation = gettext.translation("sphinx", str(_sphinx_locale()), languages=[language], fallback=True)
    return lambda message: translation.gettext(message) == message


def _furo_templates() -> list[Path]:
    import furo

    return sorted((Path(furo.__file__).parent / "theme" / "furo").rglob("*.html"))


def _furo_messages() -> set[str]:
    from jinja2.ext import babel_extract

    found: set[str] = set()
    for template in _furo_templates():
        with template.open("rb") as f:
            for _line, _function, message, _comments in babel_extract(f, ("_", "gettext", "ngettext"), [],
                                                                       {"trimmed": "true"}):
                found.update(m for m in (message if isinstance(message, tuple) else (message,)) if m)
    return found


def _furo_literal_text() -> set[str]:
    """What Furo's templates write as it is: each element's text and reader-facing attributes, with the
    Jinja expressions and statements taken out (a `{% trans %}` block keeps its words)."""
    from bs4 import BeautifulSoup

    found: set[str] = set()
    for template in _furo_templates():
        source = re.sub(r"\{%-?\s*(end)?trans\b.*?%\}", " ", template.read_text(encoding="utf-8"), flags=re.S)
        source = re.sub(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", "|", source, flags=re.S)
        soup = BeautifulSoup(source, "html.parser")
        for gone in soup.find_all(["script", "style"]):
            gone.decompose()
        for element in soup.find_all(True):
            for piece in [element.get_text(" "), *(element.get(a) or "" for a in _ATTRIBUTES)]:
                found.update(p for p in (_norm(x) for x in piece.split("|")) if _WORD.search(p))
    return found


def _furo_code_text() -> set[str]:
    """The prose Furo's Python code writes into pages (`f"Toggle navigation of {title}"`): its string literals
    of two words or more, an f-string's values as placeholders."""
    import ast

    import furo

    found: set[str] = set()
    for module in sorted(Path(furo.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
            else:
                continue
            if re.fullmatch(r"[A-Z][a-z]+( [a-z]+)+( \{\})?", text):
                found.add(text)
    return found


@cache
def theme_patterns(language: str = "es") -> tuple[re.Pattern[str], ...]:
    """The phrases Furo and Sphinx write untranslated in `language`, longest first."""
    untranslated = _untranslated(language)
    phrases = {m for m in _furo_messages() if untranslated(m)} | _furo_literal_text() | _furo_code_text()
    for message in _read_po(_sphinx_locale() / language / "LC_MESSAGES" / "sphinx.po"):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if ids[0] and untranslated(ids[0]):
            phrases.update(ids)
    patterns = [p for p in map(_phrase_pattern, sorted(phrases, key=len, reverse=True)) if p]
    return tuple(patterns)


def theme_words(language: str = "es") -> frozenset[str]:
    """The common English words that are a whole message of Furo's or Sphinx's left untranslated ("Next",
    "Contents"): check (b) cannot tell the builder's from theirs, so it finds them nowhere (for the report)."""
    single = {m.group(1).lower() for p in theme_patterns(language)
              if (m := re.fullmatch(r"\(\?<!\\w\)([A-Za-z]+)\(\?!\\w\)", p.pattern))}
    return frozenset(single & FUNCTION_WORDS)


def english_left(texts: list[str], language: str = "es") -> list[tuple[str, str]]:
    """Each English phrase or word of the builder's in the texts, as (what, its context), once each."""
    found: dict[str, str] = {}
    patterns = theme_patterns(language)
    phrases = catalog_phrases(language)
    for text in texts:
        if not any(p.search(text) for p in patterns) and not _TOKEN.search(text):
            continue
        ours = text
        for pattern in patterns:
            if pattern.search(ours):
                ours = pattern.sub(" | ", ours)
        low = ours.casefold()
        for phrase in phrases:
            if phrase.casefold() in low:
                at = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", ours, re.I)
                if at:
                    found.setdefault(f"“{phrase}”", _context(ours, at.start(), at.end()))
        for m in _TOKEN.finditer(ours):
            if m.group(1).lower() in FUNCTION_WORDS:
                found.setdefault(m.group(1).lower(), _context(ours, m.start(), m.end()))
    return sorted(found.items())


def _context(text: str, start: int, end: int) -> str:
    return "…" + text[max(0, start - 40):end + 40].strip() + "…"


def site_texts(site: Path) -> dict[str, list[str]]:
    """Every HTML page's visible text, by its path in the site."""
    return {p.relative_to(site).as_posix(): page_texts(p.read_text(encoding="utf-8"))
            for p in sorted(site.rglob("*.html")) if "_static" not in p.parts}


# In a browser, once a page's scripts have run: the text it shows, and the names it gives its controls.
RENDERED_TEXT_JS = """() => [document.body.innerText,
  ...[...document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')].flatMap(e =>
     ['aria-label', 'title', 'alt', 'placeholder'].map(a => e.getAttribute(a)).filter(Boolean))]"""


def rendered_texts(browser, site: Path) -> dict[str, list[str]]:
    """Every page's visible text after its scripts ran (Playwright's `browser`), by its path in the site."""
    page = browser.new_page()
    out = {}
    try:
        for path in sorted(site.rglob("*.html")):
            if "_static" not in path.parts:
                page.goto(path.as_uri(), wait_until="load")
                out[path.relative_to(site).as_posix()] = [_norm(t) for t in page.evaluate(RENDERED_TEXT_JS)]
    finally:
        page.close()
    return out


def pdf_texts(folder: Path) -> dict[str, list[str]]:
    """Every PDF's text (pdftotext, as tests/conftest.py reads it), by file name."""
    from conftest import pdf_pages

    return {p.name: [_norm(page) for page in pdf_pages(p)] for p in sorted(folder.glob("*.pdf"))}


def report(texts: dict[str, list[str]], language: str = "es") -> dict[str, list[tuple[str, str]]]:
    """The English left in each page or PDF that has any."""
    out = {}
    for name, pieces in texts.items():
        left = english_left(pieces, language)
        if left:
            out[name] = left
    return out


def describe(found: dict[str, list[tuple[str, str]]]) -> str:
    """The report as lines a reader can act on: each page, then each word or phrase with where it stands."""
    lines = [f"{sum(len(v) for v in found.values())} English word(s) or phrase(s) of the builder's on "
             f"{len(found)} page(s) or PDF(s):"]
    for name, left in sorted(found.items()):
        lines.append(f"{name}: {', '.join(w for w, _c in left)}")
        lines += [f"    {w}: {c}" for w, c in left]
    return "\n".join(lines)
