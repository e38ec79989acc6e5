// @ts-check
/* Glass-Box Handbook: the worksheet. A workshop's answers are kept in this
   browser as they are typed and downloaded as a scenario draft that passes
   `python -m builder check`. The draft's layout is not written here: it is
   the scenario skeleton the page embeds (the same one as
   scenarios/_template.md and `python -m builder new-scenario`), filled in.
   Data: builder/worksheet.py's gb-worksheet-data. */
/**
 * The scenario file's layout: plain-text templates with placeholders. {{name}}
 * takes text as it is; {{name|yaml}} takes a value written as YAML (its JSON
 * text). Filled sections, and a section's prompts, are joined one blank line
 * apart; the file ends with one line break.
 * @typedef {object} Skeleton
 * @property {string} document  front matter and title; {{sections}} where the component sections go
 * @property {string} section  one component section; {{prompts}} where its design prompts go
 * @property {string} prompt  one design prompt
 */
/**
 * What builder/worksheet.py embeds as gb-worksheet-data.
 * @typedef {object} WorksheetData
 * @property {string} source  bibliography key of the paper a draft cites
 * @property {string} trajectory  the trajectory id a draft starts with
 * @property {string} basis  the basis a draft's sections start with (the framework's default)
 * @property {Array<{ id: string, name: string }>} components
 * @property {string[]} levels  level ids, in the framework's order
 * @property {string[]} roles  role ids, in the framework's order
 * @property {Skeleton} skeleton
 */
/** @typedef {Record<string, string | string[]>} Answers  the form's fields by name: text, or the ticked values of a group of boxes */
/** @typedef {string | boolean | readonly string[]} SkeletonValue */
/**
 * @typedef {object} Draft
 * @property {string} id  the scenario's id, also its file name without ".md"
 * @property {string} text  the file
 * @property {number} enacted  how many components have a section
 * @property {string[]} roles  the roles ticked: none means the draft names none
 */
"use strict";

