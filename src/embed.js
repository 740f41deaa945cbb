// Bình Luận: the embed loader, served as /embed.js next to the app's files.
//
//   <script type="module" src="https://comments.example.vn/embed.js"></script>
//   <div data-binhluan data-article="slug"></div>
//
// Every [data-binhluan] element gets a shadow root with a light placeholder ("Bình luận (12)")
// that reserves space; an article the server has no thread for yet gets one then (POST
// /api/threads, with the page's headline and address). The app's wasm is fetched only when an
// element comes near the viewport, once for the whole page, and mounts one independent widget
// per element. The only global is window.BinhLuan. Written for scripts/trunk-post-build, which
// fills in this build's hashed file names.
//
// The server's own article pages (/bai-viet/{slug}) render the comments into the element
// (`data-rendered`), and link the app's stylesheet themselves: no shadow root there. The
// rendered comments stay on show until the widget, mounted hidden beside them, has loaded its
// list; the widget wakes early when the reader focuses the rendered box, and what the reader
// typed there is handed over, with the focus and the caret. `data-views` counts the reading.

const SCRIPT = new URL(import.meta.url);
const APP_JS = new URL("__BINHLUAN_JS__", SCRIPT).href;
const APP_WASM = new URL("__BINHLUAN_WASM__", SCRIPT).href;
const APP_CSS = new URL("__BINHLUAN_CSS__", SCRIPT).href;
/** How close to the viewport an element must come before the wasm is fetched. */
const NEAR = "600px 0px";
/** The longest headline the server takes, in characters. */
const TITLE_MAX = 300;
/** How long the placeholder's requests may take, as long as the app's own (src/http.rs). */
const TIMEOUT_MS = 20_000;

const SLUG = /^(?!\.)[A-Za-z0-9._-]{1,200}$/;
const CHOICES = {
  lang: ["vi", "en"],
  theme: ["auto", "light", "dark"],
  mode: ["comments", "full"],
};

