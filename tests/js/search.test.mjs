// @ts-check
/// <reference types="node" />
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import "./helpers/words.mjs";
import search from "../../builder/glassbox_handbook/web/static/gb-search.js";

describe("search results", () => {
  test("an excerpt becomes text and marked words, never markup", () => {
    assert.deepEqual(search.excerptParts("the <mark>mentor</mark> &amp; the <mark>coach</mark>&#39;s log &lt;b&gt;"), [
      { text: "the ", marked: false }, { text: "mentor", marked: true }, { text: " & the ", marked: false },
      { text: "coach", marked: true }, { text: "'s log <b>", marked: false },
    ]);
    assert.deepEqual(search.excerptParts("<img src=x onerror=alert(1)>plain"), [{ text: "plain", marked: false }]);
    assert.deepEqual(search.excerptParts(""), []);
  });

  test("the section with most matches is named, not the page's own top", () => {
    const data = {
      url: "/a.html", excerpt: "", meta: { title: "Page" },
      sub_results: [
        { title: "Page", url: "/a.html", excerpt: "", locations: [1, 2, 3, 4] },
        { title: "One", url: "/a.html#one", excerpt: "", locations: [5] },
        { title: "Two", url: "/a.html#two", excerpt: "", locations: [6, 7] },
      ],
    };
    assert.equal(search.bestSection(data)?.title, "Two");
    assert.equal(search.bestSection({ url: "/b.html", excerpt: "", meta: { title: "B" } }), null);
  });

  test("the status says how many pages match", () => {
    assert.equal(search.statusText(0, "zzz"), "No page matches “zzz”. Try fewer or other words.");
    assert.equal(search.statusText(1, "x"), "1 page matches “x”, best first.");
    assert.equal(search.statusText(35, "mentor"), "35 pages match “mentor”, best first.");
  });

  test("the site's root comes from the page's content root", () => {
    assert.equal(search.siteRoot("http://127.0.0.1:8000/sub/search.html?q=a", "./").href, "http://127.0.0.1:8000/sub/");
    assert.equal(search.siteRoot("http://h/sub/handbook/x.html", "../").pathname, "/sub/");
  });
});
