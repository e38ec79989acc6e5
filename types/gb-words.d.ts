/* The globals that `_static/gb-words.js` defines on every page before the other scripts run
   (written per build by builder/glassbox_handbook/web/words_script.py), for the type check only.
   Node's unit tests define the same from that file's own code (tests/js/helpers/words.mjs). */

/** The scripts' messages in the project's language, by English message; a plural message has its forms. */
declare var GB_WORDS: Record<string, string | string[]>;
/** Which plural form a count takes in the project's language (gettext's Plural-Forms). */
declare var GB_PLURAL: (n: number) => number;
/** A message in the project's language, its `{name}` placeholders filled from `values`. */
declare function gbT(message: string, values?: Readonly<Record<string, string | number>>): string;
/** The singular or plural message for `n`, in the project's language; `{n}` and `values` are filled in. */
declare function gbN(one: string, many: string, n: number, values?: Readonly<Record<string, string | number>>): string;
