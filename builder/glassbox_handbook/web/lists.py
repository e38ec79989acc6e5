"""Long lists on the web: the first page of entries in the HTML, the rest in files loaded on demand.

A view that lists scenarios (the matrix, the prompt index, the explorer, a
component's "enacted in", the session planner's choice of scenario) would
otherwise grow with the handbook: at 1000 scenarios the matrix page was
8 MB. Past `glassbox_list_max_entries` entries, such a view writes only its
first that many into the page, and a "Show more" button under it
(`static/gb-lists.js`) loads the next page of entries from a file the
build writes into `_lists/` (`<list>-<n>.js`, a classic script: `fetch()`
and module scripts are blocked on `file://`, an inserted `<script src>` is
not). The script builds each entry's DOM with `textContent`; the files hold
data, never HTML.

Without JavaScript, every scenario is still one link away: the build also
writes a plain paged list of every scenario (`<scenarios>/all/<n>.html`),
which each shortened view links, and each scenario's page holds all its
sections and prompts.

The files and pages are written by the main process after the pages
(`html-collect-pages`), from the merged domain data alone, and the folder is
left holding exactly those files, so `-j 1` and `-j N`, and an incremental and a clean build,
give the same bytes. Below the threshold nothing of this is written.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from glassbox_handbook.core.facts import names
from glassbox_handbook.views.paging import FOLDER, all_pages, page_size
from glassbox_handbook.words import _

Href = Callable[[str, str], str]  # (docname, anchor) -> address from the site's top folder


def _e(text: str) -> str:
    return escape(str(text), quote=True)


def chunk_script(key: str, entries: list[Any]) -> str:
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (f"(self.GlassboxLists=self.GlassboxLists||{{}})[{json.dumps(key)}]=" + data + ";\n")


def write_lists(outdir: Path, lists: dict[str, tuple[int, list[Any]]]) -> None:
    """Make `_lists/` hold exactly each list's files of `size` entries, `<name>-<n>.js`.

    A file whose bytes are already right is left alone and one no list makes is removed: after
    an edit to one scenario, few of the thousand files at N = 1000 change, and the folder ends
    as a fresh one would be."""
    folder = outdir / FOLDER
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        folder.unlink()
    wanted: dict[str, bytes] = {}
    for name, (size, entries) in sorted(lists.items()):
        for n in range(0, (len(entries) + size - 1) // size):
            key = f"{name}-{n}"
            wanted[f"{key}.js"] = chunk_script(key, entries[n * size:(n + 1) * size]).encode("utf-8")
    if folder.is_dir():
        for old in folder.iterdir():
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old)
            elif old.name not in wanted or not old.is_file() or old.is_symlink():
                old.unlink()
            elif old.read_bytes() == wanted[old.name]:
                del wanted[old.name]
    if wanted:
        folder.mkdir(parents=True, exist_ok=True)
    for file, data in wanted.items():
        (folder / file).write_bytes(data)


def every_list(app: Sphinx) -> dict[str, tuple[int, list[Any]]]:
    """Every view's lists that are too long for a page, by name: (entries per file, entries), with
    addresses from the top folder. A view's `lists` returns only those past its page size."""
    from glassbox_handbook.domain.loader import framework_for
    from glassbox_handbook.views import registry

    builder = app.builder
    uris: dict[str, str] = {}  # the lists name each scenario many times (tens of thousands of links at N = 1000)

    def href(docname: str, anchor: str) -> str:
        uri = uris.get(docname)
        if uri is None:
            uri = uris[docname] = builder.get_target_uri(docname)
        return f"{uri}#{anchor}" if anchor else uri

    domain = app.env.domains["glassbox"]
    used = {kind for page in domain.pages.values() for kind in page.view_kinds}  # type: ignore[attr-defined]
    fw = framework_for(app.env)
    found: dict[str, tuple[int, list[Any]]] = {}
    for name, view in registry().items():
        if view.lists is not None and name in used:
            found.update(view.lists(fw, domain, href, app.config))
    return found


