// @ts-check
/* Glass-Box Handbook: the self-study map's pure part. What a team records
   (a Map), reading one back from a file (readMap, which refuses anything it
   cannot vouch for), and what the page and the exports make of it: gaps as
   questions, the matrix row, Markdown, and the worksheet's answers. No names
   or words are written here: they come with the page's data
   (glassbox_handbook/views/self_study.py's gb-selfstudy-data). gb-selfstudy.js is the page. */
/** @typedef {{ id: string, name: string, core: boolean }} Component */
/** @typedef {{ id: string, title: string, href: string, levels: string[], facts: Record<string, string>,
 *   sections: Record<string, { summary: string, basis: string, href: string }> }} Scenario */
/**
 * @typedef {object} MapData
 * @property {string} format  what a map's JSON file says it is
 * @property {number} version  the newest file version this page reads
 * @property {Component[]} components
 * @property {Array<{ id: string, name: string }>} levels  the paired levels
 * @property {Array<{ key: string, label: string }>} facts  the four facts a scenario starts from
 * @property {Array<{ key: string, label: string }>} fields  the notes for one component at one level
 * @property {string} matrixFirst  the matrix's first column
 * @property {Record<string, string>} words  the gap questions and labels, with {component}, {levels}, {level}
 * @property {Scenario[]} scenarios
 * @property {string} worksheet  the worksheet page, from this page
 * @property {string[]} [allowed]  the framework's own words, never flagged by the privacy check
 */
/** @typedef {Record<string, string>} Notes  a component at a level: field key -> text */
/** @typedef {{ date: string, what: string, component: string }} LogEntry */
/**
 * @typedef {object} SelfStudyMap
 * @property {string} format
 * @property {number} version
 * @property {Record<string, string>} problem  title and the four facts
 * @property {Record<string, Record<string, Notes>>} cells  component id -> level id -> notes
 * @property {LogEntry[]} log
 */
"use strict";

