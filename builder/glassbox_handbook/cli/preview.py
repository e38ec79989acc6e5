"""`glassbox-handbook preview`: serve the site, rebuild it on every save and reload the browser.

Built on sphinx-autobuild (its watcher, its server and its reload script), as
`mkdocs serve` and `quarto preview` work: the first build, then a
`glassbox` build of what changed each time a file is saved. Two things are
added, because a handbook needs them:

- the search index: Pagefind runs after every successful build, so search on
  the preview finds what was just written;
- problems shown in the page: what the build printed as a warning or an error
  is shown at the top of every page served (and in the terminal) until a
  build runs clean, so a mistake in a scenario is seen where the edit is read.

sphinx-autobuild's `Builder`, `RebuildServer` and middleware are its own
building blocks; its command line offers no hook that runs after a failed
build, hence this composition of them.
"""

from __future__ import annotations

import argparse
import html
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glassbox_handbook.cli.project import open_project
from glassbox_handbook.words import _

if TYPE_CHECKING:
    from collections.abc import Sequence

PROBLEMS = "problems.txt"
CONDITIONAL = (b"if-none-match", b"if-modified-since")  # in the preview's doctree folder, beside the build's state (not watched)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("preview", help=_("serve the site, rebuild on every save and reload the browser"))
    p.add_argument("--port", type=int, default=8000, help=_("port to serve on (default: {port}; 0: any free port)").format(
        port=8000))
    p.add_argument("--host", default="127.0.0.1", help=_("address to serve on (default: {host})").format(host="127.0.0.1"))
    p.add_argument("--open", action="store_true", help=_("open the browser once the first build is done"))
    p.set_defaults(func=preview)


class PreviewBuild:
    """One rebuild: Sphinx's `glassbox` build, then Pagefind; what went wrong is kept for the page's banner.

    It runs in a worker process that sphinx-autobuild's watcher forks for each change, so it holds only
    paths. The build runs in that process (`build_main`, which restores docutils' global registry after
    it), not in a new interpreter; the first build runs in the server's own process, so every later fork
    finds Sphinx, the extensions and the compiled page templates (`web.html_builder.COMPILED`) already
    loaded: a second or two saved on every save.
    """

    def __init__(self, root: Path, out: Path, doctrees: Path, url: str) -> None:
        self.root, self.out, self.doctrees, self.url = root, out, doctrees, url

    def __call__(self, *, changed_paths: Sequence[Path] = ()) -> None:
        from sphinx_autobuild.utils import show_message

        if changed_paths:
            names = ", ".join(str(p.relative_to(self.root)) if p.is_relative_to(self.root) else str(p)
                              for p in changed_paths[:5])
            show_message(_("Rebuilding after a change to {files}").format(files=names))
        from sphinx.cmd.build import build_main

        warnings = self.doctrees / "warnings.txt"
        warnings.unlink(missing_ok=True)
        try:
            status = build_main(["-q", "-b", "glassbox", "-d", str(self.doctrees), "-w", str(warnings),
                                 str(self.root), str(self.out)])
        except SystemExit as exc:  # the extension stops a build with bad scenarios this way, its reasons logged
            status = exc.code if isinstance(exc.code, int) and exc.code else 1
        except Exception as exc:  # noqa: BLE001 - any other failure must not end the watcher: it is shown instead
            status = 1
            with warnings.open("a", encoding="utf-8") as file:
                file.write("\n" + _("The build failed: {error}").format(error=f"{type(exc).__name__}: {exc}") + "\n")
        problems = warnings.read_text(encoding="utf-8").strip() if warnings.is_file() else ""
        if status != 0 and not problems:
            problems = _("The build stopped with an error; the terminal shows it.")
        if status == 0:
            # The index is written while the browser reloads the page (a search a moment later finds the edit).
            subprocess.Popen([sys.executable, "-m", "pagefind", "--site", str(self.out), "--output-subdir", "pagefind",
                              "--keep-index-url", "--silent"])
        else:
            problems += "\n\n" + _("The build stopped; the pages shown are from the last build that worked.")
        banner = self.doctrees / PROBLEMS
        if problems:
            banner.write_text(problems, encoding="utf-8")
        else:
            banner.unlink(missing_ok=True)
        show_message(_("Serving on {address} (with problems: see above)").format(address=self.url) if problems
                     else _("Serving on {address}").format(address=self.url))


