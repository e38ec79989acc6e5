"""Abbreviations spelt out at first use (and the unlisted ones reported with file and line), and the diagram
laid out for a phone: the same links and highlight as the wide drawing, labels of 13 units in 320."""

from __future__ import annotations

import re

from docutils.core import publish_doctree
from glassbox_handbook.core.abbreviations import spell_out
from glassbox_handbook.core.diagram import _svg, framework_diagram
from glassbox_handbook.core.diagram_narrow import NLABEL, NW, svg_narrow
from toy import FW

EXPANSIONS = {"SRLC": "Simultaneous Renewal Learning Core", "OLC": "Organizational Learning Core",
              "CC BY": "Creative Commons Attribution licence", "CC": "Creative Commons"}


def _doc(text: str):
    return publish_doctree(text, source_path="page.rst", settings_overrides={"report_level": 5})


def test_the_first_use_on_a_page_is_spelt_out_and_later_ones_are_left_alone():
    doc = _doc("Title with SRLC\n===============\n\nThe SRLC grows from the OLC. The SRLC again.\n\nLicensed CC BY 4.0.\n")
    unknown = spell_out(doc, EXPANSIONS)
    abbrs = [(a.astext(), a["explanation"]) for a in doc.findall(lambda n: n.tagname == "abbreviation")]
    assert abbrs == [("SRLC", EXPANSIONS["SRLC"]), ("OLC", EXPANSIONS["OLC"]), ("CC BY", EXPANSIONS["CC BY"])]
    assert "The SRLC (Simultaneous Renewal Learning Core) grows from the OLC (Organizational Learning Core). " \
           "The SRLC again." in doc.astext()
    assert doc[0].astext() == "Title with SRLC"  # headings are left as written
    assert unknown == []


def test_a_long_form_met_first_needs_no_expansion_and_a_possessive_stays_whole():
    doc = _doc("The Simultaneous Renewal Learning Core (SRLC) is new. The OLC’s levels.\n")
    spell_out(doc, EXPANSIONS)
    assert doc.astext() == "The Simultaneous Renewal Learning Core (SRLC) is new. The OLC’s (Organizational Learning Core) levels."


def test_an_unlisted_abbreviation_is_reported_with_its_file_and_line():
    doc = _doc("First paragraph.\n\nA new acronym, XYZW, and ``CODE`` in a literal.\n")
    assert spell_out(doc, EXPANSIONS) == [("XYZW", "page.rst", 3)]


def test_the_narrow_diagram_has_the_wide_ones_links_highlight_and_readable_labels():
    for paired in (True, False):
        wide = _svg(FW, lambda d, a: f"{d}#{a}", paired, None, {}, None)
        narrow = svg_narrow(FW, lambda d, a: f"{d}#{a}", paired, None, {}, None)
        links = re.compile(r'<a href="([^"]*)" aria-label="([^"]*)"')
        assert sorted(links.findall(narrow)) == sorted(links.findall(wide))
        assert f'viewBox="0 0 {NW} ' in narrow
    # 13 units in 320, drawn at least 288 px wide (a 320 px screen): 11.7 px
    assert NLABEL * 288 / NW >= 11
    fig = framework_diagram(FW, lambda d, a: f"{d}#{a}", skip=True)[0]
    html = "".join(n.astext() for n in fig.findall(lambda n: n.tagname == "raw"))
    assert html.count('class="gb-diagram-narrow"') == 2  # the paired drawing and the base one in its toggle
    assert html.count('class="gb-diagram-wide"') == 2
    printed = framework_diagram(FW, lambda d, a: f"{d}#{a}", skip=False)[0]
    assert "gb-narrow" not in "".join(n.astext() for n in printed.findall(lambda n: n.tagname == "raw"))


def test_the_papers_tables_named_in_running_text_become_links_but_not_in_headings_or_links():
    from glassbox_handbook.core.abbreviations import link_phrases

    doc = _doc("See Table 2\n===========\n\nThe paper's Table 2 lists them; `Table 1 <x.html>`_ already links.\n")
    link_phrases(doc, {"Table 2": "problems.html", "Table 1": "olc.html"})
    refs = [(r.astext(), r["refuri"]) for r in doc.findall(lambda n: n.tagname == "reference")]
    assert refs == [("Table 2", "problems.html"), ("Table 1", "x.html")]
    assert doc[0].astext() == "See Table 2"
