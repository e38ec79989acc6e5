"""The glass-box domain: everything the builder learns while reading.

As in `sphinx.ext.todo`, the data lives in the build environment keyed by
docname, so purging a document and merging results from parallel readers
are one-liners, and every generated view is computed from this data alone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Set
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from . import nodes as gb
from .framework import Framework, _fold
from .loader import framework_for

# Views computed from the framework file (a dependency of every page) or from the
# page's own data: a change elsewhere never changes them, so they are never stale.
SELF_CONTAINED_VIEWS = frozenset({"scenario-sources", "framework-diagram", "olc-srlc-table", "framework-glossary",
                                  "scenario-worksheet"})


class GlassboxDomain(Domain):
    name = "glassbox"
    label = "Glass box"
    initial_data: dict[str, Any] = {"docs": {}}

    @property
    def docs(self) -> dict[str, dict[str, Any]]:
        return self.data.setdefault("docs", {})

    def record(self, docname: str) -> dict[str, Any]:
        return self.docs.setdefault(docname, {
            "scenario": None, "problems": [], "sections": [], "prompts": [], "terms": [], "views": [], "title": "",
        })

    def clear_doc(self, docname: str) -> None:
        self.docs.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["docs"]:
                self.docs[docname] = otherdata["docs"][docname]

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Collect sections, prompts, terms and views, with the anchors they got."""
        fw = framework_for(env)
        rec = self.record(docname)
        title = next(iter(document.findall(nodes.title)), None)
        rec["title"] = title.astext() if title else docname
        subject = fw.page_subjects.get(docname)
        counters: dict[str, int] = {}
        for node in document.findall(lambda n: isinstance(n, (gb.enactment, gb.design_prompt, gb.concept_term, gb.glassbox_view))):
            section = _enclosing_section(node)
            anchor = section["ids"][0] if section is not None and section["ids"] else ""
            section_title = section[0].astext() if section is not None else rec["title"]
            named = fw.component_by_heading.get(_fold(section_title)) if rec["scenario"] else None
            component = named.id if named else (subject[1] if subject and subject[0] == "component" else "")
            if isinstance(node, gb.enactment):
                node["component"] = component
                if named:
                    node[0] += [nodes.inline("", " · "), _doc_link(fw.component_page(named.id), f"About {named.name}", docname)]
                rec["sections"].append({"component": component, "anchor": anchor, "title": section_title,
                                        "summary": node["summary"], "basis": node["basis"]})
            elif isinstance(node, gb.design_prompt):
                base = anchor or "prompt"
                counters[base] = counters.get(base, 0) + 1
                node["ids"] = [f"prompt-{base}-{counters[base]}"]
                node["component"] = component
                rec["prompts"].append({
                    "id": node["ids"][0], "text": node["text"], "roles": node["roles"], "component": component,
                    "concept": subject[1] if subject and subject[0] == "concept" else "",
                    "section": section_title,
                })
            elif isinstance(node, gb.concept_term):
                rec["terms"].append({"concept": node["concept"], "anchor": anchor, "section": section_title})
            elif isinstance(node, gb.glassbox_view):
                rec["views"].append(node["kind"])
                if node["target"]:
                    rec.setdefault("targets", []).append(node["target"])

    # -- queries used by the views -----------------------------------------

    def scenarios(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(docname, record) of every valid scenario, in title order."""
        found = [(d, r) for d, r in self.docs.items() if r["scenario"]]
        yield from sorted(found, key=lambda item: (item[1]["scenario"]["title"].casefold(), item[0]))

    def view_pages(self) -> set[str]:
        """Pages whose generated content depends on other documents' data."""
        return {d for d, r in self.docs.items() if set(r["views"]) - SELF_CONTAINED_VIEWS}

    def changed_view_pages(self, fw: Framework) -> set[str]:
        """View pages whose inputs differ from when they were last written; remembers the new inputs.

        Each view depends on a known slice of the data (one component's sections,
        every scenario's facts, every prompt...). Hashing that slice per page means
        an edit to one summary rewrites the few pages that show it, not all of them.
        """
        listed = list(self.scenarios())
        every_scenario = _digest([(d, r["scenario"], [(s["component"], s["anchor"], s["summary"], s["basis"])
                                                      for s in r["sections"]]) for d, r in listed])
        every_prompt = _digest([(d, r["title"], r["scenario"] and r["scenario"]["title"], r["prompts"])
                                for d, r in sorted(self.docs.items()) if r["prompts"]])
        digests = self.data.setdefault("digests", {})
        changed = set()
        for page in self.view_pages():
            rec = self.docs[page]
            parts = []
            for kind in sorted(set(rec["views"]) - SELF_CONTAINED_VIEWS):
                if kind == "enacted-in":
                    subjects = [fw.page_subjects.get(page, ("", ""))[1], *rec.get("targets", [])]
                    parts.append(_digest([[(d, r["scenario"]["title"], s) for s in r["sections"] if s["component"] in subjects]
                                          + [(d, r["scenario"]["title"], u) for u in r["terms"] if u["concept"] in subjects]
                                          for d, r in listed]))
                elif kind == "prompt-index":
                    parts.append(every_prompt)
                else:
                    parts.append(every_scenario)
            digest = _digest(parts)
            if digests.get(page) != digest:
                digests[page] = digest
                changed.add(page)
        return changed


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def _doc_link(target: str, text: str, docname: str) -> addnodes.pending_xref:
    return addnodes.pending_xref("", nodes.inline(text, text), refdomain="std", reftype="doc",
                                 reftarget="/" + target, refexplicit=True, refdoc=docname, refwarn=True)


def _enclosing_section(node: nodes.Node) -> nodes.section | None:
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        parent = parent.parent
    return parent
