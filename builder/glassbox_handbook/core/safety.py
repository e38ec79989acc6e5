"""What untrusted scenario content may contain.

Scenarios arrive by pull request from people we do not know. Everything that
could put HTML or script into the site, or read files from outside
`scenarios/`, is refused before Sphinx ever sees it: raw HTML, the `raw`,
`include` and `eval-rst` directives (and any directive not listed here),
script-bearing links and images from elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from glassbox_handbook.words import _

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


@dataclass(frozen=True)
class SafetyRules:
    allowed_directives: frozenset[str] = frozenset({
        "enactment", "design-prompt", "note", "tip", "important", "hint", "caution", "warning",
        "attention", "seealso", "admonition", "epigraph", "pull-quote", "list-table", "table",
        "image", "figure",
    })
    allowed_roles: frozenset[str] = frozenset({
        "concept", "cite", "cite:p", "cite:t", "cite:ps", "cite:ts", "cite:author", "cite:year",
        "doc", "ref", "abbr", "sub", "sup",
    })
    max_file_bytes: int = 200_000
    max_image_bytes: int = 1_000_000
    image_suffixes: frozenset[str] = field(default_factory=lambda: frozenset({".png", ".jpg", ".jpeg", ".webp"}))


def check_link(href: str) -> tuple[str, str] | None:
    """A (problem, fix) pair for a link a scenario may not carry, else None."""
    href = href.strip()
    scheme = urlsplit(href).scheme.lower()
    if scheme and scheme not in SAFE_SCHEMES and len(scheme) > 1:
        return (_("the link {link!r} uses `{scheme}:`, which is not allowed").format(link=href[:60], scheme=scheme),
                _("link to a web page (https://…) or to another page of the handbook"))
    return None


def check_image(src: str, path: str, rules: SafetyRules) -> tuple[str, str] | None:
    """A (problem, fix) pair unless the image is a small file inside scenarios/."""
    src = src.strip()
    if not src:
        return (_("an image has no file name"), _("give the image's file name, stored next to the scenario"))
    if urlsplit(src).scheme or src.startswith("//"):
        return (_("the image {src!r} is not a file in {folder}").format(src=src[:60], folder="scenarios/"),
                _("images must be files stored in {folder} (e.g. {example}), not web addresses").format(
                    folder="scenarios/", example="scenarios/images/my-figure.png"))
    posix = PurePosixPath(src)
    if posix.is_absolute() or ".." in posix.parts:
        return (_("the image {src!r} points outside {folder}").format(src=src, folder="scenarios/"),
                _("store the image under {folder} and use a relative path").format(folder="scenarios/"))
    if posix.suffix.lower() not in rules.image_suffixes:
        return (_("the image {src!r} is not a PNG, JPEG or WebP file (SVG can carry script)").format(src=src),
                _("convert it to PNG or JPEG"))
    file = Path(path).parent / posix
    if not file.is_file():
        return (_("the image {src!r} does not exist").format(src=src), _("add the file next to the scenario, or fix the path"))
    if file.stat().st_size > rules.max_image_bytes:
        return (_("the image {src!r} is larger than {n} MB").format(src=src, n=rules.max_image_bytes // 1_000_000),
                _("resize or compress it"))
    return None