(() => {
  const LIMIT = 20000;  // characters in one field: far more than a note needs, far less than a pasted file

  /** @param {MapData} data @returns {SelfStudyMap} */
  const emptyMap = (data) => ({ format: data.format, version: data.version, problem: {}, cells: {}, log: [] });

  /** `{name}` filled in from values. @param {string} template @param {Record<string, string>} values */
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, name) => values[name] ?? all);

  /** @param {unknown} v @returns {v is Record<string, unknown>} */
  const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

  /**
   * Text fields of an object, each checked: only the keys allowed, only text, none too long.
   * @param {unknown} value @param {readonly string[]} keys @param {string} where  how a message names the place
   * @returns {Record<string, string>} @throws {Error} with a message for the team
   */
  const texts = (value, keys, where) => {
    if (!isObject(value)) throw new Error(gbT("{where} should be a group of text fields", { where }));
    /** @type {Record<string, string>} */
    const out = {};
    for (const [key, text] of Object.entries(value)) {
      if (!keys.includes(key)) throw new Error(gbT("{where} has a field “{field}” this page does not know", { where, field: key }));
      if (typeof text !== "string") throw new Error(gbT("{where}, field “{field}”, should be text", { where, field: key }));
      if (text.length > LIMIT) throw new Error(gbT("{where}, field “{field}”, is longer than {n} characters", { where, field: key, n: LIMIT }));
      if (text) out[key] = text;
    }
    return out;
  };

  /**
   * A map read from a file, checked field by field; anything this page cannot vouch for is refused whole,
   * with a message that says what and where, so that a bad file never replaces a good map in part.
   * @param {unknown} value  a parsed JSON file
   * @param {MapData} data
   * @returns {{ map: SelfStudyMap, error?: undefined } | { error: string, map?: undefined }}
   */
  const readMap = (value, data) => {
    try {
      if (!isObject(value) || value.format !== data.format) throw new Error(gbT("it is not a self-study map saved by this handbook"));
      if (typeof value.version !== "number" || !Number.isInteger(value.version) || value.version < 1) {
        throw new Error(gbT("it has no version number"));
      }
      if (value.version > data.version) throw new Error(gbT("it was saved by a newer version of the handbook (version {version})", { version: value.version }));
      const components = data.components.map((c) => c.id);
      const levels = data.levels.map((l) => l.id);
      const problem = texts(value.problem ?? {}, ["title", ...data.facts.map((f) => f.key)], gbT("The title and the facts"));
      /** @type {Record<string, Record<string, Notes>>} */
      const cells = {};
      if (value.cells !== undefined && !isObject(value.cells)) throw new Error(gbT("its entries should be grouped by component"));
      for (const [c, byLevel] of Object.entries(isObject(value.cells) ? value.cells : {})) {
        if (!components.includes(c)) throw new Error(gbT("it has entries for “{component}”, which is not a component of the framework", { component: c }));
        if (!isObject(byLevel)) throw new Error(gbT("its entries for “{component}” should be grouped by level", { component: c }));
        for (const [l, notes] of Object.entries(byLevel)) {
          if (!levels.includes(l)) throw new Error(gbT("it has entries at “{level}”, which is not a level of the framework", { level: l }));
          const kept = texts(notes, data.fields.map((f) => f.key), gbT("The entry for “{component}” at “{level}”", { component: c, level: l }));
          if (Object.keys(kept).length) (cells[c] ??= {})[l] = kept;
        }
      }
      const log = value.log ?? [];
      if (!Array.isArray(log)) throw new Error(gbT("its evidence log should be a list"));
      const entries = log.map((entry, i) => {
        const e = texts(entry, ["date", "what", "component"], gbT("Evidence log entry {n}", { n: i + 1 }));
        if (e.date && !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) throw new Error(gbT("evidence log entry {n} has a date that is not YYYY-MM-DD", { n: i + 1 }));
        if (e.component && !components.includes(e.component)) {
          throw new Error(gbT("evidence log entry {n} names “{component}”, which is not a component of the framework", { n: i + 1, component: e.component }));
        }
        return { date: e.date ?? "", what: e.what ?? "", component: e.component ?? "" };
      });
      return { map: { format: data.format, version: data.version, problem, cells, log: entries } };
    } catch (error) {
      return { error: gbT("This file could not be imported: {reason}. Nothing was changed.", { reason: error instanceof Error ? error.message : String(error) }) };
    }
  };

  /** @param {SelfStudyMap} map @param {string} c @param {string} l @returns {Notes} */
  const notes = (map, c, l) => map.cells[c]?.[l] ?? {};

  /** @param {Notes} n */
  const hasNotes = (n) => Object.values(n).some((t) => t.trim());

  /** The levels at which a component has notes, in the framework's order. @param {SelfStudyMap} map @param {MapData} data @param {string} c */
  const levelsOf = (map, data, c) => data.levels.filter((l) => hasNotes(notes(map, c, l.id)));

  /** Whether a component (at one level, or at any) has notes. @param {SelfStudyMap} map @param {MapData} data @param {string} c @param {string} [l] */
  const isRecorded = (map, data, c, l) => (l ? hasNotes(notes(map, c, l)) : levelsOf(map, data, c).length > 0);

  /**
   * The gaps, as questions to take up: a component with nothing recorded; a core component (drawn at every level)
   * recorded at some levels only; and what is noted as happening with no evidence beside it.
   * @param {SelfStudyMap} map @param {MapData} data @returns {string[]}
   */
  const gaps = (map, data) => data.components.flatMap((c) => {
    const at = levelsOf(map, data, c.id);
    if (!at.length) return [fill(data.words.none ?? "", { component: c.name })];
    const out = [];
    if (c.core && at.length < data.levels.length) out.push(fill(data.words.levels ?? "", { component: c.name, levels: at.map((l) => l.name).join(", ") }));
    for (const l of at) {
      const n = notes(map, c.id, l.id);
      if (n.happening?.trim() && !n.evidence?.trim()) out.push(fill(data.words.evidence ?? "", { component: c.name, level: l.name }));
    }
    return out;
  });

  /** For each component, its "what is happening" by level: the team's row of the matrix. @param {SelfStudyMap} map @param {MapData} data
   * @returns {Array<Array<{ level: string, text: string }>>} */
  const row = (map, data) => data.components.map((c) => levelsOf(map, data, c.id).map((l) => {
    const n = notes(map, c.id, l.id);
    return { level: l.name, text: (n.happening || n.who || n.evidence || "").trim() };
  }));

  /** A Markdown heading of `level` with `text`. @param {number} level @param {string} text */
  const heading = (level, text) => `${"#".repeat(level)} ${text}`;

  /** Text safe in one Markdown table cell. @param {string} text */
  const cellText = (text) => text.replace(/\s+/g, " ").trim().replace(/\\/g, "\\\\").replace(/\|/g, "\\|");

  /** The log by date, undated last. @param {SelfStudyMap} map */
  const sortedLog = (map) => [...map.log].sort((a, b) => (a.date || "9999").localeCompare(b.date || "9999"));

  /**
   * The map as a Markdown document: the problem, every note, the matrix row, the gaps and the log.
   * @param {SelfStudyMap} map @param {MapData} data @param {string} today  YYYY-MM-DD
   */
  const toMarkdown = (map, data, today) => {
    const name = (/** @type {string} */ id) => data.components.find((c) => c.id === id)?.name ?? "";
    const title = cellText(map.problem.title ?? "") || gbT("our team");
    const lines = [heading(1, gbT("Self-study map: {title}", { title })), "", gbT("Exported on {date}.", { date: today }), ""];
    for (const f of data.facts) if (map.problem[f.key]?.trim()) lines.push(`**${f.label}:** ${map.problem[f.key]?.trim()}`, "");
    for (const c of data.components) {
      const at = levelsOf(map, data, c.id);
      if (!at.length) continue;
      lines.push(`## ${c.name}`, "");
      for (const l of at) {
        lines.push(`### ${l.name}`, "");
        const n = notes(map, c.id, l.id);
        for (const f of data.fields) if (n[f.key]?.trim()) lines.push(`- ${f.label}: ${cellText(n[f.key] ?? "")}`);
        lines.push("");
      }
    }
    const cells = row(map, data).map((entries) => entries.map((e) => `${e.level}: ${cellText(e.text)}`).join("; ") || data.words.nothing);
    lines.push(heading(2, gbT("Our row of the matrix")), "", `| ${[data.matrixFirst, ...data.components.map((c) => c.name)].join(" | ")} |`,
      `|${" --- |".repeat(data.components.length + 1)}`, `| ${[data.words.ours, ...cells].join(" | ")} |`, "");
    lines.push(heading(2, gbT("Gaps: questions to take up")), "", ...gaps(map, data).map((g) => `- ${g}`), "");
    if (map.log.length) {
      const head = [gbT("Date"), gbT("What was said, made or done"), gbT("Component")].map(cellText);
      lines.push(heading(2, gbT("Evidence log")), "", `| ${head.join(" | ")} |`, "| --- | --- | --- |",
        ...sortedLog(map).map((e) => `| ${e.date} | ${cellText(e.what)} | ${name(e.component)} |`), "");
    }
    return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
  };

  /**
   * The map as the worksheet's answers (gb-worksheet.js Answers): the title and four facts, the levels with notes,
   * and for each component with notes a summary and a story. Roles, trajectory, basis, consent and
   * de-identification are left for the team to give in the worksheet: the map never claims them.
   * @param {SelfStudyMap} map @param {MapData} data @returns {Record<string, string | string[]>}
   */
  const toAnswers = (map, data) => {
    /** @type {Record<string, string | string[]>} */
    const answers = { ...map.problem };
    answers.levels = data.levels.filter((l) => data.components.some((c) => isRecorded(map, data, c.id, l.id))).map((l) => l.id);
    for (const c of data.components) {
      const at = levelsOf(map, data, c.id);
      if (!at.length) continue;
      const said = at.map((l) => ({ level: l.name, n: notes(map, c.id, l.id) }));
      answers[`${c.id}-summary`] = said.map(({ level, n }) => `${level}: ${(n.happening || n.who || n.evidence || "").trim()}`)
        .join("; ").replace(/\s+/g, " ");
      const logged = sortedLog(map).filter((e) => e.component === c.id && e.what.trim());
      answers[`${c.id}-story`] = [
        ...said.map(({ level, n }) => [level, ...data.fields.flatMap((f) => (n[f.key]?.trim() ? [`${f.label}: ${n[f.key]?.trim()}`] : []))]
          .join("\n")),
        ...(logged.length ? [logged.map((e) => `${e.date ? `${e.date}: ` : ""}${e.what.trim()}`).join("\n")] : []),
      ].join("\n\n");
    }
    return answers;
  };

  const api = { emptyMap, readMap, fill, notes, hasNotes, isRecorded, levelsOf, gaps, row, sortedLog, toMarkdown, toAnswers };
  if (typeof Glassbox === "object") Glassbox.selfStudy = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})();
