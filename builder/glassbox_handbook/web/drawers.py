"""Furo's phone drawers (the navigation, the page's contents) opened by real buttons.

Furo opens its drawers with CSS alone: a hidden checkbox (`#__navigation`,
`#__toc`) and `<label for=...>` icons that tick it. A label is not focusable
and has no role, so a keyboard or screen-reader user on a narrow window
cannot open the navigation at all (WCAG 2.1.1, 4.1.2). Each icon becomes a
`<button>` with a name and `aria-expanded`; builder/glassbox_handbook/web/static/gb-drawers.js
ticks the same checkbox, so Furo's CSS still slides the drawer in.

The icons sit in Furo's `body` block, which is the whole page: copying that
block into our template would fork two hundred lines of Furo. Instead our
page.html renders Furo's block as it is and passes it through `with_buttons`,
which replaces just the icon labels. If a Furo release writes them
differently, the build warns (warnings are errors in the site build), so the
buttons cannot silently disappear.

Without script, a button cannot tick a checkbox: each button is followed by
Furo's own label inside `<noscript>`, and a `<noscript>` style in the head
hides the buttons, so the page works without script as Furo's does.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from glassbox_handbook.web.navigation import uses_furo
from glassbox_handbook.words import _

logger = logging.getLogger(__name__)

# checkbox -> the drawer's id we give it
DRAWERS = {"__navigation": "gb-navigation-drawer", "__toc": "gb-contents-drawer"}
_ICON = re.compile(r'<label class="((?:nav|toc)-overlay-icon[^"]*)" for="(__navigation|__toc)">(.*?)</label>', re.S)
_ASIDE = {"__navigation": '<aside class="sidebar-drawer"', "__toc": '<aside class="toc-drawer'}
NOSCRIPT_STYLE = "<noscript><style>.gb-drawer-toggle { display: none !important; }</style></noscript>"


def button_name(box: str) -> str:
    """What the button that opens this checkbox's drawer says it does, in the project's language."""
    return _("Open the navigation") if box == "__navigation" else _("Open the contents of this page")


def _button(m: re.Match[str]) -> str:
    classes, box, inner = m.group(1), m.group(2), m.group(3)
    drawer, name = DRAWERS[box], escape(button_name(box), quote=True)
    # the icon is decoration: the button's name says what it does
    icon = inner.replace("<svg>", '<svg aria-hidden="true" focusable="false">')
    return (f'<button type="button" class="{classes} gb-drawer-toggle" data-gb-drawer="{box}" '
            f'aria-controls="{drawer}" aria-expanded="false" aria-label="{name}">{icon}</button>'
            f"<noscript>{m.group(0)}</noscript>")


def with_buttons(html: str, pagename: str = "") -> str:
    """Furo's rendered page body, its drawer icons turned into buttons and its drawers given ids."""
    html, icons = _ICON.subn(_button, html)
    for box, aside in _ASIDE.items():
        icons += aside in html
        html = html.replace(aside, f'<aside id="{DRAWERS[box]}"{aside[6:]}', 1)
    if icons < 5:  # the menu icon, two contents icons, two drawers
        logger.warning("Furo's drawer icons were not found on %s: its phone menu has no buttons (glassbox_handbook/web/drawers.py)",
                       pagename or "a page", type="glassbox", subtype="theme")
    return html


def add_to_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Our page.html calls `gb_drawer_buttons` on Furo's body block; only with Furo."""
    if uses_furo(app.config):
        context["gb_drawer_buttons"] = lambda html: with_buttons(str(html), pagename)
        context["gb_noscript_style"] = NOSCRIPT_STYLE


def setup_drawers(app: Sphinx) -> None:
    app.connect("html-page-context", add_to_context)
