// @ts-check
/* Glass-Box Handbook: the privacy check, in the browser. It finds what could
   identify a person or a site in a team's text before anything leaves the
   browser, with the same rules as `python -m glassbox_handbook check`
   (glassbox_handbook/privacy/scan.py and places.py): this file is the same
   steps, and everything they read (the word lists, titles, roles, patterns and
   advice) is generated from the Python check by glassbox_handbook/privacy/browser.py
   into gb-privacy-rules.js, which `load` adds to the page only when a page
   first checks something. How to fix a finding is gb-privacy-fix.js's.
   tests/privacy_cases.json runs through both. */
/** @typedef {import("./gb-privacy-places.js").Pattern} Pattern */
/** @typedef {import("./gb-privacy-places.js").Rules} Rules */
/** @typedef {import("./gb-privacy-fix.js").Rewrite} Rewrite */
/**
 * One detail that could identify someone, as the Python check's Finding; `rewrite` only for a name beside its role.
 * @typedef {{ col: number, text: string, kind: string, suggestion: string, rewrite?: Rewrite }} Finding
 */
/**
 * The check, ready to run.
 * @typedef {object} Checker
 * @property {(line: string, allowed?: ReadonlySet<string>, phrases?: readonly string[]) => Finding[]} lineFindings
 * @property {(text: string, allowed?: ReadonlySet<string>, phrases?: readonly string[]) => Array<{ line: number, finding: Finding }>} textFindings
 * @property {(words: Iterable<string>) => Set<string>} allowance
 * @property {(finding: Finding, invented?: boolean) => string} fix  how to act on it; `invented`: with the note on invented names
 * @property {(finding: Finding) => string} what
 * @property {(line: string, finding: Finding) => string | null} fixLine  the line after the one-click fix, or null (advice.py fixed)
 */
"use strict";

