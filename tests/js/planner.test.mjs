// @ts-check
/// <reference types="node" />
/* The session planner's pure functions, on a small framework of its own. That
   the script plans exactly as glassbox_handbook/core/session.py does, on the real handbook,
   is tests/test_planner.py's job; these tests pin the rules one by one. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import "./helpers/words.mjs";
import "../../builder/glassbox_handbook/web/static/gb-core.js";
import planner from "../../builder/glassbox_handbook/web/static/gb-planner-model.js";

/** @typedef {import("../../builder/glassbox_handbook/web/static/gb-planner-model.js").PlannerData} PlannerData */
/** @typedef {import("../../builder/glassbox_handbook/web/static/gb-planner-model.js").Scenario} Scenario */

/** @param {string} title @param {string} what @returns {import("../../builder/glassbox_handbook/web/static/gb-planner-model.js").Words} */
const words = (title, what, read_aloud = "", listen_for = "") => ({ title, what, read_aloud, listen_for });

/** @type {PlannerData} */
const data = {
  workshop: {
    lengths: [60, 90],
    blocks: { opening: { 60: 10, 90: 10 }, diagram: { 60: 5, 90: 10 }, reflect: { 60: 10, 90: 15 }, close: { 60: 10, 90: 15 } },
    components: { 60: 2, 90: 3 },
    prompts: { 60: 2, 90: 3 },
    focus_order: ["reported", "interpretation"],
    focus_rule: "By the rule: {n} in {minutes} minutes.",
    moves: ["Ask for evidence."],
    opening: words("Open", "Read aloud.", "{felt_difficulty} Then: {project}"),
    diagram: words("Diagram", "Look."),
    component: words("{component}", "Work the prompts.", "{summary}", "Listen for {summary}"),
    gaps: words("Gaps", "It leaves out {gaps}; {{literally}}."),
    strengths: words("Weakest", "It has every part."),
    close: words("Close", "Next steps."),
    rooms: [{ id: "mixed", name: "Everyone", sides: ["school", "university"], words: {}, bring: "{text}" },
      { id: "school", name: "School side", sides: ["school"], words: {}, bring: "Partners would: “{text}” What do we bring?" }],
  },
  roles: [{ id: "t", name: "Teacher", side: "school" }, { id: "f", name: "Faculty", side: "university" }],
  chosenRule: "Chosen: {names}.",
  room: { 60: 5, 90: 8 },
  components: ["a", "b", "c", "d", "e", "f", "g"].map((id) => ({ id, name: id.toUpperCase() })),
  facts: [{ key: "felt_difficulty", label: "Difficulty" }, { key: "collaborative_project", label: "Project" }],
  scenarios: [],
  worksheet: "worksheet.html",
};

/** A scenario enacting `ids`, those in `reported` from a source, each with two prompts. @param {string[]} ids @param {string[]} reported @returns {Scenario} */
const scenario = (ids, reported = []) => ({
  id: "s", title: "A | piped title", href: "s.html",
  facts: { felt_difficulty: "It hurt {x}.", collaborative_project: "A circle." },
  values: { felt_difficulty: "It hurt {x}.", project: "A circle." },
  sections: ids.map((c) => ({ component: c, anchor: `sec-${c}`, title: c, summary: `${c} happened`, basis: reported.includes(c) ? "reported" : "interpretation" })),
  prompts: ids.flatMap((c) => [1, 2, 3].map((i) => ({ id: `${c}${i}`, text: `Prompt ${i} of ${c}?`, component: c }))),
});

/** @param {import("../../builder/glassbox_handbook/web/static/gb-planner-model.js").Plan} plan */
const minutes = (plan) => plan.activities.reduce((sum, a) => sum + a.minutes, 0);

describe("pyFormat", () => {
  test("fills names, keeps doubled braces as one and never reads a value as a template", () => {
    assert.equal(planner.pyFormat("{a} and {{b}} {a}", { a: "{b}" }), "{b} and {b} {b}");
  });
  test("a name without a value throws, as str.format does", () => {
    assert.throws(() => planner.pyFormat("{missing}", {}), /need \{missing\}/);
  });
});

describe("shares", () => {
  test("adds up exactly, in 5-minute steps, the remainder on the first", () => {
    assert.deepEqual(planner.shares(25, 2), [15, 10]);
    assert.deepEqual(planner.shares(27, 3), [12, 10, 5]);
    assert.deepEqual(planner.shares(40, 1), [40]);
  });
});