const PLACEHOLDER_CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
.bl-wait, .bl-error { all: initial; display: block; box-sizing: border-box;
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
.bl-wait { min-height: 30em; padding: 1em 0; color: var(--bl-fg, #1d1d1f); }
.bl-wait h2 { margin: 0 0 .75em; font-size: 1.375em; }
.bl-wait .bar { height: 1em; margin: 0 0 .75em; border-radius: 4px;
  background: var(--bl-surface, #f4f4f6); }
.bl-wait .box { height: 8em; }
.bl-error { padding: .75em 1em; border: 1px solid #b3131b; border-radius: 8px; color: #b3131b;
  background: #fff; line-height: 1.5; }
.bl-error p { margin: 0; }
.dark { color: var(--bl-fg, #ececef); }
.dark .bar { background: var(--bl-surface, #1e1e22); }
@media (prefers-color-scheme: dark) {
  .auto { color: var(--bl-fg, #ececef); }
  .auto .bar { background: var(--bl-surface, #1e1e22); }
}`;

/** Whether shadow roots take constructed style sheets (not before Safari 16.4). */
const ADOPTS = "adoptedStyleSheets" in Document.prototype && "replaceSync" in CSSStyleSheet.prototype;

/** A style sheet made once and shared by every shadow root that uses it. */
function sharedSheet(css) {
  if (!ADOPTS) return css;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}

/** Puts `nodes` in `shadow`, styled by `sheet`; an inline <style> where sheets can't be shared. */
function fill(shadow, sheet, ...nodes) {
  if (typeof sheet === "string") {
    shadow.replaceChildren(element("style", undefined, sheet), ...nodes);
  } else {
    shadow.adoptedStyleSheets = [sheet];
    shadow.replaceChildren(...nodes);
  }
}

const placeholderSheet = sharedSheet(PLACEHOLDER_CSS);

const mounted = new WeakSet();
let app;

/** The app's style sheet (the one its own page links), as text. */
async function fetchCss() {
  const response = await fetch(APP_CSS);
  if (!response.ok) throw new Error(`binhluan: ${APP_CSS}: HTTP ${response.status}`);
  return response.text();
}

/** The app's module and its style sheet, fetched (in parallel) and instantiated once, on first
 * need. */
function loadApp() {
  app ??= Promise.all([import(APP_JS), fetchCss()])
    .then(async ([module, css]) => {
      await module.default({ module_or_path: APP_WASM });
      return { module, sheet: sharedSheet(css) };
    })
    .catch((error) => {
      app = undefined; // The next widget to come into view tries again.
      throw error;
    });
  return app;
}

/** The element's options and the thread it asks for (`{slug, title?, url?}`), or the message
 * explaining what is wrong with its attributes. */
function readOptions(element) {
  const data = element.dataset;
  if (!data.article) {
    return {
      error: [
        "thiếu thuộc tính data-article (mã bài viết)",
        "the data-article attribute (the article's slug) is missing",
      ],
    };
  }
  if (!SLUG.test(data.article)) {
    return {
      error: [
        `data-article="${data.article}" không phải mã bài viết hợp lệ (chữ không dấu, số, - _ .)`,
        `data-article="${data.article}" is not a valid slug (letters, digits, - _ .)`,
      ],
    };
  }
  let api = SCRIPT.origin;
  if (data.api) {
    const url = httpUrl(data.api);
    if (!url) {
      return {
        error: [
          `data-api="${data.api}" không phải địa chỉ http(s) của máy chủ bình luận`,
          `data-api="${data.api}" is not the http(s) address of the comment server`,
        ],
      };
    }
    api = (url.origin + url.pathname).replace(/\/+$/, "");
  }
  // What the server needs to open the article's thread if it has none: the page's headline
  // (data-title, or else its <title>), cut to what the server takes, and its http(s) address
  // (data-url, resolved like a link, or else its canonical link). A blank attribute counts as
  // absent; what is still missing is left out.
  const given = (name) => data[name]?.trim() || undefined;
  const canonical = document.querySelector("link[rel~=canonical]")?.href || undefined;
  const url = httpUrl(given("url") ?? canonical);
  if (given("url") && !url) {
    return {
      error: [
        `data-url="${data.url}" không phải địa chỉ http(s) của bài viết`,
        `data-url="${data.url}" is not the http(s) address of the article`,
      ],
    };
  }
  const title = [...(given("title") ?? document.title.trim())].slice(0, TITLE_MAX).join("");
  const thread = { slug: data.article, title: title.trim() || undefined, url: url?.href };
  const options = { api, article: data.article };
  for (const [name, allowed] of Object.entries(CHOICES)) {
    const value = data[name];
    if (value === undefined) continue;
    if (!allowed.includes(value)) {
      return {
        error: [
          `data-${name}="${value}" không hợp lệ; hãy dùng ${allowed.join(", ")}`,
          `data-${name}="${value}" is not valid; use ${allowed.join(", ")}`,
        ],
      };
    }
    options[name] = value;
  }
  return { options, thread };
}

/** `text` resolved against the page, if it is an http(s) address. */
function httpUrl(text) {
  if (text === undefined) return undefined;
  try {
    const url = new URL(text, document.baseURI);
    if (/^https?:$/.test(url.protocol)) return url;
  } catch {
    // Not an address at all.
  }
  return undefined;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Shows, inside the element, why the comments cannot be shown. */
function showError(shadow, [vi, en]) {
  const box = element("div", "bl-error");
  box.setAttribute("role", "alert");
  box.append(
    element("p", undefined, `Không hiển thị được bình luận: ${vi}.`),
    element("p", undefined, `Comments cannot be shown: ${en}.`),
  );
  box.lang = "vi";
  fill(shadow, placeholderSheet, box);
}

/** The place-holder: the heading with the count, and grey bars where the form will be. Returns
 * what `showCount` returns. */
function showPlaceholder(shadow, options, thread) {
  const wait = element("div", `bl-wait ${options.theme ?? "auto"}`);
  wait.setAttribute("aria-busy", "true");
  wait.lang = options.lang ?? "vi";
  const heading = element("h2", undefined, options.lang === "en" ? "Comments" : "Bình luận");
  wait.append(heading, element("div", "bar"), element("div", "bar box"), element("div", "bar"));
  fill(shadow, placeholderSheet, wait);
  return showCount(heading, options, thread);
}

/** Adds "(12)" to the heading: the last count seen at once, then the server's. An article the
 * server has no thread for (`404`) gets one (`POST /api/threads`, which the server may refuse),
 * counting 0. Settles, never failing, once the thread exists or cannot be had, so the widget
 * never asks for a thread that is still being opened. */
async function showCount(heading, { api, article }, thread) {
  const key = `binhluan:count:${api}:${article}`;
  const label = heading.textContent;
  const show = (count) => {
    heading.textContent = `${label} (${count})`;
    try {
      localStorage.setItem(key, String(count));
    } catch {
      // Not cached: fine.
    }
  };
  try {
    const cached = localStorage.getItem(key);
    if (cached !== null) heading.textContent = `${label} (${cached})`;
  } catch {
    // Storage may be blocked: the count from the server will do.
  }
  const request = (path, init) =>
    fetch(`${api}/api${path}`, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  try {
    const answer = await request(`/articles/${encodeURIComponent(article)}/comments/count`);
    if (answer.status === 404) {
      const opened = await request("/threads", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(thread),
      });
      if (opened.ok) show(0);
      return;
    }
    if (!answer.ok) return;
    const { count } = await answer.json();
    if (Number.isInteger(count)) show(count);
  } catch {
    // No count: the heading alone is fine, and the widget says what is wrong.
  }
}

/** Loads the app if needed and mounts the widget in place of the placeholder, once `ready`
 * (what `showCount` returned) has settled; in place of the rendered comments once its list
 * has loaded. */
async function mountWidget(host, { shadow, options, ready, rendered }) {
  if (!pending.has(host)) return; // Already woken.
  pending.delete(host);
  observer?.unobserve(host);
  performance.mark("binhluan:visible");
  try {
    const [{ module, sheet }] = await Promise.all([loadApp(), ready]);
    const container = document.createElement("div");
    module.mount_embed(container, options);
    if (rendered) {
      container.hidden = true;
      host.append(container);
      await listLoaded(container);
      await composingDone(host);
      takeOver(host, container);
    } else {
      fill(shadow, sheet, container);
    }
    performance.mark("binhluan:ready");
    host.dispatchEvent(new CustomEvent("binhluan:ready", { bubbles: true }));
  } catch (error) {
    console.error("binhluan:", error);
    const message = [
      "không tải được ứng dụng bình luận; hãy tải lại trang",
      "the comment app could not be loaded; please reload the page",
    ];
    if (rendered) {
      showRenderedError(host, message);
    } else {
      showError(shadow, message);
    }
  }
}

/** Settles once the widget's comment list is no longer loading (loaded, failed or absent). */
function listLoaded(container) {
  const settled = () => container.querySelector(".comment-list[aria-busy=false]") !== null;
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      if (!settled()) return;
      watch.disconnect();
      resolve();
    });
    watch.observe(container, { subtree: true, childList: true, attributes: true });
  });
}

/** Settles when the reader is not in the middle of an input method's composition in the
 * rendered box: a word being composed (Telex, VNI, a phone's keyboard) is never cut. */
function composingDone(host) {
  if (!composing.has(host)) return Promise.resolve();
  return new Promise((resolve) =>
    host.addEventListener("compositionend", () => setTimeout(resolve), { once: true }),
  );
}

const composing = new WeakSet();

/** Shows the widget instead of the rendered comments, with what the reader typed in the
 * rendered form, and the focus and caret where they were. */
function takeOver(host, container) {
  const focused = host.contains(document.activeElement) ? document.activeElement : null;
  const typed = [...host.querySelectorAll("form[data-dormant] [name]")].filter(
    (field) => field.value !== "",
  );
  const form = container.querySelector("form.comment-form");
  for (const field of typed) {
    const twin = form?.querySelector(`[name="${field.name}"]`);
    if (!twin) continue;
    twin.value = field.value;
    twin.dispatchEvent(new Event("input", { bubbles: true }));
  }
  host.replaceChildren(container);
  container.hidden = false;
  const twin = focused?.name && form?.querySelector(`[name="${focused.name}"]`);
  if (twin) {
    twin.focus({ preventScroll: true });
    if (typeof focused.selectionStart === "number") {
      twin.setSelectionRange(focused.selectionStart, focused.selectionEnd);
    }
  }
}

/** Says, above the rendered comments (which stay), that writing cannot work now. */
function showRenderedError(host, [vi, en]) {
  const box = element("div", "load-error");
  box.setAttribute("role", "alert");
  box.append(
    element("p", undefined, `Không mở được khung bình luận: ${vi}.`),
    element("p", undefined, `The comment box cannot be opened: ${en}.`),
  );
  host.querySelector("form[data-dormant]")?.replaceWith(box);
}

/** The reader's anonymous id, the one the widget keeps (src/local_storage.rs): issued and signed
 * by the server (`POST /api/readers`), asked for now if the reader has none yet. The server
 * counts a reader's view of an article once an hour. `undefined` when none can be had
 * (storage blocked, the server unreachable or the address's bound reached): the server then
 * counts by address. */
async function readerId(api) {
  const key = "binhluan:reader";
  try {
    const kept = localStorage.getItem(key);
    if (kept?.startsWith("r1.")) return kept;
    const answer = await fetch(`${api}/api/readers`, {
      method: "POST",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const { reader_id: issued } = answer.ok ? await answer.json() : {};
    if (typeof issued !== "string") return undefined;
    localStorage.setItem(key, issued);
    return issued;
  } catch {
    return undefined;
  }
}

/** Counts this reading of the article (`data-views`) and shows the new count in the page's
 * `.article-views`. Once per element. */
async function countView(host, { api, article }) {
  const reader = await readerId(api);
  try {
    const answer = await fetch(`${api}/api/articles/${encodeURIComponent(article)}/views`, {
      method: "POST",
      keepalive: true,
      headers: reader ? { "X-Reader-Id": reader } : {},
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!answer.ok) return;
    const { views } = await answer.json();
    if (!Number.isInteger(views)) return;
    for (const shown of document.querySelectorAll(".article-views")) {
      shown.textContent = shown.textContent.replace(/^\d+/, String(views));
    }
  } catch {
    // Not counted: the page is still read.
  }
}

/** Wakes the widget of a rendered element as soon as the reader focuses its box, and holds
 * the rendered form back from submitting (the widget posts). */
function wakeOnFocus(host, widget) {
  host.addEventListener("focusin", () => mountWidget(host, widget), { once: true });
  host.addEventListener("compositionstart", () => composing.add(host));
  host.addEventListener("compositionend", () => composing.delete(host));
  host.addEventListener("submit", (event) => event.preventDefault());
}

const observer =
  "IntersectionObserver" in window
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            const widget = pending.get(entry.target);
            if (widget) mountWidget(entry.target, widget);
          }
        },
        { rootMargin: NEAR },
      )
    : null;
const pending = new WeakMap();

/**
 * Mounts the comments into every `[data-binhluan]` element in `root` (the document by
 * default; an element is checked itself too) that has none yet. An element whose attributes
 * are wrong shows why, and is tried again by the next call. Returns how many it mounted.
 */
function mount(root = document) {
  const found = [...root.querySelectorAll("[data-binhluan]")];
  if (root instanceof Element && root.matches("[data-binhluan]")) found.unshift(root);
  let count = 0;
  for (const host of found) {
    if (mounted.has(host)) continue;
    const rendered = host.hasAttribute("data-rendered");
    let shadow;
    try {
      if (!rendered) shadow = host.shadowRoot ?? host.attachShadow({ mode: "open" });
    } catch (error) {
      console.error("binhluan: this element cannot hold the comments; use a <div>", host, error);
      continue;
    }
    const { options, thread, error } = readOptions(host);
    if (error) {
      if (rendered) {
        console.error("binhluan:", error[1], host);
      } else {
        showError(shadow, error);
      }
      continue;
    }
    mounted.add(host);
    count += 1;
    const ready = rendered ? Promise.resolve() : showPlaceholder(shadow, options, thread);
    if (host.hasAttribute("data-views")) countView(host, options);
    const widget = { shadow, options, ready, rendered };
    pending.set(host, widget);
    if (rendered) wakeOnFocus(host, widget);
    if (observer) {
      observer.observe(host);
    } else {
      mountWidget(host, widget);
    }
  }
  return count;
}

window.BinhLuan ??= Object.freeze({ mount });
window.BinhLuan.mount();
