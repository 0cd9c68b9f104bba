// Starts the module. The build (src/bin/finish-dist.rs) writes this file into dist/ with the
// app's file names in place of APP_JS and APP_WASM, so the page needs no inline script and runs
// under a strict Content-Security-Policy. If the module cannot start (no WebAssembly, a failed or
// truncated download), or has not started after 5 seconds, the page says so in plain words, with
// a link to open the module in a new tab.
//
// The page carries the wasm itself, after the course home: LZMA-compressed with the course's text
// word-coded (src/dist/), as raw bytes, in pieces, each in a <script type=x>, a data block: never
// run, never shown or read out, and no Content-Security-Policy applies to it. The page is
// windows-1252, where each byte is a character of its own, so a piece's text gives its bytes back
// (src/dist/copy.rs says how the few the HTML parser changes are restored). It arrives with the
// page, a round trip sooner than a file the page names (562.5 ms on the benchmark's network). This
// script runs as soon as it has loaded (`async`), while the page is still arriving, and before the
// browser paints anything (`blocking="render"`, so that a deep link never shows the home); after
// the first frame, it expands each piece as the browser finishes reading it, so that the module
// compiles while the page streams in. A server that labels the page as another encoding makes the
// browser read the bytes wrongly: then this script reads the page's own bytes (from the browser's
// cache where it can). A page without the pieces, or whose copy does not arrive whole, fetches the
// plain .wasm; served with the wrong MIME type, that still loads (wasm-bindgen falls back to the
// non-streaming path).

// The learner's display settings (text size, spacing, font, theme) as the app last set them on the
// page's root (src/ui/hooks.rs, use_display), so that the first paint has them. The app sets them
// again from the progress once started.
try {
  const note = localStorage.getItem('hsc:COURSE_ID:display') ?? '';
  for (const [, name, value] of note.matchAll(/(data-[a-z]+)=([a-z0-9-]+)/g)) {
    document.documentElement.setAttribute(name, value);
  }
} catch {
  // Storage blocked: the app's defaults until it starts.
}

const app = () => document.getElementById('app');
const started = () => app()?.hasAttribute('data-started') ?? false;
const parsed = () => document.readyState !== 'loading';

/** Resolves at the page's next change: an element added by the parser, or the end of the page. */
function change() {
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      document.removeEventListener('readystatechange', done);
      resolve();
    };
    const observer = new MutationObserver(done);
    observer.observe(document, { childList: true, subtree: true });
    document.addEventListener('readystatechange', done);
  });
}

/** `find()`'s element once the browser has read all of it (something follows it), or null. */
async function whole(find) {
  for (;;) {
    const el = find();
    if ((el && el.nextSibling) || parsed()) return el;
    await change();
  }
}

