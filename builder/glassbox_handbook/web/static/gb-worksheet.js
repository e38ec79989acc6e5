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
        || `Who could do what next about ${component.name.toLowerCase()}, and with which evidence?`,
    });
    return fillSkeleton(skeleton.section, {
      component: component.name,
      basis: field(answers, `${component.id}-basis`),
      summary,
      // a source named in words goes with the story, for a maintainer to turn into a reference
      story: [field(answers, `${component.id}-story`).trim(), oneLine(field(answers, `${component.id}-source`))
        ? `Source, as the contributors named it: ${oneLine(field(answers, `${component.id}-source`))}` : ""].filter(Boolean).join("\n\n"),
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
      pseudonyms: pseudonymsOf(answers),
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
    if (id === "draft") return { id, label, text: buildDraft(answers, data).text };
    if (id === "pseudonyms") return { id, label, text: pseudonymsOf(answers).join("\n") };
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

    /** The boxes the team writes prose in: checked for names before any text leaves the page. */
    const proseBoxes = () => fieldsOf(form).filter((f) => !isBox(f) && f.name && !["name", "pseudonyms"].includes(f.name));
    /** @type {import("./gb-privacy.js").Checker | null} */
    let checker = null;
    const labelOf = (/** @type {HTMLElement} */ f) => form.querySelector(`label[for="${f.id}"]`)?.textContent ?? f.id;

    /**
     * Show, under one box, what in it could identify someone, why that matters and how to reword it; "" when nothing.
     * @param {HTMLInputElement | HTMLTextAreaElement} box
     * @returns {number} how many findings
     */
    const showFindings = (box) => {
      if (!checker) return 0;
      const check = checker;
      const allowed = new Set([...check.allowance(data.allowed), ...check.allowance(pseudonymsOf(formAnswers(form)))]);
      const found = check.textFindings(box.value, allowed);
      const id = `${box.id}-findings`;
      document.getElementById(id)?.remove();
      box.removeAttribute("aria-invalid");
      if (!found.length) return 0;
      box.setAttribute("aria-invalid", "true");
      box.setAttribute("aria-errormessage", id);
      const list = el("ul", {}, found.map(({ line, finding }) => {
        const reword = /^"(.*)"$/.exec(finding.suggestion)?.[1] ?? "";
        const where = box.value.includes("\n") ? ` (line ${line})` : "";
        const how = reword ? `Write “${reword}” instead. If you made this name up, add it to “Invented names in the account”.`
          : `${check.fix(finding).replace(/^./, (c) => c.toUpperCase())}.`;
        const item = el("li", {}, [el("strong", { text: `“${finding.text}”${where}` }),
          el("span", { text: ` looks like ${check.what(finding)}. The form is public: anyone could work out who or where is meant. ${how}` })]);
        if (reword) {
          const change = el("button", { type: "button", class: "gb-btn gb-ws-reword", text: `Write “${reword}” instead` });
          change.addEventListener("click", () => {
            box.value = box.value.split("\n").map((l, i) => (i === line - 1 ? l.replace(finding.text, reword) : l)).join("\n");
            keep();
            showFindings(box);
            box.focus();
          });
          item.append(" ", change);
        }
        return item;
      }));
      box.after(el("div", { id, class: "gb-ws-findings", role: "note" }, [
        el("p", { text: `Before you share this box, check ${found.length === 1 ? "one detail" : `${found.length} details`}:` }), list]));
      return found.length;
    };

    form.addEventListener("input", (event) => {
      const target = event.target;
      if (checker && (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) && !isBox(target)) {
        if (target.name === "pseudonyms") proseBoxes().forEach(showFindings); else showFindings(target);
      }
    });

    // The form's main action is its submit button: the page answers it itself, nothing is sent anywhere.
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const section = need(".gb-ws-issue-text", form, HTMLElement);
      const boxes = need(".gb-ws-issue-boxes", section, HTMLElement);
      status.textContent = "Checking every box for names and contact details…";
      try {
        checker ??= await /** @type {any} */ (globalThis).Glassbox.privacy.load();
      } catch {
        section.hidden = true;
        status.textContent = "The privacy check could not be loaded, so the text for the form is not shown. Check your connection and press the button again.";
        return;
      }
      const flagged = proseBoxes().filter((box) => showFindings(box) > 0);
      if (flagged.length) {
        section.hidden = true;
        status.textContent = `The text for the form is held back: ${flagged.length === 1 ? "one box holds" : `${flagged.length} boxes hold`} ` +
          "details that could identify someone. Each is marked below its box, with how to reword it; " +
          `the first is “${labelOf(/** @type {HTMLElement} */ (flagged[0]))}”. If a name is one you made up, add it to “Invented names in the account”.`;
        flagged[0]?.focus();
        return;
      }
      const text = issueText(formAnswers(form), data);
      boxes.replaceChildren(...text.map(({ id, label, text: value }) => {
        if (!value.trim()) return el("p", { class: "gb-ws-issue-empty", text: `For the box “${label}”: nothing; leave it as it is.` });
        const copy = el("button", { type: "button", class: "gb-btn gb-ws-copy", text: `Copy “${label}”` });
        copy.addEventListener("click", () => {
          void navigator.clipboard?.writeText(value).then(() => { copy.textContent = `Copied “${label}”`; }, () => {
            copy.textContent = "Select the text and copy it by hand";
          });
        });
        return el("p", { class: "gb-ws-field" }, [
          el("label", { for: `ws-issue-${id}`, text: `For the box “${label}”` }),
          el("textarea", { id: `ws-issue-${id}`, readonly: "", rows: String(Math.min(8, value.split("\n").length + 1)), text: value }),
          copy,
        ]);
      }));
      const open = section.querySelector(".gb-ws-open");
      if (open instanceof HTMLAnchorElement && data.form) {
        const { href } = formLink(data.form, text, data.issue);
        open.href = href;
        open.hidden = false;
      }
      status.textContent = "No names or contact details found. The text for the form is below.";
      const open2 = section.querySelector(".gb-ws-open");
      if (open2 instanceof HTMLAnchorElement && !open2.hidden) {
        const { left } = formLink(data.form, text, data.issue);
        if (left.length) status.textContent += ` These boxes are too long for the link and arrive empty: copy them with their buttons: ${left.join("; ")}.`;
      }
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
  if (typeof module === "object" && module.exports) module.exports = { fillSkeleton, joinBlocks, buildDraft, draftStatus, issueText, isAnswers, formLink };
})();
