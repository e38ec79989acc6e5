// @ts-check
/* Glass-Box Handbook: the session planner. A workshop leader chooses a
   scenario, a length and, if they like, the components and prompts; the page
   shows the plan and the handouts, prints them and downloads them as Markdown,
   and keeps the choices in the address so that a co-facilitator opens the same
   plan. planSession is glassbox_handbook/core/session.py's plan_session, step for step, on
   the same data (tests/test_planner.py runs both on every scenario and
   compares): the rules and words are the framework file's, none is written here.
   Data: glassbox_handbook/views/session_planner.py's gb-planner-data. */
/** A step's words from the framework file, with `{name}` placeholders (Python's str.format); `brief`: `what` in one line.
 * @typedef {{ title: string, what: string, read_aloud: string, listen_for: string, brief?: string | null }} Words */
/** The framework file's `workshop` block as pydantic dumps it (mappings by length have text keys): lengths;
 * blocks (opening, diagram, reflect, close -> {length: minutes}); how many components and prompts per component
 * by length; focus_order (basis ids, in the order the rule takes their sections); the rule; moves; every step's words.
 * @typedef {{ lengths: number[], blocks: Record<string, Record<string, number>>, components: Record<string, number>,
 *   prompts: Record<string, number>, focus_order: string[], focus_rule: string, moves: string[], opening: Words,
 *   diagram: Words, component: Words, gaps: Words, strengths: Words, close: Words, framework?: Words | null,
 *   component_open?: Words | null, rooms?: Room[] }} Workshop */
/** Who is in the room (framework file, workshop.rooms): the sides present, the words its steps are filled with,
 * and how a prompt that asks an absent role to act is put to it (`bring`, with `{text}`).
 * @typedef {{ id: string, name: string, sides: string[], words: Record<string, string>, bring: string, kit?: boolean }} Room */
/** @typedef {{ component: string, anchor: string, title: string, summary: string, basis: string }} Section */
/** @typedef {{ id: string, text: string, component: string, roles?: string[] }} Prompt */
/** A scenario: its four facts by field name, and `values`, what the opening's words are filled with (session.py scenario_values).
 * @typedef {{ id: string, title: string, href: string, facts: Record<string, string>, values: Record<string, string>,
 *   sections: Section[], prompts: Prompt[], kits?: Record<string, Array<[string, Array<[string, string]>]>> }} Scenario */
/** What the page embeds; `room`: length -> how many components fit at most (session.py room); components in the framework's order.
 * `roles`: each role's side; `kits`: the ready-made files by scenario and room, for `kitMinutes`.
 * @typedef {{ workshop: Workshop, chosenRule: string, room: Record<string, number>,
 *   components: Array<{ id: string, name: string, listen?: string, definition?: string }>,
 *   roles?: Array<{ id: string, name: string, side: string }>, kitMinutes?: number,
 *   facts: Array<{ key: string, label: string }>, scenarios: Scenario[], worksheet: string }} PlannerData */
/** @typedef {Words & { start: number, minutes: number, kind: string, component: string, anchor: string, prompts: Prompt[], bring: string[] }} Activity */
/** @typedef {{ minutes: number, focus: string[], rule: string, activities: Activity[], room: string }} Plan */
/** @typedef {{ scenario: string, minutes: number, components: string[], prompts: string[], room: string }} Choice */
/** A prompt as the room sees it (session.py Question): numbered, in the room's words, with the roles in the room.
 * @typedef {{ number: number, id: string, component: string, text: string, roles: string[], brought: boolean }} Question */
"use strict";

