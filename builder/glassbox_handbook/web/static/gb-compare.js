// @ts-check
/* Glass-Box Handbook: the comparison, two scenarios of the explorer side by
   side, component by component, a gap where one does not enact a component.
   The explorer (gb-explorer.js, loaded next) sets it up and keeps the pair
   in the address with its filters. */
/** @typedef {import("./gb-explorer.js").ExplorerData} ExplorerData */
/** @typedef {import("./gb-explorer.js").ExplorerScenario} ExplorerScenario */
/** @typedef {import("./gb-explorer.js").Names} Names */
"use strict";

(() => {
  const { need, el } = Glassbox.core;

  /**
   * The facts the comparison shows above the components: a label, and how to say it of a scenario.
   * @returns {Array<[label: string, fact: (scenario: ExplorerScenario, names: Names) => string]>}
   */
  const comparedFacts = () => [
    [gbT("Felt difficulty"), (s) => s.difficulty],
    [gbT("Levels"), (s, names) => s.levels.map((x) => names.level.get(x) ?? x).join(", ")],
    [gbT("Trajectory"), (s, names) => names.trajectory.get(s.trajectory) ?? s.trajectory],
  ];

  /**
   * A comparison cell: the section's summary and basis, or the gap.
   * @param {ExplorerScenario} scenario
   * @param {string} component
   * @param {ReadonlyMap<string, string>} basisNames
   */
  const compareCell = (scenario, component, basisNames) => {
    const section = scenario.sections.find((x) => x.component === component);
    if (!section) {
      return el("td", { class: "gb-gap-cell" }, [el("span", { class: "glassbox-badge glassbox-badge-gap", text: gbT("Gap: not enacted") })]);
    }
    return el("td", {}, [el("p", {}, [el("a", { href: section.href, text: section.summary })]),
      el("span", { class: `glassbox-badge glassbox-badge-${section.basis}`, text: basisNames.get(section.basis) ?? section.basis })]);
  };

  /**
   * Two scenarios side by side: facts, then one row per component.
   * @param {ExplorerData} data
   * @param {Names} names
   * @param {[ExplorerScenario, ExplorerScenario]} pair
   */
  const compareTable = (data, names, pair) => {
    const basisNames = new Map(data.bases.map((b) => [b.id, b.name]));
    /** @param {string} label @param {Node[]} cells */
    const row = (label, cells) => el("tr", {}, [el("th", { scope: "row", text: label }), ...cells]);
    const rows = [
      ...comparedFacts().map(([label, fact]) => row(label, pair.map((s) => el("td", { text: fact(s, names) })))),
      ...data.components.map((c) => row(c.name, pair.map((s) => compareCell(s, c.id, basisNames)))),
    ];
    const head = el("tr", {}, [el("th", { scope: "col", text: gbT("Component") }),
      ...pair.map((s) => el("th", { scope: "col" }, [el("a", { href: s.href, text: s.title })]))]);
    const table = el("table", { class: "glassbox-table gb-compare-table" }, [
      el("caption", { text: gbT("{first} and {second}, component by component", { first: pair[0].title, second: pair[1].title }) }),
      el("thead", {}, [head]), el("tbody", {}, rows)]);
    return el("div", { class: "glassbox-table-scroll", tabindex: "0", role: "region", "aria-label": gbT("Comparison table") }, [table]);
  };

  /**
   * The comparison: two menus of scenarios and the table of the pair chosen.
   * @param {HTMLElement} root  the .gb-compare section
   * @param {ExplorerData} data
   * @param {Names} names
   * @param {() => void} changed  called when the reader picks a scenario
   * @param {(ids: string[]) => Promise<void>} [prepare]  loads the sections of scenarios the page does not hold
   */
  const setupCompare = (root, data, names, changed, prepare) => {
    const out = need(".gb-compare-out", root, HTMLElement);
    const pick = need(".gb-compare-pick", root, HTMLElement);
    /** Every scenario as an option. @param {HTMLSelectElement} select */
    const fill = (select) => {
      if (select.options.length < 2) select.append(...data.scenarios.map((s) => el("option", { value: s.id, text: s.title })));
    };
    const selects = [gbT("First scenario"), gbT("Second scenario")].map((label, i) => {
      const id = `gb-compare-${i + 1}`;
      const select = el("select", { id }, [el("option", { value: "", text: gbT("Choose a scenario") })]);
      pick.append(el("div", { class: "gb-filter" }, [el("label", { for: id, text: label }), select]));
      select.addEventListener("change", () => { render(); changed(); });
      // A thousand options cost the page's first layout a fifth of a second on a phone: past a page of
      // scenarios (`prepare`) they are added when the menu is first reached, by pointer or keyboard.
      if (prepare) for (const type of ["focus", "pointerdown"]) select.addEventListener(type, () => fill(select));
      else fill(select);
      return select;
    });
    /** @param {string} id */
    const byId = (id) => data.scenarios.find((s) => s.id === id);
    const draw = () => {
      const [first, second] = selects.map((s) => byId(s.value));
      out.replaceChildren(first && second ? compareTable(data, names, [first, second])
        : el("p", { text: gbT("Choose two scenarios to see them side by side, component by component.") }));
    };
    // Past a page of scenarios the explorer holds only their facets: the pair's sections load first.
    const render = () => { if (prepare) prepare(selects.map((s) => s.value)).then(draw); else draw(); };
    return {
      /** @returns {string[]} the ids compared, in order */
      ids: () => selects.map((s) => s.value).filter(Boolean),
      /** @param {readonly string[]} ids  show these scenarios, ignoring unknown ids */
      show(ids) {
        ids.forEach((id, i) => { const select = selects[i]; if (select && byId(id)) { fill(select); select.value = id; } });
        render();
      },
    };
  };

  const compare = { comparedFacts, setupCompare };
  Glassbox.compare = compare;
  if (typeof module === "object" && module.exports) module.exports = compare;
})();
