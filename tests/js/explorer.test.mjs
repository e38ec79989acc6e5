// @ts-check
/// <reference types="node" />
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { compare, explorer, explorerData as data } from "./glassbox.mjs";

const names = explorer.nameIndex(data);
/** @param {Partial<import("../../builder/glassbox_handbook/web/static/gb-explorer.js").Filters>} chosen */
const filters = (chosen) => ({ ...explorer.noFilters(), ...chosen });
/** @param {import("../../builder/glassbox_handbook/web/static/gb-explorer.js").Filters} chosen */
const shown = (chosen) => data.scenarios.filter((s) => explorer.matches(s, chosen)).map((s) => s.id);
/**
 * A facet's menu as "Name (count)" labels, "Any" first, as the page shows it.
 * @param {import("../../builder/glassbox_handbook/web/static/gb-explorer.js").FacetKey} key
 * @param {import("../../builder/glassbox_handbook/web/static/gb-explorer.js").Filters} chosen
 */
const menu = (key, chosen) => {
  const facet = explorer.FACETS.find((f) => f.key === key);
  assert.ok(facet);
  const { any, options } = explorer.facetMenu(data, chosen, facet);
  return [`Any (${any})`, ...options.map((o) => `${o.name} (${o.count})`)];
};

describe("filtering", () => {
  test("no filter shows every scenario", () => {
    assert.deepEqual(shown(explorer.noFilters()), ["first", "second", "third"]);
  });

  test("each facet filters on its own", () => {
    assert.deepEqual(shown(filters({ component: "gamma" })), ["second", "third"]);
    assert.deepEqual(shown(filters({ level: "bottom-pair" })), ["second", "third"]);
    assert.deepEqual(shown(filters({ role: "leader" })), ["first"]);
    assert.deepEqual(shown(filters({ trajectory: "stuck" })), ["third"]);
  });

  test("filters combine: a scenario must pass all of them", () => {
    assert.deepEqual(shown(filters({ component: "alpha", level: "bottom-pair" })), ["second"]);
    assert.deepEqual(shown(filters({ component: "beta", trajectory: "stuck" })), []);
  });

  test("a skipped facet does not filter", () => {
    const [first] = data.scenarios;
    assert.ok(first);
    assert.equal(explorer.matches(first, filters({ trajectory: "stuck" })), false);
    assert.equal(explorer.matches(first, filters({ trajectory: "stuck" }), "trajectory"), true);
  });
});

describe("facet counts", () => {
  test("with no filter, each option counts the scenarios that have it", () => {
    assert.deepEqual(menu("component", explorer.noFilters()), ["Any (3)", "Alpha (2)", "Beta (1)", "Gamma (2)"]);
    assert.deepEqual(menu("level", explorer.noFilters()), ["Any (3)", "Top pair (2)", "Bottom pair (2)"]);
    assert.deepEqual(menu("trajectory", explorer.noFilters()), ["Any (3)", "Moving (2)", "Stuck (1)"]);
  });

  test("counts follow the other facets' filters, not the facet's own", () => {
    const chosen = filters({ component: "alpha", level: "bottom-pair" });
    // Only "second" is left, which lacks Beta; the component menu ignores the component filter itself.
    assert.deepEqual(menu("component", chosen), ["Any (2)", "Alpha (1)", "Beta (0)", "Gamma (2)"]);
    assert.deepEqual(menu("level", chosen), ["Any (2)", "Top pair (2)", "Bottom pair (1)"]);
  });

  test("an option that would leave no scenario shows its count and is disabled, unless it is the one chosen", () => {
    assert.deepEqual(menu("role", explorer.noFilters()), ["Any (3)", "Teacher (2)", "Leader (1)", "Mentor (0)", "Coach (1)"]);
    /** @param {import("../../builder/glassbox_handbook/web/static/gb-explorer.js").Filters} chosen */
    const off = (chosen) => {
      const facet = explorer.FACETS.find((f) => f.key === "role");
      assert.ok(facet);
      return explorer.facetMenu(data, chosen, facet).options.filter((o) => o.disabled).map((o) => o.id);
    };
    assert.deepEqual(off(explorer.noFilters()), ["mentor"]);
    assert.deepEqual(off(filters({ role: "mentor" })), []);
    assert.deepEqual(off(filters({ trajectory: "stuck" })), ["teacher", "leader", "mentor"]);
    assert.deepEqual(menu("role", filters({ trajectory: "stuck" })), ["Any (1)", "Teacher (0)", "Leader (0)", "Mentor (0)", "Coach (1)"]);
  });
});

describe("status", () => {
  test("says how many are shown and, in words, which filters are on", () => {
    assert.equal(explorer.statusText(3, 3, explorer.noFilters(), names), "Showing 3 of 3 scenarios.");
    assert.equal(explorer.statusText(1, 3, filters({ component: "alpha", level: "bottom-pair" }), names),
      "Showing 1 of 3 scenarios (Component: Alpha; Level: Bottom pair).");
  });
});

describe("view in the address", () => {
  test("reads filters and the comparison from a query", () => {
    assert.deepEqual(explorer.parseView("component=beta&trajectory=moving&compare=first%2Csecond", names), {
      filters: filters({ component: "beta", trajectory: "moving" }), compare: ["first", "second"],
    });
  });

  test("drops unknown facets' values and empty parts, so a stale link shows more, not nothing", () => {
    assert.deepEqual(explorer.parseView("component=omega&level=&colour=red&compare=,first,", names), {
      filters: explorer.noFilters(), compare: ["first"],
    });
    assert.deepEqual(explorer.parseView("", names), { filters: explorer.noFilters(), compare: [] });
  });

  test("writes only what is chosen, in the facets' order", () => {
    assert.equal(explorer.serializeView({ filters: explorer.noFilters(), compare: [] }), "");
    assert.equal(explorer.serializeView({ filters: filters({ trajectory: "stuck", component: "gamma" }), compare: ["third", "second"] }),
      "component=gamma&trajectory=stuck&compare=third%2Csecond");
  });

  test("round-trips: what is written reads back as the same view", () => {
    const views = [
      { filters: explorer.noFilters(), compare: [] },
      { filters: filters({ role: "leader" }), compare: [] },
      { filters: filters({ component: "alpha", level: "bottom-pair", role: "teacher", trajectory: "moving" }), compare: ["first", "second"] },
      { filters: explorer.noFilters(), compare: ["second"] },
    ];
    for (const view of views) assert.deepEqual(explorer.parseView(explorer.serializeView(view), names), view);
  });

  test("round-trips ids that need escaping in a URL", () => {
    const odd = explorer.nameIndex({ ...data, levels: [{ id: "a&b=c d#é", name: "Odd" }] });
    const view = { filters: filters({ level: "a&b=c d#é" }), compare: [] };
    const query = explorer.serializeView(view);
    assert.equal(query, "level=a%26b%3Dc+d%23%C3%A9");
    assert.deepEqual(explorer.parseView(query, odd), view);
  });
});

describe("comparison facts", () => {
  test("name the levels and the trajectory in words", () => {
    const second = data.scenarios[1];
    assert.ok(second);
    assert.deepEqual(compare.comparedFacts().map(([label, fact]) => [label, fact(second, names)]), [
      ["Felt difficulty", "Coaching stopped."], ["Levels", "Top pair, Bottom pair"], ["Trajectory", "Moving"],
    ]);
  });
});
