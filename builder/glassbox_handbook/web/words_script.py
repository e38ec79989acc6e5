"""The browser scripts' words, in the project's language: `_static/gb-words.js`.

The scripts write their words as `gbT("Show all")` and `gbN("{n} prompt", "{n} prompts", n)`; this file,
loaded before them on every page, defines both and holds the translations of exactly the messages the
catalog's template says the scripts use (its locations in `web/static/*.js`), so a page never carries the
Python side's words. In English it holds no words at all.
"""

from __future__ import annotations

import json

from babel.messages.pofile import read_po
from sphinx.application import Sphinx

from glassbox_handbook.web.assets import write_generated
from glassbox_handbook.words import CATALOG, LOCALE_DIR, _, _n, language

WORDS_SCRIPT = "gb-words.js"

_FUNCTIONS = """\
window.gbT = function (message, values) {
  var text = Object.prototype.hasOwnProperty.call(GB_WORDS, message) ? GB_WORDS[message] : message;
  return values ? text.replace(/\\{(\\w+)\\}/g, function (m, k) { return k in values ? String(values[k]) : m; }) : text;
};
window.gbN = function (one, many, n, values) {
  var forms = GB_WORDS[one];
  var text = Array.isArray(forms) ? forms[GB_PLURAL(n)] || many : (n === 1 ? one : many);
  var all = Object.assign({n: n}, values || {});
  return text.replace(/\\{(\\w+)\\}/g, function (m, k) { return k in all ? String(all[k]) : m; });
};
"""


def script_messages() -> list[str | tuple[str, str]]:
    """The messages the browser scripts use, read from the catalog's template."""
    with (LOCALE_DIR / f"{CATALOG}.pot").open("rb") as f:
        template = read_po(f)
    return [m.id for m in template if m.id and any(str(path).endswith(".js") for path, _line in m.locations)]


def words_script() -> str:
    """The script: the translations in the current language, then `gbT` and `gbN`."""
    words: dict[str, str | list[str]] = {}
    plural = "n != 1 ? 1 : 0"
    if language() != "en":
        for message in script_messages():
            if isinstance(message, tuple):
                forms = [_n(message[0], message[1], n) for n in (1, 2)]
                if forms != list(message):
                    words[message[0]] = forms
            elif _(message) != message:
                words[message] = _(message)
    body = json.dumps(words, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (f"/* The browser scripts' words ({language()}), from the builder's catalog. */\n"
            f"window.GB_WORDS = {body};\nwindow.GB_PLURAL = function (n) {{ return ({plural}); }};\n{_FUNCTIONS}")


def write_words_script(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        write_generated(app, WORDS_SCRIPT, words_script())
