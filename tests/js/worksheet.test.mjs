// @ts-check
/// <reference types="node" />
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import YAML from "yaml";

import { skeleton, worksheet, worksheetData as data } from "./glassbox.mjs";

/**
 * A draft's front matter, read as YAML 1.1 (as PyYAML reads it).
 * @param {string} text
 * @returns {unknown}
 */
const frontMatter = (text) => {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  assert.ok(match, text);
  return YAML.parse(match[1] ?? "", { version: "1.1" });
};

/** @type {import("../../builder/glassbox_handbook/web/static/gb-worksheet-model.js").Answers} */
const ANSWERS = {
  title: "Mentors and faculty: who keeps the calendar?",
  felt_difficulty: "Coaching stopped\nwhen the semester ended.",
  collaborative_project: "A shared calendar.",
  primary_focus: "Coaching across terms.",
  illustrative_evidence: "Mentors asked for it.",
  levels: ["school-program"],
  roles: ["mentor-teacher", "university-faculty"],
  "change-facilitators-summary": "A mentor and a faculty member\nconvened it.",
  "change-facilitators-story": "They met monthly.\n\nOthers joined later.",
  "change-facilitators-prompt": "Who keeps the calendar next year?",
  "change-facilitators-basis": "interpretation",
  "learning-agents-basis": "interpretation",
  trajectory: "sustained-redesign",
  consent: "not-needed",
  "learning-agents-summary": "Mentors brought questions.",
  "vertical-coherence-story": "A story without a summary is left out.",
  name: "Workshop group B",
  deidentified: ["people", "places", "details", "quotes", "reread"],
};

describe("fillSkeleton", () => {
  test("inserts {{name}} as is and {{name|yaml}} as YAML", () => {
    const filled = worksheet.fillSkeleton("# {{title}}\ntitle: {{title|yaml}}\nroles: {{roles|yaml}}\nok: {{ok|yaml}}\n",
      { title: 'A "b": c', roles: ["x", "y"], ok: true });
    assert.equal(filled, '# A "b": c\ntitle: "A \\"b\\": c"\nroles: ["x","y"]\nok: true\n');
  });

  test("inserts values once: placeholders and $-patterns in a value stay as written", () => {
    assert.equal(worksheet.fillSkeleton("{{a}}|{{b}}", { a: "{{b}} $& $1 $$", b: "B" }), "{{b}} $& $1 $$|B");
  });

  test("a placeholder without a value is an error that names it", () => {
    assert.throws(() => worksheet.fillSkeleton("id: {{id}}\n{{missing|yaml}}", { id: "x" }), /\{\{missing\|yaml\}\}/);
    assert.throws(() => worksheet.fillSkeleton("{{constructor}}", {}), /\{\{constructor\}\}/);
  });

  test("a malformed placeholder or an unknown filter is an error", () => {
    for (const bad of ["{{ title }}", "{{title|json}}", "{{Title}}", "{{}}", "{{title|yaml|yaml}}"]) {
      assert.throws(() => worksheet.fillSkeleton(bad, { title: "x", Title: "x" }), /Malformed placeholder/, bad);
    }
  });

  test("a list or a yes/no where text is wanted is an error", () => {
    assert.throws(() => worksheet.fillSkeleton("{{roles}}", { roles: ["a"] }), /takes text/);
    assert.throws(() => worksheet.fillSkeleton("{{ok}}", { ok: false }), /takes text/);
  });

  test("values the template does not use are fine", () => {
    assert.equal(worksheet.fillSkeleton("plain", { unused: "x" }), "plain");
  });
});

/**
 * The draft without the skeleton's guidance: comment lines of the front matter (#) and of the body (%),
 * and the blank lines that only separated them.
 * @param {string} text
 */
