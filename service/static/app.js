// The chat page: streams /ask/stream, renders cited answers, opens sources in a side panel.
// Every piece of article or model text is inserted with textContent or text nodes: nothing
// from an article or a model can inject markup or script.
"use strict";

const MAX_HISTORY = 10;
const form = document.getElementById("ask-form");
const input = document.getElementById("question");
const sendButton = document.getElementById("send");
const stopButton = document.getElementById("stop");
const messages = document.getElementById("messages");
const panel = document.getElementById("panel");
let history = [];
let controller = null;

// API keys (only when the operator set RAG_API_KEYS): asked for once, on the first 401, and
// kept in sessionStorage (this tab only; gone when it closes). What the 401 interrupted (a
// question, an article) is done again once the key is entered.
const KEY_STORAGE = "newsqa.apiKey";
const keyForm = document.getElementById("key-form");
const keyInput = document.getElementById("api-key");
let retryWithKey = null;

function authHeaders() {
  const key = sessionStorage.getItem(KEY_STORAGE);
  return key ? { Authorization: `Bearer ${key}` } : {};
}

function askForKey(retry) {
  sessionStorage.removeItem(KEY_STORAGE);
  retryWithKey = retry;
  keyForm.hidden = false;
  keyInput.focus();
}

keyForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const key = keyInput.value.trim();
  if (!key) return;
  sessionStorage.setItem(KEY_STORAGE, key);
  keyInput.value = "";
  keyForm.hidden = true;
  const retry = retryWithKey;
  retryWithKey = null;
  if (retry) retry();
});

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function setBusy(busy) {
  input.disabled = busy;
  sendButton.disabled = busy;
  stopButton.hidden = !busy;
}

function documentUrl(docId) {
  return "/documents/" + docId.split("/").map(encodeURIComponent).join("/");
}

// The service counts offsets in code points (Python strings); JavaScript indexes UTF-16 units,
// in which a character beyond U+FFFF (an emoji) counts twice.
function unitIndex(text, offset) {
  let index = 0;
  for (let n = 0; n < offset && index < text.length; n++) {
    index += text.codePointAt(index) > 0xffff ? 2 : 1;
  }
  return index;
}

// What the panel says when an article cannot be loaded.
function loadProblem(status) {
  if (status === 404) return "This article is not in the index (it may have been deleted).";
  if (status === 429) return "Too many requests: try again in a moment.";
  return `The service could not load the article (HTTP ${status}).`;
}

// Opens the cited article beside the chat with the quote highlighted. Offsets name a span of
// the article as it was when the answer was made: an article updated since may hold another
// sentence there, so the quote (or a link's hash of it) is checked before it is highlighted.
async function openSource(citation) {
  let response;
  try {
    response = await fetch(documentUrl(citation.doc_id), { headers: authHeaders() });
  } catch (err) {
    showPanelProblem(`The service could not be reached (${err.message}).`);
    return;
  }
  if (response.status === 401) {
    panel.hidden = true; // on a phone the panel would cover the key form
    askForKey(() => openSource(citation));
    return;
  }
  if (!response.ok) {
    showPanelProblem(loadProblem(response.status));
    return;
  }
  const doc = await response.json();
  let start = unitIndex(doc.text, citation.start);
  let end = unitIndex(doc.text, citation.end);
  const span = doc.text.slice(start, end);
  let note = "";
  if (citation.quote !== undefined && span !== citation.quote) {
    start = doc.text.indexOf(citation.quote);
    end = start + citation.quote.length;
    note = "The article has changed since this answer: " + (start >= 0
      ? "the quoted sentence is highlighted where it now stands."
      : `it no longer contains the quoted sentence, "${citation.quote}"`);
  } else if (citation.hash && quoteHash(span) !== citation.hash) {
    start = -1;
    note = "The article has changed since this link was made: the quoted sentence is no longer "
      + "where the link points.";
  } else if (!span) {
    showPanelProblem("The linked quote lies outside the article.");
    return;
  }
  document.getElementById("panel-title").textContent = doc.title || doc.doc_id;
  const meta = [doc.published || "undated", doc.source].filter(Boolean).join(" · ");
  document.getElementById("panel-meta").textContent = meta;
  showPanelNote(note);
  const body = document.getElementById("panel-text");
  if (start < 0) {
    body.replaceChildren(doc.text); // no highlight: no other sentence passes for the quote
    panel.hidden = false;
    body.scrollTop = 0;
    return;
  }
  const mark = el("mark", "", doc.text.slice(start, end));
  mark.id = "highlight";
  body.replaceChildren(doc.text.slice(0, start), mark, doc.text.slice(end));
  panel.hidden = false;
  mark.scrollIntoView({ block: "center" });
}

