// @ts-check
/// <reference types="node" />
/* The self-study map's pure functions, on a made-up framework (names come from the data, none from the script). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { selfStudy as model, worksheet, worksheetData } from "./glassbox.mjs";

/** @type {import("../../builder/glassbox_handbook/web/static/gb-selfstudy-model.js").MapData} */
const DATA = {
  format: "glassbox-self-study",
  version: 1,
  components: [{ id: "alpha", name: "Alpha", core: true }, { id: "beta", name: "Beta", core: false }],
  levels: [{ id: "top-pair", name: "Top pair" }, { id: "bottom-pair", name: "Bottom pair" }],
  facts: [{ key: "felt_difficulty", label: "Felt difficulty" }],
  fields: [{ key: "happening", label: "What is happening" }, { key: "who", label: "Who is involved" },
    { key: "evidence", label: "What evidence we have" }],
  matrixFirst: "Scenario",
  words: { none: "None for {component}.", levels: "{component} at {levels} only.", evidence: "{component} at {level}: no evidence.",
    ours: "Ours", gap: "Gap", nothing: "Nothing", on: "on", off: "off" },
  scenarios: [],
  worksheet: "worksheet.html",
};

/** @returns {import("../../builder/glassbox_handbook/web/static/gb-selfstudy-model.js").SelfStudyMap} */
const filled = () => ({
  ...model.emptyMap(DATA),
  problem: { title: "Our | calendar", felt_difficulty: "Coaching stopped." },
  cells: { alpha: { "top-pair": { happening: "Leads meet | each term.", evidence: "Notes." }, "bottom-pair": { who: "Two mentors" } },
    beta: {} },
  log: [{ date: "2026-03-01", what: "Later.", component: "alpha" }, { date: "2026-02-01", what: "Earlier.", component: "beta" },
    { date: "", what: "Undated.", component: "" }],
});

describe("what is recorded", () => {
  test("a component counts at a level only when a note there has text", () => {
    const map = filled();
    assert.equal(model.isRecorded(map, DATA, "alpha", "top-pair"), true);
    assert.equal(model.isRecorded(map, DATA, "alpha"), true);
    assert.equal(model.isRecorded(map, DATA, "beta"), false);
    assert.equal(model.isRecorded({ ...map, cells: { beta: { "top-pair": { happening: "  " } } } }, DATA, "beta"), false);
  });

  test("gaps are questions: nothing recorded, some levels only (core components), happening without evidence", () => {
    const map = filled();
    assert.deepEqual(model.gaps(map, DATA), ["None for Beta."]);
    const partial = { ...map, cells: { alpha: { "top-pair": { happening: "Leads meet." } } } };
    assert.deepEqual(model.gaps(partial, DATA), ["Alpha at Top pair only.", "Alpha at Top pair: no evidence.", "None for Beta."]);
  });

  test("the matrix row has a cell per component: what is happening by level, or nothing", () => {
    assert.deepEqual(model.row(filled(), DATA), [[{ level: "Top pair", text: "Leads meet | each term." },
      { level: "Bottom pair", text: "Two mentors" }], []]);
  });

  test("the log reads by date, undated entries last", () => {
    assert.deepEqual(model.sortedLog(filled()).map((e) => e.what), ["Earlier.", "Later.", "Undated."]);
  });
});

