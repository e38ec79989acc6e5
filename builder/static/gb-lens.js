// @ts-check
/* Glass-Box Handbook: the role lens. "Read as" a role marks, in words and not
   only in colour, the design prompts (and the prompt index's entries) that
   concern that role, and says how many there are. The choice is kept in this
   browser; the scenario explorer (gb-explorer.js) follows it. */
"use strict";

(() => {
  const { STORE, $, $$, el, storage, readJsonData, ready } = Glassbox.core;
  const KEY = `${STORE}lens`;
  const ROLE_CLASS = "glassbox-role-";

  /**
   * A role the lens offers: builder/explorer.py's lens_roles_script embeds the list as gb-lens-roles.
   * @typedef {object} LensRole
   * @property {string} id
   * @property {string} name
   */

  /** @type {readonly LensRole[]} */
  let roles = [];
  /** The role read as, "" for none. */
  let current = "";
  /** @type {Array<(role: string) => void>} */
  const listeners = [];

  /**
   * The roles a prompt concerns: a prompt lists them in data-roles; an entry of
   * the prompt index has a glassbox-role-<id> class for each.
   * @param {string} dataRoles  the data-roles attribute, "" if none
   * @param {Iterable<string>} classes  the element's classes
   * @returns {string[]}
   */
  const promptRoles = (dataRoles, classes) => [
    ...dataRoles.split(/\s+/).filter(Boolean),
    ...[...classes].filter((c) => c.startsWith(ROLE_CLASS)).map((c) => c.slice(ROLE_CLASS.length)),
  ];

  /**
   * What the lens's status says.
   * @param {number} count  prompts on the page that concern the role
   * @param {string} name  the role's name
   */
  const statusText = (count, name) => `${count} prompt${count === 1 ? "" : "s"} on this page concern ${name}.`;

  /**
   * Mark one prompt as concerning the role or not; one that does gets a badge saying so.
   * @param {HTMLElement} prompt
   * @param {string} role  "" for no lens
   * @param {string} name  the role's name
   */
  const markPrompt = (prompt, role, name) => {
    const hit = role !== "" && promptRoles(prompt.dataset.roles ?? "", prompt.classList).includes(role);
    prompt.classList.toggle("gb-lens-hit", hit);
    prompt.classList.toggle("gb-lens-miss", role !== "" && !hit);
    let badge = $(".gb-lens-badge", prompt);
    if (hit && !badge) {
      badge = el("p", { class: "gb-lens-badge" });
      prompt.insertBefore(badge, prompt.firstChild?.nextSibling ?? null);
    }
    if (!badge) return;
    if (hit) badge.textContent = `★ Concerns you as ${name}`;
    else badge.remove();
  };

  /**
   * Read the page as `role`: mark its prompts, say how many concern it, keep the
   * choice and tell the listeners.
   * @param {string} role  "" for no lens
   */
  const setLens = (role) => {
    current = role;
    if (role) storage.set(KEY, role);
    else storage.remove(KEY);
    const name = roles.find((r) => r.id === role)?.name ?? "";
    for (const prompt of $$(".glassbox-prompt[data-roles], .glassbox-prompt-entry")) markPrompt(prompt, role, name);
    const status = $(".gb-lens-status");
    if (status) status.textContent = role ? statusText($$(".gb-lens-hit").length, name) : "";
    for (const listener of listeners) listener(role);
  };

  /** The "Read as" menu under the page's heading, set to the role kept from last time. */
  const setupLens = () => {
    const offered = /** @type {LensRole[] | null} */ (readJsonData("gb-lens-roles"));
    if (!offered?.length) return;
    roles = offered;
    const select = el("select", { id: "gb-lens-select" }, [
      el("option", { value: "", text: "Everyone (no lens)" }),
      ...roles.map((r) => el("option", { value: r.id, text: r.name })),
    ]);
    const box = el("div", { class: "gb-lens" }, [
      el("label", { for: "gb-lens-select", text: "Read as: " }), select,
      el("span", { class: "gb-lens-status", role: "status", "aria-live": "polite" }),
    ]);
    const h1 = $("main h1, article h1, h1");
    if (h1?.parentNode) h1.after(box);
    else document.body.prepend(box);
    const saved = storage.get(KEY) ?? "";
    select.value = roles.some((r) => r.id === saved) ? saved : "";
    select.addEventListener("change", () => setLens(select.value));
    if (select.value) setLens(select.value);
  };

  const lens = {
    /** @returns {string} the role the reader reads as, "" for none */
    current: () => current,
    /**
     * Call `listener` with the new role each time the reader changes the lens.
     * @param {(role: string) => void} listener
     */
    onChange: (listener) => { listeners.push(listener); },
    promptRoles,
    statusText,
  };

  Glassbox.lens = lens;
  ready(setupLens);
  if (typeof module === "object" && module.exports) module.exports = lens;
})();