(() => {
  const { STORE, need, storage, parseJson, readJsonData, oneLine, slugify, yamlScalar, pageKey, download, ready } = Glassbox.core;
  const FACTS = ["felt_difficulty", "collaborative_project", "primary_focus", "illustrative_evidence"];
  const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

  /**
   * A skeleton template with its placeholders filled in. Every placeholder must
   * have a value: one without is an error, so that the skeleton and this script
   * cannot drift apart unnoticed. Values are inserted once, never read as
   * templates themselves.
   * @param {string} template
   * @param {Readonly<Record<string, SkeletonValue>>} values
   * @returns {string}
   * @throws {Error} for a placeholder that is malformed, has no value, or asks for text and gets a list or a yes/no
   */
  const fillSkeleton = (template, values) => template.replace(PLACEHOLDER, (placeholder, inner) => {
    const [, name = "", yaml] = /^([a-z_][a-z0-9_]*)(\|yaml)?$/.exec(inner) ?? [];
    if (!name) throw new Error(`Malformed placeholder ${placeholder} in the scenario skeleton`);
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) throw new Error(`The scenario skeleton has ${placeholder}, which the worksheet does not fill`);
    if (yaml) return yamlScalar(value);
    if (typeof value !== "string") throw new Error(`${placeholder} takes text; {{${name}|yaml}} would take this value`);
    return value;
  });

  /**
   * Markdown blocks, one blank line apart.
   * @param {readonly string[]} blocks
   */
  const joinBlocks = (blocks) => blocks.map((b) => b.replace(/\n+$/, "")).join("\n\n");

  /** @param {Answers} answers @param {string} name @returns {string} the field's text, "" if none */
  const field = (answers, name) => {
    const value = answers[name];
    return typeof value === "string" ? value : "";
  };

  /** @param {Answers} answers @param {string} name @returns {string[]} the boxes ticked in a group */
  const ticked = (answers, name) => {
    const value = answers[name];
    return Array.isArray(value) ? value : [];
  };

  /**
   * A component's section, or null if the workshop wrote no summary for it (it was not at work).
   * @param {Answers} answers
   * @param {{ id: string, name: string }} component
   * @param {readonly string[]} roles
   * @param {Skeleton} skeleton
   * @param {string} basis  the framework's default basis (the team marks what it reports from a source)
   */
  const componentSection = (answers, component, roles, skeleton, basis) => {
    const summary = oneLine(field(answers, `${component.id}-summary`));
    if (!summary) return null;
    const prompt = fillSkeleton(skeleton.prompt, {
      roles: roles.join(", "),
      prompt: oneLine(field(answers, `${component.id}-prompt`))
        || `Who could do what next about ${component.name.toLowerCase()}, and with which evidence?`,
    });
    return fillSkeleton(skeleton.section, {
      component: component.name,
      basis,
      summary,
      story: field(answers, `${component.id}-story`).trim() || "What happened, in a few short paragraphs.",
      prompts: joinBlocks([prompt]),
    });
  };

  /**
   * A workshop's answers as a scenario draft. Front-matter values are put on one
   * line; what was left empty gets a placeholder text that says what to write.
   * No role ticked means none is written: the status asks for one.
   * @param {Answers} answers
   * @param {WorksheetData} data
   * @returns {Draft}
   */
  const buildDraft = (answers, data) => {
    const title = oneLine(field(answers, "title")) || "Untitled scenario";
    const id = slugify(title, "my-scenario");
    const roles = ticked(answers, "roles");
    const levels = ticked(answers, "levels");
    const sections = data.components.flatMap((c) => componentSection(answers, c, roles, data.skeleton, data.basis) ?? []);
    const text = fillSkeleton(data.skeleton.document, {
      id,
      title,
      ...Object.fromEntries(FACTS.map((f) => [f, oneLine(field(answers, f)) || "To be written."])),
      levels,
      roles,
      trajectory: data.trajectory,
      sources: [data.source],
      contributor: oneLine(field(answers, "name")) || "Workshop participants",
      deidentified: ticked(answers, "deidentified").length > 0,
      consent: ticked(answers, "consent").length ? "obtained" : "not-needed",
      introduction: field(answers, "felt_difficulty").trim() || "Set the scene here.",
      sections: joinBlocks(sections),
    });
    return { id, text: text.replace(/\n*$/, "\n"), enacted: sections.length, roles };
  };

  /**
   * What the status says once the draft is downloaded: the next step, or what is missing.
   * @param {Draft} draft
   */
  const draftStatus = ({ id, enacted, roles }) => {
    if (!roles.length) {
      return `Downloaded ${id}.md, but it names no role. Tick at least one role under “Roles involved”, ` +
        "then download again: a scenario needs at least one, and its design prompts are addressed to them.";
    }
    if (!enacted) return `Downloaded ${id}.md, but no component has a summary yet: add at least one before opening a pull request.`;
    return `Downloaded ${id}.md. Put it in scenarios/ and run: python -m builder check scenarios/${id}.md`;
  };

  /**
   * Whether a value (as kept in localStorage, so it may be anything) is a form's answers.
   * @param {unknown} value
   * @returns {value is Answers}
   */
  const isAnswers = (value) => typeof value === "object" && value !== null && !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string")));

  /** @param {HTMLFormElement} form */
  const fieldsOf = (form) => [...form.querySelectorAll("input"), ...form.querySelectorAll("textarea")];

  /** @param {HTMLInputElement | HTMLTextAreaElement} f @returns {f is HTMLInputElement} */
  const isBox = (f) => f instanceof HTMLInputElement && f.type === "checkbox";

  /** @param {HTMLFormElement} form @returns {Answers} */
  const formAnswers = (form) => {
    /** @type {Answers} */
    const answers = {};
    for (const f of fieldsOf(form)) {
      if (!isBox(f)) answers[f.name] = f.value;
      else if (f.checked) answers[f.name] = [...ticked(answers, f.name), f.value];
    }
    return answers;
  };

  /** @param {HTMLFormElement} form @param {Answers} answers */
  const fillForm = (form, answers) => {
    for (const f of fieldsOf(form)) {
      if (isBox(f)) f.checked = ticked(answers, f.name).includes(f.value);
      else if (typeof answers[f.name] === "string") f.value = field(answers, f.name);
    }
  };

  /** The worksheet, filled with the answers kept from last time; its download button works. */
  const setupWorksheet = () => {
    const form = document.getElementById("gb-worksheet");
    const data = /** @type {WorksheetData | null} */ (readJsonData("gb-worksheet-data"));
    if (!(form instanceof HTMLFormElement) || !data) return;
    const key = `${STORE}worksheet:${pageKey()}`;
    const button = need(".gb-ws-download", form, HTMLButtonElement);
    const status = need(".gb-ws-status", form, HTMLElement);
    const hint = form.querySelector(".gb-ws-nojs");
    if (hint instanceof HTMLElement) hint.hidden = true;
    button.disabled = false;

    const kept = parseJson(storage.get(key) ?? "null");
    if (isAnswers(kept)) fillForm(form, kept);
    form.addEventListener("input", () => { storage.set(key, JSON.stringify(formAnswers(form))); });

    button.addEventListener("click", () => {
      let draft;
      try {
        draft = buildDraft(formAnswers(form), data);
      } catch (error) {
        status.textContent = "Sorry: this page could not write the draft, because its template does not match its script. " +
          "Your answers are still kept in this browser; please tell the handbook's maintainers.";
        throw error;
      }
      download(draft.text, `${draft.id}.md`);
      status.textContent = draftStatus(draft);
    });
  };

  ready(setupWorksheet);
  if (typeof module === "object" && module.exports) module.exports = { fillSkeleton, joinBlocks, buildDraft, draftStatus, isAnswers };
})();
