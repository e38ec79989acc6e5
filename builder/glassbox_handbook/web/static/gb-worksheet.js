// @ts-check
/* Glass-Box Handbook: the worksheet page. A workshop's answers are kept in this
   browser as they are typed; before any text leaves the page, every box is
   checked for what could identify someone (gb-privacy.js, the same rules as
   `check`), each finding shown under its box with why it matters and how to
   reword it, and the form's text held back until none is left. Then the page
   shows each box's text with a copy button and a link that opens the form
   with its boxes filled in; the draft downloads as a file. What the text and
   the draft say is gb-worksheet-model.js's. */
/** @typedef {import("./gb-worksheet-model.js").Answers} Answers */
/** @typedef {import("./gb-worksheet-model.js").WorksheetData} WorksheetData */
"use strict";

(() => {
  const { STORE, HANDOFF, need, el, storage, parseJson, readJsonData, pageKey, download, ready } = Glassbox.core;
  const model = Glassbox.worksheet;
  if (!model) return;  // gb-worksheet-model.js comes first on every page that has a worksheet
  const { field, ticked, pseudonymsOf, buildDraft, draftStatus, issueText, isAnswers, formLink } = model;

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
      status.textContent = gbT("Filled in from the page you came from (the self-study map or the session planner). Read each part, then choose the roles, how far the work has gone and where each account comes from: nothing is chosen for you.");
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
        const capital = (/** @type {string} */ text) => text.replace(/^./, (c) => c.toUpperCase());
        const quoted = box.value.includes("\n") ? gbT("“{text}” (line {line})", { text: finding.text, line }) : gbT("“{text}”", { text: finding.text });
        // a name beside its role is taken out (the role already says who); another name gets the offered wording
        const how = finding.rewrite ? gbT("{advice}. If you made this name up, add it to “Invented names in the account”.", { advice: capital(finding.suggestion) })
          : reword ? gbT("Write “{words}” instead. If you made this name up, add it to “Invented names in the account”.", { words: reword })
            : `${capital(check.fix(finding))}.`;
        const item = el("li", {}, [el("strong", { text: quoted }), " ",
          el("span", { text: [gbT("looks like {what}. The form is public: anyone could work out who or where is meant.", { what: check.what(finding) }), how].join(" ") })]);
        if (finding.rewrite || reword) {
          const label = finding.rewrite ? gbT("Take “{name}” out", { name: finding.text }) : gbT("Write “{words}” instead", { words: reword });
          const change = el("button", { type: "button", class: "gb-btn gb-ws-reword", text: label });
          change.addEventListener("click", () => {
            box.value = box.value.split("\n").map((l, i) => (i === line - 1 ? check.fixLine(l, finding) ?? l : l)).join("\n");
            keep();
            showFindings(box);
            box.focus();
          });
          item.append(" ", change);
        }
        return item;
      }));
      box.after(el("div", { id, class: "gb-ws-findings", role: "note" }, [
        el("p", { text: gbN("Before you share this box, check one detail:", "Before you share this box, check {n} details:", found.length) }), list]));
      return found.length;
    };

    // The word lists start loading when the team starts typing, so that the check is ready when they ask for the
    // form's text; a page that is only read never downloads them.
    form.addEventListener("input", () => {
      Glassbox.privacy?.load().catch(() => {});
    }, { once: true });
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
      status.textContent = gbT("Checking every box for names and contact details…");
      try {
        const privacy = Glassbox.privacy;
        if (!privacy) throw new Error("gb-privacy.js is not on this page");
        checker ??= await privacy.load();
      } catch {
        section.hidden = true;
        status.textContent = gbT("The privacy check could not be loaded, so the text for the form is not shown. Check your connection and press the button again.");
        return;
      }
      const flagged = proseBoxes().filter((box) => showFindings(box) > 0);
      if (flagged.length) {
        section.hidden = true;
        const first = labelOf(/** @type {HTMLElement} */ (flagged[0]));
        status.textContent = gbN("The text for the form is held back: the box “{first}” holds details that could identify someone. They are marked below it, with how to reword them. If a name is one you made up, add it to “Invented names in the account”.", "The text for the form is held back: {n} boxes hold details that could identify someone. Each is marked below its box, with how to reword it; the first is “{first}”. If a name is one you made up, add it to “Invented names in the account”.", flagged.length, { first });
        flagged[0]?.focus();
        return;
      }
      const text = issueText(formAnswers(form), data);
      boxes.replaceChildren(...text.map(({ id, label, text: value }) => {
        if (!value.trim()) return el("p", { class: "gb-ws-issue-empty", text: gbT("For the box “{box}”: nothing; leave it as it is.", { box: label }) });
        const copy = el("button", { type: "button", class: "gb-btn gb-ws-copy", text: gbT("Copy “{box}”", { box: label }) });
        copy.addEventListener("click", () => {
          void navigator.clipboard?.writeText(value).then(() => { copy.textContent = gbT("Copied “{box}”", { box: label }); }, () => {
            copy.textContent = gbT("Select the text and copy it by hand");
          });
        });
        return el("p", { class: "gb-ws-field" }, [
          el("label", { for: `ws-issue-${id}`, text: gbT("For the box “{box}”", { box: label }) }),
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
      status.textContent = gbT("No names or contact details found. The text for the form is below.");
      const open2 = section.querySelector(".gb-ws-open");
      if (open2 instanceof HTMLAnchorElement && !open2.hidden) {
        const { left } = formLink(data.form, text, data.issue);
        if (left.length) {
          const tooLong = gbT("These boxes are too long for the link and arrive empty: copy them with their buttons: {boxes}.", { boxes: left.join("; ") });
          status.textContent += ` ${tooLong}`;
        }
      }
      section.hidden = false;
      section.scrollIntoView({ block: "start" });
    });

    button.addEventListener("click", async () => {
      // the draft says it is de-identified only if the check finds nothing either; it stays on this device
      try {
        checker ??= await (Glassbox.privacy?.load() ?? Promise.reject(new Error("no privacy check")));
      } catch {
        // without the check, the checklist alone decides, as before the check existed
      }
      const flagged = proseBoxes().reduce((n, box) => n + showFindings(box), 0);
      let draft;
      try {
        draft = buildDraft(formAnswers(form), data, flagged);
      } catch (error) {
        status.textContent = gbT("Sorry: this page could not write the draft, because its template does not match its script. Your answers are still kept in this browser; please tell the handbook's maintainers.");
        throw error;
      }
      download(draft.text, `${draft.id}.md`);
      status.textContent = draftStatus(draft);
    });
  };

  ready(setupWorksheet);
})();
