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

import { speak } from "./helpers/words.mjs";
import "../../builder/glassbox_handbook/web/static/gb-privacy-places.js";
import "../../builder/glassbox_handbook/web/static/gb-privacy-fix.js";
import privacy from "../../builder/glassbox_handbook/web/static/gb-privacy.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const python = process.env.GLASSBOX_PYTHON ?? `${root}.venv/bin/python`;
/** The rules a build in `language` writes. @param {string} language */
const rulesIn = (language) => JSON.parse(execFileSync(python, ["-c",
  "import json, sys; from glassbox_handbook import words; from glassbox_handbook.privacy.browser import rules; "
  + "words.use_language(sys.argv[1]); json.dump(rules(), sys.stdout)", language],
{ env: { ...process.env, PYTHONPATH: `${root}builder` }, maxBuffer: 1 << 26, encoding: "utf8" }));
const rules = rulesIn("en");
const framework = JSON.parse(execFileSync(python, ["-c",
  "import json, sys; from glassbox_handbook.core.framework import load_framework; "
  + "json.dump(sorted(load_framework('handbook/framework.yaml').words), sys.stdout)"],
{ cwd: root, env: { ...process.env, PYTHONPATH: `${root}builder` }, encoding: "utf8" }));
const check = privacy.compile(rules);
/** @type {{ cases: Array<{ text: string, language?: string, allowed?: string[], pseudonyms?: string[], findings: object[], fixed?: string }> }} */
const corpus = JSON.parse(readFileSync(new URL("../privacy_cases.json", import.meta.url), "utf8"));
/** The check a build in each language of the corpus ships. @type {Map<string, import("../../builder/glassbox_handbook/web/static/gb-privacy.js").Checker>} */
const checks = new Map([["en", check]]);
for (const language of new Set(corpus.cases.map((c) => c.language ?? "en"))) {
  if (!checks.has(language)) checks.set(language, privacy.compile(rulesIn(language)));
}

/**
 * The line after pressing the one-click fix of its first finding that has one, again and again, the line checked
 * anew each time (as the worksheet does) until no finding offers one.
 * @param {import("../../builder/glassbox_handbook/web/static/gb-privacy.js").Checker} own @param {string} line @param {Set<string>} allowed
 */
const fixedByHand = (own, line, allowed) => {
  let text = line;
  for (let press = 0; press < 10; press += 1) {
    const after = own.lineFindings(text, allowed).map((f) => own.fixLine(text, f)).find((done) => done !== null);
    if (after === undefined || after === null) break;
    text = after;
  }
  return text;
};

for (const c of corpus.cases) {
  test(`the browser check finds exactly the recorded findings: ${c.text.slice(0, 50)}`, () => {
    const own = checks.get(c.language ?? "en") ?? check;
    const allowed = new Set([...own.allowance([...(c.allowed ?? []), ...(c.pseudonyms ?? [])]), ...framework]);
    assert.deepEqual(own.lineFindings(c.text, allowed), c.findings);
    if (c.fixed !== undefined) assert.equal(fixedByHand(own, c.text, allowed), c.fixed);
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

test("in a Spanish project the rules and the page's words give the advice in Spanish", () => {
  const es = checks.get("es") ?? privacy.compile(rulesIn("es"));
  new Function("window", execFileSync(python, ["-c", "import sys; from glassbox_handbook import words; "
    + "from glassbox_handbook.web.words_script import words_script; words.use_language('es'); sys.stdout.write(words_script())"],
  { env: { ...process.env, PYTHONPATH: `${root}builder` }, encoding: "utf8" }))(globalThis);
  try {
    const [school] = es.lineFindings("Visitamos la Escuela Secundaria Benito Juárez.");
    assert.ok(school);
    assert.equal(es.what(school), "el nombre de una escuela");
    assert.equal(es.fix(school), 'escriba "una escuela secundaria" en su lugar (si ya es un nombre inventado, inclúyalo como seudónimo)');
    assert.equal(es.fix(school, false), 'escriba "una escuela secundaria" en su lugar');
    const [beside] = es.lineFindings("Ana Ramírez, la directora, habló.");
    assert.ok(beside);
    assert.equal(es.fix(beside), 'quite el nombre: el rol que está a su lado, «directora», ya dice de quién se trata (si ya es un nombre inventado, inclúyalo como seudónimo)');
  } finally {
    speak();
  }
});

test("a name beside its role is advised out, and its one-click fix keeps the role once", () => {
  const line = "The principal, Ms. Brown, said no.";
  const [found] = check.lineFindings(line);
  assert.ok(found?.rewrite);
  assert.equal(found.col, 16);  // the name's column, as the Python check reports it
  assert.equal(check.fix(found, false), 'take the name out: the role beside it, “principal”, already says who');
  assert.match(check.fix(found), /already says who \(if it is an invented name already, list it as a pseudonym\)$/);
  assert.equal(check.fixLine(line, found), "The principal said no.");
  assert.equal(check.fixLine("Principal, Ms. Brown, said no.", found), null);  // the line changed since: not rewritten blindly
  const [title] = check.lineFindings("Principal Brown said no.");
  assert.ok(title && !title.rewrite);
  assert.equal(check.fixLine("Principal Brown said no.", title), "the principal said no.");
  const [alone] = check.lineFindings("Sarah said no.");
  assert.ok(alone);
  assert.equal(check.fixLine("Sarah said no.", alone), null);  // no wording to write for a name with no role
});

test("textFindings numbers the lines of a box", () => {
  assert.deepEqual(check.textFindings("Fine.\n\nSarah said so.").map((f) => [f.line, f.finding.text]), [[3, "Sarah"]]);
});
