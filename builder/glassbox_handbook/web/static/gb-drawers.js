// @ts-check
/* Glass-Box Handbook: the theme's phone drawers (the navigation and the
   contents of the page), opened by buttons a keyboard and a screen reader can
   use. glassbox_handbook/web/drawers.py turns Furo's icon labels into buttons; Furo's CSS
   still slides a drawer in when its hidden checkbox (#__navigation, #__toc) is
   ticked, so a button only ticks the checkbox and keeps aria-expanded true to
   it. A tap on the dimmed page (Furo's overlay label) unticks it: the change
   event keeps the buttons in step.

   Opening moves focus to the drawer's first link, so a keyboard user starts
   where they asked to go; Escape closes the drawer and returns focus to the
   button that opened it; focus leaving the drawer closes it too. While a
   drawer is off the screen (narrow windows, where the theme makes it a fixed
   panel) it is inert: its links are not tab stops one cannot see. This file
   stands alone (every page loads it; gb-core.js loads only where it is used). */
"use strict";

(() => {
  const FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex='0']";

  /** @param {string} box  the checkbox's id */
  const parts = (box) => ({
    box: /** @type {HTMLInputElement | null} */ (document.getElementById(box)),
    buttons: /** @type {HTMLButtonElement[]} */ ([...document.querySelectorAll(`button[data-gb-drawer="${box}"]`)]),
  });

  /** @param {HTMLButtonElement | null | undefined} button */
  const drawerOf = (button) => (button ? document.getElementById(button.getAttribute("aria-controls") || "") : null);

  /** @param {Element | null} drawer  whether the theme shows it as a panel over the page (narrow windows) */
  const offCanvas = (drawer) => drawer !== null && getComputedStyle(drawer).position === "fixed";

  /** Each drawer's buttons say whether it is open; a closed panel's links leave the tab order. */
  const sync = () => {
    for (const id of ["__navigation", "__toc"]) {
      const { box, buttons } = parts(id);
      if (!box || !buttons.length) continue;
      for (const b of buttons) b.setAttribute("aria-expanded", String(box.checked));
      const drawer = drawerOf(buttons[0]);
      if (drawer) drawer.inert = !box.checked && offCanvas(drawer);
    }
  };

  /** @type {HTMLButtonElement | null} */
  let opener = null;

  /**
   * @param {string} id  the checkbox's id
   * @param {boolean} open
   * @param {HTMLButtonElement | null} [from]  the button used, to return focus to
   */
  const setOpen = (id, open, from = null) => {
    const { box, buttons } = parts(id);
    if (!box || box.checked === open) return;
    box.checked = open;
    box.dispatchEvent(new Event("change", { bubbles: true }));
    sync();
    const drawer = drawerOf(from || buttons[0]);
    if (open && drawer) {
      opener = from;
      // the first one shown (the theme hides the page's own title at the top of its contents)
      const first = /** @type {HTMLElement[]} */ ([...drawer.querySelectorAll(FOCUSABLE)])
        .find((e) => e.getClientRects().length > 0);
      if (first) first.focus({ preventScroll: true });
    }
  };

  const openId = () => ["__navigation", "__toc"].find((id) => parts(id).box?.checked);

  const start = () => {
    const all = /** @type {HTMLButtonElement[]} */ ([...document.querySelectorAll("button[data-gb-drawer]")]);
    if (!all.length) return;
    for (const b of all) {
      b.addEventListener("click", () => {
        const id = b.dataset.gbDrawer || "";
        const open = !parts(id).box?.checked;
        if (open) {
          const other = openId();  // one drawer at a time, as the theme's overlays allow
          if (other && other !== id) setOpen(other, false);
        }
        setOpen(id, open, b);
      });
    }
    document.addEventListener("change", (e) => {
      if (e.target instanceof HTMLInputElement && e.target.classList.contains("sidebar-toggle")) sync();
    });
    document.addEventListener("keydown", (e) => {
      const id = openId();
      if (e.key !== "Escape" || !id) return;
      const back = opener && opener.offsetParent ? opener : parts(id).buttons.find((b) => b.offsetParent);
      setOpen(id, false);
      if (back) back.focus();
      opener = null;
    });
    document.addEventListener("focusin", (e) => {
      const id = openId();
      const t = e.target;
      if (!id || !(t instanceof Node)) return;
      const { buttons } = parts(id);
      const drawer = drawerOf(buttons[0]);
      if (drawer && offCanvas(drawer) && !drawer.contains(t) && !buttons.some((b) => b === t)) setOpen(id, false);
    });
    window.addEventListener("resize", sync);
    sync();
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
