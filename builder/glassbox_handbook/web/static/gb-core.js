// @ts-check
/* Glass-Box Handbook: what the page scripts share. Loaded first.

   The scripts (gb-*.js, loaded with `defer` in the order of SCRIPTS in
   glassbox_handbook/web/assets.py) are classic scripts, not ES modules: browsers block
   module scripts on file://, and the handbook must work from files and
   offline. They share one global, `Glassbox`, defined here; every other name
   stays inside its file. All data is in the page (JSON that builder/*.py
   writes into <script type="application/json"> elements), so nothing is
   fetched. Without the scripts every page still shows all its content.

   Node's unit tests (tests/js/) load this file for its side effect and read
   globalThis.Glassbox.core; the other files also export their pure functions
   as CommonJS modules. */
"use strict";

/* exported Glassbox */
// eslint-disable-next-line no-var -- a classic script's top-level `var` is how the scripts share one global
var Glassbox = {
  core: (() => {
    /** Prefix of every key this site keeps in localStorage. */
    const STORE = "glassbox:";
    /** Where the self-study map (or the planner) leaves answers for the worksheet to take up once. */
    const HANDOFF = `${STORE}worksheet:from-another-page`;

    /**
     * The first HTML element under `root` that matches `selector`, or null.
     * @param {string} selector
     * @param {ParentNode} [root]
     * @returns {HTMLElement | null}
     */
    const $ = (selector, root = document) => {
      const found = root.querySelector(selector);
      return found instanceof HTMLElement ? found : null;
    };

    /**
     * Every HTML element under `root` that matches `selector`, in document order.
     * @param {string} selector
     * @param {ParentNode} [root]
     * @returns {HTMLElement[]}
     */
    const $$ = (selector, root = document) =>
      [...root.querySelectorAll(selector)].filter((found) => found instanceof HTMLElement);

    /**
     * The element of the build's own markup that a script relies on. Its absence
     * is a bug (markup and scripts come from the same build), so it throws.
     * @template {Element} T
     * @param {string} selector
     * @param {ParentNode} root
     * @param {{ new (): T, prototype: T }} type  e.g. HTMLButtonElement
     * @returns {T}
     */
    const need = (selector, root, type) => {
      const found = root.querySelector(selector);
      if (found instanceof type) return found;
      throw new Error(`Glassbox: the page has no ${type.name} matching ${selector}`);
    };

    /**
     * A new element. In `attrs`, `text` sets its text and `hidden` its hidden
     * property; every other entry is an attribute.
     * @template {keyof HTMLElementTagNameMap} K
     * @param {K} tag
     * @param {Readonly<Record<string, string | boolean>>} [attrs]
     * @param {ReadonlyArray<Node | string>} [kids]
     * @returns {HTMLElementTagNameMap[K]}
     */
    const el = (tag, attrs = {}, kids = []) => {
      const node = document.createElement(tag);
      for (const [name, value] of Object.entries(attrs)) {
        if (name === "text") node.textContent = String(value);
        else if (name === "hidden") node.hidden = Boolean(value);
        else node.setAttribute(name, String(value));
      }
      node.append(...kids);
      return node;
    };

    /**
     * A message that holds nodes (a link, a strong word): the message, already in the page's language
     * (gbT of "From {place}", unfilled), split at its `{name}` placeholders, each replaced by its value, a node
     * or a text. Filled here, not by gbT, so that a reader's text holding "{place}" stays text.
     * @param {string} message
     * @param {Readonly<Record<string, Node | string>>} values
     * @returns {Array<Node | string>}
     */
    const withNodes = (message, values) => message.split(/\{(\w+)\}/)
      .map((part, i) => (i % 2 ? values[part] ?? `{${part}}` : part)).filter((part) => part !== "");

    /** localStorage, failing softly: it may be missing or refused (private mode, some file:// setups). */
    const storage = {
      /** @param {string} key @returns {string | null} the value, or null if there is none or it cannot be read */
      get(key) {
        try { return window.localStorage.getItem(key); } catch { return null; }
      },
      /** @param {string} key @param {string} value @returns {boolean} whether it was kept */
      set(key, value) {
        try { window.localStorage.setItem(key, value); return true; } catch { return false; }
      },
      /** @param {string} key */
      remove(key) {
        try { window.localStorage.removeItem(key); } catch { /* nothing was kept, so nothing is lost */ }
      },
    };

    /**
     * The value a JSON text holds, or null if it is not JSON.
     * @param {string} text
     * @returns {unknown}
     */
    const parseJson = (text) => {
      try { return JSON.parse(text); } catch { return null; }
    };

    /**
     * The data the build embedded as <script type="application/json" id="…">, or
     * null. Its shape is the caller's typedef; it is not validated, since the
     * Python side writes it in the same build as the page.
     * @param {string} id
     * @returns {unknown}
     */
    const readJsonData = (id) => {
      const node = document.getElementById(id);
      return node ? parseJson(node.textContent ?? "") : null;
    };

    /**
     * Text on one line: runs of white space (line breaks too) become one space.
     * @param {string} text
     */
    const oneLine = (text) => text.replace(/\s+/g, " ").trim();

    /**
     * Text as a reader reads it: on one line, without the permalink sign (# or ¶)
     * that Sphinx puts at the end of a heading.
     * @param {string} text
     */
    const cleanText = (text) => oneLine(text.replace(/[#¶]\s*$/, ""));

    /** @param {Node | null} node @returns {string} its text as a reader reads it, "" for none */
    const textOf = (node) => cleanText(node?.textContent ?? "");

    /**
     * A file-name-safe id: lower-case ASCII letters and digits joined by hyphens, accents dropped
     * ("Escenario sin título" -> "escenario-sin-titulo").
     * @param {string} text
     * @param {string} fallback  what text with no letter or digit gives
     */
    const slugify = (text, fallback) =>
      text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || fallback;

    /**
     * A value as YAML: its JSON text (JSON is YAML, so quotes, colons and line
     * breaks cannot break the document), with DEL and the C1 control characters
     * written as \u escapes, since YAML 1.1 readers such as PyYAML refuse them
     * raw or, for U+0085, read a line break.
     * @param {string | number | boolean | null | readonly string[]} value
     * @returns {string}
     */
    const yamlScalar = (value) =>
      JSON.stringify(value).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

    /** The key of this page in localStorage: its path, "/" for "/index.html". */
    const pageKey = () => location.pathname.replace(/index\.html$/, "");

    /** The page's title as its main heading says it (or the document title). */
    const pageTitle = () => {
      const h1 = $("main h1, article h1, h1");
      return cleanText(h1 ? h1.textContent ?? "" : document.title);
    };

    /**
     * Offer text as a Markdown file to download: made in the browser, so nothing leaves it.
     * @param {string} text
     * @param {string} filename
     */
    const download = (text, filename) => {
      const blob = new Blob([text], { type: "text/markdown;charset=utf-8" });
      const link = el("a", { href: URL.createObjectURL(blob), download: filename });
      document.body.append(link);
      link.click();
      // The browser reads the file after this click: let it, then tidy up.
      window.setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    };

    /**
     * Open the worksheet with answers for it to take up once (gb-worksheet.js Answers): how the self-study
     * map and the planner export to the worksheet's one draft, without a second copy of the draft's code.
     * @param {Record<string, string | string[]>} answers
     * @param {string} href  the worksheet page
     */
    const handoff = (answers, href) => {
      storage.set(HANDOFF, JSON.stringify(answers));
      location.assign(href);
    };

    /**
     * Run `setup` once the page is parsed (at once for a deferred script, so the
     * files set up in their loading order). Under Node there is no page: never.
     * @param {() => void} setup
     */
    const ready = (setup) => {
      if (typeof document === "undefined") return;
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
      else setup();
    };

    return {
      STORE, HANDOFF, $, $$, need, el, withNodes, storage, parseJson, readJsonData, oneLine, cleanText, textOf, slugify, yamlScalar,
      pageKey, pageTitle, download, handoff, ready,
    };
  })(),

  /**
   * The role lens, which the explorer follows: set by gb-lens.js.
   * @type {typeof import("./gb-lens.js") | undefined}
   */
  lens: undefined,

  /**
   * Long lists loaded a page at a time: set by gb-lists.js.
   * @type {typeof import("./gb-lists.js") | undefined}
   */
  lists: undefined,

  /**
   * The comparison, which the explorer sets up: set by gb-compare.js.
   * @type {typeof import("./gb-compare.js") | undefined}
   */
  compare: undefined,

  /**
   * The self-study map's pure functions: set by gb-selfstudy-model.js.
   * @type {typeof import("./gb-selfstudy-model.js") | undefined}
   */
  selfStudy: undefined,

  /**
   * The session planner's pure functions: set by gb-planner-model.js.
   * @type {typeof import("./gb-planner-model.js") | undefined}
   */
  planner: undefined,

  /**
   * The worksheet's pure functions: set by gb-worksheet-model.js.
   * @type {typeof import("./gb-worksheet-model.js") | undefined}
   */
  worksheet: undefined,

  /**
   * The privacy check, its rules loaded on demand: set by gb-privacy.js.
   * @type {typeof import("./gb-privacy.js") | undefined}
   */
  privacy: undefined,
};

// In a browser the `var` above is already a property of the global object; under
// Node (the unit tests) this file is a CommonJS module, where it is not.
globalThis.Glassbox = Glassbox;
