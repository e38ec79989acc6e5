/* Glass-Box Handbook: answers to design prompts, glossary popups, the role
   lens, the scenario explorer and the comparison. Plain JavaScript, no
   network: all data is in the page (built by builder/explorer.py and
   builder/nodes.py), so it works from file:// and offline. Without this
   script every page still shows all its content and links. */
(function () {
  "use strict";

  var STORE = "glassbox:";
  var LENS_KEY = STORE + "lens";

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function el(tag, attrs, kids) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "hidden") node.hidden = !!attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (kid) { node.appendChild(typeof kid === "string" ? document.createTextNode(kid) : kid); });
    return node;
  }
  // localStorage may be missing or refused (private mode, some file:// setups): fail softly.
  var storage = {
    get: function (k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { window.localStorage.setItem(k, v); return true; } catch (e) { return false; } },
    del: function (k) { try { window.localStorage.removeItem(k); } catch (e) { /* nothing */ } }
  };
  function jsonData(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }
  function pageKey() { return location.pathname.replace(/index\.html$/, ""); }
  function pageTitle() {
    var h1 = $("main h1, article h1, h1");
    return (h1 ? h1.textContent : document.title).replace(/[#¶]\s*$/, "").trim();
  }
  function textOf(node) {
    return node ? node.textContent.replace(/[#¶]\s*$/, "").replace(/\s+/g, " ").trim() : "";
  }

  /* ---- 1. Answering design prompts -------------------------------------- */

  function setupPrompts() {
    var prompts = $$(".glassbox-prompt[data-prompt]");
    if (!prompts.length) return;
    var base = STORE + "answer:" + pageKey() + ":";
    var status = el("p", { "class": "gb-answers-status", role: "status", "aria-live": "polite" });

    prompts.forEach(function (prompt) {
      var pid = prompt.getAttribute("data-prompt");
      var fieldId = pid + "-answer";
      var saved = storage.get(base + pid) || "";
      var area = el("textarea", { id: fieldId, "class": "gb-answer", rows: "4", "data-prompt": pid });
      // The prompt's own words describe the field, so each "Your answer" says which prompt it answers.
      var question = $(":scope > p:not(.glassbox-prompt-label):not(.glassbox-prompt-roles)", prompt);
      if (question) {
        question.id = question.id || pid + "-text";
        area.setAttribute("aria-describedby", question.id);
      }
      area.value = saved;
      var mirror = el("div", { "class": "gb-answer-print", "aria-hidden": "true" });
      mirror.textContent = saved || "(no answer yet)";
      var wrap = el("div", { "class": "gb-answer-wrap" }, [
        el("label", { "for": fieldId, "class": "gb-answer-label", text: "Your answer" }), area, mirror
      ]);
      var roles = $(".glassbox-prompt-roles", prompt);
      if (roles) prompt.insertBefore(wrap, roles); else prompt.appendChild(wrap);
      var timer = null;
      area.addEventListener("input", function () {
        mirror.textContent = area.value || "(no answer yet)";
        clearTimeout(timer);
        timer = setTimeout(function () {
          var ok = area.value ? storage.set(base + pid, area.value) : (storage.del(base + pid), true);
          status.textContent = ok ? "Answer saved in this browser." : "This browser would not save the answer; export it to keep it.";
        }, 300);
      });
      area.addEventListener("blur", function () {
        if (area.value) storage.set(base + pid, area.value); else storage.del(base + pid);
      });
    });

    var exportBtn = el("button", { type: "button", "class": "gb-btn gb-export", text: "Export my answers" });
    var clearBtn = el("button", { type: "button", "class": "gb-btn gb-clear", text: "Clear my answers" });
    var yes = el("button", { type: "button", "class": "gb-btn gb-btn-danger gb-clear-yes", text: "Yes, delete them" });
    var no = el("button", { type: "button", "class": "gb-btn gb-clear-no", text: "Cancel" });
    var confirmBox = el("div", { "class": "gb-confirm", role: "group", "aria-labelledby": "gb-confirm-q", hidden: true }, [
      el("p", { id: "gb-confirm-q", text: "Delete every answer on this page from this browser? This cannot be undone." }), yes, " ", no
    ]);
    var bar = el("section", { "class": "gb-answers-bar", "aria-label": "Your answers to the design prompts" }, [
      el("p", { "class": "gb-answers-note" }, [
        el("strong", { text: "Answer the design prompts on this page. " }),
        "Your answers are kept only in this browser, on this device; nothing leaves it. Export them to keep a copy or share them."
      ]),
      el("p", { "class": "gb-answers-actions" }, [exportBtn, " ", clearBtn]), confirmBox, status
    ]);
    prompts[0].parentNode.insertBefore(bar, prompts[0]);

    exportBtn.addEventListener("click", function () {
      var title = pageTitle();
      var lines = ["# My answers: " + title, "", "From the Glass-Box Handbook page <" + location.href.split("#")[0] + ">.", ""];
      prompts.forEach(function (prompt, i) {
        var text = $$(":scope > p:not(.glassbox-prompt-label):not(.glassbox-prompt-roles):not(.gb-lens-badge), :scope > :not(p):not(.gb-answer-wrap):not(.gb-lens-badge)", prompt)
          .map(textOf).filter(Boolean).join("\n\n");
        var area = $("textarea", prompt);
        var roles = textOf($(".glassbox-prompt-roles", prompt));
        lines.push("## Prompt " + (i + 1), "", "> " + text.replace(/\n/g, "\n> "), "");
        if (roles) lines.push("*" + roles + "*", "");
        lines.push(area.value.trim() ? area.value.trim() : "_(no answer)_", "");
      });
      var blob = new Blob([lines.join("\n")], { type: "text/markdown;charset=utf-8" });
      var slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "page";
      var link = el("a", { href: URL.createObjectURL(blob), download: "my-answers-" + slug + ".md" });
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      status.textContent = "Your answers were downloaded as a Markdown file.";
    });
    clearBtn.addEventListener("click", function () {
      confirmBox.hidden = false;
      clearBtn.setAttribute("aria-expanded", "true");
      no.focus();
    });
    function closeConfirm() { confirmBox.hidden = true; clearBtn.setAttribute("aria-expanded", "false"); clearBtn.focus(); }
    no.addEventListener("click", function () { closeConfirm(); status.textContent = "Nothing was deleted."; });
    confirmBox.addEventListener("keydown", function (e) { if (e.key === "Escape") { closeConfirm(); } });
    yes.addEventListener("click", function () {
      prompts.forEach(function (prompt) {
        var area = $("textarea", prompt);
        area.value = "";
        $(".gb-answer-print", prompt).textContent = "(no answer yet)";
        storage.del(base + prompt.getAttribute("data-prompt"));
      });
      closeConfirm();
      status.textContent = "Your answers on this page were deleted from this browser.";
    });
  }

  /* ---- 2. Glossary popups ------------------------------------------------ */

  function setupTerms() {
    var open = null;
    function hide(term) {
      if (!term) return;
      term.querySelector(".gb-tip").hidden = true;
      if (open === term) open = null;
    }
    function show(term) {
      if (open && open !== term) hide(open);
      var tip = term.querySelector(".gb-tip");
      tip.hidden = false;
      tip.classList.toggle("gb-tip-left", term.getBoundingClientRect().left > window.innerWidth / 2);
      open = term;
    }
    $$(".glassbox-term[data-definition]").forEach(function (term, i) {
      var link = term.querySelector("a") || term;
      var tip = el("span", { "class": "gb-tip", role: "tooltip", id: "gb-tip-" + (i + 1), hidden: true }, [
        el("strong", { text: term.getAttribute("data-name") + ": " }), term.getAttribute("data-definition")
      ]);
      term.appendChild(tip);
      link.setAttribute("aria-describedby", tip.id);
      term.addEventListener("mouseenter", function () { show(term); });
      term.addEventListener("mouseleave", function () { if (document.activeElement !== link) hide(term); });
      link.addEventListener("focus", function () { show(term); });
      link.addEventListener("blur", function () { hide(term); });
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && open) hide(open);
    });
  }

  /* ---- 5. Role lens ------------------------------------------------------ */

  var lens = { roles: [], current: "", listeners: [] };

  function setLens(role) {
    lens.current = role;
    if (role) storage.set(LENS_KEY, role); else storage.del(LENS_KEY);
    var name = "";
    lens.roles.forEach(function (r) { if (r.id === role) name = r.name; });
    $$(".glassbox-prompt[data-roles], .glassbox-prompt-entry").forEach(function (prompt) {
      // Prompts carry data-roles; entries of the prompt index carry glassbox-role-<id> classes.
      var roles = (prompt.getAttribute("data-roles") || "").split(/\s+/).concat(
        Array.prototype.map.call(prompt.classList, function (c) { return c.replace(/^glassbox-role-/, ""); }));
      var hit = !!role && roles.indexOf(role) >= 0;
      prompt.classList.toggle("gb-lens-hit", hit);
      prompt.classList.toggle("gb-lens-miss", !!role && !hit);
      var badge = prompt.querySelector(".gb-lens-badge");
      if (hit && !badge) {
        badge = el("p", { "class": "gb-lens-badge" });
        prompt.insertBefore(badge, prompt.firstChild.nextSibling);
      }
      if (badge) { if (hit) badge.textContent = "★ Concerns you as " + name; else badge.remove(); }
    });
    var status = $(".gb-lens-status");
    if (status) {
      var n = $$(".gb-lens-hit").length;
      status.textContent = role ? (n + " prompt" + (n === 1 ? "" : "s") + " on this page concern " + name + ".") : "";
    }
    lens.listeners.forEach(function (fn) { fn(role); });
  }

  function setupLens() {
    var roles = jsonData("gb-lens-roles");
    if (!roles || !roles.length) return;
    lens.roles = roles;
    var saved = storage.get(LENS_KEY) || "";
    if (!roles.some(function (r) { return r.id === saved; })) saved = "";
    var select = el("select", { id: "gb-lens-select" }, [el("option", { value: "", text: "Everyone (no lens)" })]
      .concat(roles.map(function (r) { return el("option", { value: r.id, text: r.name }); })));
    var box = el("div", { "class": "gb-lens" }, [
      el("label", { "for": "gb-lens-select", text: "Read as: " }), select,
      el("span", { "class": "gb-lens-status", role: "status", "aria-live": "polite" })
    ]);
    var h1 = $("main h1, article h1, h1");
    if (h1 && h1.parentNode) h1.parentNode.insertBefore(box, h1.nextSibling); else document.body.insertBefore(box, document.body.firstChild);
    select.value = saved;
    select.addEventListener("change", function () { setLens(select.value); });
    lens.current = saved;
    if (saved) setLens(saved);
  }

  /* ---- 3 and 6. Scenario explorer and comparison ------------------------- */

  var FACETS = [["component", "components", "Component"], ["level", "levels", "Level"],
                ["role", "roles", "Role"], ["trajectory", "trajectories", "Trajectory"]];

  function setupExplorer() {
    var root = $(".gb-explorer");
    var data = jsonData("gb-explorer-data");
    if (!root || !data) return;
    var form = $(".gb-explorer-filters", root);
    var grid = $(".gb-filter-grid", root);
    var status = $(".gb-explorer-status", root);
    var none = $(".gb-explorer-none", root);
    var items = {};
    $$(".gb-explorer-item", root).forEach(function (li) { items[li.getAttribute("data-scenario")] = li; });
    var names = {};
    FACETS.forEach(function (f) {
      names[f[0]] = {};
      data[f[1]].forEach(function (x) { names[f[0]][x.id] = x.name; });
    });
    function values(s, facet) {
      if (facet === "component") return s.components;
      if (facet === "level") return s.levels;
      if (facet === "role") return s.roles;
      return [s.trajectory];
    }
    function matches(s, state, skip) {
      return FACETS.every(function (f) {
        var want = state[f[0]];
        return f[0] === skip || !want || values(s, f[0]).indexOf(want) >= 0;
      });
    }
    var selects = {};
    FACETS.forEach(function (f) {
      var id = "gb-filter-" + f[0];
      var select = el("select", { id: id, name: f[0] });
      selects[f[0]] = select;
      grid.appendChild(el("div", { "class": "gb-filter" }, [el("label", { "for": id, text: f[2] }), select]));
      select.addEventListener("change", function () { apply(read(), true); });
    });

    function read() {
      var state = {};
      FACETS.forEach(function (f) { state[f[0]] = selects[f[0]].value; });
      return state;
    }
    function fromUrl() {
      var params = new URLSearchParams((location.hash || "").replace(/^#/, "") || location.search.replace(/^\?/, ""));
      var state = {};
      FACETS.forEach(function (f) {
        var v = params.get(f[0]) || "";
        state[f[0]] = names[f[0]][v] ? v : "";
      });
      state.compare = (params.get("compare") || "").split(",").filter(Boolean);
      return state;
    }
    function writeUrl(state) {
      var params = new URLSearchParams();
      FACETS.forEach(function (f) { if (state[f[0]]) params.set(f[0], state[f[0]]); });
      var cmp = compareIds();
      if (cmp.length) params.set("compare", cmp.join(","));
      var hash = params.toString();
      var url = location.href.split("#")[0] + (hash ? "#" + hash : "");
      try { history.replaceState(null, "", url); } catch (e) { location.replace(hash ? "#" + hash : "#"); }
    }
    function apply(state, push) {
      var shown = 0;
      data.scenarios.forEach(function (s) {
        var ok = matches(s, state, null);
        if (items[s.id]) items[s.id].hidden = !ok;
        if (ok) shown += 1;
      });
      // Each option shows how many scenarios it would leave, given the other filters.
      FACETS.forEach(function (f) {
        var select = selects[f[0]];
        var base = data.scenarios.filter(function (s) { return matches(s, state, f[0]); });
        select.textContent = "";
        select.appendChild(el("option", { value: "", text: "Any (" + base.length + ")" }));
        data[f[1]].forEach(function (x) {
          var n = base.filter(function (s) { return values(s, f[0]).indexOf(x.id) >= 0; }).length;
          if (f[0] === "role" && !n && state.role !== x.id) return;
          select.appendChild(el("option", { value: x.id, text: x.name + " (" + n + ")" }));
        });
        select.value = state[f[0]] || "";
      });
      var active = FACETS.filter(function (f) { return state[f[0]]; })
        .map(function (f) { return f[2] + ": " + names[f[0]][state[f[0]]]; });
      status.textContent = "Showing " + shown + " of " + data.scenarios.length + " scenarios" +
        (active.length ? " (" + active.join("; ") + ")." : ".");
      none.hidden = shown > 0;
      if (push) writeUrl(state);
    }

    /* comparison */
    var cmpRoot = $(".gb-compare", root);
    var pick = $(".gb-compare-pick", cmpRoot);
    var out = $(".gb-compare-out", cmpRoot);
    var cmpSelects = [1, 2].map(function (n) {
      var id = "gb-compare-" + n;
      var select = el("select", { id: id }, [el("option", { value: "", text: "Choose a scenario" })]
        .concat(data.scenarios.map(function (s) { return el("option", { value: s.id, text: s.title }); })));
      pick.appendChild(el("div", { "class": "gb-filter" }, [el("label", { "for": id, text: (n === 1 ? "First" : "Second") + " scenario" }), select]));
      select.addEventListener("change", function () { renderCompare(); writeUrl(read()); });
      return select;
    });
    function compareIds() { return cmpSelects.map(function (s) { return s.value; }).filter(Boolean); }
    function byId(id) { return data.scenarios.filter(function (s) { return s.id === id; })[0]; }
    var basisName = {};
    data.bases.forEach(function (b) { basisName[b.id] = b.name; });
    function renderCompare() {
      out.textContent = "";
      var chosen = cmpSelects.map(function (s) { return byId(s.value); });
      if (!chosen[0] || !chosen[1]) {
        out.appendChild(el("p", { text: "Choose two scenarios to see them side by side, component by component." }));
        return;
      }
      var head = el("tr", {}, [el("th", { scope: "col", text: "Component" })].concat(chosen.map(function (s) {
        return el("th", { scope: "col" }, [el("a", { href: s.href, text: s.title })]);
      })));
      function cell(s, comp) {
        var sec = s.sections.filter(function (x) { return x.component === comp; })[0];
        if (!sec) return el("td", { "class": "gb-gap-cell" }, [el("span", { "class": "glassbox-badge glassbox-badge-gap", text: "Gap: not enacted" })]);
        return el("td", {}, [el("p", {}, [el("a", { href: sec.href, text: sec.summary })]),
          el("span", { "class": "glassbox-badge glassbox-badge-" + sec.basis, text: basisName[sec.basis] || sec.basis })]);
      }
      var rows = data.components.map(function (c) {
        return el("tr", {}, [el("th", { scope: "row", text: c.name })].concat(chosen.map(function (s) { return cell(s, c.id); })));
      });
      function factRow(label, fn) {
        return el("tr", {}, [el("th", { scope: "row", text: label })].concat(chosen.map(function (s) { return el("td", { text: fn(s) }); })));
      }
      rows.unshift(
        factRow("Felt difficulty", function (s) { return s.difficulty; }),
        factRow("Levels", function (s) { return s.levels.map(function (x) { return names.level[x]; }).join(", "); }),
        factRow("Trajectory", function (s) { return names.trajectory[s.trajectory] || s.trajectory; }));
      var table = el("table", { "class": "glassbox-table gb-compare-table" }, [
        el("caption", { text: chosen[0].title + " and " + chosen[1].title + ", component by component" }),
        el("thead", {}, [head]), el("tbody", {}, rows)]);
      out.appendChild(el("div", { "class": "glassbox-table-scroll", tabindex: "0", role: "region", "aria-label": "Comparison table" }, [table]));
    }

    $(".gb-explorer-reset", root).addEventListener("click", function () {
      FACETS.forEach(function (f) { selects[f[0]].value = ""; });
      apply(read(), true);
      selects.component.focus();
    });
    $(".gb-explorer-copy", root).addEventListener("click", function () {
      var url = location.href;
      var done = function () { status.textContent = "Link copied. It opens the explorer with these filters."; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(done, function () { status.textContent = "Copy this link from the address bar: " + url; });
      } else { status.textContent = "Copy this link from the address bar: " + url; }
    });

    function load() {
      var state = fromUrl();
      if (!state.role && lens.current && names.role[lens.current]) state.role = lens.current;
      state.compare.forEach(function (id, i) { if (cmpSelects[i] && byId(id)) cmpSelects[i].value = id; });
      apply(state, false);
      renderCompare();
    }
    lens.listeners.push(function (role) {
      selects.role.value = names.role[role] ? role : "";
      apply(read(), true);
    });
    // Only a hash that carries filters (or none at all) changes the view; a jump to a heading does not.
    window.addEventListener("hashchange", function () {
      if (!location.hash || location.hash.indexOf("=") >= 0) load();
    });
    form.hidden = false;
    cmpRoot.hidden = false;
    load();
  }


  /* ---- 7. Worksheet: a workshop's answers as a scenario draft ------------- */

  // YAML accepts JSON strings, so every value is written as one: quotes,
  // colons and line breaks in an answer can never break the front matter.
  function yamlString(s) { return JSON.stringify(String(s).replace(/\s+/g, " ").trim()); }
  function slugify(s) { return String(s).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "my-scenario"; }

  function setupWorksheet() {
    var form = document.getElementById("gb-worksheet");
    var data = jsonData("gb-worksheet-data");
    if (!form || !data) return;
    var key = STORE + "worksheet:" + pageKey();
    var button = $(".gb-ws-download", form);
    var status = $(".gb-ws-status", form);
    var hint = $(".gb-ws-nojs", form);
    if (hint) hint.hidden = true;
    button.disabled = false;

    function values() {
      var out = {};
      $$("input, textarea", form).forEach(function (f) {
        if (f.type === "checkbox") { if (f.checked) (out[f.name] = out[f.name] || []).push(f.value); }
        else out[f.name] = f.value;
      });
      return out;
    }
    function restore() {
      var saved = null;
      try { saved = JSON.parse(storage.get(key) || "null"); } catch (e) { saved = null; }
      if (!saved) return;
      $$("input, textarea", form).forEach(function (f) {
        if (f.type === "checkbox") f.checked = (saved[f.name] || []).indexOf(f.value) >= 0;
        else if (saved[f.name] != null) f.value = saved[f.name];
      });
    }
    restore();
    form.addEventListener("input", function () { storage.set(key, JSON.stringify(values())); });

    function draft(v) {
      var title = (v.title || "").trim() || "Untitled problem of practice";
      var id = slugify(title);
      var levels = v.levels && v.levels.length ? v.levels : [data.levels[0]];
      var roles = v.roles && v.roles.length ? v.roles : [data.roles[0]];
      var fm = ["---", "id: " + id, "title: " + yamlString(title)];
      ["felt_difficulty", "collaborative_project", "primary_focus", "illustrative_evidence"].forEach(function (f) {
        fm.push(f + ": " + yamlString(v[f] || "To be written."));
      });
      fm.push("levels: [" + levels.join(", ") + "]", "roles: [" + roles.join(", ") + "]",
              "trajectory: " + data.trajectory, "sources: [" + data.source + "]", "contributors:",
              "  - name: " + yamlString((v.name || "").trim() || "Workshop participants"),
              "license: CC-BY-4.0", "status: draft", "privacy:",
              "  deidentified: " + ((v.deidentified || []).length ? "true" : "false"),
              "  consent: " + ((v.consent || []).length ? "obtained" : "not-needed"), "---", "");
      var body = ["# " + title, "", (v.felt_difficulty || "").trim() || "Set the scene here.", ""];
      var enacted = 0;
      data.components.forEach(function (c) {
        var summary = (v[c.id + "-summary"] || "").replace(/\s+/g, " ").trim();
        if (!summary) return;
        enacted += 1;
        var question = (v[c.id + "-prompt"] || "").replace(/\s+/g, " ").trim() ||
          "Who could do what next about " + c.name.toLowerCase() + ", and with which evidence?";
        body.push("## " + c.name, "", ":::{enactment}", ":basis: interpretation", summary, ":::", "",
                  (v[c.id + "-story"] || "").trim() || "What happened, in a few short paragraphs.", "",
                  ":::{design-prompt}", ":roles: " + roles.join(", "), question, ":::", "");
      });
      return { id: id, text: fm.concat(body).join("\n"), enacted: enacted };
    }
    button.addEventListener("click", function () {
      var d = draft(values());
      var blob = new Blob([d.text], { type: "text/markdown;charset=utf-8" });
      var link = el("a", { href: URL.createObjectURL(blob), download: d.id + ".md" });
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      status.textContent = d.enacted
        ? "Downloaded " + d.id + ".md. Put it in scenarios/ and run: python -m builder check scenarios/" + d.id + ".md"
        : "Downloaded " + d.id + ".md, but no component has a summary yet: add at least one before opening a pull request.";
    });
  }

  function init() {
    setupLens();
    setupPrompts();
    setupTerms();
    setupExplorer();
    setupWorksheet();
    if (lens.current) setLens(lens.current);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
