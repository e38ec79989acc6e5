// @ts-check
/* Glass-Box Handbook: the session planner's pure part (the page is gb-planner.js).
   planSession is glassbox_handbook/core/session.py's plan_session, step for step, on
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
  const { oneLine } = Glassbox.core;

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

  /** A Markdown heading of `level` with `text`. @param {number} level @param {string} text */
  const heading = (level, text) => `${"#".repeat(level)} ${text}`;

  /** Text for one Markdown table cell. @param {string} text */
  const cell = (text) => oneLine(text).replace(/\|/g, "\\|");

  /** The plan and the handout as one Markdown file; `link`: the planner's address with these choices.
   * @param {PlannerData} data @param {Scenario} scenario @param {Plan} plan @param {string} link */
  const planMarkdown = (data, scenario, plan, link) => {
    const asked = questions(data, plan);
    const head = [gbT("Time"), gbT("Minutes"), gbT("Activity")].map(cell), total = cell(gbT("Total"));
    const length = gbN("{n} minute.", "{n} minutes.", plan.minutes);
    const lines = [heading(1, gbT("Session plan for “{scenario}”", { scenario: oneLine(scenario.title) })), "",
      `${length} ${roomOf(data, plan.room).name}. ${plan.rule}`, "",
      gbT("Open this plan in the planner: {link}", { link: `<${link}>` }), "", `| ${head.join(" | ")} |`, "|---|---|---|",
      ...plan.activities.map((a) => `| ${a.start}–${a.start + a.minutes} | ${a.minutes} | ${cell(a.title)} |`),
      `| ${total} | ${plan.activities.reduce((sum, a) => sum + a.minutes, 0)} | |`];
    plan.activities.forEach((a, i) => {
      const when = gbT("{start}–{end} min", { start: a.start, end: a.start + a.minutes });
      lines.push("", `## ${i + 1}. ${oneLine(a.title)} (${when})`, "", oneLine(a.what));
      if (a.read_aloud) lines.push("", [gbT("Read aloud:"), oneLine(a.read_aloud)].join(" "));
      if (a.listen_for) lines.push("", [gbT("Listen for:"), oneLine(a.listen_for)].join(" "));
      if (a.prompts.length) lines.push("", ...asked.filter((q) => a.prompts.some((p) => p.id === q.id)).map((q) => `${q.number}. ${oneLine(q.text)}`));
    });
    lines.push("", heading(2, gbT("Facilitation moves")), "", ...data.workshop.moves.map((m) => `- ${oneLine(m)}`),
      "", heading(1, gbT("Handout for “{scenario}”", { scenario: oneLine(scenario.title) })), "",
      ...data.facts.flatMap((f) => [`**${f.label}:** ${oneLine(scenario.facts[f.key] ?? "")}`, ""]),
      heading(2, gbT("Prompts")), "");
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
    const said = { scenario: oneLine(scenario.title), minutes: plan.minutes, activities: plan.activities.length, components: names || gbT("no component") };
    const notes = [gbT("Plan for “{scenario}”: {minutes} minutes, {activities} activities, working on {components}.", said)];
    const kept = new Set(plan.focus);
    const left = [...new Set(choice.components)].filter((c) => !kept.has(c));
    if (choice.components.length && left.length) {
      const named = left.map((c) => nameOf(data, c)).join(", ");
      notes.push(gbN("There is room for {n} component; left out: {left}.", "There is room for {n} components; left out: {left}.", plan.focus.length, { left: named }));
    }
    const shown = new Set(plan.activities.flatMap((a) => a.prompts.map((p) => p.id)));
    const dropped = choice.prompts.filter((id) => !shown.has(id) && scenario.prompts.some((p) => p.id === id && kept.has(p.component)));
    if (dropped.length) {
      notes.push(gbN("Up to {n} prompt per component fits; the plan keeps the first one ticked.",
        "Up to {n} prompts per component fit; the plan keeps the first ones ticked.", data.workshop.prompts[plan.minutes] ?? 0));
    }
    return notes.join(" ");
  };

  const api = { pyFormat, fillStep, shares, nameOf, focus, roomOf, absent, planSession, questions, roleNames, parseChoice, serializeChoice, planMarkdown, planStatus };
  if (typeof Glassbox === "object") Glassbox.planner = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})();