describe("planSession", () => {
  test("by the rule: reported sections first, as many as the length allows, and the minutes add up", () => {
    const plan = planner.planSession(data, scenario(["a", "b", "c"], ["c"]), 60);
    assert.deepEqual(plan.focus, ["c", "a"]);
    assert.equal(plan.rule, "By the rule: 2 in 60 minutes.");
    assert.equal(minutes(plan), 60);
    assert.deepEqual(plan.activities.map((a) => a.start), [0, 10, 15, 30, 40, 50]);
    assert.deepEqual(plan.activities.map((a) => a.kind), ["opening", "diagram", "component", "component", "gaps", "close"]);
  });
  test("the chosen components in the order chosen, each with its first prompts, and the words filled in", () => {
    const plan = planner.planSession(data, scenario(["a", "b", "c"]), 90, ["b", "a", "b", "zz"]);
    assert.deepEqual(plan.focus, ["b", "a"]);
    assert.equal(plan.rule, "Chosen: B, A.");
    const b = plan.activities[2];
    assert.equal(b?.title, "B");
    assert.equal(b?.read_aloud, "b happened");
    assert.equal(b?.anchor, "sec-b");
    assert.deepEqual(b?.prompts.map((p) => p.id), ["b1", "b2", "b3"]);
    assert.equal(plan.activities[0]?.read_aloud, "It hurt {x}. Then: A circle.");
    assert.equal(plan.activities.at(-2)?.what, "It leaves out d, e, f, g; {literally}.");
  });
  test("chosen prompts replace a component's first ones; a component with none chosen keeps its first ones", () => {
    const plan = planner.planSession(data, scenario(["a", "b"]), 60, ["a", "b"], ["a3"]);
    assert.deepEqual(plan.activities.filter((a) => a.kind === "component").map((a) => a.prompts.map((p) => p.id)), [["a3"], ["b1", "b2"]]);
  });
  test("seven chosen components in 60 minutes: only those that get time", () => {
    const all = ["a", "b", "c", "d", "e", "f", "g"];
    const plan = planner.planSession(data, scenario(all), 60, all);
    assert.equal(plan.focus.length, 5);
    assert.ok(plan.activities.every((a) => a.minutes > 0));
    assert.equal(minutes(plan), 60);
    assert.equal(plan.activities.at(-2)?.kind, "strengths");
  });
  test("one component: fewer, longer activities, never an empty one", () => {
    const plan = planner.planSession(data, scenario(["a"]), 90);
    assert.deepEqual(plan.activities.map((a) => a.minutes), [10, 10, 40, 15, 15]);
  });
  test("a length the framework does not offer is refused", () => {
    assert.throws(() => planner.planSession(data, scenario(["a"]), 45), /60 or 90/);
  });
});

describe("choices in the address", () => {
  const withOne = { ...data, scenarios: [scenario(["a", "b", "c"])] };
  test("read back as written", () => {
    const choice = { scenario: "s", room: "school", minutes: 90, components: ["c", "a"], prompts: ["a2"] };
    assert.deepEqual(planner.parseChoice(planner.serializeChoice(choice), withOne), choice);
  });
  test("unknown ids and lengths are dropped, so a stale link still gives a plan", () => {
    assert.deepEqual(planner.parseChoice("scenario=gone&minutes=45&components=zz,b&prompts=q", withOne),
      { scenario: "s", room: "mixed", minutes: 60, components: ["b"], prompts: [] });
  });
});

describe("who is in the room", () => {
  const s = scenario(["a"]);
  s.prompts = [{ id: "a1", text: "Faculty revise it?", component: "a", roles: ["f", "t"] },
    { id: "a2", text: "Teachers try it?", component: "a", roles: ["t"] }, { id: "a3", text: "Anyone?", component: "a", roles: [] }];
  test("a one-sided room gets its own people's prompts first and the other side's as what it brings", () => {
    const mixed = planner.planSession(data, s, 60, [], [], "mixed");
    assert.deepEqual(mixed.activities.flatMap((a) => a.prompts.map((p) => p.id)), ["a1", "a2"]);
    const school = planner.planSession(data, s, 60, [], ["a1", "a2"], "school");
    assert.deepEqual(school.activities.flatMap((a) => a.prompts.map((p) => p.id)), ["a2", "a1"]);
    const asked = planner.questions(data, school);
    assert.deepEqual(asked.map((q) => [q.number, q.brought, q.roles]), [[1, false, ["t"]], [2, true, ["t"]]]);
    assert.equal(asked[1]?.text, "Partners would: “Faculty revise it?” What do we bring?");
  });
});

describe("planMarkdown and planStatus", () => {
  const s = scenario(["a", "b"]);
  const plan = planner.planSession(data, s, 60, ["b", "a"]);
  test("the Markdown table holds every activity, its minutes add up, and a pipe cannot break a cell", () => {
    const text = planner.planMarkdown(data, s, plan, "file:///planner.html?scenario=s");
    const rows = text.split("\n").filter((line) => /^\| \d+–\d+ \|/.test(line));
    assert.equal(rows.length, plan.activities.length);
    assert.equal(rows.reduce((sum, r) => sum + Number(r.split(" | ")[1]), 0), 60);
    assert.match(text, /^# Session plan for “A \| piped title”/);
    assert.ok(text.indexOf("Prompt 1 of b?") < text.indexOf("Prompt 1 of a?"));
    assert.match(text, /\*\*Difficulty:\*\* It hurt \{x\}\./);
    assert.ok(text.endsWith("\n") && !text.includes("\n\n\n"));
  });
  test("a component without a design prompt still gets its part of the handout: its summary", () => {
    const bare = { ...scenario(["a", "b"]), prompts: [] };
    const text = planner.planMarkdown(data, bare, planner.planSession(data, bare, 60), "x");
    assert.match(text, /### A\n\na happened\n\n### B\n\nb happened\n/);
  });
  test("the status says what a session had no room for", () => {
    const all = ["a", "b", "c", "d", "e", "f", "g"];
    const seven = scenario(all);
    const status = planner.planStatus(data, seven, planner.planSession(data, seven, 60, all), { scenario: "s", room: "mixed", minutes: 60, components: all, prompts: [] });
    assert.match(status, /60 minutes, 9 activities/);
    assert.match(status, /room for 5 components; left out: F, G\./);
  });
});
