// @ts-check
/* Glass-Box Handbook: how the browser's privacy check says to fix a finding, with the same steps as the
   Python check: whether a single role already stands beside a name, so that the name is taken out and the
   role kept once (glassbox_handbook/privacy/roles.py name_beside_role), what to do about a finding
   (advice.py fix) and the line after its one-click fix (advice.py fixed). gb-privacy.js, loaded after it,
   uses it; tests/privacy_cases.json runs through both checks. */
/**
 * A one-click fix that is more than writing a suggestion's words in place of a finding's text (places.py Rewrite):
 * the stretch of the line from `col` (1-based) that reads `text` becomes `write`.
 * @typedef {{ col: number, text: string, write: string }} Rewrite
 */
"use strict";

(() => {
  /** @typedef {import("./gb-privacy-places.js").Rules} Rules */
  /** @typedef {import("./gb-privacy.js").Finding} Finding */

  /**
   * The fixes, compiled from the rules.
   * @param {Rules} rules
   * @param {(line: string, pos: number) => boolean} opensSentence  places.py opens_sentence
   */
  const fixes = (rules, opensSentence) => {
    const { re } = /** @type {any} */ (globalThis).Glassbox.privacyPlaces;
    const P = rules.patterns;
    const [roleBefore, roleAfter, determinerBefore, closer] = [re(P.roleBefore), re(P.roleAfter), re(P.determinerBefore), re(P.closer)];
    /** @param {string} text @param {string} line @param {number} pos */
    const capital = (text, line, pos) => (text && opensSentence(line, pos) ? text.charAt(0).toUpperCase() + text.slice(1) : text);
    /** @param {string} key @param {string} role */
    const worded = (key, role) => (rules.reword[key] ?? "").replace("{role}", role);

    /**
     * [the advice, how to take the name out] when a single role already stands beside the name at line[start, end):
     * before it with a space or in apposition, after it in apposition; never a role in the plural.
     * @param {string} line @param {number} start @param {number} end
     * @returns {[string, Rewrite] | null}
     */
    const beside = (line, start, end) => {
      const window = Math.max(0, start - 48);
      const before = roleBefore.exec(line.slice(window, start));
      const found = before?.groups?.role;
      if (before && found && !found.toLowerCase().endsWith("s")) {
        const role = found.toLowerCase().split(/\s+/).join(" ");
        const roleStart = window + before.index, roleEnd = roleStart + found.length;
        if (line.slice(roleEnd, start).includes(",")) {  // apposition: its closing comma goes too, and it must close there
          const rest = line.slice(end, end + 1);
          if (rest && !",.;:!?)".includes(rest)) return null;
          const cut = end + (rest === "," ? 1 : 0);
          return [worded("beside", role), { col: roleEnd + 1, text: line.slice(roleEnd, cut), write: "" }];
        }
        if (determinerBefore.test(line.slice(Math.max(0, roleStart - 32), roleStart))) {
          return [worded("beside", role), { col: roleEnd + 1, text: line.slice(roleEnd, end), write: "" }];
        }
        const wording = worded("role", role), write = capital(wording.replace(/^"+|"+$/g, ""), line, roleStart);
        return [worded("role_and_name", wording), { col: roleStart + 1, text: line.slice(roleStart, end), write }];
      }
      const after = roleAfter.exec(line.slice(end, end + 64));
      const { role: behind, phrase: words, open } = after?.groups ?? {};
      if (after && behind && words !== undefined && !behind.toLowerCase().endsWith("s")) {
        const role = behind.toLowerCase().split(/\s+/).join(" ");
        const roleEnd = end + after.index + after[0].length, phrase = roleEnd - words.length;
        const close = closer.exec(line.slice(roleEnd, roleEnd + 80));
        const closing = close && close[0] === (open === "(" ? ")" : ",");  // the apposition's closing comma or bracket goes too
        const stop = closing ? roleEnd + close.index : roleEnd, cut = closing ? stop + 1 : roleEnd;
        return [worded("beside", role), { col: start + 1, text: line.slice(start, cut), write: capital(line.slice(phrase, stop).trimEnd(), line, start) }];
      }
      return null;
    };

    /** How to act on a finding; `invented`: with the note on invented names. @param {Finding} finding @param {boolean} [invented] */
    const fix = (finding, invented = true) => {
      const contact = rules.takeOut[finding.kind];
      if (contact) return contact;
      if (finding.rewrite) {  // the role beside the name already says who: the name goes, nothing replaces it
        return invented ? gbT("{advice} (if it is an invented name already, list it as a pseudonym)", { advice: finding.suggestion }) : finding.suggestion;
      }
      return invented
        ? gbT("write {suggestion} instead (if it is an invented name already, list it as a pseudonym)", { suggestion: finding.suggestion })
        : gbT("write {suggestion} instead", { suggestion: finding.suggestion });
    };

    /**
     * The line after a finding's one-click fix, made where the finding stands and only when the line still holds
     * its text there (a wording: anywhere); null when there is none.
     * @param {string} line @param {Finding} finding @returns {string | null}
     */
    const fixLine = (line, finding) => {
      const { rewrite } = finding;
      if (rewrite) {
        const at = rewrite.col - 1;
        return line.slice(at, at + rewrite.text.length) === rewrite.text ? line.slice(0, at) + rewrite.write + line.slice(at + rewrite.text.length) : null;
      }
      const words = /^"(.*)"$/.exec(finding.suggestion)?.[1];
      if (words === undefined || !line.includes(finding.text)) return null;
      const own = line.slice(finding.col - 1, finding.col - 1 + finding.text.length) === finding.text;
      const at = own ? finding.col - 1 : line.indexOf(finding.text);
      return line.slice(0, at) + words + line.slice(at + finding.text.length);
    };

    return { beside, fix, fixLine };
  };

  const api = { fixes };
  const G = /** @type {any} */ (globalThis);
  G.Glassbox = G.Glassbox ?? {};
  G.Glassbox.privacyFix = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})();
