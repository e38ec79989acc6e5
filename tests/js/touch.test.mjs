// @ts-check
/// <reference types="node" />
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { lens, prompts, terms } from "./glassbox.mjs";

const phone = { width: 390, height: 844 };
const tip = { width: 352, height: 120 };

describe("a glossary popup's place", () => {
  test("sits under the term, at its left edge, when there is room", () => {
    assert.deepEqual(terms.placeTip({ left: 20, top: 100, bottom: 120, width: 80 }, tip, phone), { left: 20, top: 124 });
  });

  test("moves in from the right edge when the term ends a line", () => {
    const at = terms.placeTip({ left: 330, top: 100, bottom: 120, width: 52 }, tip, phone);
    assert.equal(at.left, 390 - 8 - 352);
    assert.ok(at.left + tip.width <= phone.width - 8);
  });

  test("never starts left of the margin, even for a popup wider than the screen", () => {
    assert.equal(terms.placeTip({ left: 2, top: 0, bottom: 20, width: 10 }, { width: 600, height: 50 }, phone).left, 8);
  });

  test("goes above the term when there is no room below", () => {
    assert.deepEqual(terms.placeTip({ left: 20, top: 780, bottom: 800, width: 80 }, tip, phone), { left: 20, top: 656 });
  });

  test("stays below when there is no room above either", () => {
    const tall = { width: 200, height: 800 };
    assert.equal(terms.placeTip({ left: 20, top: 30, bottom: 50, width: 80 }, tall, phone).top, 54);
  });
});

describe("the line under an answer field", () => {
  const when = new Date(2025, 0, 2, 9, 5);
  test("says the answer was saved, and when", () => {
    assert.equal(prompts.savedMessage(true, "Co-plan on Tuesdays", when), "Answer saved in this browser at 09:05.");
  });
  test("says an emptied field was cleared", () => {
    assert.equal(prompts.savedMessage(true, "", when), "Answer cleared from this browser at 09:05.");
  });
  test("says so when the browser would not keep it", () => {
    assert.match(prompts.savedMessage(false, "x", when), /would not save/);
  });
});

describe("the role lens's menu", () => {
  const roles = [
    { id: "teacher", name: "Teacher", lens: true },
    { id: "leader", name: "Leader", lens: true },
    { id: "faculty", name: "Special education faculty", lens: false },
    { id: "coach", name: "Coach", lens: false },
  ];
  test("offers the lens roles and every role a prompt of the page names, with counts", () => {
    const options = lens.lensOptions(roles, [["teacher", "faculty"], ["faculty"]], "");
    assert.deepEqual(options.map((o) => `${o.name} (${o.count})${o.disabled ? " off" : ""}`),
      ["Teacher (1)", "Leader (0) off", "Special education faculty (2)"]);
  });
  test("keeps the role read as, even where no prompt names it", () => {
    const options = lens.lensOptions(roles, [["teacher"]], "coach");
    assert.deepEqual(options.map((o) => [o.id, o.disabled]), [["teacher", false], ["leader", true], ["coach", false]]);
  });
});
