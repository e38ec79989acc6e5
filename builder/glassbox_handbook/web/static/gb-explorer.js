// @ts-check
/* Glass-Box Handbook: the scenario explorer. Filters by component, level,
   role and trajectory, each option saying how many scenarios it would leave;
   the view (filters and the comparison of gb-compare.js) is kept in the
   address's fragment, so a link opens it again; the role filter is the role
   lens ("Read as"): one control, where there used to be two that changed each
   other. An option that would leave no scenario shows its count (0) and
   cannot be chosen. The page's list is complete without this script, which only
   hides items. Data: builder/explorer.py's explorer_data(), embedded as
   gb-explorer-data. */
/**
 * @typedef {object} Named
 * @property {string} id
 * @property {string} name
 */
/**
 * One component section of a scenario.
 * @typedef {object} ExplorerSection
 * @property {string} component  the component's id
 * @property {string} summary  the section's one-sentence summary
 * @property {string} basis  the id of its basis (reported, interpretation)
 * @property {string} href  link to the section
 */
/**
 * @typedef {object} ExplorerScenario
 * @property {string} id
 * @property {string} title
 * @property {string} href
 * @property {string} difficulty  the felt difficulty
 * @property {string[]} levels  level ids
 * @property {string[]} roles  role ids
 * @property {string} trajectory  trajectory id
 * @property {string[]} components  ids of the components it enacts
 * @property {ExplorerSection[]} sections
 */
/**
 * What builder/explorer.py's explorer_data() embeds as gb-explorer-data.
 * @typedef {object} ExplorerData
 * @property {Named[]} components
 * @property {Named[]} levels
 * @property {Array<Named & { lens: boolean }>} roles  the roles some scenario has, and those of the lens
 * @property {Named[]} trajectories
 * @property {Named[]} bases
 * @property {ExplorerScenario[]} scenarios
 */
/** @typedef {"component" | "level" | "role" | "trajectory"} FacetKey */
/**
 * @typedef {object} Facet
 * @property {FacetKey} key  the filter's name, in the menu's id and in the address
 * @property {"components" | "levels" | "roles" | "trajectories"} list  where ExplorerData lists its options
 * @property {string} label
 */
/** @typedef {Record<FacetKey, string>} Filters  the chosen id for each facet, "" for any */
/** @typedef {Record<FacetKey, ReadonlyMap<string, string>>} Names  option names by id, for each facet */
/**
 * What a link to the explorer shows.
 * @typedef {object} View
 * @property {Filters} filters
 * @property {string[]} compare  ids of the scenarios compared, in order
 */
/**
 * @typedef {object} Option
 * @property {string} id
 * @property {string} name
 * @property {number} count  how many scenarios choosing it would leave
 * @property {boolean} disabled  whether it would leave none (and is not the one chosen)
 */
"use strict";

