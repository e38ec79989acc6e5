// @ts-check
/* Glass-Box Handbook: foldable sections on long pages. The build marks each
   top-level section of a long page (glassbox_handbook/sphinx_ext/resolve.py,
   class gb-foldable); here each such section's heading gets a button that
   folds the section's body away and unfolds it again, announced as a
   disclosure (aria-expanded). A link to a place inside a folded section
   unfolds it first, so no anchor leads nowhere. Without the script every
   section stays open. */
"use strict";

(() => {
  const { $, $$, el, ready } = Glassbox.core;

  /**
   * What a section's button says.
   * @param {boolean} open  whether the section is unfolded
   * @param {string} title  the section's heading
   */
  const buttonLabel = (open, title) => (open ? gbT("Fold the section “{title}”", { title }) : gbT("Unfold the section “{title}”", { title }));

  /**
   * Fold or unfold one section: every child but its heading is hidden or shown.
   * @param {HTMLElement} section
   * @param {boolean} open
   */
  const setOpen = (section, open) => {
    const heading = section.firstElementChild;
    for (const child of [...section.children].slice(1)) {
      if (child instanceof HTMLElement) child.hidden = !open;
    }
    section.classList.toggle("gb-folded", !open);
    const button = heading ? $(".gb-fold-button", heading) : null;
    if (button) {
      button.setAttribute("aria-expanded", String(open));
      button.setAttribute("aria-label", buttonLabel(open, button.dataset.title ?? ""));
    }
  };

  /** Unfold the section that holds the address's target, so that following a link always shows it. */
  const unfoldTarget = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    const folded = target?.closest(".gb-foldable.gb-folded");
    if (folded instanceof HTMLElement) {
      setOpen(folded, true);
      target?.scrollIntoView();
    }
  };

  const setup = () => {
    const sections = $$("section.gb-foldable");
    for (const section of sections) {
      const heading = section.firstElementChild;
      if (!(heading instanceof HTMLElement) || !/^H[2-3]$/.test(heading.tagName)) continue;
      const title = (heading.textContent ?? "").replace("#", "").trim();
      const button = el("button", { type: "button", class: "gb-fold-button", "aria-expanded": "true" }, [
        el("span", { class: "gb-fold-mark", "aria-hidden": "true" }),
      ]);
      button.dataset.title = title;
      button.setAttribute("aria-label", buttonLabel(true, title));
      button.addEventListener("click", () => setOpen(section, section.classList.contains("gb-folded")));
      heading.append(button);
    }
    if (!sections.length) return;
    // The build writes the buttons for every section above the first one (sphinx_ext/resolve.py), so nothing
    // jumps when the script starts; here they are given their work.
    for (const button of $$(".gb-fold-all button")) {
      button.addEventListener("click", () => {
        for (const section of sections) setOpen(section, button.dataset.open === "true");
      });
    }
    addEventListener("hashchange", unfoldTarget);
    document.addEventListener("click", (event) => {
      const link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
      if (link) setTimeout(unfoldTarget);
    });
    unfoldTarget();
  };

  const sectionsApi = { buttonLabel };
  ready(setup);
  if (typeof module === "object" && module.exports) module.exports = sectionsApi;
})();
