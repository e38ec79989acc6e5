// @ts-check
/* Glass-Box Handbook: the worksheet's pure part. A team's answers made into a
   scenario draft that passes `python -m glassbox_handbook check`, the text for
   each box of the "Propose a scenario" form, and the form's address with those
   boxes filled in. The draft's layout is not written here: it is the scenario
   skeleton the page embeds (the same one as scenarios/_template.md and
   `python -m glassbox_handbook new-scenario`), filled in. Data:
   glassbox_handbook/views/worksheet.py's gb-worksheet-data. gb-worksheet.js is the page. */
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
/** One box of the "Propose a scenario" issue form (glassbox_handbook/core/issue_form.py issue_fields);
 * `prefilled`: GitHub fills it from the form's address.
 * @typedef {{ id: string, label: string, kind: string, prefilled: boolean }} IssueField */
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
 * @property {Record<string, string>} parts  the words that open each part of a component's box, by part
 * @property {string[]} cited  the bases whose sections follow a published source
 * @property {string[]} allowed  the framework file's words, never flagged by the privacy check
 * @property {string} form  the address of the "Propose a scenario" form; "" when the repository is not known
 * @property {string} contact  where a draft can be sent instead; "" when none
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
  const { oneLine, slugify, yamlScalar } = Glassbox.core;
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

  /** @param {Answers} answers @returns {string[]} the invented names the team listed, one a line */
  const pseudonymsOf = (answers) => {
    const value = answers.pseudonyms;
    return (typeof value === "string" ? value : "").split("\n").map((n) => n.trim()).filter(Boolean);
  };

  /**
   * The form's address with every box GitHub can fill; boxes that would make it too long are left for copying.
   * @param {string} form
   * @param {Array<{ id: string, label: string, text: string }>} boxes
   * @param {IssueField[]} fields
   * @returns {{ href: string, left: string[] }}
   */
  const formLink = (form, boxes, fields, limit = 8000) => {
    const fillable = new Set(fields.filter((f) => f.prefilled).map((f) => f.id));
    const params = new URLSearchParams();
    /** @type {string[]} */
    const left = [];
    // the box "title" is also the address's `title`, which GitHub makes the issue's title: the scenario's own
    for (const box of [...boxes].sort((a, b) => a.text.length - b.text.length)) {
      if (!fillable.has(box.id) || !box.text) continue;
      const trial = new URLSearchParams(params);
      trial.set(box.id, box.text);
      if (`${form}&${trial}`.length > limit) left.push(box.label);
      else params.set(box.id, box.text);
    }
    const order = fields.map((f) => f.id);
    const sorted = new URLSearchParams([...params].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
    return { href: `${form}&${sorted}`, left };
  };

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
        || gbT("Who could do what next about {component}, and with which evidence?", { component: component.name.toLowerCase() }),
    });
    return fillSkeleton(skeleton.section, {
      component: component.name,
      basis: field(answers, `${component.id}-basis`),
      summary,
      // a source named in words goes with the story, for a maintainer to turn into a reference
      story: [field(answers, `${component.id}-story`).trim(), oneLine(field(answers, `${component.id}-source`))
        ? gbT("Source, as the contributors named it: {source}", { source: oneLine(field(answers, `${component.id}-source`)) }) : ""]
        .filter(Boolean).join("\n\n"),
      prompts: joinBlocks([prompt]),
    });
  };

  /**
   * What the team has still to choose or confirm before the handbook can publish its account, in words.
   * @param {Answers} answers
   * @param {WorksheetData} data
   */
  const stillToDo = (answers, data, flagged = 0) => {
    const named = data.components.filter((c) => oneLine(field(answers, `${c.id}-summary`)));
    return [
      ...(oneLine(field(answers, "title")) ? [] : [gbT("a title")]),
      ...(named.length ? [] : [gbT("one component in a sentence")]),
      ...(ticked(answers, "levels").length ? [] : [gbT("the levels where the work happened")]),
      ...(ticked(answers, "roles").length ? [] : [gbT("the roles involved")]),
      ...(field(answers, "trajectory") ? [] : [gbT("how far the work has gone")]),
      ...named.filter((c) => !field(answers, `${c.id}-basis`))
        .map((c) => gbT("where the account of {component} comes from", { component: c.name.toLowerCase() })),
      ...(field(answers, "consent") ? [] : [gbT("the answer about consent")]),
      ...(ticked(answers, "deidentified").length === data.privacyChecks.length ? [] : [gbT("every box of the de-identification checklist")]),
      ...(flagged ? [gbN("a new wording for the detail marked above that could identify someone",
        "a new wording for the {n} details marked above that could identify someone", flagged)] : []),
    ];
  };

  /**
   * A team's answers as a scenario draft. Front-matter values are put on one line. What the team left empty
   * stays empty (no role, trajectory, basis or consent is chosen for it), so the draft claims nothing the
   * team did not, and `check` says what is missing. De-identified only when every checklist box is ticked and the
   * privacy check found nothing (`flagged`: how many details it found).
   * @param {Answers} answers
   * @param {WorksheetData} data
   * @param {number} [flagged]
   * @returns {Draft}
   */
  const buildDraft = (answers, data, flagged = 0) => {
    const title = oneLine(field(answers, "title")) || gbT("Untitled scenario");
    const id = slugify(title, slugify(gbT("my-scenario"), "my-scenario"));
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
      contributor: oneLine(field(answers, "name")) || gbT("Workshop participants"),
      deidentified: !flagged && data.privacyChecks.every((check) => ticked(answers, "deidentified").includes(check)),
      consent: field(answers, "consent"),
      introduction: field(answers, "felt_difficulty").trim(),
      pseudonyms: pseudonymsOf(answers),
      sections: joinBlocks(sections),
    });
    // What the team left empty leaves no run of blank lines behind it.
    const tidy = text.replace(/\n{3,}/g, "\n\n").replace(/\n*$/, "\n");
    return { id, text: tidy, enacted: sections.length, roles, missing: stillToDo(answers, data, flagged) };
  };

  /**
   * The answers as the text for each box of the "Propose a scenario" issue form, in the form's order.
   * @param {Answers} answers
   * @param {WorksheetData} data
   * @returns {Array<{ id: string, label: string, text: string }>}
   */
  const issueText = (answers, data) => data.issue.map(({ id, label }) => {
    if (id === "draft") return { id, label, text: buildDraft(answers, data).text };
    if (id === "pseudonyms") return { id, label, text: pseudonymsOf(answers).join("\n") };
    const names = (/** @type {string[]} */ values) => values.map((v) => data.names[v] ?? v).join("\n");
    const component = data.components.find((c) => c.id === id);
    let text = field(answers, id).trim();
    if (["levels", "roles"].includes(id)) text = names(ticked(answers, id));
    else if (id === "trajectory") text = names([field(answers, id)].filter(Boolean));
    else if (id === "consent") text = data.consent[field(answers, id)] ?? "";
    else if (id === "deidentified") {
      text = gbN("{ticked} of {n} box ticked", "{ticked} of {n} boxes ticked", data.privacyChecks.length, { ticked: ticked(answers, id).length });
    }
    else if (component) {
      const part = (/** @type {string} */ name, /** @type {string} */ heading) => {
        const value = field(answers, `${id}-${name}`).trim();
        return value ? `${heading}: ${value}` : "";
      };
      const basis = field(answers, `${id}-basis`);
      const P = data.parts;
      text = [part("summary", P.summary ?? ""), part("story", P.story ?? ""), part("prompt", P.prompt ?? ""),
        basis ? `${P.basis}: ${data.names[basis] ?? basis}` : "", part("source", P.source ?? "")].filter(Boolean).join("\n\n");
    }
    return { id, label, text };
  });

  /**
   * What the status says once the draft is downloaded: what is still to do, or how to share it, in plain words.
   * @param {Draft} draft
   */
  const draftStatus = ({ id, missing }) => {
    if (missing.length) {
      const [file, still] = [`${id}.md`, missing.join("; ")];
      return gbT("Downloaded {file}. Before the handbook can publish it, your team still needs to give: {missing}. Fill these in above and download again.", { file, missing: still });
    }
    return gbT("Downloaded {file}. It is complete. To share it, open the “Propose a scenario” form and paste in the text the other button shows, box by box; a maintainer will take it from there.",
      { file: `${id}.md` });
  };

  /**
   * Whether a value (as kept in localStorage, so it may be anything) is a form's answers.
   * @param {unknown} value
   * @returns {value is Answers}
   */
  const isAnswers = (value) => typeof value === "object" && value !== null && !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string")));

  const api = { fillSkeleton, joinBlocks, field, ticked, pseudonymsOf, buildDraft, draftStatus, issueText, isAnswers, formLink };
  if (typeof Glassbox === "object") Glassbox.worksheet = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})();
