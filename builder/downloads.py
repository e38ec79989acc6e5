"""Names of the printable files, and the download links the website shows for them.

The PDF builder writes files under these names and the site build copies
them into the site's `pdf/` folder; the website links to them from the
workshop page and from each scenario's facts card. One module holds the
names so the two sides cannot drift apart.
"""

from __future__ import annotations

from docutils import nodes

SITE_FOLDER = "pdf"
PACKET_VERSIONS = ("participant", "facilitator")
PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}


HANDBOOK = "handbook"
CARDS = "prompt-cards"


def packet_stem(scenario_id: str, version: str) -> str:
    return f"packet-{scenario_id}-{version}"


def pdf_name(stem: str, paper: str) -> str:
    """A printable file's name: its stem and its paper size."""
    return f"{stem}-{paper}.pdf"


def handbook_pdf(paper: str) -> str:
    return pdf_name(HANDBOOK, paper)


def packet_pdf(scenario_id: str, version: str, paper: str) -> str:
    return pdf_name(packet_stem(scenario_id, version), paper)


def cards_pdf(paper: str) -> str:
    return pdf_name(CARDS, paper)


def _files(root: str, label: str, names: list[tuple[str, str]]) -> nodes.paragraph:
    """'Label: A4 · US Letter', each paper size a link to its PDF."""
    para = nodes.paragraph("", "", nodes.strong("", label), nodes.Text(": "), classes=["glassbox-download", "no-search"])
    for i, (paper, name) in enumerate(names):
        if i:
            para += nodes.Text(" · ")
        text = f"{PAPER_NAMES.get(paper, paper)} (PDF)"
        para += nodes.reference(text, text, refuri=f"{root}{SITE_FOLDER}/{name}", classes=["glassbox-pdf"])
    return para


def scenario_links(root: str, scenario_id: str, papers: list[str]) -> list[nodes.Node]:
    return [_files(root, f"Workshop packet, {version}", [(p, packet_pdf(scenario_id, version, p)) for p in papers])
            for version in PACKET_VERSIONS]


def all_links(root: str, scenarios: list[tuple[str, str]], papers: list[str]) -> list[nodes.Node]:
    """The workshop page's downloads: handbook, cards, and both packets of every scenario."""
    out: list[nodes.Node] = [
        _files(root, "The whole handbook", [(p, handbook_pdf(p)) for p in papers]),
        _files(root, "Design prompt cards to cut out", [(p, cards_pdf(p)) for p in papers]),
    ]
    listing = nodes.bullet_list(classes=["glassbox-downloads"])
    for scenario_id, title in scenarios:
        item = nodes.list_item("", nodes.paragraph("", title, classes=["glassbox-download-title"]))
        item.extend(scenario_links(root, scenario_id, papers))
        listing += item
    out.append(listing)
    return out