describe("reading a map back from a file", () => {
  test("a saved map reads back the same", () => {
    const map = filled();
    const read = model.readMap(JSON.parse(JSON.stringify(map)), DATA);
    assert.deepEqual(read.map, { ...map, cells: { alpha: map.cells.alpha ?? {} } });
  });

  test("anything it cannot vouch for is refused whole, with what and where, and nothing changed", () => {
    const good = filled();
    const cases = [
      [null, "not a self-study map"],
      [{ ...good, format: "other" }, "not a self-study map"],
      [{ ...good, version: "1" }, "no version number"],
      [{ ...good, version: 2 }, "newer version of the handbook (version 2)"],
      [{ ...good, cells: { gamma: {} } }, "“gamma”, which is not a component"],
      [{ ...good, cells: { alpha: { middle: { happening: "x" } } } }, "“middle”, which is not a level"],
      [{ ...good, cells: { alpha: { "top-pair": { happening: 3 } } } }, "field “happening”, should be text"],
      [{ ...good, cells: { alpha: { "top-pair": { secret: "x" } } } }, "a field “secret” this page does not know"],
      [{ ...good, cells: [] }, "grouped by component"],
      [{ ...good, log: {} }, "should be a list"],
      [{ ...good, log: [{ date: "10/02/2026", what: "x" }] }, "not YYYY-MM-DD"],
      [{ ...good, log: [{ what: "x", component: "gamma" }] }, "names “gamma”"],
      [{ ...good, problem: { title: "x".repeat(20001) } }, "longer than 20000 characters"],
    ];
    for (const [value, why] of cases) {
      const read = model.readMap(value, DATA);
      assert.equal(read.map, undefined, String(why));
      assert.match(read.error ?? "", /^This file could not be imported: .*Nothing was changed\.$/);
      assert.ok(read.error?.includes(String(why)), `${read.error} / ${why}`);
    }
  });
});

describe("exports", () => {
  test("Markdown has the problem, every note by component and level, the row, the gaps and the log; cells stay one cell", () => {
    const md = model.toMarkdown(filled(), DATA, "2026-04-01");
    assert.ok(md.startsWith("# Self-study map: Our \\| calendar\n\nExported on 2026-04-01.\n\n**Felt difficulty:** Coaching stopped.\n"));
    assert.match(md, /## Alpha\n\n### Top pair\n\n- What is happening: Leads meet \\\| each term\.\n- What evidence we have: Notes\.\n/);
    assert.match(md, /\| Scenario \| Alpha \| Beta \|\n\| --- \| --- \| --- \|\n\| Ours \| Top pair: Leads meet \\\| each term\.; Bottom pair: Two mentors \| Nothing \|/);
    assert.match(md, /## Gaps: questions to take up\n\n- None for Beta\.\n/);
    assert.match(md, /\| 2026-02-01 \| Earlier\. \| Beta \|\n\| 2026-03-01 \| Later\. \| Alpha \|\n\| {2}\| Undated\. \| {2}\|\n$/);
  });

  test("the worksheet's answers claim no role, trajectory, basis, consent or de-identification", () => {
    const answers = model.toAnswers(filled(), DATA);
    assert.deepEqual(Object.keys(answers).sort(), ["alpha-story", "alpha-summary", "felt_difficulty", "levels", "title"]);
    assert.deepEqual(answers.levels, ["top-pair", "bottom-pair"]);
    assert.equal(answers["alpha-summary"], "Top pair: Leads meet | each term.; Bottom pair: Two mentors");
    assert.equal(answers["alpha-story"], "Top pair\nWhat is happening: Leads meet | each term.\nWhat evidence we have: Notes.\n\n" +
      "Bottom pair\nWho is involved: Two mentors\n\n2026-03-01: Later.");
  });

  test("the worksheet's one draft function writes them as a draft that is not yet de-identified", () => {
    const answers = model.toAnswers({ ...filled(), cells: { "change-facilitators": { "top-pair": { happening: "Leads meet." } } } },
      { ...DATA, components: [{ id: "change-facilitators", name: "Change facilitators", core: true }] });
    const draft = worksheet.buildDraft(answers, worksheetData);
    assert.match(draft.text, /^## Change facilitators\n\n:::\{enactment\}\n:basis: \nTop pair: Leads meet\.\n:::/m);
    assert.match(draft.text, /deidentified: false/);
    assert.ok(draft.missing.includes("every box of the de-identification checklist"));
  });
});
