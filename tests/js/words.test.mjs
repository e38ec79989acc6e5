// @ts-check
/// <reference types="node" />
/* The scripts in the project's language: the gb-words.js a Spanish build writes (made here by the
   Python side, glassbox_handbook/web/words_script.py, from the package's Spanish catalog) is run as a page
   runs it, and the scripts' words come out in Spanish; without it they are English. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";

import { explorer, explorerData, lens, prompts, speak, worksheet, worksheetData } from "./glassbox.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const python = process.env.GLASSBOX_PYTHON ?? `${root}.venv/bin/python`;
/** @param {string} language @returns {string} the gb-words.js a build in that language writes */
const wordsScript = (language) => execFileSync(python, ["-c",
  "import sys; from glassbox_handbook import words; from glassbox_handbook.web.words_script import words_script; "
  + "words.use_language(sys.argv[1]); sys.stdout.write(words_script())", language],
{ env: { ...process.env, PYTHONPATH: `${root}builder` }, encoding: "utf8" });

const names = explorer.nameIndex(explorerData);
const filters = { ...explorer.noFilters(), component: "alpha", level: "bottom-pair" };

describe("in a Spanish project", () => {
  before(() => { new Function("window", wordsScript("es"))(globalThis); });
  after(() => speak());

  test("a status with a count takes the Spanish plural, and each filter its Spanish label", () => {
    assert.equal(explorer.statusText(1, 3, filters, names), "Mostrando 1 de 3 escenarios (Componente: Alpha; Nivel: Bottom pair).");
    assert.equal(explorer.statusText(1, 1, explorer.noFilters(), names), "Mostrando 1 de 1 escenario.");
    assert.equal(lens.statusText(1, "Líder"), "1 pregunta de esta página tiene que ver con Líder.");
    assert.equal(lens.statusText(4, "Líder"), "4 preguntas de esta página tienen que ver con Líder.");
  });

  test("the exported answers and their file are in Spanish", () => {
    const text = prompts.answersMarkdown("Primer escenario", "https://example.org/a.html", [{ question: "¿Quién?", roles: "", answer: "" }]);
    assert.equal(text, "# Mis respuestas: Primer escenario\n\nDe la página <https://example.org/a.html>.\n\n"
      + "## Pregunta 1\n\n> ¿Quién?\n\n_(sin respuesta)_\n");
    assert.equal(prompts.answersFilename("Primer escenario"), "mis-respuestas-primer-escenario.md");
  });

  test("the worksheet's draft and what it says is missing are in Spanish", () => {
    const draft = worksheet.buildDraft({}, worksheetData);
    assert.match(draft.text, /title: "Escenario sin título"/);
    assert.equal(draft.id, "escenario-sin-titulo");
    assert.ok(draft.missing.includes("un título") && draft.missing.includes("los roles que participaron"), draft.missing.join("; "));
    assert.match(worksheet.draftStatus(draft), /^Se descargó escenario-sin-titulo\.md\. Antes de que el manual pueda publicarlo/);
  });
});

describe("in an English project", () => {
  before(() => { new Function("window", wordsScript("en"))(globalThis); });
  after(() => speak());

  test("gb-words.js holds no words and the scripts speak the messages themselves", () => {
    assert.deepEqual(globalThis.GB_WORDS, {});
    assert.equal(lens.statusText(1, "Leader"), "1 prompt on this page concerns Leader.");
    assert.equal(globalThis.gbT("A message the catalog does not have: {x}", { x: "kept" }), "A message the catalog does not have: kept");
  });
});
