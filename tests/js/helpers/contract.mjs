// @ts-check
/// <reference types="node" />
/* For tests/test_javascript.py: the scripts' side of the contract with the
   Python side, run on what Python made. Reads JSON on stdin, writes JSON on stdout.
     node contract.mjs draft   {data, answers} -> the worksheet's draft {id, text, enacted, roles}
     node contract.mjs island  the text of a <script type="application/json"> element -> the value it holds */
import { readFileSync } from "node:fs";

import "./words.mjs";
import "../../../builder/glassbox_handbook/web/static/gb-core.js";
import worksheet from "../../../builder/glassbox_handbook/web/static/gb-worksheet-model.js";

const input = readFileSync(0, "utf8");
const mode = process.argv[2];
if (mode === "draft") {
  const { data, answers } = JSON.parse(input);
  process.stdout.write(JSON.stringify(worksheet.buildDraft(answers, data)));
} else if (mode === "island") {
  process.stdout.write(JSON.stringify(globalThis.Glassbox.core.parseJson(input)));
} else {
  process.stderr.write("usage: node contract.mjs draft|island < input\n");
  process.exitCode = 2;
}