function showPanelNote(note) {
  const node = document.getElementById("panel-note");
  node.textContent = note;
  node.hidden = !note;
}

function showPanelProblem(message) {
  document.getElementById("panel-title").textContent = message;
  document.getElementById("panel-meta").textContent = "";
  showPanelNote("");
  document.getElementById("panel-text").replaceChildren();
  panel.hidden = false;
}

function citeLink(citation) {
  const link = el("a", "cite", `[${citation.marker}]`);
  link.href = citationHref(citation);
  link.dataset.marker = String(citation.marker);
  link.title = citation.title;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    openSource(citation);
  });
  return link;
}

function renderAnswer(bubble, answer) {
  const byMarker = new Map(answer.citations.map((c) => [c.marker, c]));
  const text = bubble.querySelector(".answer");
  text.replaceChildren();
  for (const part of answer.answer.split(/(\[\d+\])/)) {
    const match = /^\[(\d+)\]$/.exec(part);
    const citation = match && byMarker.get(Number(match[1]));
    text.append(citation ? citeLink(citation) : part);
  }
  if (answer.refused) {
    bubble.classList.add("refused");
    bubble.prepend(el("span", "badge", "Not in the articles"));
    bubble.querySelector(".reason")?.remove();
    if (answer.refusal_reason) {
      // why, in words true of the passages returned (service/refusal.py)
      text.after(el("p", "reason", answer.refusal_reason));
    }
  } else if (answer.degraded) {
    bubble.classList.add("degraded");
    bubble.prepend(el("span", "badge", `Fallback answer: ${answer.degraded_reason}`));
  }
  if (answer.citations.length) {
    const list = el("ol", "sources");
    for (const c of answer.citations) {
      const item = el("li");
      const link = el("a", "", `${c.title || c.doc_id}${c.published ? " (" + c.published + ")" : ""}`);
      link.href = "#";
      link.addEventListener("click", (event) => {
        event.preventDefault();
        openSource(c);
      });
      item.append(link, " ", shareLink(c));
      if (c.same_story_as) {
        // Another article of the same story stating the same fact as an earlier source.
        item.append(el("span", "also", ` (also reported: the same fact as [${c.same_story_as}])`));
      }
      list.append(item);
    }
    bubble.append(el("p", "searched", "Sources:"), list);
  }
}

function showError(bubble, message) {
  bubble.classList.add("error");
  bubble.querySelector(".answer").textContent = message;
  bubble.prepend(el("span", "badge", "Error"));
}

// Minimal Server-Sent Events reader for a POST response (EventSource only does GET).
async function* readEvents(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let event = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) yield { event, data: JSON.parse(data.join("\n")) };
    }
  }
}