// Once the page holds the course home (the loading message's template ends it): a deep link shows
// the loading message instead, rather than the wrong page.
const home = whole(() => document.getElementById('loading')).then((loading) => {
  const root = app();
  if (location.hash.replace(/^#\/?/, '') !== '' && root && !started() && loading instanceof HTMLTemplateElement) {
    root.replaceChildren(loading.content.cloneNode(true));
  }
});

// Until the app starts, the static page's skip link moves focus to the content without changing
// the address: "#main" there would be read by the app, once started, as a page that does not exist.
document.addEventListener('click', (e) => {
  const link = e.target instanceof Element ? e.target.closest('a.skip-link') : null;
  const main = document.getElementById('main');
  if (!link || !main || started()) return;
  e.preventDefault();
  main.focus();
});

async function say(words) {
  await home;
  const main = app()?.querySelector('main');
  if (!main || started()) return;
  let p = document.getElementById('start-problem');
  if (!p) {
    p = document.createElement('p');
    p.id = 'start-problem';
    p.setAttribute('role', 'alert');
    main.prepend(p);
  }
  p.textContent = words + ' ';
  const a = document.createElement('a');
  a.href = location.href;
  a.target = '_blank';
  a.rel = 'noopener';
  a.textContent = 'Open the module in a new tab';
  p.append(a, '.');
}

/** The pieces as the page's own bytes hold them, read from the page fetched again (from the
 * browser's cache where it can): for a page the browser did not read as windows-1252. None if it
 * cannot be read again: then the plain .wasm is fetched. */
async function piecesOfPage() {
  const response = await fetch(location.href.split('#')[0], { cache: 'force-cache' });
  return piecesIn(new Uint8Array(await response.arrayBuffer()));
}

/** The page's pieces of the compressed wasm, as bytes, each once the browser has read it whole
 * and taken out of the page then (its text is not needed twice); null after the last one. */
function pieces() {
  let after; // the node that followed the piece read last (undefined before the first)
  let read;
  let fetched;
  const find = () => {
    if (after === undefined) return document.getElementById(COPY_ID);
    let n = after;
    while (n && n.nodeType !== Node.ELEMENT_NODE) n = n.nextSibling;
    return n;
  };
  return async function next() {
    if (fetched) return fetched.shift() ?? null;
    const el = after === null ? null : await whole(find);
    if (!(el instanceof HTMLScriptElement)) return null;
    if (document.characterSet !== 'windows-1252') {
      fetched = await piecesOfPage();
      return fetched.shift() ?? null;
    }
    after = el.nextSibling; // null only when the page has ended
    el.remove();
    read ??= pieceReader(el.dataset.cr ?? '', el.dataset.crlf ?? '');
    return read(el.text);
  };
}

/** Whether the wasm came from the page's copy (not the plain file). */
let fromCopy = false;

/** The wasm as a Response: the page's compressed copy expanded as it arrives, or the plain file. */
async function wasmSource() {
  const next = pieces();
  const first = await next();
  if (first === null) return fetch('./APP_WASM');
  fromCopy = true;
  const lzma = new LzmaDecoder();
  const words = wordExpander();
  let piece = first;
  const wasm = new ReadableStream({
    async pull(c) {
      for (;;) {
        piece ??= await next();
        if (piece === null) lzma.end(); else lzma.push(piece);
        const end = piece === null;
        piece = undefined;
        const fresh = words.push(lzma.run());
        if (fresh.length > 0) c.enqueue(fresh);
        if (lzma.finished) {
          if (!words.done()) throw new Error('the compressed module is damaged');
          c.close();
          return;
        }
        if (end) throw new Error('the compressed module ends early');
        if (fresh.length > 0) return;
      }
    },
  });
  return new Response(wasm, { headers: { 'Content-Type': 'application/wasm' } });
}

const slow = setTimeout(() => {
  say('The module is taking longer than usual to start. If nothing appears soon, reload the page, or try another browser.');
}, 5000);

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  clearTimeout(slow);
  say('This browser cannot run the module: it needs WebAssembly, which is missing here or switched off (some organisations block it). Try an up-to-date Chrome, Edge, Firefox or Safari, or ask your IT team.');
} else {
  try {
    // The first paint comes first (this script holds rendering back until it has run): the pieces
    // are read after it, or after 100 ms in a tab that is not painted (one in the background).
    await new Promise((go) => {
      requestAnimationFrame(() => setTimeout(go, 0));
      setTimeout(go, 100);
    });
    const wasm = wasmSource();
    wasm.catch(() => {});
    const glue = await import('./APP_JS');
    // The app takes over the page once the home (or a deep link's loading message) is in place.
    await home;
    let exports;
    try {
      exports = await glue.default({ module_or_path: wasm });
    } catch (e) {
      if (!fromCopy) throw e;
      // The page's copy did not arrive whole (the page cut short, or changed by something between
      // the server and the browser): the plain file instead.
      exports = await glue.default({ module_or_path: fetch('./APP_WASM') });
    }
    clearTimeout(slow);
    // For the benchmark (tests/bench/): the wasm memory's size, nothing about the learner.
    globalThis.hscWasmMemoryBytes = () => exports.memory.buffer.byteLength;
  } catch (e) {
    clearTimeout(slow);
    say(`The module could not start: the page or one of its files did not load completely (${e && e.message ? e.message : e}). Reload the page; if this keeps happening, try another browser or network.`);
  }
}