(() => {
  /** @param {string} s */
  const isUpper = (s) => s === s.toUpperCase() && s !== s.toLowerCase();
  /** @param {string} token */
  const base = (token) => (/['’]s$/.test(token) ? token.slice(0, -2) : token.replace(/['’-]+$/, ""));
  /** A word without its accents, "Pérez" -> "Perez": every combining mark dropped (scan.py _unaccented). @param {string} word */
  const unaccented = (word) => word.normalize("NFD").replace(/\p{M}/gu, "");

  /** @returns {typeof import("./gb-privacy-places.js")} gb-privacy-places.js, loaded before this script */
  const placesModule = () => {
    const found = /** @type {any} */ (globalThis).Glassbox?.privacyPlaces;
    if (!found) throw new Error("gb-privacy-places.js must be loaded before gb-privacy.js");
    return found;
  };

  /** @returns {typeof import("./gb-privacy-fix.js")} gb-privacy-fix.js, loaded before this script */
  const fixModule = () => {
    const found = /** @type {any} */ (globalThis).Glassbox?.privacyFix;
    if (!found) throw new Error("gb-privacy-fix.js must be loaded before gb-privacy.js");
    return found;
  };

  /**
   * The check, compiled from its rules.
   * @param {Rules} rules
   * @returns {Checker}
   */
  const compile = (rules) => {
    const { re, whole, lines } = placesModule();
    const { plain, opensSentence, institutions } = placesModule().places(rules);
    const P = rules.patterns;
    const given = lines(rules.lists.given), surnames = lines(rules.lists.surnames);
    const calendar = new Set(rules.calendar), titles = new Set(rules.titles), roleWords = new Set(rules.roleWords);
    const [trigger, roleBefore, roleAfter, speechAfter, saidAfter, link, mark, placeBefore] =
      [re(P.trigger), re(P.roleBefore), re(P.roleAfter), re(P.speechAfter), re(P.saidAfter), re(P.link), re(P.mark), re(P.placeBefore)];
    const roleTitle = whole(P.roleTitle), titleGap = whole(P.titleGap);
    const { beside, fix, fixLine } = fixModule().fixes(rules, opensSentence);
    const [mask, token, capitalised, cite, sentenceEnd] = [re(P.mask, "g"), re(P.token, "g"), re(P.capitalised, "g"),
      re(P.cite, "g"), re(P.sentenceEnd, "g")];
    const forms = Object.entries(rules.forms).map(([kind, p]) => ({ kind, regex: re(p, "g") }));

    /** @type {Map<string, [boolean, boolean, boolean]>} */
    const kinds = new Map();
    /** @param {string} word @returns {[boolean, boolean, boolean]} a given name, a surname, an ordinary word */
    const kind = (word) => {
      let k = kinds.get(word);
      if (!k) {
        const b = base(word), bare = unaccented(b);
        k = [given.has(b) || given.has(bare), surnames.has(b) || surnames.has(bare), plain(word)];
        kinds.set(word, k);
      }
      return k;
    };

    /** @param {string} line @returns {Array<[number, number]>} */
    const citingSpans = (line) => {
      const cites = [...line.matchAll(cite)].map((m) => m.index);
      if (!cites.length) return [];
      const ends = [...[...line.matchAll(sentenceEnd)].map((m) => m.index + m[0].length), line.length];
      const starts = [0, ...ends.slice(0, -1)];
      return starts.map((a, i) => /** @type {[number, number]} */ ([a, ends[i] ?? line.length]))
        .filter(([a, b]) => cites.some((c) => a <= c && c < b));
    };

    /** @param {string} line @param {RegExpMatchArray[]} tokens @param {number} i */
    const placeOrTitle = (line, tokens, i) => {
      const m = /** @type {RegExpMatchArray} */ (tokens[i]);
      const at = m.index ?? 0;
      if (!/['’]s$/.test(m[0]) && placeBefore.test(line.slice(Math.max(0, at - 12), at))) return true;
      for (const j of [i - 1, i + 1]) {
        const other = tokens[j];
        if (!other) continue;
        const [a, b] = j < i ? [other, m] : [m, other];
        if (line.slice((a.index ?? 0) + a[0].length, b.index) === " " && !titles.has(other[0])) {
          const [isGiven, isSurname, isPlain] = kind(other[0]);
          if (isPlain && !isGiven && !isSurname && !opensSentence(line, other.index ?? 0)) return true;
        }
      }
      return false;
    };

    /**
     * @param {string} line @param {ReadonlySet<string>} allowed @param {Uint8Array} taken @param {Array<[number, number]>} citing
     * @returns {Finding[]}
     */
    const persons = (line, allowed, taken, citing) => {
      const tokens = [...line.matchAll(capitalised)].filter((m) => !taken[m.index ?? 0]);
      const endOf = (/** @type {RegExpMatchArray} */ m) => (m.index ?? 0) + m[0].length;
      /** @type {Map<number, string>} */
      const flagged = new Map();
      /** @type {Map<number, number>} */
      const leads = new Map();
      /** the token indices whose title is a role ("Principal Brown") @type {Set<number>} */
      const roleLeads = new Set();
      /** @type {Map<number, [boolean, boolean, boolean]>} */
      const near = new Map();
      tokens.forEach((m, i) => {
        const word = m[0], at = m.index ?? 0;
        if (word.length < 2 || isUpper(word) || titles.has(word) || calendar.has(word) || allowed.has(word) || allowed.has(base(word))) return;
        const [isGiven, isSurname, isPlain] = kind(word);
        const prev = i ? tokens[i - 1] : undefined;
        const gap = prev ? line.slice(endOf(prev), at) : "";
        const titled = prev !== undefined && titles.has(prev[0]) && titleGap.test(gap);
        const asTitle = prev !== undefined && !titled && gap === " " && roleTitle.test(prev[0]) &&
          !roleWords.has(base(word).toLowerCase().replace(/s+$/, ""));
        if (prev && asTitle && (isGiven || isSurname || !isPlain)) {
          flagged.set(i, prev[0].toLowerCase());
          leads.set(i, prev.index ?? 0);
          roleLeads.add(i);
          return;
        }
        if (isPlain && !(isGiven || isSurname || titled)) return;
        const before = line.slice(Math.max(0, at - 48), at), after = line.slice(at + word.length, at + word.length + 64);
        const role = roleBefore.exec(titled && prev ? line.slice(Math.max(0, (prev.index ?? 0) - 48), prev.index) : before) ?? roleAfter.exec(after);
        const roleName = role?.groups?.role?.toLowerCase() ?? "";
        if (titled && prev) {
          flagged.set(i, roleName);
          leads.set(i, prev.index ?? 0);
        } else if (!role && placeOrTitle(line, tokens, i)) {
          return;
        } else if (isGiven && !isPlain) {
          flagged.set(i, roleName);
        } else if (role && (!isPlain || isGiven)) {
          flagged.set(i, roleName);
        } else if (citing.some(([a, b]) => a <= at && at < b) && !isGiven) {
          return;
        } else if (((isGiven || (isSurname && !isPlain)) && speechAfter.test(after)) || (!isPlain && saidAfter.test(after))) {
          flagged.set(i, "");
        } else if (isGiven || isSurname || !isPlain) {
          near.set(i, [isGiven || !isPlain, isGiven || isSurname || !isPlain, (isGiven || isSurname) && !isPlain]);
        }
      });
      const caps = [...new Set([...near.keys(), ...flagged.keys()])].sort((a, b) => a - b);
      for (let k = 0; k < caps.length - 1; k += 1) {
        const i = /** @type {number} */ (caps[k]), j = /** @type {number} */ (caps[k + 1]);
        const ni = near.get(i), nj = near.get(j);
        const ti = /** @type {RegExpMatchArray} */ (tokens[i]), tj = /** @type {RegExpMatchArray} */ (tokens[j]);
        if (ni?.[2] && nj?.[2] && link.test(line.slice(endOf(ti), tj.index))) {
          flagged.set(i, "");
          flagged.set(j, "");
        }
      }
      for (const order of [caps, [...caps].reverse()]) {
        for (let k = 1; k < order.length; k += 1) {
          const i = /** @type {number} */ (order[k]), j = /** @type {number} */ (order[k - 1]);
          if (flagged.has(i) || !flagged.has(j)) continue;
          const [a, b] = [tokens[i], tokens[j]].sort((x, y) => (x?.index ?? 0) - (y?.index ?? 0));
          if (!a || !b) continue;
          const gap = line.slice(endOf(a), b.index);
          const n = near.get(i);
          if (n && ((gap === " " && (n[0] || (i > j && n[1]))) || (n[1] && link.test(gap)))) flagged.set(i, flagged.get(j) ?? "");
        }
      }
      /** @type {number[][]} */
      const runs = [];
      for (const i of [...flagged.keys()].sort((a, b) => a - b)) {
        const last = runs.at(-1);
        const prev = tokens[i - 1], cur = /** @type {RegExpMatchArray} */ (tokens[i]);
        if (last && last.at(-1) === i - 1 && prev && line.slice(endOf(prev), cur.index) === " ") last.push(i);
        else runs.push([i]);
      }
      return runs.map((run) => {
        const first = /** @type {number} */ (run[0]), last = /** @type {RegExpMatchArray} */ (tokens[/** @type {number} */ (run.at(-1))]);
        const start = leads.get(first) ?? tokens[first]?.index ?? 0;
        const text = line.slice(start, last.index) + base(last[0]);
        // "Principal Brown" is reworded whole; any other name may have its role beside it already
        const own = roleLeads.has(first) ? null : beside(line, start, start + text.length);
        if (own) return { col: start + 1, text, kind: "person", suggestion: own[0], rewrite: own[1] };
        const role = (flagged.get(first) ?? "").split(/\s+/).filter(Boolean).join(" ");
        const suggestion = role ? (rules.reword.role ?? "").replace("{role}", role.endsWith("s") ? role.slice(0, -1) : role) : rules.reword.person ?? "";
        return { col: start + 1, text, kind: "person", suggestion };
      });
    };

    /** @param {string} line @param {ReadonlySet<string>} allowed */
    const quiet = (line, allowed) => {
      if (mark.test(line) || trigger.test(line)) return false;
      for (const [word] of line.matchAll(capitalised)) {
        if (titles.has(word) || roleTitle.test(word)) return false;
        if (word.length > 1 && !isUpper(word) && !allowed.has(word)) {
          const [isGiven, , isPlain] = kind(word);
          if (isGiven || !isPlain) return false;
        }
      }
      return true;
    };

    /** @param {Finding} a @param {Finding} b */
    const order = (a, b) => a.col - b.col || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.suggestion < b.suggestion ? -1 : a.suggestion > b.suggestion ? 1 : 0);

    /** @type {Checker["lineFindings"]} */
    const lineFindings = (line, allowed = new Set(), phrases = []) => {
      if (quiet(line, allowed)) return [];
      const citing = citingSpans(line);
      let masked = line.includes("`") || line.includes("[") || line.includes("http") ? line.replace(mask, (s) => " ".repeat(s.length)) : line;
      for (const phrase of [...new Set(phrases)].sort((a, b) => b.length - a.length)) {
        if (phrase && masked.includes(phrase)) masked = masked.split(phrase).join(" ".repeat(phrase.length));
      }
      /** @type {Finding[]} */
      const found = [];
      if (mark.test(masked)) {
        for (const { kind: k, regex } of forms) {
          for (const m of masked.matchAll(regex)) found.push({ col: m.index + 1, text: m[0], kind: k, suggestion: "" });
        }
      }
      found.push(...institutions(masked, masked.trimStart().startsWith("#")));
      const taken = new Uint8Array(masked.length + 1);
      for (const f of found) taken.fill(1, f.col - 1, f.col - 1 + f.text.length);
      found.push(...persons(masked, allowed, taken, citing));
      return found.sort(order);
    };

    return {
      lineFindings,
      textFindings: (text, allowed, phrases) => text.split("\n").flatMap((line, i) =>
        (line.trim() ? lineFindings(line, allowed, phrases) : []).map((finding) => ({ line: i + 1, finding }))),
      allowance: (texts) => {
        const out = new Set();
        for (const text of texts) {
          for (const [t] of text.matchAll(token)) {
            if (isUpper(t[0] ?? "")) out.add(t).add(base(t));
          }
        }
        return out;
      },
      fix,
      fixLine,
      what: (finding) => rules.what[finding.kind] ?? finding.kind,
    };
  };

  /** @type {Promise<Checker> | null} */
  let loading = null;
  /**
   * The check, once its rules are loaded: the rules' script is added to the page on the first call only, from
   * the same folder as this script, so pages that never check anything never download the word lists.
   * @returns {Promise<Checker>}
   */
  const load = () => {
    loading ??= new Promise((resolve, reject) => {
      const G = /** @type {any} */ (globalThis).Glassbox;
      if (G?.privacyRules) { resolve(compile(G.privacyRules)); return; }
      const own = document.querySelector("script[src*='gb-privacy.js']");
      const src = (own instanceof HTMLScriptElement ? own.src : "").replace(/gb-privacy\.js(\?.*)?$/, "gb-privacy-rules.js");
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => {
        const rules = /** @type {any} */ (globalThis).Glassbox?.privacyRules;
        if (rules) resolve(compile(rules)); else reject(new Error("the privacy check's rules did not load"));
      };
      script.onerror = () => { loading = null; reject(new Error("the privacy check's rules could not be downloaded")); };
      document.head.append(script);
    });
    return loading;
  };

  const api = { compile, load };
  const G = /** @type {any} */ (globalThis);
  G.Glassbox = G.Glassbox ?? {};
  G.Glassbox.privacy = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})();
