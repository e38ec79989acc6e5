// @ts-check
/* Glass-Box Handbook: the session planner's page. A workshop leader chooses a
   scenario, a length, who is in the room and, if they like, the components and
   prompts; the page shows the plan and the handouts, prints them and downloads
   them as Markdown, and keeps the choices in the address so that a
   co-facilitator opens the same plan. The planning itself is
   gb-planner-model.js (loaded first). Data: glassbox_handbook/views/session_planner.py's gb-planner-data. */
/** @typedef {import("./gb-planner-model.js").PlannerData} PlannerData */
/** @typedef {import("./gb-planner-model.js").Scenario} Scenario */
/** @typedef {import("./gb-planner-model.js").Plan} Plan */
/** @typedef {import("./gb-planner-model.js").Choice} Choice */
/** @typedef {import("./gb-planner-model.js").Prompt} Prompt */
/** @typedef {import("./gb-planner-model.js").Activity} Activity */
/** @typedef {import("./gb-planner-model.js").Question} Question */
"use strict";

(() => {
  const { $, need, el, readJsonData, slugify, download, handoff, ready } = Glassbox.core;
  const model = Glassbox.planner;
  if (!model) return;  // gb-planner-model.js comes first on every page that has the planner
  const { nameOf, roomOf, planSession, questions, roleNames, parseChoice, serializeChoice, planMarkdown, planStatus } = model;

  /** A labelled checkbox. @param {string} name @param {string} value @param {string} text @param {boolean} checked */
  const box = (name, value, text, checked) =>
    el("label", { class: "gb-plan-choice" }, [el("input", { type: "checkbox", name, value, ...(checked ? { checked: "" } : {}) }), ` ${text}`]);

  /** The plan as a table and its details. @param {PlannerData} data @param {Scenario} scenario @param {Plan} plan */
  const planNodes = (data, scenario, plan) => {
    const asked = questions(data, plan);
    // Explicit roles keep it a table for screen readers where a phone's layout restyles its rows as blocks.
    const [row, td] = [{ role: "row" }, { role: "cell" }];
    const rows = plan.activities.map((a) => el("tr", { ...row, class: `gb-plan-${a.kind}` }, [
      el("td", { ...td, text: `${a.start}–${a.start + a.minutes}` }), el("td", { ...td, class: "gb-plan-minutes", text: String(a.minutes) }),
      el("td", td, [el("p", { class: "gb-plan-title" }, [a.anchor ? el("a", { href: `${scenario.href}#${a.anchor}`, text: a.title }) : a.title]),
        el("p", { text: a.what }),
        ...(a.read_aloud ? [el("p", { class: "gb-plan-aloud" }, [el("strong", { text: gbT("Read aloud:") }), " ", a.read_aloud])] : []),
        ...(a.listen_for ? [el("p", {}, [el("strong", { text: gbT("Listen for:") }), " ", a.listen_for])] : []),
        ...(a.prompts.length ? [el("ul", { class: "gb-plan-prompts-list" }, asked.filter((q) => a.prompts.some((p) => p.id === q.id))
          .map((q) => el("li", {}, [el("strong", { text: gbT("Prompt {n}:", { n: q.number }) }), " ", q.text])))] : [])]),
    ]));
    const total = String(plan.activities.reduce((sum, a) => sum + a.minutes, 0));
    const group = { role: "rowgroup" }, room = roomOf(data, plan.room).name;
    return [el("h2", { id: "gb-plan-heading", text: gbT("Session plan for “{scenario}”", { scenario: scenario.title }) }),
      el("p", { class: "gb-plan-rule", text: [gbN("{n} minute. Who is in the room: {room}.", "{n} minutes. Who is in the room: {room}.", plan.minutes, { room }), plan.rule].join(" ") }),
      el("div", { class: "gb-plan-scroll" }, [el("table", { class: "gb-plan-table", role: "table" }, [
        el("caption", { text: gbN("The plan, minute by minute ({n} minute)", "The plan, minute by minute ({n} minutes)", plan.minutes) }),
        el("thead", group, [el("tr", row, [gbT("Time (min)"), gbT("Minutes"), gbT("Activity")].map((h) => el("th", { role: "columnheader", scope: "col", text: h })))]),
        el("tbody", group, rows),
        el("tfoot", group, [el("tr", row, [el("th", { role: "rowheader", scope: "row", text: gbT("Total") }),
          el("td", { ...td, class: "gb-plan-minutes", text: total }), el("td", td)])]),
      ])]),
      el("h3", { text: gbT("Facilitation moves") }), el("ul", {}, data.workshop.moves.map((m) => el("li", { text: m })))];
  };

  /** The participants' handout: the facts and the plan's prompts, numbered and worded as the printed handout, each
   * with room to write. @param {PlannerData} data @param {Scenario} scenario @param {Plan} plan */
  const handoutNodes = (data, scenario, plan) => {
    const lines = () => el("div", { class: "gb-plan-lines", "aria-hidden": "true" }, Array.from({ length: 5 }, () => el("span")));
    /** A component with no design prompt: its summary, with room for notes. @param {string} c */
    const summary = (c) => [el("p", { text: scenario.sections.find((s) => s.component === c)?.summary ?? "" }), lines()];
    const asked = questions(data, plan);
    return [el("h2", { id: "gb-handout-heading", text: gbT("Handout for “{scenario}”", { scenario: scenario.title }) }),
      el("dl", { class: "gb-plan-facts" }, data.facts.flatMap((f) => [el("dt", { text: f.label }), el("dd", { text: scenario.facts[f.key] ?? "" })])),
      el("h3", { text: gbT("Prompts for this session") }),
      ...plan.activities.filter((a) => a.kind === "component").map((a) => {
        const mine = asked.filter((q) => a.prompts.some((p) => p.id === q.id));
        return el("section", { class: "gb-plan-hand-comp" }, [el("h4", { text: nameOf(data, a.component) }),
          ...(mine.length ? [el("ul", { class: "gb-plan-hand-prompts" }, mine.map((q) => el("li", { "data-prompt": q.id }, [
            el("p", { class: "gb-plan-hand-label" }, [el("strong", { text: gbT("Prompt {n}", { n: q.number }) }),
              q.roles.length ? [" ·", gbT("For: {roles}", { roles: roleNames(data, q.roles) })].join(" ") : ""]),
            el("p", { class: "gb-plan-hand-text", text: q.text }), lines()])))] : summary(a.component))]);
      })];
  };

  /** The ready-made files for these choices, or why there are none. @param {PlannerData} data @param {Scenario} scenario @param {Plan} plan */
  const kitNodes = (data, scenario, plan) => {
    const files = scenario.kits?.[plan.room];
    const room = roomOf(data, plan.room).name.toLowerCase();
    if (!files || plan.minutes !== data.kitMinutes) {
      return [el("p", { text: gbT("No ready-made files match a {minutes}-minute session for {room}: print the plan and the handout from this page.",
        { minutes: plan.minutes, room }) })];
    }
    const ids = (/** @type {Plan} */ p) => p.activities.flatMap((a) => a.prompts.map((x) => x.id)).join(",");
    const ruled = planSession(data, scenario, plan.minutes, [], [], plan.room);
    const same = ruled.focus.join(",") === plan.focus.join(",") && ids(ruled) === ids(plan);
    return [el("p", { text: same ? gbT("Ready to print for a {minutes}-minute session, {room}: the same plan, prompts and numbers as this page.",
      { minutes: plan.minutes, room })
      : gbT("Your choices differ from the ready-made files for {room} (they follow the rule): print the plan and the handout from this page, or untick your choices to use these.",
        { room }) }),
      el("ul", {}, files.map(([label, links]) => el("li", {}, [`${label}: `, ...links.flatMap(([paper, href], i) => [
        ...(i ? [" · "] : []), el("a", { href, class: "gb-plan-kit-file", "data-kind": label, text: `${paper}` })])])))];
  };

  /** The planner's form, plan and handout, wired to the address. */
  const setupPlanner = (/** @type {PlannerData | undefined} */ given) => {
    const root = $(".gb-planner");
    const data = given ?? /** @type {PlannerData | null} */ (readJsonData("gb-planner-data"));
    if (!root || !data || !data.scenarios.length) return;
    const form = need(".gb-plan-form", root, HTMLFormElement);
    const select = need("#gb-plan-scenario", form, HTMLSelectElement);
    const [boxes, hint, promptsBox] = [".gb-plan-boxes", "#gb-plan-components-hint", ".gb-plan-prompts"].map((s) => need(s, form, HTMLElement));
    const [status, output, handout, kitBox] = [".gb-plan-status", ".gb-plan-output", ".gb-plan-handout", ".gb-plan-kit"].map((s) => need(s, root, HTMLElement));
    if (!boxes || !hint || !promptsBox || !status || !output || !handout || !kitBox) return;
    const scenarioOf = () => data.scenarios.find((s) => s.id === select.value) ?? /** @type {Scenario} */ (data.scenarios[0]);
    /** @param {string} name */
    const ticked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i instanceof HTMLInputElement ? i.value : "");
    let order = /** @type {string[]} */ ([]);  // the components in the order they were ticked
    /** @returns {Choice} */
    const choice = () => ({ scenario: scenarioOf().id, minutes: Number(ticked("minutes")[0]), prompts: ticked("prompt"), room: ticked("room")[0] ?? "",
      components: ticked("component").sort((a, b) => order.indexOf(a) - order.indexOf(b)) });
    let promptsFor = "";

    /** The component boxes of the chosen scenario. @param {Choice} chosen */
    const fillComponents = (chosen) => {
      const known = new Set(data.components.map((c) => c.id));
      order = [...chosen.components];
      boxes.replaceChildren(...scenarioOf().sections.filter((s) => known.has(s.component))
        .map((s) => box("component", s.component, nameOf(data, s.component), chosen.components.includes(s.component))));
      for (const div of root.querySelectorAll(".gb-plan-packets")) if (div instanceof HTMLElement) div.hidden = div.dataset.scenario !== chosen.scenario;
    };
    /** The prompt boxes of the plan's components (kept as they are while those stay the same). @param {Plan} plan @param {Choice} chosen */
    const fillPrompts = (plan, chosen) => {
      const key = `${chosen.scenario} ${plan.minutes} ${plan.focus.join(",")}`;
      if (key === promptsFor) return;
      promptsFor = key;
      const limit = data.workshop.prompts[plan.minutes] ?? 0;
      promptsBox.replaceChildren(...plan.focus.map((c) => el("fieldset", { class: "gb-plan-prompt-set" }, [
        el("legend", { text: gbT("Prompts for {component} (optional: up to {n}; none ticked gives the first {n})", { component: nameOf(data, c), n: limit }) }),
        ...scenarioOf().prompts.filter((p) => p.component === c).map((p) => box("prompt", p.id, p.text, chosen.prompts.includes(p.id)))])));
    };
    /** Make the plan for the choices (those of the form, unless given), show it and keep it in the address. */
    const update = (chosen = choice()) => {
      const scenario = scenarioOf();
      const plan = planSession(data, scenario, chosen.minutes, chosen.components, chosen.prompts, chosen.room);
      hint.textContent = gbT("None ticked: the rule chooses {chosen}. Ticked ones are worked on in the order you tick them; a {minutes}-minute session has room for {room}.",
        { chosen: data.workshop.components[chosen.minutes] ?? 0, minutes: chosen.minutes, room: data.room[chosen.minutes] ?? 0 });
      fillPrompts(plan, chosen);
      const kept = choice();
      output.replaceChildren(...planNodes(data, scenario, plan));
      handout.replaceChildren(...handoutNodes(data, scenario, plan));
      kitBox.replaceChildren(...kitNodes(data, scenario, plan));
      try { history.replaceState(null, "", `?${serializeChoice(kept)}${location.hash}`); } catch { /* the address cannot change here; the plan still shows */ }
      status.textContent = planStatus(data, scenario, plan, kept);
      return { scenario, plan };
    };

    const start = parseChoice(location.search.slice(1), data);
    select.value = start.scenario;
    for (const radio of form.querySelectorAll('input[name="minutes"]')) if (radio instanceof HTMLInputElement) radio.checked = Number(radio.value) === start.minutes;
    for (const radio of form.querySelectorAll('input[name="room"]')) if (radio instanceof HTMLInputElement) radio.checked = radio.value === start.room;
    fillComponents(start);
    update(start);
    form.addEventListener("change", ({ target }) => {
      if (target === select) fillComponents({ ...choice(), components: [] });
      else if (target instanceof HTMLInputElement && target.name === "component") order = [...order.filter((c) => c !== target.value), ...(target.checked ? [target.value] : [])];
      update();
    });
    need(".gb-plan-print", form, HTMLButtonElement).addEventListener("click", () => window.print());
    need(".gb-plan-download", form, HTMLButtonElement).addEventListener("click", () => {
      const { scenario, plan } = update();
      const stem = gbT("session-plan");
      const name = `${slugify(stem, "session-plan")}-${slugify(scenario.id, "scenario")}-${plan.minutes}.md`;
      download(planMarkdown(data, scenario, plan, location.href), name);
      status.textContent = gbT("Downloaded {file}: the plan and the handout as Markdown.", { file: name });
    });
    need(".gb-plan-worksheet", form, HTMLButtonElement).addEventListener("click", () => handoff(Object.fromEntries(update().plan.activities
      .flatMap((a) => (a.component && a.prompts[0] ? [[`${a.component}-prompt`, a.prompts[0].text]] : []))), data.worksheet));
    need(".gb-plan-copy", form, HTMLButtonElement).addEventListener("click", () => {
      const url = location.href;
      const fallback = () => { status.textContent = gbT("Copy this link from the address bar: {url}", { url }); };
      const copied = () => { status.textContent = gbT("Link copied. It opens the planner with these choices."); };
      if (navigator.clipboard?.writeText) navigator.clipboard.writeText(url).then(copied, fallback);
      else fallback();
    });
    need(".gb-plan-nojs", root, HTMLElement).hidden = true;
    for (const part of [form, output, handout, kitBox]) part.hidden = false;
  };

  ready(() => (Glassbox.lists?.planner ?? ((f) => f(undefined)))(setupPlanner));  // past the page size, its data loads first
})();
