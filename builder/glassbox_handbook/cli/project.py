"""The project a command works on: the folder with `conf.py`, read as Sphinx reads it.

Every command starts here, so `check`, `new-scenario`, `build` and `preview` all
take their paths (the framework file, the scenarios' folder, the bibliography)
from `conf.py` and never from guesses of their own. `conf.py` is read with
Sphinx's public `Config.read`, the same call `sphinx-build` makes, and the
`glassbox_*` settings are given their defaults from `glassbox_handbook.settings`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from glassbox_handbook.settings import DEFAULTS, PREFIX, Settings
from glassbox_handbook.words import _

if TYPE_CHECKING:
    from sphinx.config import Config

CONF = "conf.py"


class ProjectError(Exception):
    """A command cannot start: the message says where and what to do (the command line prints it, no traceback)."""


def not_a_project(start: Path) -> ProjectError:
    return ProjectError(
        _("{folder} is not a handbook project: there is no {conf} in it or in any folder above it.").format(
            folder=start, conf=CONF) + "\n"
        + _("Start one with:  {command}").format(command="glassbox-handbook new my-handbook") + "\n"
        + _("then:            {command}").format(command="cd my-handbook && glassbox-handbook preview") + "\n"
        + _("or give the project's folder with {option}.").format(option="--root FOLDER"))


def find_root(start: Path) -> Path | None:
    """The nearest folder, from `start` upwards, that holds `conf.py` (as git finds `.git`)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONF).is_file():
            return folder
    return None


@dataclass(frozen=True)
class Project:
    root: Path
    config: Config

    @cached_property
    def settings(self) -> Settings:
        return Settings.of(self.config)

    @property
    def framework(self) -> Path:
        return self.root / self.settings.framework

    @property
    def scenarios(self) -> Path:
        return self.root / self.settings.scenarios

    @property
    def bibfiles(self) -> list[Path]:
        return [self.root / name for name in self.config.bibtex_bibfiles]

    @property
    def language(self) -> str:
        return self.config.language or "en"

    def speak(self) -> None:
        """Give the builder's words in the project's language from now on, as the build does: the issue form, the
        scenario file's comments and the framework file's defaults (its own catalogs in `locale_dirs` first)."""
        from glassbox_handbook.words import use_language

        use_language(self.language, [self.root / d for d in self.config.locale_dirs])


def open_project(root: str | None) -> Project:
    """The project at `root` (None: the current folder or the nearest above it with `conf.py`)."""
    from sphinx.config import Config
    from sphinx.errors import ConfigError
    from sphinx.util.tags import Tags

    start = Path(root) if root else Path.cwd()
    found = (start.resolve() if (start / CONF).is_file() else None) if root else find_root(start)
    if found is None:
        raise not_a_project(start.resolve())
    try:
        config = Config.read(found, overrides={}, tags=Tags())
    except ConfigError as exc:
        raise ProjectError(f"{found / CONF}: {exc}\n" + _("Fix {conf} and run the command again.").format(conf=CONF)) from None
    for f in dataclasses.fields(Settings):
        default = getattr(DEFAULTS, f.name)
        config.add(PREFIX + f.name, default, f.metadata["rebuild"], frozenset({type(default)}), f.metadata["help"])
    config.add("bibtex_bibfiles", [], "env", frozenset({list}), "")  # sphinxcontrib-bibtex's setting, read the same way
    config.init_values()
    return Project(found, config)
