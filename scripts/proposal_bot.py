"""What .github/workflows/proposals.yml does with a "Propose a scenario" issue.

- Opened or edited: read the issue into a scenario (`from-issue`'s reader),
  run `check` on it, and comment what to fix, box by box, in plain words that
  never repeat a name the check found (the comment is public). A proposal
  that is already approved has its pull request's branch updated.
- Approved (the label `approved`, or a comment starting `/approve`, by someone
  with write access): commit the scenario to the branch `scenario/issue-N`
  and open its pull request, "Resolves #N", the commit co-authored by the
  submitter's GitHub noreply address. The scenario's `contributors` field
  credits the submitter by the name they gave, and the site's contributors
  page lists every scenario's contributors.

Issue text only ever reaches this script through the event file (never a
shell), and GitHub is reached only through `GitHubApi`, which the tests
replace (tests/unit/test_proposal_bot.py, on the payloads in tests/events/).
"""

from __future__ import annotations

import json
import os
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Protocol

from glassbox_handbook.cli.project import Project, open_project
from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.core.from_issue import (
    Proposal,
    approved_comment,
    check_says,
    fix_comment,
    only_maintainers,
    read_proposal,
    ready_comment,
)
from glassbox_handbook.core.issue_form import LABEL

APPROVED = "approved"
WRITERS = {"admin", "maintain", "write"}
MARK = "<!-- glassbox-proposal-bot -->"


class GitHubApi(Protocol):
    def comment(self, number: int, text: str) -> None: ...
    def permission(self, login: str) -> str: ...
    def commit_file(self, branch: str, path: str, text: str, message: str) -> None: ...
    def pull_request(self, branch: str, title: str, body: str) -> int: ...
    def branch_exists(self, branch: str) -> bool: ...


class RestApi:
    """GitHub's REST API with the workflow's token (urllib: nothing to install on the runner)."""

    def __init__(self, repository: str, token: str) -> None:
        self.base, self.token = f"https://api.github.com/repos/{repository}", token

    def _call(self, method: str, path: str, data: dict | None = None) -> Any:
        request = urllib.request.Request(self.base + path, method=method, data=json.dumps(data).encode() if data else None,
                                         headers={"Authorization": f"Bearer {self.token}",
                                                  "Accept": "application/vnd.github+json"})
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - a fixed https address
            body = response.read()
        return json.loads(body) if body else None

    def comment(self, number: int, text: str) -> None:
        self._call("POST", f"/issues/{number}/comments", {"body": text})

    def permission(self, login: str) -> str:
        return self._call("GET", f"/collaborators/{login}/permission")["permission"]

    def branch_exists(self, branch: str) -> bool:
        try:
            self._call("GET", f"/branches/{branch}")
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return False
            raise
        return True

    def commit_file(self, branch: str, path: str, text: str, message: str) -> None:
        import base64

        if not self.branch_exists(branch):
            main = self._call("GET", "/git/ref/heads/main")["object"]["sha"]
            self._call("POST", "/git/refs", {"ref": f"refs/heads/{branch}", "sha": main})
        data = {"message": message, "content": base64.b64encode(text.encode()).decode(), "branch": branch}
        try:
            data["sha"] = self._call("GET", f"/contents/{path}?ref={branch}")["sha"]
        except urllib.error.HTTPError as exc:
            if exc.code != 404:
                raise
        self._call("PUT", f"/contents/{path}", data)

    def pull_request(self, branch: str, title: str, body: str) -> int:
        owner = self.base.split("/")[-2]
        found = self._call("GET", f"/pulls?head={owner}:{branch}&state=open")
        if found:
            return found[0]["number"]
        return self._call("POST", "/pulls", {"head": branch, "base": "main", "title": title, "body": body})["number"]


def _scenario_path(project: Project, slug: str) -> str:
    """Where the proposal's scenario goes, relative to the project (`scenarios/…`, `escenarios/…`)."""
    return (project.scenarios / f"{slug}.md").relative_to(project.root).as_posix()