(() => {
  const { $, $$, need, el, readJsonData, ready } = Glassbox.core;

  /** @type {readonly Facet[]} each label in the page's language, looked up when it is read */
  const FACETS = [
    { key: "component", list: "components", get label() { return gbT("Component"); } },
    { key: "level", list: "levels", get label() { return gbT("Level"); } },
    { key: "role", list: "roles", get label() { return gbT("Role"); } },
    { key: "trajectory", list: "trajectories", get label() { return gbT("Trajectory"); } },
  ];

  /** @returns {Filters} no filter at all */
  const noFilters = () => ({ component: "", level: "", role: "", trajectory: "" });

  /** @param {ExplorerData} data @returns {Names} */
  const nameIndex = (data) => ({
    component: new Map(data.components.map((x) => [x.id, x.name])),
    level: new Map(data.levels.map((x) => [x.id, x.name])),
    role: new Map(data.roles.map((x) => [x.id, x.name])),
    trajectory: new Map(data.trajectories.map((x) => [x.id, x.name])),
  });

  /**
   * The ids a scenario has for a facet.
   * @param {ExplorerScenario} scenario
   * @param {FacetKey} key
   * @returns {readonly string[]}
   */
  const facetValues = (scenario, key) => {
    switch (key) {
      case "component": return scenario.components;
      case "level": return scenario.levels;
      case "role": return scenario.roles;
      case "trajectory": return [scenario.trajectory];
    }
  };

  /**
   * Whether a scenario passes every filter, leaving out `skip`'s.
   * @param {ExplorerScenario} scenario
   * @param {Filters} filters
   * @param {FacetKey | null} [skip]
   */
  const matches = (scenario, filters, skip = null) =>
    FACETS.every(({ key }) => key === skip || !filters[key] || facetValues(scenario, key).includes(filters[key]));

  /**
   * What a facet's menu offers, given the other facets' filters: how many
   * scenarios "Any" leaves, and each option with the number it would leave;
   * one that would leave none is disabled, unless it is the one chosen.
   * @param {ExplorerData} data
   * @param {Filters} filters
   * @param {Facet} facet
   * @returns {{ any: number, options: Option[] }}
   */
  const facetMenu = (data, filters, facet) => {
    const left = data.scenarios.filter((s) => matches(s, filters, facet.key));
    const options = data[facet.list]
      .map(({ id, name }) => ({ id, name, count: left.filter((s) => facetValues(s, facet.key).includes(id)).length }))
      .map((o) => ({ ...o, disabled: o.count === 0 && o.id !== filters[facet.key] }));
    return { any: left.length, options };
  };

  /**
   * What the explorer's status says.
   * @param {number} shown
   * @param {number} total
   * @param {Filters} filters
   * @param {Names} names
   */
  const statusText = (shown, total, filters, names) => {
    const active = FACETS.filter(({ key }) => filters[key])
      .map(({ key, label }) => gbT("{facet}: {value}", { facet: label, value: names[key].get(filters[key]) ?? filters[key] }));
    const chosen = active.join("; ");
    return chosen
      ? gbN("Showing {shown} of {n} scenario ({filters}).", "Showing {shown} of {n} scenarios ({filters}).", total, { shown, filters: chosen })
      : gbN("Showing {shown} of {n} scenario.", "Showing {shown} of {n} scenarios.", total, { shown });
  };

  /**
   * The view a link asks for. Unknown ids are dropped, so a stale link shows more, never nothing by mistake.
   * @param {string} query  e.g. "level=bottom-pair&compare=first,second", without "#" or "?"
   * @param {Names} names
   * @returns {View}
   */
  const parseView = (query, names) => {
    const params = new URLSearchParams(query);
    const filters = noFilters();
    for (const { key } of FACETS) {
      const id = params.get(key) ?? "";
      if (names[key].has(id)) filters[key] = id;
    }
    return { filters, compare: (params.get("compare") ?? "").split(",").filter(Boolean) };
  };

  /**
   * The query that parseView reads back as this view; "" for all scenarios and no comparison.
   * @param {View} view
   */
  const serializeView = ({ filters, compare }) => {
    const params = new URLSearchParams();
    for (const { key } of FACETS) if (filters[key]) params.set(key, filters[key]);
    if (compare.length) params.set("compare", compare.join(","));
    return params.toString();
  };

  /**
   * A facet's menu, labelled, in a `.gb-filter` box; its options come with the first view.
   * @param {Facet} facet
   */
  const facetSelect = (facet) => {
    const id = `gb-filter-${facet.key}`;
    if (facet.key !== "role") {
      const select = el("select", { id, name: facet.key });
      return { facet, select, box: el("div", { class: "gb-filter" }, [el("label", { for: id, text: facet.label }), select]) };
    }
    const select = el("select", { id, name: facet.key, "aria-describedby": `${id}-hint` });
    return { facet, select, box: el("div", { class: "gb-filter" }, [
      el("label", { for: id, text: gbT("Read as (role)") }), select,
      el("span", { class: "gb-filter-hint", id: `${id}-hint`, text: gbT("Also marks this role's prompts on every page.") }),
    ]) };
  };

  /**
   * Fill a facet's menu: "Any" and each option, with their counts.
   * @param {HTMLSelectElement} select
   * @param {{ any: number, options: Option[] }} offer
   * @param {string} chosen
   */
  const fillMenu = (select, { any, options }, chosen) => {
    select.replaceChildren(el("option", { value: "", text: gbT("Any ({n})", { n: any }) }),
      ...options.map((o) => {
        const option = el("option", { value: o.id, text: `${o.name} (${o.count})` });
        option.disabled = o.disabled;
        return option;
      }));
    select.value = chosen;
  };

  /** The explorer's filters, its status and the comparison, wired to the address. */
  const setupExplorer = (/** @type {ExplorerData | undefined} */ given) => {
    const root = $(".gb-explorer");
    const data = given ?? /** @type {ExplorerData | null} */ (readJsonData("gb-explorer-data"));
    if (!root || !data) return;
    const names = nameIndex(data);
    const form = need(".gb-explorer-filters", root, HTMLElement);
    const status = need(".gb-explorer-status", root, HTMLElement);
    const none = need(".gb-explorer-none", root, HTMLElement);
    const items = new Map($$(".gb-explorer-item", root).map((li) => [li.dataset.scenario, li]));
    const pages = Glassbox.lists?.explorerPages(data, root, items) ?? null;
    const menus = FACETS.map(facetSelect);
    /** @param {FacetKey} key */
    const selectOf = (key) => menus.find((m) => m.facet.key === key)?.select;
    need(".gb-filter-grid", root, HTMLElement).append(...menus.map((m) => m.box));

    /** @returns {Filters} */
    const chosen = () => {
      const filters = noFilters();
      for (const { facet, select } of menus) filters[facet.key] = select.value;
      return filters;
    };
    const writeUrl = () => {
      const query = serializeView({ filters: chosen(), compare: compare?.ids() ?? [] });
      const url = (location.href.split("#")[0] ?? "") + (query ? `#${query}` : "");
      try { history.replaceState(null, "", url); } catch { location.replace(query ? `#${query}` : "#"); }
    };
    /** Show what the filters leave, and recount every menu. @param {Filters} filters */
    const apply = (filters) => {
      const found = data.scenarios.filter((s) => matches(s, filters)), shown = found.length;
      if (pages) pages.show(found);  // past the page size: the first page of them, loaded as needed
      else for (const s of data.scenarios) { const item = items.get(s.id); if (item) item.hidden = !found.includes(s); }
      for (const { facet, select } of menus) fillMenu(select, facetMenu(data, filters, facet), filters[facet.key]);
      status.textContent = statusText(shown, data.scenarios.length, filters, names);
      none.hidden = shown > 0;
    };
    const compareRoot = need(".gb-compare", root, HTMLElement);
    const compare = Glassbox.compare?.setupCompare(compareRoot, data, names, writeUrl, pages?.prepare);
    const change = () => { apply(chosen()); writeUrl(); };
    for (const { facet, select } of menus) {
      // The role filter is the lens: choosing a role reads every page as it (the lens's listener below applies it).
      const lens = Glassbox.lens;
      if (facet.key === "role" && lens) select.addEventListener("change", () => lens.set(select.value));
      else select.addEventListener("change", change);
    }

    /** Show the view the address asks for; the lens chooses the role if the address does not. */
    const load = () => {
      const view = parseView(location.hash.slice(1) || location.search.slice(1), names);
      const lensRole = Glassbox.lens?.current() ?? "";
      const fromLens = !view.filters.role && names.role.has(lensRole);
      if (fromLens) view.filters.role = lensRole;
      apply(view.filters);
      compare?.show(view.compare);
      if (fromLens) writeUrl();  // so that a copied link shows what the reader sees
    };

    need(".gb-explorer-reset", root, HTMLElement).addEventListener("click", () => {
      apply(noFilters());
      writeUrl();
      selectOf("component")?.focus();
    });
    need(".gb-explorer-copy", root, HTMLElement).addEventListener("click", () => {
      const url = location.href;
      const copied = () => { status.textContent = gbT("Link copied. It opens the explorer with these filters."); };
      const fallback = () => { status.textContent = gbT("Copy this link from the address bar: {url}", { url }); };
      // The clipboard is there only in secure contexts (https, localhost), and may be refused.
      if (navigator.clipboard?.writeText) navigator.clipboard.writeText(url).then(copied, fallback);
      else fallback();
    });
    Glassbox.lens?.onChange((role) => {
      const select = selectOf("role");
      if (select) select.value = names.role.has(role) ? role : "";
      change();
    });
    // Only a fragment that carries filters (or none at all) changes the view; a jump to a heading does not.
    window.addEventListener("hashchange", () => {
      if (!location.hash || location.hash.includes("=")) load();
    });
    form.hidden = false;
    compareRoot.hidden = !compare;
    load();
  };

  ready(() => (Glassbox.lists?.explorer ?? ((f) => f(undefined)))(setupExplorer));  // past a page, its facets load first
  if (typeof module === "object" && module.exports) {
    module.exports = { FACETS, noFilters, nameIndex, matches, facetMenu, statusText, parseView, serializeView };
  }
})();
