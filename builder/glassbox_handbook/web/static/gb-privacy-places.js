// @ts-check
/* Glass-Box Handbook: the privacy check's reading of word lists and of the
   names of schools, districts, universities and programs, in the browser: the
   steps of glassbox_handbook/privacy/names.py and places.py, on the rules
   generated from them (gb-privacy-rules.js). gb-privacy.js, the rest of the
   check, uses it; both run tests/privacy_cases.json in tests/js/privacy.test.mjs. */
/**
 * A pattern of the Python check, in JavaScript's syntax.
 * @typedef {{ source: string, flags: string }} Pattern
 */
/**
 * What glassbox_handbook/privacy/browser.py generates.
 * @typedef {object} Rules
 * @property {{ given: string, surnames: string, words: string }} lists  one word a line
 * @property {string[]} calendar
 * @property {Array<{ end: string, add: string }>} suffixes
 * @property {string[]} titles
 * @property {string[]} roleWords
 * @property {Record<string, string>} what
 * @property {Record<string, string>} takeOut
 * @property {Record<string, string>} reword  by kind; for a school by its level; "college"; "role", "beside", "role_and_name", with {role}
 * @property {Record<string, string>} schoolLevels  a word of a school's name -> the key of its rewording
 * @property {string[]} function
 * @property {string[]} generic
 * @property {number} leadMax
 * @property {Array<{ kind: string, keywords: string[], pattern: Pattern }>} institutions
 * @property {Record<string, Pattern>} forms
 * @property {Record<string, Pattern>} patterns
 */
"use strict";

(() => {
  /** @typedef {import("./gb-privacy.js").Finding} Finding */

  /** @param {Pattern | undefined} p @returns {Pattern} */
  const known = (p) => {
    if (!p) throw new Error("the privacy check's rules lack a pattern this script reads: regenerate them");
    return p;
  };
  /** A pattern as a RegExp. @param {Pattern | undefined} p @param {string} [extra] more flags */
  const re = (p, extra = "") => new RegExp(known(p).source, known(p).flags + extra);
  /** A pattern that must match a whole text, as Python's fullmatch. @param {Pattern | undefined} p */
  const whole = (p) => new RegExp(`^(?:${known(p).source})$`, known(p).flags);
  /** A word list, one word a line. @param {string} text */
  const lines = (text) => new Set(text.split("\n"));

  /**
   * The ordinary-word test and the names of places, compiled from the rules.
   * @param {Rules} rules
   */
  const places = (rules) => {
    const P = rules.patterns;
    const words = lines(rules.lists.words);
    const functionWords = new Set(rules.function), generic = new Set(rules.generic);
    const lead = whole(P.lead), trigger = re(P.trigger);
    const institutionPatterns = rules.institutions.map((i) => ({ ...i, regex: re(i.pattern, "g") }));

    /** @param {string} t */
    const ordinary = (t) => {
      const low = t.toLowerCase();
      return words.has(low) || rules.suffixes.some(({ end, add }) => low.endsWith(end) && words.has(low.slice(0, low.length - end.length) + add));
    };
    /** @param {string} t */
    const plain = (t) => {
      const b = /['’]s$/.test(t) ? t.slice(0, -2) : t.replace(/['’-]+$/, "");
      return b.split("-").filter(Boolean).every(ordinary);
    };
    /** @param {string} line @param {number} pos */
    const opensSentence = (line, pos) => {
      let i = pos;
      while (i && /\s/.test(line[i - 1] ?? "")) i -= 1;
      return !i || ".!?:;\"“”(—–".includes(line[i - 1] ?? "") || (pos <= rules.leadMax && lead.test(line.slice(0, pos)));
    };

    /** The rewording of a place, in the rules' language (places.py _suggest). @param {string} k @param {string} text */
    const suggest = (k, text) => {
      if (k === "school") {
        const named = text.toLowerCase().split(/\s+/);
        const level = Object.entries(rules.schoolLevels).find(([word]) => named.includes(word))?.[1] ?? "school";
        return rules.reword[level] ?? "";
      }
      if (k === "university" && text.toLowerCase().includes("college")) return rules.reword.college ?? "";
      return rules.reword[k] ?? "";
    };

    /** @param {string} line @param {boolean} heading @returns {Finding[]} */
    const institutions = (line, heading) => {
      /** @type {Finding[]} */
      const found = [];
      if (!trigger.test(line)) return found;
      const taken = new Uint8Array(line.length + 1);
      for (const { kind: k, keywords, regex } of institutionPatterns) {
        if (!keywords.some((w) => line.includes(w))) continue;
        for (const m of line.matchAll(regex)) {
          const end = m.index + m[0].length;
          let start = m.index, text = m[0].replace(/\.+$/, "");
          const pre = m.groups?.pre || m.groups?.pre2 || "";
          if (pre) {
            let parts = [...pre.matchAll(/\S+/g)].map((w) => /** @type {[number, string]} */ ([w.index, w[0]]));
            const ends = parts.flatMap(([, w], i) => (".!?".includes(w.at(-1) ?? "") && w.replace(/[.!?]+$/, "").length > 3 ? [i] : []));
            if (ends.length) parts = parts.slice((ends.at(-1) ?? -1) + 1);
            while (parts.length && (functionWords.has((parts[0]?.[1] ?? "").toLowerCase()) || generic.has((parts[0]?.[1] ?? "").toLowerCase()))) parts.shift();
            const own = parts.map(([, w]) => w).filter((w) => !generic.has(w.toLowerCase().replace(/^\.+|\.+$/g, "")));
            if (!own.length) continue;
            start = m.index + (parts[0]?.[0] ?? 0);
            const gen = line.slice(start, end).split(/\s+/).filter(Boolean).map((w) => w.toLowerCase()).filter((w) => generic.has(w));
            if (gen.length === 1 && ["school", "academy", "schools", "district"].includes(gen[0] ?? "") && own.every(plain)) continue;
            if (own.every(plain) && (heading || (opensSentence(line, start) && own.length < 2))) continue;
            if (k === "university" && text.endsWith("State") && own.every(plain)) continue;
            text = line.slice(start, end).replace(/\.+$/, "");
          }
          if (taken[start]) continue;
          taken.fill(1, start, start + text.length);
          found.push({ col: start + 1, text, kind: k, suggestion: suggest(k, text) });
        }
      }
      return found;
    };

    return { ordinary, plain, opensSentence, institutions };
  };

  const api = { places, re, whole, lines };
  const G = /** @type {any} */ (globalThis);
  G.Glassbox = G.Glassbox ?? {};
  G.Glassbox.privacyPlaces = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})();
