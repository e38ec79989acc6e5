// @ts-check
/* ESLint for the browser scripts (builder/glassbox_handbook/web/static, classic scripts that share
   one global, Glassbox) and their Node unit tests (tests/js, ES modules). */
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
      "prefer-template": "error",
      "object-shorthand": "error",
      "no-implicit-coercion": "error",
      "no-shadow": "error",
    },
  },
  {
    files: ["builder/glassbox_handbook/web/static/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      // `module` only for the guarded CommonJS export that the unit tests import.
      globals: { ...globals.browser, Glassbox: "readonly", gbT: "readonly", gbN: "readonly", module: "readonly" },
    },
    rules: {
      strict: ["error", "global"],
      "no-implicit-globals": "error",
    },
  },
  {
    // The file that defines the global: there it is a declaration, not a global to read.
    files: ["builder/glassbox_handbook/web/static/gb-core.js"],
    languageOptions: { globals: { Glassbox: "off" } },
  },
  {
    files: ["tests/js/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
];
