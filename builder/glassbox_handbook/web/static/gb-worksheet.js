// @ts-check
/* Glass-Box Handbook: the worksheet. A workshop's answers are kept in this
   browser as they are typed and downloaded as a scenario draft that passes
   `python -m glassbox_handbook check`. The draft's layout is not written here: it is
   the scenario skeleton the page embeds (the same one as
   scenarios/_template.md and `python -m glassbox_handbook new-scenario`), filled in.
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
/** One box of the "Propose a scenario" issue form (glassbox_handbook/views/worksheet.py issue_fields).
 * @typedef {{ id: string, label: string, kind: string, options: string[] }} IssueField */
/**
 * What glassbox_handbook/views/worksheet.py embeds as gb-worksheet-data. Nothing in it is a default answer:
 * roles, trajectory, basis and consent are the team's to choose.
 * @typedef {object} WorksheetData
 * @property {string} source  bibliography key of the paper a draft cites
 * @property {Array<{ id: string, name: string }>} components
 * @property {string[]} levels  level ids, in the framework's order
 * @property {string[]} roles  role ids, in the framework's order
 * @property {Record<string, string>} names  the name of every level, role, trajectory and basis, by id
 * @property {string[]} privacyChecks  the de-identification boxes; all ticked means de-identified
 * @property {Record<string, string>} consent  the consent answers, by value
 * @property {IssueField[]} issue
 * @property {Skeleton} skeleton
 * @property {string[]} facts  the four facts' field names, in order (the front-matter model's)
 * @property {Record<string, string>} otherProse  the model's other fields of free text, with their defaults
 */
/** @typedef {Record<string, string | string[]>} Answers  the form's fields by name: text (or the radio chosen), or the ticked values of a group of boxes */
/** @typedef {string | boolean | readonly string[]} SkeletonValue */
/**
 * @typedef {object} Draft
 * @property {string} id  the scenario's id, also its file name without ".md"
 * @property {string} text  the file
 * @property {number} enacted  how many components have a section
 * @property {string[]} roles  the roles ticked: none means the draft names none
 * @property {string[]} missing  what the team has still to choose or confirm, in words
 */
"use strict";

