// @ts-check
/* Glass-Box Handbook: the role lens. "Read as" a role marks, in words and not
   only in colour, the design prompts (and the prompt index's entries) that
   concern that role, and says how many there are. Prompts that concern only
   other roles are folded away (their count said, one button shows them all
   again), so a long page reads short. The choice is kept in the page's
   address (?read-as=<role>, and &prompts=all once everything is shown), so a
   link or a reload reads the same way, and in this browser; the scenario
   explorer (gb-explorer.js) follows it. */
"use strict";

(() => {
  const { STORE, $, $$, el, storage, readJsonData, ready } = Glassbox.core;
  const KEY = `${STORE}lens`;
  const ROLE_CLASS = "glassbox-role-";
  /** The address's query parameters that keep the lens: the role, and whether folded prompts are shown. */
  const PARAM = "read-as";
  const ALL_PARAM = "prompts";
  const PROMPTS = ".glassbox-prompt[data-roles], .glassbox-prompt-entry";

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
  /** Whether the reader asked to see the prompts that concern other roles too. */
  let showAll = false;
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
  const statusText = (count, name) =>
    gbN("{n} prompt on this page concerns {role}.", "{n} prompts on this page concern {role}.", count, { role: name });

  /**
   * What the fold's note says: how many prompts for other roles are folded away, or that they are shown.
   * @param {number} folded  prompts that concern only other roles
   * @param {boolean} shown  whether the reader chose to see them
   */
  const foldText = (folded, shown) => shown
    ? gbN("Showing all prompts, including {n} for other roles.", "Showing all prompts, including {n} for other roles.", folded)
    : gbN("{n} prompt for other roles is folded away.", "{n} prompts for other roles are folded away.", folded);

  /**
   * The page's address with the lens in it (or taken out), for history.replaceState.
   * @param {string} href  the current address
   * @param {string} role  "" for no lens
   * @param {boolean} all  whether the prompts for other roles are shown
   * @returns {string}
   */
  const addressFor = (href, role, all) => {
    const url = new URL(href);
    if (role) url.searchParams.set(PARAM, role);
    else url.searchParams.delete(PARAM);
    if (role && all) url.searchParams.set(ALL_PARAM, "all");
    else url.searchParams.delete(ALL_PARAM);
    return url.href;
  };

  /**
   * Keep the lens in the address without adding a history entry (file:// pages accept this too).
   */
  const keepInAddress = () => {
    try {
      history.replaceState(history.state, "", addressFor(location.href, current, showAll));
    } catch {
      /* an address that cannot be rewritten (a sandboxed frame): the choice is still kept in storage */
    }
  };

  /**
   * Mark one prompt as concerning the role or not; one that does gets a badge saying so.
   * @param {HTMLElement} prompt
   * @param {string} role  "" for no lens
   * @param {string} name  the role's name
   */
  const markPrompt = (prompt, role, name) => {
    const named = promptRoles(prompt.dataset.roles ?? "", prompt.classList);
    const hit = role !== "" && named.includes(role);
    // A prompt that names no role is for everyone: it stays in view under any lens.
    const miss = role !== "" && !hit && named.length > 0;
    prompt.classList.toggle("gb-lens-hit", hit);
    prompt.classList.toggle("gb-lens-miss", miss);
    prompt.classList.toggle("gb-lens-folded", miss && !showAll);
    let badge = $(".gb-lens-badge", prompt);
    if (hit && !badge) {
      badge = el("p", { class: "gb-lens-badge" });
      prompt.insertBefore(badge, prompt.firstChild?.nextSibling ?? null);
    }
    if (!badge) return;
    if (hit) badge.textContent = gbT("★ Concerns you as {role}", { role: name });
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
    if (!role) showAll = false;
    const name = roles.find((r) => r.id === role)?.name ?? "";
    for (const prompt of $$(PROMPTS)) markPrompt(prompt, role, name);
    const status = $(".gb-lens-status");
    if (status) status.textContent = role ? statusText($$(".gb-lens-hit").length, name) : "";
    const folded = $$(".gb-lens-miss").length;
    const fold = $(".gb-lens-fold");
    if (fold) {
      fold.hidden = folded === 0;
      const note = $(".gb-lens-fold-note", fold);
      const button = $(".gb-lens-fold-button", fold);
      if (note) note.textContent = foldText(folded, showAll);
      if (button) {
        button.textContent = showAll ? gbT("Fold them away again") : gbT("Show all {n}", { n: folded });
        button.setAttribute("aria-pressed", String(showAll));
      }
    }
    if ($(".gb-lens")) keepInAddress();
    for (const listener of listeners) listener(role);
  };

  /**
   * The "Read as" menu under the page's heading, set to the role kept from last
   * time. On the explorer the role filter is the lens (gb-explorer.js): one
   * control, not two that change each other.
   */
  const setupLens = () => {
    const offered = /** @type {LensRole[] | null} */ (readJsonData("gb-lens-roles"));
    const slot = $(".gb-lens-slot");  // the menu's place under the title, kept by the build
    if (!offered?.length) { slot?.remove(); return; }
    roles = offered;
    // The address wins over the browser's memory: a shared link reads as its sender chose.
    const params = new URLSearchParams(location.search);
    const asked = params.get(PARAM);
    const saved = asked ?? storage.get(KEY) ?? "";
    current = roles.some((r) => r.id === saved) ? saved : "";
    showAll = current !== "" && params.get(ALL_PARAM) === "all";
    if ($(".gb-explorer")) { slot?.remove(); return; }
    const onPage = $$(PROMPTS)
      .map((p) => promptRoles(p.dataset.roles ?? "", p.classList));
    const select = el("select", { id: "gb-lens-select" }, [
      el("option", { value: "", text: gbT("Everyone (no lens)") }),
      ...lensOptions(roles, onPage, current).map((r) => {
        const option = el("option", { value: r.id, text: `${r.name} (${r.count})` });
        option.disabled = r.disabled;
        return option;
      }),
    ]);
    const toggle = el("button", { type: "button", class: "gb-btn gb-lens-fold-button", "aria-pressed": "false",
      text: gbT("Show all") });
    toggle.addEventListener("click", () => {
      showAll = !showAll;
      setLens(current);
    });
    const fold = el("p", { class: "gb-lens-fold" }, [el("span", { class: "gb-lens-fold-note" }), " ", toggle]);
    fold.hidden = true;
    const box = el("div", { class: "gb-lens" }, [
      el("label", { for: "gb-lens-select", text: gbT("Read as:") }), " ", select,
      el("span", { class: "gb-lens-status", role: "status", "aria-live": "polite" }), fold,
    ]);
    const h1 = $("main h1, article h1, h1");
    if (slot) slot.replaceWith(box);
    else if (h1?.parentNode) h1.after(box);
    else document.body.prepend(box);
    select.value = current;
    select.addEventListener("change", () => {
      showAll = false;
      setLens(select.value);
    });
    if (select.value || asked !== null) setLens(select.value);
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
    foldText,
    addressFor,
  };

  Glassbox.lens = lens;
  ready(setupLens);
  if (typeof module === "object" && module.exports) module.exports = lens;
})();
