"""Every `glassbox_*` setting of `conf.py`, declared once.

One frozen dataclass holds each setting's name, type, default, when a change
rebuilds (Sphinx's `rebuild`: "env" re-reads every page, "html" rewrites them,
"" nothing) and the help a user reads. `add_settings` registers them all in one
loop, as MyST-Parser registers its `MdParserConfig`; `Settings.of(config)` gives
code a typed copy; `settings_table()` writes the README's table of settings,
which a test keeps equal to this file.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

PREFIX = "glassbox_"


def _setting(default: Any, rebuild: Literal["env", "html", ""], help: str, choices: tuple[str, ...] = ()) -> Any:
    """A field with what Sphinx's `add_config_value` needs besides its name and default."""
    meta = {"rebuild": rebuild, "help": help, "choices": choices}
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class Settings:
    """The settings a project's `conf.py` may give, each as `glassbox_<name>`."""

    framework: str = _setting(
        "handbook/framework.yaml", "env", "Path (from the source folder) of the framework vocabulary file.")
    scenarios: str = _setting(
        "scenarios", "env", "Folder (from the source folder) that holds one file per scenario.")
    references: str = _setting(
        "handbook/references", "env", "Docname of the page with the reference list that scenario sources link to.")
    description: str = _setting(
        "", "html", "What a page with no paragraph of its own says it is about (its meta description).")
    search: str = _setting(
        "pagefind", "html", 'Which search the site has: "pagefind" (its own, indexed after the pages are written) '
        'or "sphinx" (Sphinx\'s search, to compare with).', choices=("pagefind", "sphinx"))
    repository: str = _setting(
        "", "html", "The handbook's GitHub repository, as https://github.com/OWNER/NAME. Empty: taken from "
        "GITHUB_REPOSITORY on GitHub Actions, else from the git remote `origin`; when neither is known, the site "
        "explains how to contribute without it and links nowhere.")
    contact: str = _setting(
        "", "html", "Where a team can send its scenario draft instead of opening an issue: an e-mail address or "
        "a web address. Empty: the site offers the issue form (or, without a repository, asks readers to ask "
        "whoever pointed them to the handbook).")
    mark: bool = _setting(
        False, "html", "Show the Glass-Box Handbook's own mark (drawn inline, so it follows light and dark mode) "
        "beside the title in the sidebar, above the home page's title and as the favicon. Off: the sidebar shows "
        "conf.py's `html_logo` beside the title (`html_title`, else `project`) when it names one, and the favicon "
        "is `html_favicon`, else that logo, else a plain box.")
    nav_max_scenarios: int = _setting(
        60, "html", "Past this many scenarios, the sidebar leaves out the list of scenarios.")
    list_max_entries: int = _setting(
        60, "html", "Past this many entries, a list of scenarios on the web shows this many and loads the rest, "
        "this many at a time, on request.")
    list_max_details: int = _setting(
        20, "html", "The same for lists whose entries are long: the matrix's rows, each component's prompts "
        "in the prompt index.")
    pdf_papers: list[str] = _setting(
        ["a4", "letter"], "html", "Paper sizes to write every PDF in (the page size names of stylesheets: a4, letter, a5...).")
    pdf_licence: str = _setting(
        "", "", "Licence line printed on covers and packets; empty: the `licence` of the framework file.")
    pdf_scenarios: list[str] = _setting(
        [], "", "Scenario ids to write packets for; empty means every scenario (for previews and benchmarks).")
    pdf_handbook_max_scenarios: int = _setting(
        60, "", "Up to this many scenarios the handbook PDF prints each in full; past it, the framework "
        "and the views in brief, each scenario staying in its packet.")

    @classmethod
    def of(cls, config: Any) -> Settings:
        """The settings of a Sphinx `Config` (or any object with `glassbox_*` attributes); missing ones default."""
        given = {f.name: getattr(config, PREFIX + f.name) for f in dataclasses.fields(cls)
                 if hasattr(config, PREFIX + f.name)}
        return cls(**given)


DEFAULTS = Settings()


def add_settings(app: Any) -> None:
    """Register every setting with Sphinx (`app` is a `sphinx.application.Sphinx`)."""
    from sphinx.config import ENUM

    for f in dataclasses.fields(Settings):
        default = getattr(DEFAULTS, f.name)
        choices = f.metadata["choices"]
        types = ENUM(*choices) if choices else frozenset({type(default)})
        app.add_config_value(PREFIX + f.name, default, f.metadata["rebuild"], types=types,
                             description=f.metadata["help"])


def settings_table() -> str:
    """The README's table of settings, in Markdown."""
    import json

    rows = ["| Setting | Default | What it does |", "| --- | --- | --- |"]
    for f in dataclasses.fields(Settings):
        default = json.dumps(getattr(DEFAULTS, f.name))
        rows.append(f"| `{PREFIX}{f.name}` | `{default}` | {f.metadata['help']} |")
    return "\n".join(rows) + "\n"