(() => {
  const { STORE, HANDOFF, need, el, storage, parseJson, readJsonData, oneLine, slugify, yamlScalar, pageKey, download, ready } = Glassbox.core;
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
   * A component's section, or null if the team wrote no summary for it (it was not at work). Its basis is the
   * team's choice, "" if none: the draft claims no basis for it.
   * @param {Answers} answers
   * @param {{ id: string, name: string }} component
   * @param {readonly string[]} roles
   * @param {Skeleton} skeleton
   */
  const componentSection = (answers, component, roles, skeleton) => {
    const summary = oneLine(field(answers, `${component.id}-summary`));
    if (!summary) return null;
    const prompt = fillSkeleton(skeleton.prompt, {
      roles: roles.join(", "),
      prompt: oneLine(field(answers, `${component.id}-prompt`))
        || `Who could do what next about ${component.name.toLowerCase()}, and with which evidence?`,
    });
    return fillSkeleton(skeleton.section, {
      component: component.name,
      basis: field(answers, `${component.id}-basis`),
      summary,
      story: field(answers, `${component.id}-story`).trim(),
      prompts: joinBlocks([prompt]),
    });
  };

  /**
   * What the team has still to choose or confirm before the handbook can publish its account, in words.
   * @param {Answers} answers
   * @param {WorksheetData} data
   */
  const stillToDo = (answers, data) => {
    const named = data.components.filter((c) => oneLine(field(answers, `${c.id}-summary`)));
    return [
      ...(oneLine(field(answers, "title")) ? [] : ["a title"]),
      ...(named.length ? [] : ["one component in a sentence"]),
      ...(ticked(answers, "levels").length ? [] : ["the levels where the work happened"]),
      ...(ticked(answers, "roles").length ? [] : ["the roles involved"]),
      ...(field(answers, "trajectory") ? [] : ["how far the work has gone"]),
      ...named.filter((c) => !field(answers, `${c.id}-basis`)).map((c) => `where the account of ${c.name.toLowerCase()} comes from`),
      ...(field(answers, "consent") ? [] : ["the answer about consent"]),
      ...(ticked(answers, "deidentified").length === data.privacyChecks.length ? [] : ["every box of the de-identification checklist"]),
    ];
  };

  /**
   * A team's answers as a scenario draft. Front-matter values are put on one line. What the team left empty
   * stays empty (no role, trajectory, basis or consent is chosen for it), so the draft claims nothing the
   * team did not, and `check` says what is missing. De-identified only when every checklist box is ticked.
   * @param {Answers} answers
   * @param {WorksheetData} data
   * @returns {Draft}
   */
  const buildDraft = (answers, data) => {
    const title = oneLine(field(answers, "title")) || "Untitled scenario";
    const id = slugify(title, "my-scenario");
    const roles = ticked(answers, "roles");
    const sections = data.components.flatMap((c) => componentSection(answers, c, roles, data.skeleton) ?? []);
    const text = fillSkeleton(data.skeleton.document, {
      id,
      title,
      ...Object.fromEntries(Object.entries(data.otherProse).map(([f, d]) => [f, oneLine(field(answers, f)) || d])),
      ...Object.fromEntries(data.facts.map((f) => [f, oneLine(field(answers, f))])),
      levels: ticked(answers, "levels"),
      roles,
      trajectory: field(answers, "trajectory"),
      sources: [data.source],
      contributor: oneLine(field(answers, "name")) || "Workshop participants",
      deidentified: data.privacyChecks.every((check) => ticked(answers, "deidentified").includes(check)),
      consent: field(answers, "consent"),
      introduction: field(answers, "felt_difficulty").trim(),
      sections: joinBlocks(sections),
    });
    // What the team left empty leaves no run of blank lines behind it.
    const tidy = text.replace(/\n{3,}/g, "\n\n").replace(/\n*$/, "\n");
    return { id, text: tidy, enacted: sections.length, roles, missing: stillToDo(answers, data) };
  };

  /**
   * The answers as the text for each box of the "Propose a scenario" issue form, in the form's order.
   * @param {Answers} answers
   * @param {WorksheetData} data
   * @returns {Array<{ id: string, label: string, text: string }>}
   */
  const issueText = (answers, data) => data.issue.map(({ id, label }) => {
    const names = (/** @type {string[]} */ values) => values.map((v) => data.names[v] ?? v).join("\n");
    const component = data.components.find((c) => c.id === id);
    let text = field(answers, id).trim();
    if (["levels", "roles"].includes(id)) text = names(ticked(answers, id));
    else if (id === "trajectory") text = names([field(answers, id)].filter(Boolean));
    else if (id === "consent") text = data.consent[field(answers, id)] ?? "";
    else if (id === "deidentified") text = `${ticked(answers, id).length} of ${data.privacyChecks.length} boxes ticked`;
    else if (component) {
      const part = (/** @type {string} */ name, /** @type {string} */ heading) => {
        const value = field(answers, `${id}-${name}`).trim();
        return value ? `${heading}: ${value}` : "";
      };
      const basis = field(answers, `${id}-basis`);
      text = [part("summary", "In one sentence"), part("story", "What happened"), part("prompt", "A question to take up next"),
        basis ? `Where the account comes from: ${data.names[basis] ?? basis}` : ""].filter(Boolean).join("\n\n");
    }
    return { id, label, text };
  });

  /**
   * What the status says once the draft is downloaded: what is still to do, or how to share it, in plain words.
   * @param {Draft} draft
   */
  const draftStatus = ({ id, missing }) => {
    if (missing.length) {
      return `Downloaded ${id}.md. Before the handbook can publish it, your team still needs to give: ${missing.join("; ")}. ` +
        "Fill these in above and download again.";
    }
    return `Downloaded ${id}.md. It is complete. To share it, open the “Propose a scenario” form and paste in the text ` +
      "the other button shows, box by box; a maintainer will take it from there.";
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
  const isBox = (f) => f instanceof HTMLInputElement && (f.type === "checkbox" || f.type === "radio");

  /** @param {HTMLFormElement} form @returns {Answers} */
  const formAnswers = (form) => {
    /** @type {Answers} */
    const answers = {};
    for (const f of fieldsOf(form)) {
      if (!f.name) continue;
      if (!isBox(f)) answers[f.name] = f.value;
      else if (f.checked) answers[f.name] = f.type === "radio" ? f.value : [...ticked(answers, f.name), f.value];
    }
    return answers;
  };

  /** @param {HTMLFormElement} form @param {Answers} answers @param {boolean} [some]  only the fields the answers hold */
  const fillForm = (form, answers, some = false) => {
    for (const f of fieldsOf(form)) {
      if (some && !Object.hasOwn(answers, f.name)) continue;
      if (isBox(f)) f.checked = f.type === "radio" ? field(answers, f.name) === f.value : ticked(answers, f.name).includes(f.value);
      else if (typeof answers[f.name] === "string") f.value = field(answers, f.name);
    }
  };

  /** The worksheet, filled with the answers kept from last time (and any sent from the self-study map); its buttons work. */
  const setupWorksheet = () => {
    const form = document.getElementById("gb-worksheet");
    const data = /** @type {WorksheetData | null} */ (readJsonData("gb-worksheet-data"));
    if (!(form instanceof HTMLFormElement) || !data) return;
    const key = `${STORE}worksheet:${pageKey()}`;
    const button = need(".gb-ws-download", form, HTMLButtonElement);
    const issue = need(".gb-ws-issue", form, HTMLButtonElement);
    const status = need(".gb-ws-status", form, HTMLElement);
    const hint = form.querySelector(".gb-ws-nojs");
    if (hint instanceof HTMLElement) hint.hidden = true;
    button.disabled = false;
    issue.disabled = false;
    const keep = () => { storage.set(key, JSON.stringify(formAnswers(form))); };

    const kept = parseJson(storage.get(key) ?? "null");
    if (isAnswers(kept)) fillForm(form, kept);
    const sent = parseJson(storage.get(HANDOFF) ?? "null");
    if (isAnswers(sent)) {
      fillForm(form, sent, true);
      keep();
      status.textContent = "Filled in from the page you came from (the self-study map or the session planner). Read each part, " +
        "then choose the roles, how far the work has gone and where each account comes from: nothing is chosen for you.";
    }
    storage.remove(HANDOFF);
    form.addEventListener("input", keep);
    form.addEventListener("change", keep);

    // The form's main action is its submit button: the page answers it itself, nothing is sent anywhere.
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const section = need(".gb-ws-issue-text", form, HTMLElement);
      const boxes = need(".gb-ws-issue-boxes", section, HTMLElement);
      boxes.replaceChildren(...issueText(formAnswers(form), data).map(({ id, label, text }) => el("p", { class: "gb-ws-field" }, [
        el("label", { for: `ws-issue-${id}`, text: `For the box “${label}”` }),
        el("textarea", { id: `ws-issue-${id}`, readonly: "", rows: String(Math.min(8, text.split("\n").length + 1)), text }),
      ])));
      section.hidden = false;
      section.scrollIntoView({ block: "start" });
    });

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
  if (typeof module === "object" && module.exports) module.exports = { fillSkeleton, joinBlocks, buildDraft, draftStatus, issueText, isAnswers };
})();
