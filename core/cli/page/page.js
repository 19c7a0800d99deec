// The nlpipe serve page: sends the pasted or dropped articles to
// POST /v1/annotate as one JSON Lines batch with format=html, and shows
// the page the server answers (the html format, the same view as
// `nlpipe -f html`).  No library, no other server: it runs offline.
"use strict";

(function () {
  const form = document.getElementById("form");
  const text = document.getElementById("text");
  const input = document.getElementById("files");
  const picked = document.getElementById("picked");
  const status = document.getElementById("status");
  const result = document.getElementById("result");
  const go = document.getElementById("go");
  let files = [];                       // [{id, text}] from files

  function say(message, isError) {
    status.textContent = message;
    status.className = isError ? "error" : "";
  }

  async function addFiles(list) {
    for (const f of list) {
      files.push({ id: f.name, text: await f.text() });
    }
    picked.textContent = files.length
      ? files.length + " file" + (files.length > 1 ? "s" : "") + ": " +
        files.map((f) => f.id).join(", ")
      : "";
  }

  // The pasted text, split on lines holding only ---, then the files.
  function articles() {
    const pasted = text.value.split(/^[ \t]*---[ \t]*$/m)
      .map((t) => t.trim()).filter((t) => t.length > 0);
    const list = pasted.map((t, i) => ({
      id: pasted.length > 1 ? "pasted " + (i + 1) : "pasted", text: t }));
    return list.concat(files);
  }

  async function annotate() {
    const list = articles();
    if (list.length === 0) {
      say("Paste an article or add a text file first.", true);
      text.focus();
      return;
    }
    const body = list.map((a) => JSON.stringify(a)).join("\n") + "\n";
    go.disabled = true;
    result.setAttribute("aria-busy", "true");
    say("Annotating " + list.length + " article" + (list.length > 1 ? "s" : "") + "…");
    try {
      const answer = await fetch("/v1/annotate?format=html", {
        method: "POST",
        headers: { "Content-Type": "application/x-ndjson" },
        body: body,
      });
      const reply = await answer.text();
      if (!answer.ok) {
        let message = answer.status + " " + answer.statusText;
        try { message = JSON.parse(reply).error.message; } catch (e) { /* not JSON */ }
        say("The server refused it: " + message, true);
        return;
      }
      show(reply);
    } catch (e) {
      say("Cannot reach the nlpipe server: " + e.message, true);
    } finally {
      go.disabled = false;
      result.removeAttribute("aria-busy");
    }
  }

  // The server's page: its <main> goes into this one (its text is
  // escaped by the server; this page's policy runs no script of it).
  // Its inline <style> is this page's /nlpipe.css: dropped before
  // parsing, which this page's policy would report as blocked.
  function show(html) {
    const page = new DOMParser().parseFromString(
      html.replace(/<style>[\s\S]*?<\/style>/, ""), "text/html");
    const main = page.querySelector("main");
    if (!main) {
      say("The server answered something that is not a page.", true);
      return;
    }
    result.replaceChildren(document.importNode(main, true));
    document.title = page.title + " \u2014 nlpipe";
    const docs = result.querySelectorAll("article.doc").length;
    const mentions = result.querySelectorAll("mark.e").length;
    const failed = result.querySelectorAll("article.doc > .error").length;
    say("Annotated " + docs + " article" + (docs === 1 ? "" : "s") + ": " + mentions +
        " entity mention" + (mentions === 1 ? "" : "s") +
        (failed ? "; " + failed + " failed (see below)" : "") + ".", failed > 0);
    const first = result.querySelector("nav.toc h2") || result.querySelector("article.doc h2");
    if (first) {
      first.setAttribute("tabindex", "-1");
      first.focus();
    }
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); annotate(); });
  text.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      annotate();
    }
  });
  input.addEventListener("change", () => { addFiles(input.files); input.value = ""; });
  text.addEventListener("dragover", (e) => { e.preventDefault(); text.classList.add("drop"); });
  text.addEventListener("dragleave", () => text.classList.remove("drop"));
  text.addEventListener("drop", (e) => {
    text.classList.remove("drop");
    if (e.dataTransfer && e.dataTransfer.files.length > 0) {
      e.preventDefault();
      addFiles(e.dataTransfer.files);
    }
  });

  fetch("/v1/health").then((r) => r.json()).then((h) => {
    document.getElementById("chain").textContent = h.chain.join(", ") +
      " (" + h.jobs + " worker" + (h.jobs === 1 ? "" : "s") + ")";
  }).catch(() => { document.getElementById("chain").textContent = "unknown"; });
}());