const withoutComments = (text) => {
  const end = text.indexOf("\n---\n", 4);
  const head = text.slice(0, end).split("\n").filter((line) => line && !line.startsWith("#")).join("\n");
  const body = text.slice(end).split("\n").filter((line) => !line.startsWith("%")).join("\n");
  return `${head}${body}`.replace(/\n{3,}/g, "\n\n").replace(/ +# .*$/gm, "");
};

describe("the draft", () => {
  test("is the skeleton filled in, and nothing else", () => {
    const draft = worksheet.buildDraft({ ...ANSWERS, "learning-agents-summary": "" }, data);
    assert.equal(withoutComments(draft.text), `---
id: "mentors-and-faculty-who-keeps-the-calendar"
title: "Mentors and faculty: who keeps the calendar?"
felt_difficulty: "Coaching stopped when the semester ended."
collaborative_project: "A shared calendar."
primary_focus: "Coaching across terms."
illustrative_evidence: "Mentors asked for it."
levels: ["school-program"]
roles: ["mentor-teacher","university-faculty"]
trajectory: "sustained-redesign"
sources: ["shepard_srlc"]
contributors:
  - name: "Workshop group B"
license: CC-BY-4.0
status: draft
privacy:
  deidentified: true
  consent: "not-needed"
---

# Mentors and faculty: who keeps the calendar?

Coaching stopped
when the semester ended.

## Change facilitators

:::{enactment}
:basis: interpretation
A mentor and a faculty member convened it.
:::

They met monthly.

Others joined later.

:::{design-prompt}
:roles: mentor-teacher, university-faculty
Who keeps the calendar next year?
:::
`);
    assert.deepEqual({ id: draft.id, enacted: draft.enacted, roles: draft.roles },
      { id: "mentors-and-faculty-who-keeps-the-calendar", enacted: 1, roles: ["mentor-teacher", "university-faculty"] });
  });

  test("has one section per component with a summary, one blank line apart, in the framework's order", () => {
    const { text, enacted } = worksheet.buildDraft(ANSWERS, data);
    assert.equal(enacted, 2);
    assert.deepEqual(text.match(/^## .*/gm), ["## Change facilitators", "## Learning agents"]);
    assert.match(text, /:::\n\n## Learning agents\n\n/);
    assert.match(text, /Mentors brought questions\.\n:::\n\n:::\{design-prompt\}/);
    assert.match(text, /Who could do what next about learning agents, and with which evidence\?\n:::\n$/);
  });

  test("front matter reads back as the answers, whatever they hold", () => {
    const title = 'He said "no": it\'s </script>\n# not a heading — é 😀 \u0085 done';
    const answers = { ...ANSWERS, title, primary_focus: "key: value - [x] &a *b", name: "Ünïcode «Group»" };
    const meta = frontMatter(worksheet.buildDraft(answers, data).text);
    assert.deepEqual(meta, {
      id: "he-said-no-it-s-script-not-a-heading-e-done",
      title: 'He said "no": it\'s </script> # not a heading — é 😀 \u0085 done',
      felt_difficulty: "Coaching stopped when the semester ended.",
      collaborative_project: "A shared calendar.",
      primary_focus: "key: value - [x] &a *b",
      illustrative_evidence: "Mentors asked for it.",
      levels: ["school-program"],
      roles: ["mentor-teacher", "university-faculty"],
      trajectory: "sustained-redesign",
      sources: ["shepard_srlc"],
      contributors: [{ name: "Ünïcode «Group»" }],
      license: "CC-BY-4.0",
      status: "draft",
      privacy: { deidentified: true, consent: "not-needed" },
    });
  });

  test("names no role when none is ticked, and its status asks for them", () => {
    const draft = worksheet.buildDraft({ ...ANSWERS, roles: [] }, data);
    assert.deepEqual(draft.roles, []);
    assert.deepEqual(/** @type {{ roles: unknown }} */ (frontMatter(draft.text)).roles, []);
    assert.match(draft.text, /^:roles: $/m);
    assert.doesNotMatch(withoutComments(draft.text), /district-leader/);  // the comments list every choice
    assert.match(worksheet.draftStatus(draft), /still needs to give: the roles involved\./);
  });

  test("an empty worksheet claims nothing: no role, level, trajectory, basis or consent, and not de-identified", () => {
    const draft = worksheet.buildDraft({ "change-facilitators-summary": "Someone convened it." }, data);
    const meta = /** @type {Record<string, unknown>} */ (frontMatter(draft.text));
    assert.equal(draft.id, "untitled-scenario");
    assert.equal(meta.felt_difficulty, "");
    assert.deepEqual([meta.levels, meta.roles, meta.trajectory], [[], [], ""]);
    assert.deepEqual(meta.contributors, [{ name: "Workshop participants" }]);
    assert.deepEqual(meta.privacy, { deidentified: false, consent: "" });
    assert.match(draft.text, /^:basis: $/m);
    assert.doesNotMatch(withoutComments(draft.text), /interpretation|reported|not-reported|To be written/);
    assert.deepEqual(draft.missing, ["a title", "the levels where the work happened", "the roles involved",
      "how far the work has gone", "where the account of change facilitators comes from", "the answer about consent",
      "every box of the de-identification checklist"]);
  });

  test("is de-identified only when every box of the checklist is ticked", () => {
    for (let n = 0; n < data.privacyChecks.length; n += 1) {
      const meta = /** @type {{ privacy: { deidentified: boolean } }} */ (frontMatter(worksheet.buildDraft(
        { ...ANSWERS, deidentified: data.privacyChecks.slice(0, n) }, data).text));
      assert.equal(meta.privacy.deidentified, false, String(n));
    }
    assert.deepEqual(worksheet.buildDraft(ANSWERS, data).missing, []);
  });

  test("consent is written as the team answered", () => {
    const meta = /** @type {Record<string, unknown>} */ (frontMatter(worksheet.buildDraft({ ...ANSWERS, consent: "obtained" }, data).text));
    assert.deepEqual(meta.privacy, { deidentified: true, consent: "obtained" });
  });

  test("a skeleton that asks for a value the worksheet does not have is reported, not silently left", () => {
    const drifted = { ...data, skeleton: { ...skeleton, document: `${skeleton.document}{{reviewer|yaml}}\n` } };
    assert.throws(() => worksheet.buildDraft(ANSWERS, drifted), /\{\{reviewer\|yaml\}\}/);
  });
});

describe("the status after a download", () => {
  test("says how to share it, or what is still to give, in plain words", () => {
    const done = worksheet.draftStatus({ id: "x", text: "", enacted: 2, roles: ["a"], missing: [] });
    assert.match(done, /^Downloaded x\.md\. It is complete\. .*“Propose a scenario” form/);
    assert.doesNotMatch(done, /python|YAML|pull request|scenarios\//);
    assert.match(worksheet.draftStatus({ id: "x", text: "", enacted: 0, roles: [], missing: ["a title", "the roles involved"] }),
      /still needs to give: a title; the roles involved\./);
  });
});

describe("the text for the issue form", () => {
  test("has one box per form field, in the form's order, with the team's words and the framework's names", () => {
    const boxes = worksheet.issueText(ANSWERS, data);
    assert.deepEqual(boxes.map((b) => b.id), data.issue.map((f) => f.id));
    /** @param {string} id */
    const box = (id) => boxes.find((b) => b.id === id)?.text;
    assert.equal(box("roles"), "Mentor teacher\nUniversity faculty");
    assert.equal(box("trajectory"), "Sustained redesign");
    assert.equal(box("deidentified"), "5 of 5 boxes ticked");
    assert.match(box("change-facilitators") ?? "", /^In one sentence: A mentor and a faculty member\nconvened it\.\n\nWhat happened: They met/);
    assert.match(box("change-facilitators") ?? "", /Where the account comes from: Handbook interpretation$/);
    assert.equal(box("vertical-coherence"), "What happened: A story without a summary is left out.");
  });
});

describe("a draft with details the privacy check found", () => {
  test("is not de-identified, whatever the checklist says, and says what to reword", () => {
    const draft = worksheet.buildDraft(ANSWERS, data, 2);
    assert.match(draft.text, /deidentified: false/);
    assert.ok(draft.missing.includes("a new wording for the 2 details marked above that could identify someone"));
    assert.match(worksheet.buildDraft(ANSWERS, data).text, /deidentified: true/);
  });
});

describe("the link that opens the form", () => {
  test("carries every box GitHub can fill, by the box's id, and leaves long boxes for copying", () => {
    const boxes = worksheet.issueText(ANSWERS, data);
    const { href, left } = worksheet.formLink(data.form, boxes, data.issue);
    const url = new URL(href);
    assert.equal(url.searchParams.get("template"), "propose-scenario.yml");
    assert.equal(url.searchParams.get("title"), ANSWERS.title);
    assert.equal(url.searchParams.get("felt_difficulty"), "Coaching stopped\nwhen the semester ended.");
    assert.equal(url.searchParams.get("deidentified"), null);  // checkboxes are ticked in the form itself
    assert.deepEqual(left, []);
    const short = worksheet.formLink(data.form, boxes, data.issue, 400);
    assert.ok(short.left.length > 0 && short.href.length <= 400 + 200);
  });
});

describe("answers kept in the browser", () => {
  test("are accepted only as text fields and lists of ticked values", () => {
    assert.equal(worksheet.isAnswers({ title: "T", roles: ["a", "b"] }), true);
    assert.equal(worksheet.isAnswers({}), true);
    for (const bad of [null, "text", ["a"], { roles: [1] }, { title: 3 }, { nested: { a: "b" } }]) {
      assert.equal(worksheet.isAnswers(bad), false, JSON.stringify(bad));
    }
  });
});
