// @ts-check
/// <reference types="node" />
/* The shared corpus of privacy cases (tests/privacy_cases.json) through the browser's check,
   with the rules generated from the Python check (glassbox_handbook/privacy/browser.py), as the site ships
   them. tests/unit/test_privacy_corpus.py runs the same cases through the Python check. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import "./helpers/words.mjs";
import "../../builder/glassbox_handbook/web/static/gb-privacy-places.js";
import privacy from "../../builder/glassbox_handbook/web/static/gb-privacy.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const python = process.env.GLASSBOX_PYTHON ?? `${root}.venv/bin/python`;
const rules = JSON.parse(execFileSync(python, ["-c",
  "import json, sys; from glassbox_handbook.privacy.browser import rules; json.dump(rules(), sys.stdout)"],
{ env: { ...process.env, PYTHONPATH: `${root}builder` }, maxBuffer: 1 << 26, encoding: "utf8" }));
const framework = JSON.parse(execFileSync(python, ["-c",
  "import json, sys; from glassbox_handbook.core.framework import load_framework; "
  + "json.dump(sorted(load_framework('handbook/framework.yaml').words), sys.stdout)"],
{ cwd: root, env: { ...process.env, PYTHONPATH: `${root}builder` }, encoding: "utf8" }));
const check = privacy.compile(rules);
/** @type {{ cases: Array<{ text: string, allowed?: string[], pseudonyms?: string[], findings: object[] }> }} */
const corpus = JSON.parse(readFileSync(new URL("../privacy_cases.json", import.meta.url), "utf8"));

for (const c of corpus.cases) {
  test(`the browser check finds exactly the recorded findings: ${c.text.slice(0, 50)}`, () => {
    const allowed = new Set([...check.allowance([...(c.allowed ?? []), ...(c.pseudonyms ?? [])]), ...framework]);
    assert.deepEqual(check.lineFindings(c.text, allowed), c.findings);
  });
}

test("a finding of the browser check is explained and reworded in plain words", () => {
  const [found] = check.lineFindings("Principal Brown met the mentors.");
  assert.ok(found);
  assert.equal(check.what(found), "a personal name");
  assert.match(check.fix(found), /write "the principal" instead/);
  const [mail] = check.lineFindings("Write to a.b@c.org today.");
  assert.ok(mail);
  assert.match(check.fix(mail), /take the e-mail address out/);
});

test("textFindings numbers the lines of a box", () => {
  assert.deepEqual(check.textFindings("Fine.\n\nSarah said so.").map((f) => [f.line, f.finding.text]), [[3, "Sarah"]]);
});