def _pager(app: Sphinx, pagename: str, pages: list[str], here: int, numbers: bool) -> str:
    """Previous and next, and (`numbers`) every page by its number, the current one marked."""
    def uri(i: int) -> str:
        return _e(app.builder.get_relative_uri(pagename, pages[i]) or "#all-scenarios")

    previous, following, page = _e(_("Previous page")), _e(_("Next page")), _("Page {number}")
    items = [f'<li><a href="{uri(here - 1)}" rel="prev">{previous}</a></li>'] if here else []
    if numbers:
        items += [f'<li><a href="{uri(i)}" aria-current="page">{i + 1}</a></li>' if i == here else
                  f'<li><a href="{uri(i)}" aria-label="{_e(page.format(number=i + 1))}">{i + 1}</a></li>'
                  for i in range(len(pages))]
    else:
        where = _("Page {number} of {total}").format(number=here + 1, total=len(pages))
        items.append(f'<li class="gb-pager-here">{_e(where)}</li>')
    items += [f'<li><a href="{uri(here + 1)}" rel="next">{following}</a></li>'] if here + 1 < len(pages) else []
    label = _e(_("Pages of the list") if numbers else _("Previous and next page of the list"))
    return f'<nav class="gb-pager" aria-label="{label}"><ul>{"".join(items)}</ul></nav>'


def paged_scenarios(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The plain list of every scenario, a page of `glassbox_list_max_entries` at a time: what a reader
    without JavaScript follows past the first page of any shortened view."""
    from glassbox_handbook.domain.loader import framework_for

    domain = app.env.domains["glassbox"]
    scenarios = list(domain.scenarios())  # type: ignore[attr-defined]
    pages = all_pages(app.config, len(scenarios))
    fw = framework_for(app.env)
    size = page_size(app.config)
    components_of = _("Components: {names}")
    for i, pagename in enumerate(pages):
        part = scenarios[i * size:(i + 1) * size]
        items = []
        for docname, page in part:
            meta = page.scenario
            comps = names(fw.component_by_id, (s.component for s in page.sections))
            traj = fw.trajectory_by_id.get(meta.trajectory)
            levels = names(fw.level_by_id, meta.levels)
            uri = _e(app.builder.get_relative_uri(pagename, docname))
            items.append(f'<li><p><strong><a class="reference internal" href="{uri}">{_e(meta.title)}</a></strong></p>'
                         f"<p>{_e(meta.felt_difficulty)}</p>"
                         f'<p class="glassbox-scenario-facts">{_e(traj.name if traj else meta.trajectory)} · {_e(levels)}</p>'
                         f'<p class="glassbox-scenario-facts">{_e(components_of.format(names=comps))}</p></li>')
        first, last = i * size + 1, i * size + len(part)
        title = _("All scenarios, {first} to {last} of {total}").format(first=first, last=last, total=len(scenarios))
        every = _("Every scenario of the handbook, {n} a page, in the order of the matrix and the explorer.")
        body = (f'<section id="all-scenarios" class="no-search"><h1>{_e(title)}</h1>'
                f"<p>{_e(every.format(n=size))}</p>"
                f'{_pager(app, pagename, pages, i, False)}<ul class="glassbox-scenario-list">{"".join(items)}</ul>'
                f"{_pager(app, pagename, pages, i, True)}</section>")
        yield pagename, {"title": title, "body": body}, "page.html"


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    if app.builder.format != "html":
        return
    write_lists(Path(app.outdir), every_list(app))
    pages = list(paged_scenarios(app))
    # A handbook that lost scenarios has fewer pages: the old ones go, as a clean build would not have them.
    folder = Path(app.outdir, app.config.glassbox_scenarios, "all")
    keep = {Path(app.outdir, app.builder.get_target_uri(name)) for name, _, _ in pages}
    for old in sorted(folder.glob("*.html")) if folder.is_dir() else []:
        if old not in keep:
            old.unlink()
    yield from pages


def not_searched(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """The paged list gathers other pages, as the views that are not searchable do: the site's search
    finds each scenario on its own page (after glassbox_handbook.web.theme's handler, which sets `gb_searchable`)."""
    if doctree is None and pagename.startswith(f"{app.config.glassbox_scenarios}/all/"):
        context["gb_searchable"] = False


def setup_lists(app: Sphinx) -> None:
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-page-context", not_searched, priority=450)
