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
   * A role of the framework: glassbox_handbook/views/explorer.py's lens_roles_script embeds them all as
   * gb-lens-roles, each saying whether the framework offers it in every lens (`lens`).
   * @typedef {object} LensRole
   * @property {string} id
   * @property {string} name
   * @property {boolean} [lens]
   */

  /**
   * A choice of the "Read as" menu.
   * @typedef {object} LensOption
   * @property {string} id
   * @property {string} name
   * @property {number} count  prompts on the page that concern the role
   * @property {boolean} disabled  whether choosing it would mark nothing
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
   * What the menu offers on a page: every lens role, and every other role that
   * a prompt of the page names, in the framework's order, each with how many
   * prompts concern it. A role no prompt concerns stays in view (so a reader
   * sees it is not forgotten) but cannot be chosen, unless it is the one kept.
   * @param {readonly LensRole[]} all  the framework's roles
   * @param {ReadonlyArray<readonly string[]>} prompts  each prompt's roles
   * @param {string} kept  the role read as, "" for none
   * @returns {LensOption[]}
   */
  const lensOptions = (all, prompts, kept) => all
    .map(({ id, name, lens }) => ({ id, name, lens, count: prompts.filter((named) => named.includes(id)).length }))
    .filter((r) => r.lens || r.count > 0 || r.id === kept)
    .map(({ id, name, count }) => ({ id, name, count, disabled: count === 0 && id !== kept }));

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

  /**
   * The "Read as" menu under the page's heading, set to the role kept from last
   * time. On the explorer the role filter is the lens (gb-explorer.js): one
   * control, not two that change each other.
   */
  const setupLens = () => {
    const offered = /** @type {LensRole[] | null} */ (readJsonData("gb-lens-roles"));
    if (!offered?.length) return;
    roles = offered;
    const saved = storage.get(KEY) ?? "";
    current = roles.some((r) => r.id === saved) ? saved : "";
    if ($(".gb-explorer")) return;
    const onPage = $$(".glassbox-prompt[data-roles], .glassbox-prompt-entry")
      .map((p) => promptRoles(p.dataset.roles ?? "", p.classList));
    const select = el("select", { id: "gb-lens-select" }, [
      el("option", { value: "", text: "Everyone (no lens)" }),
      ...lensOptions(roles, onPage, current).map((r) => {
        const option = el("option", { value: r.id, text: `${r.name} (${r.count})` });
        option.disabled = r.disabled;
        return option;
      }),
    ]);
    const box = el("div", { class: "gb-lens" }, [
      el("label", { for: "gb-lens-select", text: "Read as: " }), select,
      el("span", { class: "gb-lens-status", role: "status", "aria-live": "polite" }),
    ]);
    const h1 = $("main h1, article h1, h1");
    if (h1?.parentNode) h1.after(box);
    else document.body.prepend(box);
    select.value = current;
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
    /** Read as `role` ("" for none): how the explorer's role filter, which is the lens there, sets it. */
    set: (/** @type {string} */ role) => setLens(role),
    lensOptions,
    promptRoles,
    statusText,
  };

  Glassbox.lens = lens;
  ready(setupLens);
  if (typeof module === "object" && module.exports) module.exports = lens;
})();
