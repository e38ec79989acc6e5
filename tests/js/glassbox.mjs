// @ts-check
/// <reference types="node" />
/* The browser scripts, loaded as the page loads them (gb-words.js's gbT and gbN
   first, then gb-core.js for the Glassbox global), and the fixtures the unit tests share. */
import { readFileSync } from "node:fs";

import { speak } from "./helpers/words.mjs";
import "../../builder/glassbox_handbook/web/static/gb-core.js";
import compare from "../../builder/glassbox_handbook/web/static/gb-compare.js";
import explorer from "../../builder/glassbox_handbook/web/static/gb-explorer.js";
import lens from "../../builder/glassbox_handbook/web/static/gb-lens.js";
import prompts from "../../builder/glassbox_handbook/web/static/gb-prompts.js";
import selfStudy from "../../builder/glassbox_handbook/web/static/gb-selfstudy-model.js";
import terms from "../../builder/glassbox_handbook/web/static/gb-terms.js";
import worksheet from "../../builder/glassbox_handbook/web/static/gb-worksheet-model.js";

export const { core } = globalThis.Glassbox;
export { compare, explorer, lens, prompts, selfStudy, terms, worksheet, speak };

/**
 * A JSON fixture from tests/js/fixtures.
 * @param {string} name
 * @returns {unknown}
 */
export const fixture = (name) => JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8"));

/** @typedef {import("../../builder/glassbox_handbook/web/static/gb-explorer.js").ExplorerData} ExplorerData */
/** @typedef {import("../../builder/glassbox_handbook/web/static/gb-worksheet-model.js").WorksheetData} WorksheetData */
/** @typedef {import("../../builder/glassbox_handbook/web/static/gb-worksheet-model.js").Skeleton} Skeleton */

/** The explorer's data for three scenarios; one lens role (mentor) has none, one role (coach) is not in the lens. */
export const explorerData = /** @type {ExplorerData} */ (fixture("explorer-data.json"));

/** The scenario skeleton, as builder/worksheet.py embeds it today. */
export const skeleton = /** @type {Skeleton} */ (fixture("skeleton.json"));

/** The worksheet's data for three components, with the skeleton. */
export const worksheetData = { .../** @type {Omit<WorksheetData, "skeleton">} */ (fixture("worksheet-data.json")), skeleton };