(() => {
  const { $, need, el, readJsonData, oneLine, slugify, download, handoff, ready } = Glassbox.core;

  /** Python's `template.format(**values)` for `{name}` fields and `{{ }}` escapes; a name without a value throws, as there.
   * @param {string} template @param {Readonly<Record<string, string | number>>} values */
  const pyFormat = (template, values) => template.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (all, name) => {
    if (all === "{{" || all === "}}") return all[0] ?? "";
    if (!Object.hasOwn(values, name)) throw new Error(`The words ${JSON.stringify(template)} need {${name}}`);
    return String(values[name]);
  });

  /** Every text of a step filled in (lists of texts too), and its brief, else its `what` (session.py _fill).
   * @param {Words} step @param {Record<string, string>} values @returns {Words} */
  const fillStep = (step, values) => /** @type {Words} */ ({
    ...Object.fromEntries(/** @type {Array<[string, string | string[] | null]>} */ (Object.entries(step)).filter(([, text]) => text !== null)
      .map(([key, text]) => [key, Array.isArray(text) ? text.map((t) => pyFormat(t, values)) : pyFormat(String(text), values)])),
    brief: pyFormat(step.brief || step.what, values),
  });

  /** `total` minutes in `parts` shares, in 5-minute steps where possible, that add up exactly. @param {number} total @param {number} parts */
  const shares = (total, parts) => {
    const steps = Math.floor(total / 5);
    const [base, extra] = [Math.floor(steps / parts), steps % parts];
    const out = Array.from({ length: parts }, (_, i) => 5 * (base + (i < extra ? 1 : 0)));
    if (out.length) out[0] = (out[0] ?? 0) + (total - 5 * steps);
    return out;
  };

  /** @param {PlannerData} data @param {string} id */
  const nameOf = (data, id) => data.components.find((c) => c.id === id)?.name ?? id;

  /** The sections a session works on and the rule that chose them, in words (session.py focus).
   * @param {PlannerData} data @param {Scenario} scenario @param {number} minutes @param {readonly string[]} chosen
   * @returns {{ sections: Section[], rule: string }} */
  const focus = (data, scenario, minutes, chosen) => {
    const known = new Set(data.components.map((c) => c.id));
    const enacted = scenario.sections.filter((s) => known.has(s.component));
    const room = data.room[minutes] ?? 1;
    const picked = [...new Set(chosen)].flatMap((c) => enacted.find((s) => s.component === c) ?? []).slice(0, room);
    if (picked.length) return { sections: picked, rule: pyFormat(data.chosenRule, { names: picked.map((s) => nameOf(data, s.component)).join(", ") }) };
    const { focus_order: rank, focus_rule: rule } = data.workshop;
    const order = [...known];
    /** @param {Section} s @returns {[number, number]} */
    const key = (s) => [rank.includes(s.basis) ? rank.indexOf(s.basis) : rank.length, order.indexOf(s.component)];
    const ranked = [...enacted].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
    const n = Math.min(ranked.length, data.workshop.components[minutes] ?? 0, room);
    return { sections: ranked.slice(0, n), rule: pyFormat(rule, { n, minutes }) };
  };

  /** The room of that id, else the first (session.py Framework.room). @param {PlannerData} data @param {string} [id] @returns {Room} */
  const roomOf = (data, id) => {
    const rooms = data.workshop.rooms ?? [];
    return rooms.find((r) => r.id === id) ?? rooms[0] ?? { id: "", name: "", sides: [], words: {}, bring: "{text}" };
  };

  /** The roles of `roles` on a side the room does not have (framework.py absent). @param {PlannerData} data @param {Room} room @param {readonly string[]} roles */
  const absent = (data, room, roles) => roles.filter((r) => {
    const side = data.roles?.find((x) => x.id === r)?.side;
    return side !== undefined && side !== "both" && !room.sides.includes(side);
  });

  /** The plan of a `minutes`-long session on `scenario` (session.py plan_session): `components` chosen (none: by the rule),
   * `promptIds` chosen (none of a component's: its first ones), for the room `roomId` (none: the first).
   * @param {PlannerData} data @param {Scenario} scenario @param {number} minutes
   * @param {readonly string[]} [components] @param {readonly string[]} [promptIds] @param {string} [roomId] @returns {Plan} */
  const planSession = (data, scenario, minutes, components = [], promptIds = [], roomId = undefined) => {
    const words = data.workshop;
    if (!words.lengths.includes(minutes)) throw new Error(`a session is ${words.lengths.join(" or ")} minutes long, not ${minutes}`);
    const who = roomOf(data, roomId);
    const facts = { ...who.words, ...scenario.values };
    const { sections, rule } = focus(data, scenario, minutes, components);
    /** @param {string} name */
    const block = (name) => (name === "framework" && !words.framework ? 0 : words.blocks[name]?.[minutes] ?? 0);
    const fixed = Object.keys(words.blocks).reduce((sum, name) => sum + block(name), 0);
    const share = shares(minutes - fixed, sections.length);
    const gaps = data.components.filter((c) => !scenario.sections.some((s) => s.component === c.id)).map((c) => c.name).join(", ").toLowerCase();
    const none = { component: "", anchor: "", prompts: /** @type {Prompt[]} */ ([]), bring: /** @type {string[]} */ ([]) };
    /** @type {Array<[number, string, Words, typeof none]>} */
    const steps = [[block("opening"), "opening", fillStep(words.opening, facts), none]];
    if (words.framework && block("framework")) steps.push([block("framework"), "framework", fillStep(words.framework, facts), none]);
    steps.push([block("diagram"), "diagram", fillStep(words.diagram, facts), none]);
    sections.forEach((sec, i) => {
      const comp = data.components.find((c) => c.id === sec.component);
      const own = scenario.prompts.filter((p) => p.component === sec.component);
      const picked = own.filter((p) => promptIds.includes(p.id));
      const mine = (promptIds.length && picked.length ? picked : own);
      const ordered = [...mine.filter((p) => !absent(data, who, p.roles ?? []).length), ...mine.filter((p) => absent(data, who, p.roles ?? []).length)];
      const prompts = ordered.slice(0, words.prompts[minutes] ?? 0);
      const step = prompts.length || !words.component_open ? words.component : words.component_open;
      steps.push([share[i] ?? 0, "component", fillStep(step, { ...facts, component: comp?.name ?? sec.component, summary: sec.summary,
        listen: comp?.listen || comp?.definition || "" }),
      { component: sec.component, anchor: sec.anchor, prompts, bring: prompts.filter((p) => absent(data, who, p.roles ?? []).length).map((p) => p.id) }]);
    });
    steps.push(gaps.length ? [block("reflect"), "gaps", fillStep(words.gaps, { ...facts, gaps }), none]
      : [block("reflect"), "strengths", fillStep(words.strengths, facts), none]);
    steps.push([block("close"), "close", fillStep(words.close, facts), none]);
    let start = 0;
    const activities = steps.map(([length, kind, text, extra]) => ({ start: (start += length) - length, minutes: length, kind, ...text, ...extra }));
    return { minutes, focus: sections.map((s) => s.component), rule, activities, room: who.id };
  };

  /** The plan's prompts numbered from 1 in its order, in its room's words (session.py SessionPlan.questions).
   * @param {PlannerData} data @param {Plan} plan @returns {Question[]} */
  const questions = (data, plan) => {
    const who = roomOf(data, plan.room);
    return plan.activities.flatMap((a) => a.prompts.map((p) => ({ p, brought: a.bring.includes(p.id) })))
      .map(({ p, brought }, i) => ({ number: i + 1, id: p.id, component: p.component, brought,
        text: brought ? pyFormat(who.bring, { text: p.text }) : p.text,
        roles: (p.roles ?? []).filter((r) => !absent(data, who, [r]).length) }));
  };

  /** Role names joined (facts.py names). @param {PlannerData} data @param {readonly string[]} ids */
  const roleNames = (data, ids) => ids.flatMap((r) => data.roles?.find((x) => x.id === r)?.name ?? []).join(", ");

  /** The choices a link asks for; unknown ids are dropped, so a stale link still gives a plan.
   * @param {string} query  e.g. "scenario=mentoring&minutes=60&components=a,b", without "?" @param {PlannerData} data @returns {Choice} */
  const parseChoice = (query, data) => {
    const params = new URLSearchParams(query);
    const scenario = data.scenarios.find((s) => s.id === params.get("scenario")) ?? data.scenarios[0];
    const minutes = Number(params.get("minutes"));
    /** @param {string} name @param {string[]} ids */
    const list = (name, ids) => (params.get(name) ?? "").split(",").filter((id) => ids.includes(id));
    return {
      scenario: scenario?.id ?? "",
      room: roomOf(data, params.get("room") ?? undefined).id,
      minutes: data.workshop.lengths.includes(minutes) ? minutes : data.workshop.lengths[0] ?? 0,
      components: list("components", scenario?.sections.map((s) => s.component) ?? []),
      prompts: list("prompts", scenario?.prompts.map((p) => p.id) ?? []),
    };
  };

  /** The query parseChoice reads back as these choices. @param {Choice} choice */
  const serializeChoice = ({ scenario, minutes, components, prompts, room }) => new URLSearchParams({ scenario, minutes: String(minutes), ...(room ? { room } : {}),
    ...(components.length ? { components: components.join(",") } : {}), ...(prompts.length ? { prompts: prompts.join(",") } : {}) }).toString();

  /** Text for one Markdown table cell. @param {string} text */
  const cell = (text) => oneLine(text).replace(/\|/g, "\\|");

  /** The plan and the handout as one Markdown file; `link`: the planner's address with these choices.
   * @param {PlannerData} data @param {Scenario} scenario @param {Plan} plan @param {string} link */
  const planMarkdown = (data, scenario, plan, link) => {
    const asked = questions(data, plan);
    const lines = [`# Session plan for “${oneLine(scenario.title)}”`, "", `${plan.minutes} minutes. ${roomOf(data, plan.room).name}. ${plan.rule}`, "",
      `Open this plan in the planner: <${link}>`, "", "| Time | Minutes | Activity |", "|---|---|---|",
      ...plan.activities.map((a) => `| ${a.start}–${a.start + a.minutes} | ${a.minutes} | ${cell(a.title)} |`),
      `| Total | ${plan.activities.reduce((sum, a) => sum + a.minutes, 0)} | |`];
    plan.activities.forEach((a, i) => {
      lines.push("", `## ${i + 1}. ${oneLine(a.title)} (${a.start}–${a.start + a.minutes} min)`, "", oneLine(a.what));
      if (a.read_aloud) lines.push("", `Read aloud: ${oneLine(a.read_aloud)}`);
      if (a.listen_for) lines.push("", `Listen for: ${oneLine(a.listen_for)}`);
      if (a.prompts.length) lines.push("", ...asked.filter((q) => a.prompts.some((p) => p.id === q.id)).map((q) => `${q.number}. ${oneLine(q.text)}`));
    });
    lines.push("", "## Facilitation moves", "", ...data.workshop.moves.map((m) => `- ${oneLine(m)}`),
      "", `# Handout for “${oneLine(scenario.title)}”`, "", ...data.facts.flatMap((f) => [`**${f.label}:** ${oneLine(scenario.facts[f.key] ?? "")}`, ""]),
      "## Prompts", "");
    for (const a of plan.activities.filter((x) => x.kind === "component")) {  // a component with no prompt: its summary
      const summary = scenario.sections.find((s) => s.component === a.component)?.summary ?? "";
      const mine = asked.filter((q) => a.prompts.some((p) => p.id === q.id));
      lines.push(`### ${oneLine(nameOf(data, a.component))}`, "", ...(mine.length ? mine.map((q) => `${q.number}. ${oneLine(q.text)}`) : [oneLine(summary)]), "");
    }
    return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
  };

  /** What the status says about a plan, including what was left out of the choices. @param {PlannerData} data @param {Scenario} scenario @param {Plan} plan @param {Choice} choice */
  const planStatus = (data, scenario, plan, choice) => {
    const names = plan.focus.map((c) => nameOf(data, c)).join(", ");
    const notes = [`Plan for “${oneLine(scenario.title)}”: ${plan.minutes} minutes, ${plan.activities.length} activities, working on ${names || "no component"}.`];
    const kept = new Set(plan.focus);
    const left = [...new Set(choice.components)].filter((c) => !kept.has(c));
    if (choice.components.length && left.length) notes.push(`There is room for ${plan.focus.length} components; left out: ${left.map((c) => nameOf(data, c)).join(", ")}.`);
    const shown = new Set(plan.activities.flatMap((a) => a.prompts.map((p) => p.id)));
    const dropped = choice.prompts.filter((id) => !shown.has(id) && scenario.prompts.some((p) => p.id === id && kept.has(p.component)));
    if (dropped.length) notes.push(`Up to ${data.workshop.prompts[plan.minutes]} prompts per component fit; the plan keeps the first ones ticked.`);
    return notes.join(" ");
  };

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
        ...(a.read_aloud ? [el("p", { class: "gb-plan-aloud" }, [el("strong", { text: "Read aloud: " }), a.read_aloud])] : []),
        ...(a.listen_for ? [el("p", {}, [el("strong", { text: "Listen for: " }), a.listen_for])] : []),
        ...(a.prompts.length ? [el("ul", { class: "gb-plan-prompts-list" }, asked.filter((q) => a.prompts.some((p) => p.id === q.id))
          .map((q) => el("li", {}, [el("strong", { text: `Prompt ${q.number}: ` }), q.text])))] : [])]),
    ]));
    const total = String(plan.activities.reduce((sum, a) => sum + a.minutes, 0));
    const group = { role: "rowgroup" };
    return [el("h2", { id: "gb-plan-heading", text: `Session plan for “${scenario.title}”` }),
      el("p", { class: "gb-plan-rule", text: `${plan.minutes} minutes. Who is in the room: ${roomOf(data, plan.room).name}. ${plan.rule}` }),
      el("div", { class: "gb-plan-scroll" }, [el("table", { class: "gb-plan-table", role: "table" }, [
        el("caption", { text: `The plan, minute by minute (${plan.minutes} minutes)` }),
        el("thead", group, [el("tr", row, ["Time (min)", "Minutes", "Activity"].map((h) => el("th", { role: "columnheader", scope: "col", text: h })))]),
        el("tbody", group, rows),
        el("tfoot", group, [el("tr", row, [el("th", { role: "rowheader", scope: "row", text: "Total" }), el("td", { ...td, class: "gb-plan-minutes", text: total }), el("td", td)])]),
      ])]),
      el("h3", { text: "Facilitation moves" }), el("ul", {}, data.workshop.moves.map((m) => el("li", { text: m })))];
  };

  /** The participants' handout: the facts and the plan's prompts, numbered and worded as the printed handout, each
   * with room to write. @param {PlannerData} data @param {Scenario} scenario @param {Plan} plan */
  const handoutNodes = (data, scenario, plan) => {
    const lines = () => el("div", { class: "gb-plan-lines", "aria-hidden": "true" }, Array.from({ length: 5 }, () => el("span")));
    /** A component with no design prompt: its summary, with room for notes. @param {string} c */
    const summary = (c) => [el("p", { text: scenario.sections.find((s) => s.component === c)?.summary ?? "" }), lines()];
    const asked = questions(data, plan);
    return [el("h2", { id: "gb-handout-heading", text: `Handout for “${scenario.title}”` }),
      el("dl", { class: "gb-plan-facts" }, data.facts.flatMap((f) => [el("dt", { text: f.label }), el("dd", { text: scenario.facts[f.key] ?? "" })])),
      el("h3", { text: "Prompts for this session" }),
      ...plan.activities.filter((a) => a.kind === "component").map((a) => {
        const mine = asked.filter((q) => a.prompts.some((p) => p.id === q.id));
        return el("section", { class: "gb-plan-hand-comp" }, [el("h4", { text: nameOf(data, a.component) }),
          ...(mine.length ? [el("ul", { class: "gb-plan-hand-prompts" }, mine.map((q) => el("li", { "data-prompt": q.id }, [
            el("p", { class: "gb-plan-hand-label" }, [el("strong", { text: `Prompt ${q.number}` }), q.roles.length ? ` · For: ${roleNames(data, q.roles)}` : ""]),
            el("p", { class: "gb-plan-hand-text", text: q.text }), lines()])))] : summary(a.component))]);
      })];
  };

  /** The ready-made files for these choices, or why there are none. @param {PlannerData} data @param {Scenario} scenario @param {Plan} plan */
  const kitNodes = (data, scenario, plan) => {
    const files = scenario.kits?.[plan.room];
    const room = roomOf(data, plan.room).name.toLowerCase();
    if (!files || plan.minutes !== data.kitMinutes) {
      return [el("p", { text: `No ready-made files match a ${plan.minutes}-minute session for ${room}: print the plan and the handout from this page.` })];
    }
    return [el("p", { text: `Ready to print for a ${plan.minutes}-minute session, ${room}: the same plan, prompts and numbers as this page, when you keep the rule's components and prompts.` }),
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
        el("legend", { text: `Prompts for ${nameOf(data, c)} (optional: up to ${limit}; none ticked gives the first ${limit})` }),
        ...scenarioOf().prompts.filter((p) => p.component === c).map((p) => box("prompt", p.id, p.text, chosen.prompts.includes(p.id)))])));
    };
    /** Make the plan for the choices (those of the form, unless given), show it and keep it in the address. */
    const update = (chosen = choice()) => {
      const scenario = scenarioOf();
      const plan = planSession(data, scenario, chosen.minutes, chosen.components, chosen.prompts, chosen.room);
      hint.textContent = `None ticked: the rule chooses ${data.workshop.components[chosen.minutes]}. ` +
        `Ticked ones are worked on in the order you tick them; a ${chosen.minutes}-minute session has room for ${data.room[chosen.minutes]}.`;
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
      const name = `session-plan-${slugify(scenario.id, "scenario")}-${plan.minutes}.md`;
      download(planMarkdown(data, scenario, plan, location.href), name);
      status.textContent = `Downloaded ${name}: the plan and the handout as Markdown.`;
    });
    need(".gb-plan-worksheet", form, HTMLButtonElement).addEventListener("click", () => handoff(Object.fromEntries(update().plan.activities
      .flatMap((a) => (a.component && a.prompts[0] ? [[`${a.component}-prompt`, a.prompts[0].text]] : []))), data.worksheet));
    need(".gb-plan-copy", form, HTMLButtonElement).addEventListener("click", () => {
      const url = location.href;
      const fallback = () => { status.textContent = `Copy this link from the address bar: ${url}`; };
      if (navigator.clipboard?.writeText) navigator.clipboard.writeText(url).then(() => { status.textContent = "Link copied. It opens the planner with these choices."; }, fallback);
      else fallback();
    });
    need(".gb-plan-nojs", root, HTMLElement).hidden = true;
    for (const part of [form, output, handout, kitBox]) part.hidden = false;
  };

  ready(() => (Glassbox.lists?.planner ?? ((f) => f(undefined)))(setupPlanner));  // past the page size, its data loads first
  if (typeof module === "object" && module.exports) module.exports = { pyFormat, fillStep, shares, focus, planSession, questions, roomOf, parseChoice, serializeChoice, planMarkdown, planStatus };
})();
