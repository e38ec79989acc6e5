// @ts-check
/// <reference types="node" />
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { lens, prompts } from "./glassbox.mjs";

describe("answers as Markdown", () => {
  test("quote each prompt, name its roles, then give the answer", () => {
    const text = prompts.answersMarkdown("First scenario", "http://127.0.0.1:8000/scenarios/first.html", [
      { question: "First alpha prompt?", roles: "For: Teacher", answer: "  Our mentors would co-plan on Tuesdays.\n" },
      { question: "Who decides?\n\nAnd with which evidence?", roles: "", answer: "" },
    ]);
    assert.equal(text, [
      "# My answers: First scenario", "",
      "From the page <http://127.0.0.1:8000/scenarios/first.html>.", "",
      "## Prompt 1", "", "> First alpha prompt?", "", "*For: Teacher*", "", "Our mentors would co-plan on Tuesdays.", "",
      "## Prompt 2", "", "> Who decides?\n> \n> And with which evidence?", "", "_(no answer)_", "",
    ].join("\n"));
  });

  test("keep an answer's own paragraphs", () => {
    const text = prompts.answersMarkdown("T", "u", [{ question: "Q?", roles: "", answer: "One.\n\nTwo." }]);
    assert.match(text, /\n\nOne\.\n\nTwo\.\n$/);
  });

  test("are named after the page", () => {
    assert.equal(prompts.answersFilename("First scenario"), "my-answers-first-scenario.md");
    assert.equal(prompts.answersFilename("«»"), "my-answers-page.md");
  });
});

describe("role lens", () => {
  test("a prompt's roles come from data-roles and an index entry's from its glassbox-role-* classes", () => {
    assert.deepEqual(lens.promptRoles("leader teacher", []), ["leader", "teacher"]);
    assert.deepEqual(lens.promptRoles("", ["glassbox-prompt-entry", "glassbox-role-leader", "gb-lens-hit"]), ["leader"]);
    assert.deepEqual(lens.promptRoles(" ", []), []);
  });

  test("the status counts the prompts", () => {
    assert.equal(lens.statusText(1, "Leader"), "1 prompt on this page concerns Leader.");
    assert.equal(lens.statusText(3, "Leader"), "3 prompts on this page concern Leader.");
  });

  test("reads as no one until a page sets it", () => {
    assert.equal(lens.current(), "");
  });
});