async function ask(question) {
  const item = el("li");
  item.append(el("div", "question", question));
  const bubble = el("div", "reply");
  // Until the first words arrive (a model may take up to RAG_LLM_TIMEOUT, a minute by default)
  // the reply says what is going on rather than being an empty box.
  const status = el("p", "status", "Searching the articles…");
  status.setAttribute("role", "status");
  bubble.append(el("p", "searched"), status, el("div", "answer"));
  item.append(bubble);
  messages.append(item);
  item.scrollIntoView({ block: "end" });
  setBusy(true);
  controller = new AbortController();
  let answered = false;
  try {
    const response = await fetch("/ask/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...authHeaders() },
      body: JSON.stringify({ question, history }),
      signal: controller.signal,
    });
    if (response.status === 401) {
      showError(bubble, "This service needs an API key: enter it above to ask again.");
      askForKey(() => ask(question));
      return;
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      showError(bubble, body.error ? body.error.message : `HTTP ${response.status}`);
      return;
    }
    const answerText = bubble.querySelector(".answer");
    for await (const { event, data } of readEvents(response)) {
      if (event === "passages") {
        status.textContent = "Writing the answer…";
        if (data.query !== question) {
          bubble.querySelector(".searched").textContent = `Searched for: ${data.query}`;
        }
      } else if (event === "token") {
        status.remove();
        answerText.textContent += data;
      } else if (event === "done") {
        status.remove();
        renderAnswer(bubble, data);
        answered = true;
        history = [...history, { question, answer: data.answer }].slice(-MAX_HISTORY);
      } else if (event === "error") {
        showError(bubble, data.message);
      }
      item.scrollIntoView({ block: "end" });
    }
  } catch (err) {
    if (err.name === "AbortError") {
      if (!answered) {
        // The streamed words are the model's draft: the service checks it against the articles
        // only when it is complete (what the articles do not support is removed), so a draft
        // stopped before that is not left on screen as if it were the answer.
        bubble.querySelector(".answer").textContent =
          "Stopped before it was checked against the articles, so it is not shown.";
      }
      bubble.classList.add("stopped");
      bubble.prepend(el("span", "badge", "Stopped"));
    } else {
      showError(bubble, `The service could not be reached (${err.message}).`);
    }
  } finally {
    status.remove();
    controller = null;
    setBusy(false);
    input.focus();
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const question = input.value.trim();
  if (!question || controller) return;
  input.value = "";
  ask(question);
});
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});
stopButton.addEventListener("click", () => controller && controller.abort());
document.getElementById("panel-close").addEventListener("click", () => { panel.hidden = true; });

// --- Shareable citation links: /?doc=ID&start=S&end=E&hash=H opens the article at the quote --
// H is a short hash of the quote, so that a link opened after the article was updated can tell
// that the span no longer holds the quote (the OpenAI API's links carry the same hash:
// quote_hash in service/api/routes/openai.py). Older links without it still open the span.
function quoteHash(text) {
  let hash = 0x811c9dc5; // 32-bit FNV-1a over UTF-16 units: detects edits, not forgeries
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function citationHref(citation) {
  const query = new URLSearchParams({
    doc: citation.doc_id, start: String(citation.start), end: String(citation.end),
    hash: quoteHash(citation.quote),
  });
  return "/?" + query.toString();
}

function shareLink(citation) {
  const link = el("a", "share", "link");
  link.href = citationHref(citation);
  link.title = "A link that opens this quote (copy it to share)";
  return link;
}

function citationFromQuery(search) {
  const params = new URLSearchParams(search);
  const docId = params.get("doc");
  if (!docId) return null;
  const start = params.get("start") || "";
  const end = params.get("end") || "";
  if (!/^\d{1,9}$/.test(start) || !/^\d{1,9}$/.test(end) || Number(start) >= Number(end)) {
    return { doc_id: docId, invalid: true };
  }
  return { doc_id: docId, start: Number(start), end: Number(end), hash: params.get("hash") };
}

function openLinkedCitation() {
  const citation = citationFromQuery(window.location.search);
  if (!citation) return;
  if (citation.invalid) {
    showPanelProblem("This link does not name a quote (start and end are missing or wrong).");
    return;
  }
  openSource(citation);
}

openLinkedCitation();
