// @ts-check
/* Glass-Box Handbook: answers to the design prompts. Each prompt gets a field;
   answers are kept only in this browser (localStorage), printed with the page,
   exported as a Markdown file and cleared after a confirmation. */
"use strict";

(() => {
  const { STORE, $, $$, el, storage, textOf, slugify, pageKey, pageTitle, download, ready } = Glassbox.core;
  /** What prints in place of an empty answer. */
  const noAnswer = () => gbT("(no answer yet)");
  /** A prompt's paragraphs that are not its words: its label, its roles and the lens's badge. */
  const NOT_WORDS = ":not(.glassbox-prompt-label):not(.glassbox-prompt-roles):not(.gb-lens-badge)";

  /**
   * One design prompt and the reader's answer, as exported.
   * @typedef {object} AnsweredPrompt
   * @property {string} question  the prompt's words, paragraphs separated by a blank line
   * @property {string} roles  the prompt's line naming its roles, "" if none
   * @property {string} answer  the reader's answer, "" if none
   */

  /** A Markdown heading of `level` with `text`. @param {number} level @param {string} text */
  const heading = (level, text) => `${"#".repeat(level)} ${text}`;
  /** Markdown's emphasis. @param {string} text */
  const emphasis = (text) => `_${text}_`;

  /**
   * The reader's answers as Markdown: each prompt quoted, then its answer.
   * @param {string} title  the page's title
   * @param {string} url  the page's address, without a fragment
   * @param {readonly AnsweredPrompt[]} prompts
   * @returns {string}
   */
  const answersMarkdown = (title, url, prompts) => {
    const lines = [heading(1, gbT("My answers: {title}", { title })), "", gbT("From the page {url}.", { url: `<${url}>` }), ""];
    prompts.forEach(({ question, roles, answer }, i) => {
      lines.push(heading(2, gbT("Prompt {n}", { n: i + 1 })), "", `> ${question.replace(/\n/g, "\n> ")}`, "");
      if (roles) lines.push(`*${roles}*`, "");
      lines.push(answer.trim() || emphasis(gbT("(no answer)")), "");
    });
    return lines.join("\n");
  };

  /**
   * What the line under a field says once the reader stops typing.
   * @param {boolean} kept  whether the browser kept the answer
   * @param {string} value  the field's text
   * @param {Date} when
   * @returns {string}
   */
  const savedMessage = (kept, value, when) => {
    if (!kept) return gbT("This browser would not save this answer; export your answers to keep them.");
    const time = `${String(when.getHours()).padStart(2, "0")}:${String(when.getMinutes()).padStart(2, "0")}`;
    return value ? gbT("Answer saved in this browser at {time}.", { time }) : gbT("Answer cleared from this browser at {time}.", { time });
  };

  /** @param {string} title  the page's title @returns {string} the exported file's name */
  const answersFilename = (title) => {
    const name = gbT("my-answers");
    return `${slugify(name, "my-answers")}-${slugify(title, "page")}.md`;
  };

  /** @param {HTMLElement} prompt @returns {AnsweredPrompt} */
  const readPrompt = (prompt) => ({
    question: $$(`:scope > p${NOT_WORDS}, :scope > :not(p):not(.gb-answer-wrap):not(.gb-lens-badge)`, prompt)
      .map(textOf).filter(Boolean).join("\n\n"),
    roles: textOf($(".glassbox-prompt-roles", prompt)),
    answer: prompt.querySelector("textarea")?.value ?? "",
  });

  /**
   * Give a prompt its answer field, filled with the kept answer and kept as the reader types.
   * @param {HTMLElement} prompt
   * @param {string} key  where the answer is kept
   */
  const addAnswerField = (prompt, key) => {
    const pid = prompt.dataset.prompt ?? "";
    const saved = storage.get(key) ?? "";
    const area = el("textarea", { id: `${pid}-answer`, class: "gb-answer", rows: "4", "data-prompt": pid });
    area.value = saved;
    // The prompt's own words describe the field, so each "Your answer" says which prompt it answers.
    const words = $(`:scope > p${NOT_WORDS}`, prompt);
    if (words) {
      words.id ||= `${pid}-text`;
      area.setAttribute("aria-describedby", words.id);
    }
    // What prints in place of the field (the print stylesheet hides the field).
    const mirror = el("div", { class: "gb-answer-print", "aria-hidden": "true", text: saved || noAnswer() });
    // Keeping the answer is reported under the field being typed in, where the reader is looking.
    const status = el("p", { class: "gb-answer-saved", id: `${pid}-saved`, role: "status", "aria-live": "polite" });
    const wrap = el("div", { class: "gb-answer-wrap" }, [
      el("label", { for: area.id, class: "gb-answer-label", text: gbT("Your answer") }), area, status, mirror,
    ]);
    prompt.insertBefore(wrap, $(":scope > .glassbox-prompt-roles", prompt));

    /** @returns {boolean} whether the browser kept it */
    const keep = () => {
      if (area.value) return storage.set(key, area.value);
      storage.remove(key);
      return true;
    };
    let timer = 0;
    area.addEventListener("input", () => {
      mirror.textContent = area.value || noAnswer();
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        status.textContent = savedMessage(keep(), area.value, new Date());
      }, 300);
    });
    area.addEventListener("blur", keep);
  };

  /** @param {string} classes @param {string} text */
  const button = (classes, text) => el("button", { type: "button", class: `gb-btn ${classes}`, text });

  /**
   * Make `clearButton` ask first: a group whose Cancel takes focus; Cancel or
   * Escape closes it and gives focus back to the button.
   * @param {HTMLButtonElement} clearButton
   * @param {HTMLElement} status
   * @param {() => void} clear  deletes the answers
   * @returns {HTMLElement} the question, hidden until asked
   */
  const confirmClear = (clearButton, status, clear) => {
    const yes = button("gb-btn-danger gb-clear-yes", gbT("Yes, delete them"));
    const no = button("gb-clear-no", gbT("Cancel"));
    const box = el("div", { class: "gb-confirm", role: "group", "aria-labelledby": "gb-confirm-q", hidden: true }, [
      el("p", { id: "gb-confirm-q", text: gbT("Delete every answer on this page from this browser? This cannot be undone.") }), yes, " ", no,
    ]);
    const close = () => {
      box.hidden = true;
      clearButton.setAttribute("aria-expanded", "false");
      clearButton.focus();
    };
    clearButton.addEventListener("click", () => {
      box.hidden = false;
      clearButton.setAttribute("aria-expanded", "true");
      no.focus();
    });
    no.addEventListener("click", () => { close(); status.textContent = gbT("Nothing was deleted."); });
    box.addEventListener("keydown", (event) => { if (event.key === "Escape") close(); });
    yes.addEventListener("click", () => {
      clear();
      close();
      status.textContent = gbT("Your answers on this page were deleted from this browser.");
    });
    return box;
  };

  /** An answer field for every design prompt on the page, and above the first one the bar to export or clear them. */
  const setupPrompts = () => {
    const prompts = $$(".glassbox-prompt[data-prompt]");
    const first = prompts[0];
    if (!first) return;
    const base = `${STORE}answer:${pageKey()}:`;
    /** @param {HTMLElement} prompt */
    const keyOf = (prompt) => base + (prompt.dataset.prompt ?? "");
    const status = el("p", { class: "gb-answers-status", role: "status", "aria-live": "polite" });
    for (const prompt of prompts) addAnswerField(prompt, keyOf(prompt));

    const exportButton = button("gb-export", gbT("Export my answers"));
    const clearButton = button("gb-clear", gbT("Clear my answers"));
    const confirmBox = confirmClear(clearButton, status, () => {
      for (const prompt of prompts) {
        const area = prompt.querySelector("textarea");
        if (area) area.value = "";
        const mirror = $(".gb-answer-print", prompt);
        if (mirror) mirror.textContent = noAnswer();
        const saved = $(".gb-answer-saved", prompt);
        if (saved) saved.textContent = "";
        storage.remove(keyOf(prompt));
      }
    });
    first.before(el("section", { class: "gb-answers-bar", "aria-label": gbT("Your answers to the design prompts") }, [
      el("p", { class: "gb-answers-note" }, [
        el("strong", { text: gbT("Answer the design prompts on this page.") }), " ",
        gbT("Your answers are kept only in this browser, on this device; nothing leaves it. Export them to keep a copy or share them."),
      ]),
      el("p", { class: "gb-answers-actions" }, [exportButton, " ", clearButton]), confirmBox, status,
    ]));

    exportButton.addEventListener("click", () => {
      const title = pageTitle();
      download(answersMarkdown(title, location.href.split("#")[0] ?? "", prompts.map(readPrompt)), answersFilename(title));
      status.textContent = gbT("Your answers were downloaded as a Markdown file.");
    });
  };

  ready(setupPrompts);
  if (typeof module === "object" && module.exports) module.exports = { answersMarkdown, answersFilename, savedMessage };
})();
