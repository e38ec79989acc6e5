// @ts-check
/* Glass-Box Handbook: glossary popups. A marked term shows its definition
   (which builder/nodes.py puts in data-name and data-definition) on hover and
   on keyboard focus, as a tooltip that describes the term's link; Escape
   hides it. One popup is open at a time. */
"use strict";

(() => {
  const { $$, el, ready } = Glassbox.core;

  /** @type {HTMLElement | null} */
  let open = null;

  /** @param {HTMLElement} term */
  const tipOf = (term) => term.querySelector(".gb-tip");

  /** @param {HTMLElement} term */
  const hide = (term) => {
    const tip = tipOf(term);
    if (tip instanceof HTMLElement) tip.hidden = true;
    if (open === term) open = null;
  };

  /** Show the term's popup, on the side of the screen with more room. @param {HTMLElement} term */
  const show = (term) => {
    if (open && open !== term) hide(open);
    const tip = tipOf(term);
    if (!(tip instanceof HTMLElement)) return;
    tip.hidden = false;
    tip.classList.toggle("gb-tip-left", term.getBoundingClientRect().left > window.innerWidth / 2);
    open = term;
  };

  /**
   * Give one term its popup.
   * @param {HTMLElement} term
   * @param {number} index  the term's place on the page, for the popup's id
   */
  const addTip = (term, index) => {
    const link = term.querySelector("a") ?? term;
    const tip = el("span", { class: "gb-tip", role: "tooltip", id: `gb-tip-${index + 1}`, hidden: true }, [
      el("strong", { text: `${term.dataset.name ?? ""}: ` }), term.dataset.definition ?? "",
    ]);
    term.append(tip);
    link.setAttribute("aria-describedby", tip.id);
    term.addEventListener("mouseenter", () => show(term));
    term.addEventListener("mouseleave", () => { if (document.activeElement !== link) hide(term); });
    link.addEventListener("focus", () => show(term));
    link.addEventListener("blur", () => hide(term));
  };

  const setupTerms = () => {
    $$(".glassbox-term[data-definition]").forEach(addTip);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && open) hide(open);
    });
  };

  ready(setupTerms);
})();
