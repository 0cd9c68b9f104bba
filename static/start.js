// Starts the module. The build (src/bin/finish-dist.rs) writes this file into dist/ with the
// app's file names in place of APP_JS, APP_WASM and APP_WLZ, so the page needs no inline script
// and runs under a strict Content-Security-Policy. If the module cannot start (no WebAssembly, a
// failed or truncated download), or has not started after 5 seconds, the page says so in plain
// words, with a link to open the module in a new tab. A .wasm served with the wrong MIME type
// still loads: wasm-bindgen falls back to the non-streaming path.
//
// The wasm is also stored LZMA-compressed by the build (APP_WLZ, about a fifth smaller than gzip
// would send it), with the course's text word-coded, and the decoder and the expander above
// restore it as it downloads, so that the module compiles while it streams in. A server that
// compresses nothing (as VLE file stores often do) then sends less than half a megabyte in all. If the compressed copy is missing, the plain .wasm is fetched.
const app = document.getElementById('app');
const started = () => app === null || app.hasAttribute('data-started');

// The page holds the course home as static HTML, readable before the app arrives. A deep link
// shows the loading message instead, rather than the wrong page.
const hash = location.hash.replace(/^#\/?/, '');
const loading = document.getElementById('loading');
if (hash !== '' && app && loading instanceof HTMLTemplateElement) {
  app.replaceChildren(loading.content.cloneNode(true));
}

// Until the app starts, the static page's skip link moves focus to the content without changing
// the address: "#main" there would be read by the app, once started, as a page that does not exist.
document.addEventListener('click', (e) => {
  const link = e.target instanceof Element ? e.target.closest('a.skip-link') : null;
  const main = document.getElementById('main');
  if (!link || !main || started()) return;
  e.preventDefault();
  main.focus();
});

function say(words) {
  const main = app && app.querySelector('main');
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

/** The wasm as a Response: the compressed copy expanded as it arrives, or the plain file. */
async function wasmSource() {
  const res = await fetch('./APP_WLZ');
  if (!res.ok || !res.body) return fetch('./APP_WASM');
  const reader = res.body.getReader();
  const lzma = new LzmaDecoder();
  const words = wordExpander();
  const wasm = new ReadableStream({
    async pull(c) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) lzma.end(); else lzma.push(value);
        const fresh = words.push(lzma.run());
        if (fresh.length > 0) c.enqueue(fresh);
        if (lzma.finished) {
          if (!words.done()) throw new Error('the compressed module is damaged (its text is cut)');
          // Read the download to its end, so that it completes rather than being cut off.
          for (let end = done; !end;) ({ done: end } = await reader.read());
          c.close();
          // Held until here: a response collected while its body is read aborts the download.
          return res.ok;
        }
        if (done) throw new Error('the download of the module stopped early');
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
    // The wasm's download starts first, alongside the app's script.
    const wasm = wasmSource();
    wasm.catch(() => {});
    const app = await import('./APP_JS');
    const exports = await app.default({ module_or_path: wasm });
    clearTimeout(slow);
    // For the benchmark (tests/bench/): the wasm memory's size, nothing about the learner.
    globalThis.hscWasmMemoryBytes = () => exports.memory.buffer.byteLength;
  } catch (e) {
    clearTimeout(slow);
    say(`The module could not start: one of its files did not load completely (${e && e.message ? e.message : e}). Reload the page; if this keeps happening, try another browser or network.`);
  }
}
