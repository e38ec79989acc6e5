// @ts-check
/// <reference types="node" />
/* gbT and gbN for the scripts under Node, as every page defines them first (`_static/gb-words.js`).
   Not a copy: the functions' code is read from the module that writes gb-words.js
   (builder/glassbox_handbook/web/words_script.py, its _FUNCTIONS) and run here, so the tests use the
   page's own lookup. The scripts speak English until a test gives them words with `speak`. */
import { readFileSync } from "node:fs";

const source = readFileSync(new URL("../../../builder/glassbox_handbook/web/words_script.py", import.meta.url), "utf8");
const found = /^_FUNCTIONS = """\\\n([\s\S]*?)"""/m.exec(source);
if (!found?.[1]) throw new Error("web/words_script.py has no _FUNCTIONS = \"\"\"\\ … \"\"\" for the tests to run");
// The Python string's only escapes are doubled backslashes.
const functions = found[1].replace(/\\\\/g, "\\");

/**
 * Speak these words from now on: translations by English message (a plural message has its forms), and
 * which form a count takes. No argument: English again.
 * @param {Record<string, string | string[]>} [words]
 * @param {(n: number) => number} [plural]
 */
export const speak = (words = {}, plural = (n) => (n !== 1 ? 1 : 0)) => {
  globalThis.GB_WORDS = words;
  globalThis.GB_PLURAL = plural;
};

speak();
// `window` is the page's global object; here it is Node's.
new Function("window", functions)(globalThis);