def banner_html(text: str) -> bytes:
    """The problems of the last build as a box at the top of the page (escaped: file names and words are text)."""
    style = ("position:fixed;inset:0 0 auto 0;z-index:1000;max-height:40vh;overflow:auto;margin:0;padding:1rem;"
             "background:#fff4e5;color:#3d2600;border-bottom:3px solid #b35900;font:14px/1.4 monospace;"
             "white-space:pre-wrap")
    heading = html.escape(_("The last build reported problems:"))
    return (f'<div id="glassbox-preview-problems" role="alert" style="{style}"><strong>{heading}</strong>\n'
            f"{html.escape(text)}</div>").encode()


class ProblemBanner:
    """ASGI middleware: while the last build had problems, every HTML page served ends with their banner."""

    def __init__(self, app: Any, problems: Path) -> None:
        self.app, self.problems = app, problems

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        from starlette.datastructures import MutableHeaders

        # Never "304 Not Modified": a page whose file a failed build left as it was must still be sent
        # again, now with the banner (or without it, once the problems are fixed).
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k not in CONDITIONAL]}
        extra = b""

        async def send_with_banner(message: dict[str, Any]) -> None:
            nonlocal extra
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if headers.get("Content-Type", "").startswith("text/html") and self.problems.is_file():
                    extra = banner_html(self.problems.read_text(encoding="utf-8"))
                    if "Content-Length" in headers:
                        headers["Content-Length"] = str(int(headers["Content-Length"]) + len(extra))
            elif message["type"] == "http.response.body" and extra and not message.get("more_body", False):
                message["body"] += extra
            await send(message)

        await self.app(scope, receive, send_with_banner)


def preview(args: argparse.Namespace) -> int:
    import uvicorn
    from sphinx_autobuild.filter import IgnoreFilter
    from sphinx_autobuild.middleware import JavascriptInjectorMiddleware
    from sphinx_autobuild.server import RebuildServer
    from sphinx_autobuild.utils import find_free_port, open_browser, show_message
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.routing import Mount, WebSocketRoute
    from starlette.staticfiles import StaticFiles

    project = open_project(args.root)
    project.speak()
    root = project.root
    generated = root / "_build"
    out, doctrees = generated / "preview", generated / "preview-doctrees"
    out.mkdir(parents=True, exist_ok=True)
    doctrees.mkdir(parents=True, exist_ok=True)
    port = args.port or find_free_port()
    host = f"{args.host}:{port}"
    build = PreviewBuild(root, out, doctrees, f"http://{host}")
    ignore = IgnoreFilter([str(generated), str(root / ".git"), str(root / ".venv"), str(root / "node_modules")], [])
    watcher = RebuildServer([root], ignore, change_callback=build)
    app = Starlette(
        routes=[WebSocketRoute("/websocket-reload", watcher, name="reload"),
                Mount("/", app=StaticFiles(directory=out, html=True), name="static")],
        middleware=[Middleware(JavascriptInjectorMiddleware, ws_url=host),
                    Middleware(ProblemBanner, problems=doctrees / PROBLEMS)],
        lifespan=watcher.lifespan)
    show_message(_("First build of the preview"))
    build()  # in this process: what it imports and compiles is there in every rebuild's fork
    if args.open:
        open_browser(host, 0)
    show_message(_("Waiting for changes (Ctrl+C stops)"))
    uvicorn.run(app, host=args.host, port=port, log_level="warning")
    return 0
