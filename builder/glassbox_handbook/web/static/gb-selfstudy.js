// @ts-check
/* Glass-Box Handbook: the self-study map's page. A team's entries are kept
   in this browser as they are typed and shown at once as its own glass box:
   the diagram's highlight (the classes glassbox_handbook/core/diagram.py's highlight uses),
   its row of the matrix (beside any scenario's), its gaps as questions and
   its evidence log. Exports to Markdown and JSON, imports JSON, prints the
   map, and hands its answers to the worksheet, which writes the one draft.
   Everything typed is set as text, never as markup. Pure part:
   gb-selfstudy-model.js; data: glassbox_handbook/views/self_study.py's gb-selfstudy-data. */
"use strict";

(() => {
  const { STORE, $, $$, need, el, storage, parseJson, readJsonData, slugify, pageKey, download, handoff, ready } = Glassbox.core;

  /** @typedef {import("./gb-selfstudy-model.js").MapData} MapData */
  /** @typedef {import("./gb-selfstudy-model.js").SelfStudyMap} SelfStudyMap */

  /** A badge as the handbook's matrix shows one. @param {string} text @param {string} kind */
  const badge = (text, kind) => el("span", { class: `glassbox-badge glassbox-badge-${kind}`, text });

  const setup = () => {
    const root = document.getElementById("gb-selfstudy");
    const data = /** @type {MapData | null} */ (readJsonData("gb-selfstudy-data"));
    const model = Glassbox.selfStudy;
    if (!root || !data || !model) return;
    const key = `${STORE}self-study:${pageKey()}`;
    const form = need(".gb-ss-form", root, HTMLFormElement);
    const out = need(".gb-ss-map", root, HTMLElement);
    const status = need(".gb-ss-status", root, HTMLElement);
    const compare = need("#gb-ss-compare", root, HTMLSelectElement);
    for (const part of [form, out, need(".gb-ss-actions", root, HTMLElement)]) part.hidden = false;
    $(".gb-ss-nojs", root)?.setAttribute("hidden", "");

    const kept = model.readMap(parseJson(storage.get(key) ?? "null"), data);
    /** @type {SelfStudyMap} */
    let map = kept.map ?? model.emptyMap(data);
    const problemKeys = ["title", ...data.facts.map((f) => f.key)];
    /** @param {string} id */
    const box = (id) => need(`#${id}`, form, HTMLElement);
    /** @param {string} id @returns {HTMLInputElement | HTMLTextAreaElement} */
    const text = (id) => /** @type {HTMLInputElement | HTMLTextAreaElement} */ (box(id));
    const cells = () => data.components.flatMap((c) => data.levels.flatMap((l) => data.fields.map((f) =>
      ({ c: c.id, l: l.id, f: f.key, input: text(`ss-${c.id}-${l.id}-${f.key}`) }))));

    const fillForm = () => {
      for (const k of problemKeys) text(`ss-${k}`).value = map.problem[k] ?? "";
      for (const { c, l, f, input } of cells()) input.value = map.cells[c]?.[l]?.[f] ?? "";
    };
    const readForm = () => {
      const problem = Object.fromEntries(problemKeys.flatMap((k) => (text(`ss-${k}`).value ? [[k, text(`ss-${k}`).value]] : [])));
      /** @type {SelfStudyMap["cells"]} */
      const byComponent = {};
      for (const { c, l, f, input } of cells()) if (input.value) ((byComponent[c] ??= {})[l] ??= {})[f] = input.value;
      map = { ...map, problem, cells: byComponent };
    };
    const save = () => {
      if (!storage.set(key, JSON.stringify(map))) {
        status.textContent = gbT("This browser would not keep the map (private browsing?): download it before you close the page.");
      }
    };

    /** The diagram's highlight, with its accessible names saying in words what it shows. */
    const highlight = () => {
      const ids = data.components.map((c) => c.id);
      // The drawing's shapes are SVG elements, so not $$ (which keeps HTML elements only).
      for (const node of out.querySelectorAll("svg a.gb-node")) {
        if (!(node instanceof SVGElement)) continue;
        const cid = ids.find((id) => node.classList.contains(`gb-${id}`));
        if (!cid) continue;
        const on = model.isRecorded(map, data, cid, node.dataset.level);
        node.classList.toggle("is-on", on);
        node.classList.toggle("is-off", !on);
        node.dataset.name ??= node.getAttribute("aria-label") ?? "";
        const said = `${node.dataset.name}: ${on ? data.words.on : data.words.off}`;
        node.setAttribute("aria-label", said);
        const title = node.querySelector("title");
        if (title) title.textContent = said;
      }
      for (const g of out.querySelectorAll("svg g.gb-level[data-level]")) {
        if (!(g instanceof SVGElement)) continue;
        const on = data.components.some((c) => model.isRecorded(map, data, c.id, g.dataset.level));
        g.classList.toggle("is-on", on);
        g.classList.toggle("is-off", !on);
      }
    };

    /** The team's row of the matrix, and the chosen scenario's under it; their four facts side by side. */
    const matrix = () => {
      const ours = el("tr", {}, [el("th", { scope: "row" }, [el("strong", { text: data.words.ours ?? "" }),
        ...(map.problem.title ? [el("br"), map.problem.title] : [])])]);
      model.row(map, data).forEach((entries) => {
        ours.append(el("td", {}, entries.length
          ? entries.map((e) => el("p", {}, [el("strong", { text: gbT("{level}:", { level: e.level }) }), " ", e.text]))
          : [el("p", {}, [badge(data.words.nothing ?? "", "gap")])]));
      });
      const scenario = data.scenarios.find((s) => s.id === compare.value);
      const rows = [ours];
      if (scenario) {
        rows.push(el("tr", {}, [el("th", { scope: "row" }, [el("a", { href: scenario.href, text: scenario.title })]),
          ...data.components.map((c) => {
            const sec = scenario.sections[c.id];
            return el("td", {}, sec ? [el("p", { text: sec.summary }), el("p", {}, [badge(sec.basis, "basis")])]
              : [el("p", {}, [badge(data.words.gap ?? "", "gap")])]);
          })]));
      }
      need(".gb-ss-row tbody", out, HTMLElement).replaceChildren(...rows);
      const facts = need(".gb-ss-facts", out, HTMLElement);
      facts.replaceChildren();
      if (!scenario) return;
      facts.append(el("table", { class: "gb-ss-facts-table" }, [
        el("caption", { text: gbT("What we work on, beside “{scenario}”", { scenario: scenario.title }) }),
        el("thead", {}, [el("tr", {}, [el("th", { scope: "col", text: gbT("Fact") }), el("th", { scope: "col", text: data.words.ours ?? "" }),
          el("th", { scope: "col", text: scenario.title })])]),
        el("tbody", {}, data.facts.map((f) => el("tr", {}, [el("th", { scope: "row", text: f.label }),
          el("td", { text: map.problem[f.key] ?? "" }), el("td", { text: scenario.facts[f.key] ?? "" })]))),
      ]));
    };

    const log = () => {
      const name = (/** @type {string} */ id) => data.components.find((c) => c.id === id)?.name ?? "";
      const body = need(".gb-ss-log tbody", out, HTMLElement);
      body.replaceChildren(...model.sortedLog(map).map((e) => el("tr", {}, [
        el("td", { text: e.date }), el("td", { text: e.what }), el("td", { text: name(e.component) }),
        el("td", { class: "gb-ss-noprint" }, [el("button", { type: "button", class: "gb-btn gb-ss-log-remove",
          "data-index": String(map.log.indexOf(e)), "aria-label": gbT("Remove the entry “{entry}”", { entry: e.what.slice(0, 60) }), text: gbT("Remove") })]),
      ])));
      const empty = !map.log.length;
      need(".gb-ss-log-empty", out, HTMLElement).hidden = !empty;
      need(".gb-ss-log", out, HTMLElement).hidden = empty;
    };

    const render = () => {
      need(".gb-ss-problem", out, HTMLElement).textContent = map.problem.title ?? "";
      highlight();
      matrix();
      need(".gb-ss-gaps", out, HTMLElement).replaceChildren(...model.gaps(map, data).map((g) => el("li", { text: g })));
      log();
      for (const details of $$(".gb-ss-comp", form)) {
        const n = model.levelsOf(map, data, details.dataset.component ?? "").length;
        const count = details.querySelector(".gb-ss-count");
        if (count) {
          count.textContent = n ? gbN("(recorded at {recorded} of {n} level)", "(recorded at {recorded} of {n} levels)", data.levels.length, { recorded: n })
            : gbT("(nothing recorded yet)");
        }
      }
    };
    const changed = () => { save(); render(); };

    form.addEventListener("input", (event) => {
      if (event.target instanceof HTMLElement && event.target.closest(".gb-ss-log-fields")) return;
      readForm();
      changed();
    });
    // Adding to the log is the form's submit (its one action that is not kept as you type), answered here.
    need(".gb-ss-log-add", form, HTMLButtonElement);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const [date, what, component] = ["ss-log-date", "ss-log-what", "ss-log-component"].map((id) => text(id));
      if (!what?.value.trim() || !date || !component) {
        status.textContent = gbT("Write what was said, made or done before adding it to the log.");
        what?.focus();
        return;
      }
      map = { ...map, log: [...map.log, { date: date.value, what: what.value.trim(), component: component.value }] };
      what.value = "";
      changed();
      status.textContent = gbT("Added to the evidence log.");
    });
    out.addEventListener("click", ({ target }) => {
      const button = target instanceof Element ? target.closest(".gb-ss-log-remove") : null;
      if (!(button instanceof HTMLButtonElement)) return;
      map = { ...map, log: map.log.filter((_, i) => String(i) !== button.dataset.index) };
      changed();
      status.textContent = gbT("Removed from the evidence log.");
      need(".gb-ss-log-add", form, HTMLButtonElement).focus();
    });
    compare.addEventListener("change", render);

    /** The exported files' name, in the page's language, without its extension. */
    const stem = () => {
      const [name, team] = [gbT("self-study-map"), gbT("our-team")];
      return `${slugify(name, "self-study-map")}-${slugify(map.problem.title ?? "", slugify(team, "our-team"))}`;
    };
    const click = (/** @type {string} */ selector, /** @type {() => void} */ act) =>
      need(selector, root, HTMLButtonElement).addEventListener("click", act);
    /** The text of the last export that was held back for its findings: pressing again downloads it. */
    let warned = "";
    click(".gb-ss-md", async () => {
      const markdown = model.toMarkdown(map, data, new Date().toISOString().slice(0, 10));
      if (warned !== markdown) {
        // the same check as the worksheet's and `check`'s, before the map leaves the page as a file
        status.textContent = gbT("Checking the map for names and contact details…");
        let note = "";
        try {
          const check = await /** @type {any} */ (globalThis).Glassbox.privacy.load();
          const found = check.textFindings(markdown, check.allowance(data.allowed ?? []));
          if (found.length) {
            warned = markdown;
            const list = found.slice(0, 8).map((/** @type {any} */ f) => {
              const said = { line: f.line, text: f.finding.text, what: check.what(f.finding), fix: check.fix(f.finding, false) };
              return gbT("line {line}: “{text}” looks like {what}; {fix}", said);
            });
            const details = list.join(". ");
            const check1 = gbN("Before this map leaves the page, check one detail that could identify someone: {details}.", "Before this map leaves the page, check {n} details that could identify someone: {details}.", found.length, { details });
            const more = found.length > 8 ? [gbT("And more.")] : [];
            const then = gbT("Reword them above, or press the button again to download the file as it is (it stays on your device).");
            status.textContent = [check1, ...more, then].join(" ");
            return;
          }
        } catch {
          note = gbT("The privacy check could not be loaded: read the map for names before you share it.");
        }
        warned = "";
        download(markdown, `${stem()}.md`);
        const file = `${stem()}.md`;
        status.textContent = [gbT("Downloaded {file}.", { file }), note].filter(Boolean).join(" ");
        return;
      }
      warned = "";
      download(markdown, `${stem()}.md`);
      status.textContent = gbT("Downloaded {file} as it is.", { file: `${stem()}.md` });
    });
    click(".gb-ss-json", () => {
      download(`${JSON.stringify(map, null, 2)}\n`, `${stem()}.json`);
      status.textContent = gbT("Saved {file}: open it on this page on another device to continue there.", { file: `${stem()}.json` });
    });
    click(".gb-ss-print", () => window.print());
    click(".gb-ss-worksheet", () => handoff(model.toAnswers(map, data), data.worksheet));
    const file = need("#gb-ss-import", root, HTMLInputElement);
    file.addEventListener("change", async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      const result = model.readMap(parseJson(await chosen.text()), data);
      file.value = "";
      if (!result.map) {
        status.textContent = result.error ?? "";
        return;
      }
      map = result.map;
      fillForm();
      changed();
      status.textContent = gbT("Imported {file}.", { file: chosen.name });
    });

    fillForm();
    render();
  };

  ready(setup);
})();