def _check(proposal: Proposal, project: Project) -> list[str]:
    """`check`'s problems with the written scenario, with anything quoted from it taken out."""
    from glassbox_handbook.core.scenario import parse_scenario
    from glassbox_handbook.domain.loader import bib_keys, bib_names

    fw = load_framework(project.framework)
    bib = project.bibfiles
    parsed = parse_scenario(proposal.text, _scenario_path(project, proposal.slug), fw, set(bib_keys(bib)),
                            authors=bib_names(bib))
    out = []
    for problem in parsed.problems:
        if problem.identifying:
            continue  # names: already reported box by box, without repeating them
        out.append(re.sub(r"'[^']*'|“[^”]*”", "…", str(problem).split(": ", 1)[-1]))
    return out


def review(proposal: Proposal, root: Path | Project) -> str:
    """The comment on a proposal: what to fix, by box, or that it is ready for a maintainer."""
    project = root if isinstance(root, Project) else open_project(str(root))
    problems = [str(p) for p in proposal.problems]
    if proposal.text:
        problems += [check_says(p) for p in _check(proposal, project)]
    if not problems:
        return f"{MARK}\n{ready_comment()}"
    return f"{MARK}\n{fix_comment(problems)}"


def _noreply(user: dict) -> str:
    return f"{user['id']}+{user['login']}@users.noreply.github.com"


def publish(issue: dict, proposal: Proposal, api: GitHubApi, path: str) -> int:
    """Commit the scenario to the proposal's branch and open (or keep) its pull request."""
    number, user = issue["number"], issue["user"]
    branch = f"scenario/issue-{number}"
    message = (f"Scenario proposed in #{number}: {proposal.slug}\n\nResolves #{number}\n\n"
               f"Co-authored-by: {proposal.contributor} <{_noreply(user)}>\n")
    api.commit_file(branch, path, proposal.text, message)
    return api.pull_request(branch, f"Scenario: {proposal.slug}",
                            f"Resolves #{number}\n\nProposed by @{user['login']} with the “Propose a scenario” form; "
                            f"credited as {proposal.contributor!r} in the scenario's contributors (and so on the "
                            "contributors page).")


def handle(event_name: str, event: dict, api: GitHubApi, root: Path, step: str = "all") -> str:
    """Act on one event; returns what was done, in a word (for the log and the tests).

    `step` is the workflow's job: "review" only comments (it may write to issues, nothing else),
    "publish" only approves and updates branches; "all" does both (for running by hand)."""
    issue = event.get("issue") or {}
    if issue.get("pull_request") or LABEL not in {lb["name"] for lb in issue.get("labels", [])}:
        return "ignored"
    action, number = event.get("action"), issue["number"]
    approving = (event_name == "issues" and action == "labeled" and event.get("label", {}).get("name") == APPROVED) or (
        event_name == "issue_comment" and action == "created" and event["comment"]["body"].strip().startswith("/approve"))
    edited_after_approval = (event_name == "issues" and action == "edited"
                             and APPROVED in {lb["name"] for lb in issue.get("labels", [])})
    reviewing = event_name == "issues" and action in ("opened", "edited")
    if not (approving or reviewing):
        return "ignored"
    project = open_project(str(root))
    project.speak()  # the comments in the project's language, as its issue form is
    fw = load_framework(project.framework)
    proposal = read_proposal((issue.get("body") or "").encode("utf-8", errors="replace"), fw, project.scenarios, fw.words)
    path = _scenario_path(project, proposal.slug)
    done = "ignored"
    if reviewing and step in ("review", "all"):
        api.comment(number, review(proposal, project))
        done = "reviewed"
    if step not in ("publish", "all"):
        return done
    if edited_after_approval:
        if proposal.text and api.branch_exists(f"scenario/issue-{number}"):
            publish(issue, proposal, api, path)
            return "updated"
        return done
    if not approving:
        return done
    if api.permission(event["sender"]["login"]) not in WRITERS:
        api.comment(number, f"{MARK}\n{only_maintainers()}")
        return "refused"
    if not proposal.text or any(p.blocking for p in proposal.problems):
        api.comment(number, review(proposal, project))
        return "not ready"
    pr = publish(issue, proposal, api, path)
    api.comment(number, f"{MARK}\n{approved_comment(pr)}")
    return "published"


def main() -> int:
    event = json.loads(Path(os.environ["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    api = RestApi(os.environ["GITHUB_REPOSITORY"], os.environ["GITHUB_TOKEN"])
    print(handle(os.environ["GITHUB_EVENT_NAME"], event, api, Path.cwd(), os.environ.get("PROPOSAL_STEP", "all")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
