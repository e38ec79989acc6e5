// @ts-check
/* Glass-Box Handbook: the search page (builder/glassbox_handbook/web/theme/search.html).

   A classic script like the others, loaded by the search page only. Nothing
   of the search index is fetched until there is a query (?q=...): then it
   imports Pagefind's module (pagefind/pagefind.js, written after the HTML
   build by `glassbox-handbook build`), which fetches only the index chunks
   for the words searched. Results come ranked by Pagefind (word frequency,
   headings weigh more), each with the section it matched in and an excerpt
   around the match.

   Browsers do not let a page opened from file:// import a module or fetch
   the index, so there the page says how to search instead (serve the
   folder, or browse the explorer and indexes). */
"use strict";

(() => {
  /** How many results are shown at a time: each one shown fetches its own small fragment. */
  const SHOWN = 10;

  /**
   * @typedef {{ title: string, url: string, excerpt: string, locations?: number[] }} SubResult
   * @typedef {{ url: string, excerpt: string, meta: { title?: string }, sub_results?: SubResult[] }} ResultData
   * @typedef {{ text: string, marked: boolean }} Part
   */

  /** @type {Record<string, string>} */
  const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: "\u00a0" };

  /**
   * An excerpt as Pagefind gives it (text with `<mark>` around the matched words, HTML
   * entities escaped) as plain parts, so the page builds it from text nodes and never
   * parses markup.
   * @param {string} excerpt
   * @returns {Part[]}
   */
  const excerptParts = (excerpt) => {
    const decode = (/** @type {string} */ s) =>
      s.replace(/<[^>]*>/g, "").replace(/&(#?\w+);/g, (m, name) => ENTITIES[name] ?? m);
    /** @type {Part[]} */
    const parts = [];
    excerpt.split(/(<mark>.*?<\/mark>)/s).forEach((piece) => {
      const marked = piece.startsWith("<mark>");
      const text = decode(marked ? piece.slice(6, -7) : piece);
      if (text) parts.push({ text, marked });
    });
    return parts;
  };

  /**
   * The section of a page where the query weighs most, when it is not the page's top
   * (Pagefind lists a sub-result for each heading with matches under it).
   * @param {ResultData} data
   * @returns {SubResult | null}
   */
  const bestSection = (data) => {
    const title = data.meta.title ?? "";
    const subs = (data.sub_results ?? []).filter((s) => s.title && s.title !== title && s.url.includes("#"));
    if (!subs.length) return null;
    return subs.reduce((best, s) => ((s.locations?.length ?? 0) > (best.locations?.length ?? 0) ? s : best));
  };

  /**
   * What the status line says once the results are in.
   * @param {number} found
   * @param {string} query
   * @returns {string}
   */
  const statusText = (found, query) => {
    if (!found) return gbT("No page matches “{query}”. Try fewer or other words.", { query });
    return gbN("{n} page matches “{query}”, best first.", "{n} pages match “{query}”, best first.", found, { query });
  };

  /**
   * Where the site's root is, from the page's own `data-content_root` (Sphinx writes it).
   * @param {string} pageUrl
   * @param {string} contentRoot
   * @returns {URL}
   */
  const siteRoot = (pageUrl, contentRoot) => new URL(contentRoot || "./", pageUrl);

  /**
   * One result as a list item: title link, the section it matched in, the excerpt.
   * @param {ResultData} data
   * @returns {HTMLLIElement}
   */
  const resultItem = (data) => {
    const section = bestSection(data);
    const li = document.createElement("li");
    const head = document.createElement("p");
    const link = document.createElement("a");
    link.href = section?.url ?? data.url;
    link.textContent = data.meta.title ?? data.url;
    head.append(link);
    li.append(head);
    if (section) {
      const where = document.createElement("p");
      where.className = "gb-search-where";
      where.textContent = gbT("In “{section}”", { section: section.title });
      li.append(where);
    }
    const text = document.createElement("p");
    for (const part of excerptParts(section?.excerpt || data.excerpt)) {
      if (part.marked) {
        const mark = document.createElement("mark");
        mark.textContent = part.text;
        text.append(mark);
      } else text.append(part.text);
    }
    li.append(text);
    return li;
  };

  const setup = async () => {
    const input = document.getElementById("gb-search-q");
    const status = document.getElementById("gb-search-status");
    const list = document.getElementById("gb-search-results");
    const offline = document.getElementById("gb-search-offline");
    if (!(input instanceof HTMLInputElement) || !status || !list || !offline) return;
    const query = (new URLSearchParams(location.search).get("q") ?? "").trim();
    input.value = query;
    if (location.protocol === "file:") {
      offline.hidden = false;
      return;
    }
    if (!query) return;
    status.textContent = gbT("Searching for “{query}”…", { query });
    const root = siteRoot(location.href, document.documentElement.dataset.content_root ?? "");
    try {
      const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
      await pagefind.options({ baseUrl: root.pathname, excerptLength: 28 });
      const search = await pagefind.search(query);
      /** @type {{ data: () => Promise<ResultData> }[]} */
      const results = search.results;
      const more = document.getElementById("gb-search-more");
      const showNext = async () => {
        const from = list.children.length;
        const next = await Promise.all(results.slice(from, from + SHOWN).map((r) => r.data()));
        list.append(...next.map(resultItem));
        if (more) more.hidden = list.children.length >= results.length;
      };
      list.replaceChildren();
      await showNext();
      more?.addEventListener("click", () => {
        const first = list.children.length;
        showNext().then(() => list.children[first]?.querySelector("a")?.focus());
      });
      status.textContent = statusText(results.length, query);
    } catch (error) {
      status.textContent = gbT("The search index could not be loaded. The site may have been built without it ({command} writes it).",
        { command: "glassbox-handbook build" });
      offline.hidden = false;
      console.warn(error);
    }
  };

  const search = { excerptParts, bestSection, statusText, siteRoot };
  if (typeof document === "object") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
    else setup();
  }
  if (typeof module === "object" && module.exports) module.exports = search;
})();
