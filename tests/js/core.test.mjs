// @ts-check
/// <reference types="node" />
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import YAML from "yaml";

import { core } from "./glassbox.mjs";

/** Strings that have broken hand-written YAML, HTML or Markdown before. */
const HOSTILE = [
  'He said "no": it\'s done',
  "key: value # not a comment",
  "- not a list item",
  "&anchor *alias !tag %directive @at `tick` | > ? [a, b] {c: d}",
  "--- not a document marker ...",
  "</script><script>alert(1)</script>",
  "line one\nline two\r\nline three\ttabbed",
  "  leading and trailing spaces  ",
  "back\\slash and \\n as text",
  "unicode: é ß 中文 العربية 𝄞 😀 e\u0301",
  "controls: \u0000 \u0007 \u001b DEL\u007f NEL\u0085 CSI\u009b",
  "separators: \u2028 \u2029 BOM\ufeff",
  "true", "null", "0x1F", "1e3", "~", "",
];

describe("yamlScalar", () => {
  for (const version of /** @type {const} */ (["1.1", "1.2"])) {
    test(`a string reads back the same in YAML ${version}`, () => {
      for (const text of HOSTILE) {
        const doc = `title: ${core.yamlScalar(text)}\n`;
        assert.deepEqual(YAML.parse(doc, { version }), { title: text }, doc);
      }
    });
  }

  test("lists, yes/no values and null read back the same", () => {
    const values = { levels: ["school-program", 'a "b": c'], empty: [], deidentified: true, consented: false, nothing: null };
    const doc = Object.entries(values).map(([k, v]) => `${k}: ${core.yamlScalar(v)}`).join("\n");
    assert.deepEqual(YAML.parse(doc, { version: "1.1" }), values);
  });

  test("stays on one line and writes DEL and the C1 controls as escapes", () => {
    const written = core.yamlScalar("a\nb\u007fc\u0085d\u009fe");
    assert.equal(written, '"a\\nb\\u007fc\\u0085d\\u009fe"');
    assert.doesNotMatch(written, /[\n\u007f-\u009f]/);
  });
});

describe("parseJson", () => {
  test("reads the JSON that builder/explorer.py puts in a script element, whose </ is written <\\/", () => {
    // What _json_script() writes for this title, so that it cannot close the element early.
    const embedded = String.raw`{"title":"<\/script><script>alert(1)<\/script> é 😀"}`;
    assert.deepEqual(core.parseJson(embedded), { title: "</script><script>alert(1)</script> é 😀" });
  });

  test("gives null for text that is not JSON", () => {
    assert.equal(core.parseJson("{oops"), null);
    assert.equal(core.parseJson(""), null);
  });
});

describe("text helpers", () => {
  test("oneLine collapses every run of white space and trims", () => {
    assert.equal(core.oneLine("  a\n\n b\t c \u00a0 "), "a b c");
  });

  test("cleanText drops a heading's permalink sign", () => {
    assert.equal(core.cleanText("First scenario¶"), "First scenario");
    assert.equal(core.cleanText("Alpha #  "), "Alpha");
    assert.equal(core.cleanText("C# or ¶ inside stay"), "C# or ¶ inside stay");
  });

  test("slugify keeps lower-case ASCII letters and digits, hyphen-joined, and drops accents", () => {
    assert.equal(core.slugify('Mentors and faculty: who: keeps the "calendar"?', "x"), "mentors-and-faculty-who-keeps-the-calendar");
    assert.equal(core.slugify("  Ünïcode 2024 — ok! ", "x"), "unicode-2024-ok");
    assert.equal(core.slugify("Escenario sin título: ¿quién decide?", "x"), "escenario-sin-titulo-quien-decide");
    assert.equal(core.slugify("中文", "x"), "x");
    assert.equal(core.slugify("¿¡!?", "my-scenario"), "my-scenario");
  });
});

describe("outside a browser", () => {
  test("storage fails softly when there is no localStorage", () => {
    assert.equal(core.storage.get("k"), null);
    assert.equal(core.storage.set("k", "v"), false);
    assert.doesNotThrow(() => core.storage.remove("k"));
  });

  test("ready never runs a setup where there is no page", () => {
    let ran = false;
    core.ready(() => { ran = true; });
    assert.equal(ran, false);
  });
});
