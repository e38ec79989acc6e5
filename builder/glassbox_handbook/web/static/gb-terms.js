// @ts-check
/* Glass-Box Handbook: glossary popups. A marked term shows its definition
   (which glassbox_handbook/domain/nodes.py puts in data-name and data-definition) on hover, on
   keyboard focus and on a tap, as a tooltip that describes the term's link;
   Escape, a tap elsewhere or a second focus change hides it. One popup is open
   at a time.

   On a touch screen there is no hover, so a tap that finds the popup closed
   opens it instead of following the link; a second tap on the open term
   follows it. The popup is placed in the viewport's own coordinates (fixed),
   under the line of the term that was touched or focused, and kept inside the
   screen: a term that wraps at the end of a line on a phone would otherwise
   carry its popup past the right edge. */
"use strict";

(() => {
  const { $$, el, ready } = Glassbox.core;

  /**
   * A box on the screen, in CSS pixels from the viewport's top left.
   * @typedef {{ left: number, top: number, bottom: number, width: number }} Box
   */

  /**
   * Where a popup goes: under the term's box (above it when there is no room
   * below), its left edge at the term's but moved in so that the whole popup
   * stays `margin` pixels inside the viewport.
   * @param {Box} anchor  the line box of the term the reader is on
   * @param {{ width: number, height: number }} tip  the popup's size
   * @param {{ width: number, height: number }} view  the viewport's size
   * @param {number} [margin]
   * @returns {{ left: number, top: number }}
   */
  const placeTip = (anchor, tip, view, margin = 8) => {
    const widest = Math.max(0, view.width - 2 * margin);
    const width = Math.min(tip.width, widest);
    const left = Math.max(margin, Math.min(anchor.left, view.width - margin - width));
    const below = anchor.bottom + 4;
    const above = anchor.top - 4 - tip.height;
    const top = below + tip.height <= view.height - margin || above < margin ? below : above;
    return { left: Math.round(left), top: Math.round(top) };
  };

  /** @type {HTMLElement | null} */
  let open = null;
  /** Which line of the open term its popup sits under, so scrolling can move it along. */
  let openLine = 0;

  /** @param {HTMLElement} term */
  const tipOf = (term) => term.querySelector(".gb-tip");

  /** @param {HTMLElement} term */
  const hide = (term) => {
    const tip = tipOf(term);
    if (tip instanceof HTMLElement) tip.hidden = true;
    if (open === term) open = null;
  };

  /**
   * Put the popup under one line of its term: the line a finger was on, or the
   * first line (keyboard focus, hover).
   * @param {HTMLElement} term
   */
  const place = (term) => {
    const tip = tipOf(term);
    const link = term.querySelector("a") ?? term;
    if (!(tip instanceof HTMLElement)) return;
    const lines = [...link.getClientRects()];
    const box = lines[Math.min(openLine, lines.length - 1)] ?? link.getBoundingClientRect();
    const at = placeTip(box, { width: tip.offsetWidth, height: tip.offsetHeight },
      { width: document.documentElement.clientWidth, height: window.innerHeight });
    tip.style.left = `${at.left}px`;
    tip.style.top = `${at.top}px`;
  };

  /** Show the term's popup. @param {HTMLElement} term @param {number | null} [y] */
  const show = (term, y = null) => {
    if (open && open !== term) hide(open);
    const tip = tipOf(term);
    if (!(tip instanceof HTMLElement)) return;
    tip.hidden = false;
    open = term;
    const lines = [...(term.querySelector("a") ?? term).getClientRects()];
    openLine = y === null ? 0 : Math.max(0, lines.findIndex((r) => y >= r.top && y <= r.bottom));
    place(term);
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
    let touched = false;
    let wasOpen = false;
    term.addEventListener("pointerdown", (event) => {
      touched = event.pointerType !== "mouse";
      wasOpen = open === term;
    });
    term.addEventListener("mouseenter", () => { if (!touched) show(term); });
    term.addEventListener("mouseleave", () => { if (!touched && document.activeElement !== link) hide(term); });
    link.addEventListener("click", (event) => {
      // A first tap reads the definition; the second, on the open popup's term, follows the link.
      if (touched && !wasOpen) {
        event.preventDefault();
        show(term, event.clientY);
      }
      touched = false;
    });
    link.addEventListener("focus", () => { if (!touched) show(term); });
    link.addEventListener("blur", () => hide(term));
  };

  const setupTerms = () => {
    $$(".glassbox-term[data-definition]").forEach(addTip);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && open) hide(open);
    });
    document.addEventListener("pointerdown", (event) => {
      if (open && event.target instanceof Node && !open.contains(event.target)) hide(open);
    });
    const follow = () => { if (open) place(open); };
    window.addEventListener("scroll", follow, { passive: true });
    window.addEventListener("resize", follow);
  };

  ready(setupTerms);
  if (typeof module === "object" && module.exports) module.exports = { placeTip };
})();
