// @ts-check
/* Glass-Box Handbook: long lists, a page at a time (glassbox_handbook/web/lists.py).

   Past `glassbox_list_max_entries` entries a view holds its first page in the
   HTML and, under it, a `.gb-more` box (data-gb-more: the list's name;
   data-gb-kind: how an entry looks; data-gb-target: where entries go). Its
   button loads the next file of the list, `_lists/<name>-<n>.js`, with an
   inserted classic <script src> (fetch() and module scripts are blocked on
   file://), and builds each entry with textContent: the files hold data,
   never HTML. The explorer and the session planner take their data from the
   same files (load, ensure, planner). */
"use strict";

(() => {
  const { $$, el, withNodes, readJsonData, ready } = Glassbox.core;

  /** @type {Map<string, Promise<unknown[]>>} */
  const loaded = new Map();

  /**
   * The entries of one list file, loaded once.
   * @param {string} root  the relative path from this page to the site's top folder
   * @param {string} name
   * @param {number} n  the file's number
   * @returns {Promise<unknown[]>}
   */
  const load = (root, name, n) => {
    const key = `${name}-${n}`;
    const known = loaded.get(key);
    if (known) return known;
    const promise = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = `${root}_lists/${key}.js`;
      script.onload = () => {
        const lists = /** @type {Record<string, unknown[]> | undefined} */ (Reflect.get(self, "GlassboxLists"));
        const entries = lists?.[key];
        if (Array.isArray(entries)) resolve(entries); else reject(new Error(`Glassbox: ${key} holds no list`));
      };
      script.onerror = () => { loaded.delete(key); reject(new Error(`Glassbox: ${script.src} could not be loaded`)); };
      document.head.append(script);
    });
    loaded.set(key, promise);
    return promise;
  };

  /**
   * The entries at these places of a list (files of `size` entries), by place.
   * @param {string} root @param {string} name @param {number} size @param {readonly number[]} places
   * @returns {Promise<Map<number, unknown>>}
   */
  const ensure = async (root, name, size, places) => {
    const files = [...new Set(places.map((p) => Math.floor(p / size)))];
    const got = await Promise.all(files.map((n) => load(root, name, n)));
    /** @type {Map<number, unknown>} */
    const out = new Map();
    files.forEach((n, i) => (got[i] ?? []).forEach((entry, j) => out.set(n * size + j, entry)));
    return out;
  };

  /** @param {string} href @param {string} text @param {string} root @param {Record<string, string>} [attrs] */
  const link = (href, text, root, attrs = {}) => el("a", { class: "reference internal", href: root + href, ...attrs, text });
  /** @param {string} basis @param {ReadonlyArray<Node | string>} kids */
  const badge = (basis, kids) => el("span", { class: `glassbox-badge glassbox-badge-${basis}` }, kids);
  /** @param {string} shape */
  const shapeOf = (shape) => el("span", { class: "gb-mark-shape", "aria-hidden": "true", text: shape });
  /** @param {string} text */
  const hidden = (text) => el("span", { class: "gb-visually-hidden", text });

  /**
   * @typedef {object} Columns  what glassbox_handbook/views/compact_matrix.py's columns() gives a matrix's box
   * @property {Array<[string, string]>} components  [id, name]
   * @property {Record<string, [string, string]>} bases  id: [name, mark]
   * @property {[string, string]} gap  [mark, words]
   */
  /** @typedef {[string, string, string, Array<[string, string, string] | null>]} MatrixRow  id, title, link, cells */

  /** @type {Record<string, (entry: any, root: string, meta: any, place: number) => HTMLElement>} */
  const RENDER = {
    /** @param {[string, string, string, string, string]} e  title, link, summary, basis, its name */
    "enacted-component": ([title, href, summary, basis, said], root) =>
      el("li", {}, [el("p", {}, [link(href, title, root), `: ${summary} `, badge(basis, [said])])]),
    /** @param {[string, Array<[string, string]>]} e  title, [link, section] */
    "enacted-concept": ([title, uses], root) =>
      el("li", {}, [el("p", {}, [el("strong", { text: title }), ": ",
        ...uses.flatMap(([href, section], i) => [...(i ? [", "] : []), link(href, section, root)])])]),
    /** @param {[string, string, string, string, string[]]} e  text, link, where, for whom, role ids */
    prompt: ([text, href, where, roles, ids], root) =>
      el("li", { class: ["glassbox-prompt-entry", ...ids.map((r) => `glassbox-role-${r}`)].join(" ") }, [
        el("p", { text }), el("p", { class: "glassbox-prompt-source" },
          withNodes(roles ? gbT("From {place} · For: {roles}") : gbT("From {place}"), { place: link(href, where, root), roles }))]),
    /** @param {[string, string, string]} e  title, link, count */
    "prompt-count": ([title, href, count], root) => el("li", {}, [el("p", {}, [link(href, title, root), `: ${count}`])]),
    /** @param {[string, string]} e  title, link */
    level: ([title, href], root) => el("li", {}, [el("p", {}, [link(href, title, root)])]),
    /** @param {[string, string, string, ...string[]]} e  title, link, the four facts */
    problems: ([title, href, difficulty, ...facts], root, _meta, place) => el("tr", { class: place % 2 ? "row-odd" : "row-even" }, [
      el("th", { scope: "row", class: "stub" }, [el("p", {}, [link(href, title, root)]), el("p", { text: difficulty })]),
      ...facts.map((text) => el("td", {}, [el("p", { text })]))]),
    /** @param {[string, Array<[string, Array<[string, string]>]>]} e  title, [label, [text, link]] */
    downloads: ([title, groups], root) => el("li", {}, [el("p", { class: "glassbox-download-title", text: title }),
      ...groups.map(([label, files]) => el("p", { class: "glassbox-download no-search gb-no-abbr", "data-pagefind-ignore": "" }, [el("strong", { text: label }), ": ",
        ...files.flatMap(([text, href], i) => [...(i ? [" · "] : []), el("a", { class: "glassbox-pdf reference external", href: root + href, text })])]))]),
    /** @param {MatrixRow} e @param {Columns} meta */
    "matrix-compact": ([id, title, href, cells], root, meta) => {
      const row = `gb-mx-s-${id}`;
      return el("tr", {}, [el("th", { scope: "row", id: row, headers: "gb-mx-scenario" }, [el("a", { href: root + href, text: title })]),
        ...meta.components.map(([comp, name], i) => {
          const cell = cells[i];
          const headers = `${row} gb-mx-c-${comp}`;
          const label = el("span", { class: "gb-cell-comp", text: name });
          if (!cell) return el("td", { headers, class: "gb-mx-gap" }, [label, shapeOf(meta.gap[0]), hidden(meta.gap[1])]);
          const [basis, summary, read] = cell;
          const [said, shape] = meta.bases[basis] ?? [basis, "▲"];
          return el("td", { headers, class: `gb-mx-${basis}` }, [el("details", { class: "gb-mx-cell", name: "gb-matrix" }, [
            el("summary", {}, [label, shapeOf(shape), hidden(said), hidden(gbT(": open the summary"))]),
            el("div", { class: "gb-mx-panel" }, [el("p", { class: "gb-mx-panel-title", text: gbT("{component} in {scenario}", { component: name, scenario: title }) }),
              el("p", { text: summary }),
              el("p", {}, [badge(basis, [shapeOf(shape), ` ${said}`]), " ", el("a", { href: root + read, text: gbT("Read the section") })])])])]);
        })]);
    },
    /** @param {MatrixRow} e @param {Columns} meta */
    "matrix-full": ([, title, href, cells], root, meta, place) =>
      el("tr", { class: place % 2 ? "row-odd" : "row-even" }, [el("th", { scope: "row", class: "stub" }, [el("p", {}, [link(href, title, root)])]),
        ...meta.components.map(([, name], i) => {
          const cell = cells[i];
          if (!cell) return el("td", {}, [el("p", { class: "glassbox-gap" }, [badge("gap", [meta.gap[1]])])]);
          const [basis, summary, read] = cell;
          return el("td", {}, [el("p", { text: summary }), el("p", {}, [badge(basis, [meta.bases[basis]?.[0] ?? basis]), " ",
            link(read, gbT("Read the section"), root,
              { class: "glassbox-cell-link reference internal", title: gbT("{component} in {scenario}", { component: name, scenario: title }) })])]);
        })]),
  };

  /** A `.gb-more` box: its button loads the next file into the list above it. @param {HTMLElement} box */
  const setupMore = (box) => {
    const { gbMore: name = "", gbKind: kind = "", gbRoot: root = "", gbTarget: target = "" } = box.dataset;
    const render = RENDER[kind];
    const list = document.querySelector(target);
    const button = box.querySelector("button");
    const status = box.querySelector(".gb-more-status");
    if (!render || !list || !button || !status) return;
    const total = Number(box.dataset.gbTotal), size = Number(box.dataset.gbSize);
    const meta = box.dataset.gbMeta ? JSON.parse(box.dataset.gbMeta) : null;
    let shown = Number(box.dataset.gbShown);
    const say = () => {
      status.textContent = gbT("Showing {shown} of {total} {what}.", { shown, total, what: box.dataset.gbWhat ?? "" }).replace(" .", ".");
      button.textContent = gbT("Show {n} more", { n: Math.min(size, total - shown) });
      button.hidden = shown >= total;
    };
    /** Load the next file; `focus`: the keyboard goes on from its first entry. @param {boolean} focus */
    const next = (focus) => {
      button.disabled = true;
      load(root, name, Math.floor(shown / size)).then((entries) => {
        const made = entries.map((entry, i) => render(entry, root, meta, shown + i));
        list.append(...made);
        shown += made.length;
        say();
        // The keyboard goes on from the first new entry, as if it had been there all along.
        const first = made[0]?.querySelector("a, summary");
        if (focus && first instanceof HTMLElement) first.focus();
      }, () => { status.textContent = gbT("The next entries could not be loaded. Each scenario is on its own page."); })
        .finally(() => { button.disabled = false; });
    };
    button.addEventListener("click", () => next(true));
    button.hidden = false;
    // A list that holds no entry yet (the full-text matrix) loads its first page when its disclosure opens.
    const details = box.closest("details");
    if (shown === 0 && details) {
      button.hidden = true;
      details.addEventListener("toggle", () => { if (details.open && shown === 0) next(false); });
    }
  };

  /**
   * Run the session planner once its first scenario's data is in: past the page size the planner's data
   * holds no scenario, and each one's data is loaded from the list files when it is chosen.
   * @param {(data: any) => void} setup
   */
  const planner = (setup) => {
    const data = /** @type {any} */ (readJsonData("gb-planner-data"));
    const select = document.getElementById("gb-plan-scenario");
    if (!data?.more || !(select instanceof HTMLSelectElement)) { setup(data); return; }
    const { root, name, size, note } = data.more;
    const ids = [...select.options].map((o) => o.value);
    const before = document.querySelector(".gb-plan-output");
    /** @param {string} id */
    const fetchOne = (id) => {
      const place = Math.max(0, ids.indexOf(id));
      return ensure(root, name, size, [place]).then((got) => {
        const entry = /** @type {any} */ (got.get(place));
        if (!entry || data.scenarios.some((/** @type {any} */ s) => s.id === entry.id)) return;
        data.scenarios.push(entry);
        before?.before(el("div", { class: "gb-plan-packets", "data-scenario": entry.id, hidden: true }, [
          el("p", { text: note }),
          el("ul", {}, entry.packets.map((/** @type {[string, Array<[string, string]>]} */ [label, files]) => el("li", {}, [`${label}: `,
            ...files.flatMap(([paper, href], i) => [...(i ? [" · "] : []), el("a", { href: root + href, text: gbT("{paper} (PDF)", { paper }) })])])))]));
      });
    };
    // A scenario not loaded yet: hold the change back until its data is in, then let the planner see it.
    select.addEventListener("change", (event) => {
      if (data.scenarios.some((/** @type {any} */ s) => s.id === select.value)) return;
      event.stopPropagation();
      fetchOne(select.value).then(() => select.dispatchEvent(new Event("change", { bubbles: true })));
    });
    const wanted = new URLSearchParams(location.search).get("scenario") ?? "";
    fetchOne(ids.includes(wanted) ? wanted : ids[0] ?? "").then(() => setup(data));
  };

  /**
   * The explorer past the page size: its data holds every scenario's facets (`index`) and no more; the
   * list shows the first page of what the filters leave, loads what it lacks from the list files, and
   * "Show more" adds a page. Returns null for an explorer that holds everything.
   * @param {any} data  gb-explorer-data, whose `scenarios` this fills from `index`
   * @param {HTMLElement} root  the .gb-explorer
   * @param {Map<string | undefined, HTMLElement>} items  the list's items by scenario id
   */
  const explorerPages = (data, root, items) => {
    if (!data.more) return null;
    const { root: top, name, size } = data.more;
    /** @param {string} key @param {number[]} places */
    const ids = (key, places) => places.map((i) => data[key][i]?.id ?? "");
    data.scenarios = data.index.map((/** @type {any[]} */ [id, title, levels, roles, trajectory, components], /** @type {number} */ place) => ({
      id, title, place, href: "", difficulty: "", sections: [], levels: ids("levels", levels), roles: ids("roles", roles),
      trajectory: data.trajectories[trajectory]?.id ?? "", components: ids("components", components) }));
    const list = root.querySelector(".gb-explorer-list");
    const box = root.querySelector(".gb-more");
    const button = box?.querySelector("button");
    const status = box?.querySelector(".gb-more-status");
    if (!list || !box || !button || !status) return null;
    /** @param {string} key */
    const nameOf = (key) => new Map(data[key].map((/** @type {any} */ x) => [x.id, x.name]));
    const names = { c: nameOf("components"), l: nameOf("levels"), r: nameOf("roles"), t: nameOf("trajectories"), o: nameOf("origins") };
    /** An item as glassbox_handbook/views/explorer.py writes it, with the badge of where it comes from. @param {any} s */
    const item = (s) => el("li", { class: "gb-explorer-item", "data-scenario": s.id }, [
      el("p", { class: "gb-explorer-title" }, [el("a", { href: top + s.href, text: s.title }),
        ...(names.o.has(s.origin)
          ? [" ", el("span", { class: `glassbox-badge ${s.origin === "in-depth" ? "gb-in-depth" : `gb-origin gb-origin-${s.origin}`}`, text: names.o.get(s.origin) })]
          : [])]),
      el("p", { text: s.difficulty }),
      el("p", { class: "glassbox-scenario-facts", text: [names.t.get(s.trajectory) ?? s.trajectory,
        s.levels.map((/** @type {string} */ x) => names.l.get(x)).join(", ")].filter(Boolean).join(" · ") }),
      ...[[gbT("Components:"), s.components, names.c], [gbT("Roles:"), s.roles, names.r]].map(([label, got, known]) =>
        el("p", { class: "glassbox-scenario-facts" }, [el("span", { class: "gb-k", text: label }),
          ` ${got.map((/** @type {string} */ x) => known.get(x) ?? x).join(", ")}`]))]);
    /** Fill these scenarios' data from the list files. @param {any[]} scenarios */
    const fill = (scenarios) => ensure(top, name, size, scenarios.map((s) => s.place)).then((got) => {
      for (const s of scenarios) Object.assign(s, got.get(s.place) ?? {});
    });
    let limit = size, matching = /** @type {any[]} */ ([]), turn = 0;
    const draw = (focusFrom = -1) => {
      const wanted = matching.slice(0, limit);
      const mine = ++turn;
      fill(wanted.filter((s) => !items.has(s.id))).then(() => {
        if (mine !== turn) return;  // a newer choice of filters is being shown
        const shown = wanted.map((s) => items.get(s.id) ?? items.set(s.id, item(s)).get(s.id) ?? el("li"));
        list.replaceChildren(...shown);
        status.textContent = matching.length > limit ? gbT("The first {limit} of these {n} are listed.", { limit, n: matching.length }) : "";
        button.textContent = gbT("Show {n} more", { n: Math.min(size, matching.length - limit) });
        button.hidden = matching.length <= limit;
        const first = shown[focusFrom]?.querySelector("a");
        if (first) first.focus();
      }, () => { status.textContent = gbT("The scenarios could not be loaded. Each is on its own page, in the list of all scenarios."); });
    };
    button.addEventListener("click", () => { const from = limit; limit += size; draw(from); });
    return {
      /** Show the first page of these scenarios. @param {any[]} found */
      show(found) { matching = found; limit = size; draw(); },
      /** Load these scenarios' sections, for the comparison. @param {string[]} chosen */
      prepare: (chosen) => fill(data.scenarios.filter((/** @type {any} */ s) => chosen.includes(s.id) && !s.sections.length)),
    };
  };

  /**
   * Run the explorer once every scenario's facets are in: past a page they are a list file of their own,
   * loaded after the page has shown its first scenarios (the filters appear when it is in).
   * @param {(data: any) => void} setup
   */
  const explorer = (setup) => {
    const data = /** @type {any} */ (readJsonData("gb-explorer-data"));
    if (!data?.more) { setup(data); return; }
    load(data.more.root, `${data.more.name}-index`, 0).then((index) => { data.index = index; setup(data); }, () => {
      const status = document.querySelector(".gb-explorer-status");
      if (status) status.textContent = gbT("The filters could not be loaded. Every scenario is in the list of all scenarios.");
    });
  };

  Glassbox.lists = { load, ensure, planner, explorer, explorerPages, RENDER };
  ready(() => { for (const box of $$(".gb-more")) if (box.dataset.gbKind !== "explorer") setupMore(box); });
  if (typeof module === "object" && module.exports) module.exports = { load, ensure, planner, explorer, explorerPages, RENDER };
})();
