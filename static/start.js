// Starts the module. The build (src/bin/finish-dist.rs) writes this file into dist/ with the
// app's file names in place of APP_JS, APP_WASM and APP_WGZ, so the page needs no inline script
// and runs under a strict Content-Security-Policy. If the module cannot start (no WebAssembly, a
// failed or truncated download), or has not started after 5 seconds, the page says so in plain
// words, with a link to open the module in a new tab. A .wasm served with the wrong MIME type
// still loads: wasm-bindgen falls back to the non-streaming path.
//
// The wasm is also stored gzipped by the build (APP_WGZ), and a browser with DecompressionStream
// downloads that and expands it itself, so a server that compresses nothing (as VLE file stores
// often do) still sends a third of the bytes. If the server did decompress it on the way (it sent
// "Content-Encoding: gzip" for it), the bytes arrive as wasm and are used as they are. Without
// DecompressionStream, or if the file is missing, the plain .wasm is fetched.
const app = document.getElementById('app');
const started = () => app === null || app.hasAttribute('data-started');

// The page holds the course home as static HTML, readable before the app arrives. A deep link
// shows the loading message instead, rather than the wrong page.
const hash = location.hash.replace(/^#\/?/, '');
const loading = document.getElementById('loading');
if (hash !== '' && app && loading instanceof HTMLTemplateElement) {
  app.replaceChildren(loading.content.cloneNode(true));
}

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

/** The wasm as a Response: the gzipped copy expanded here, or the plain file. */
async function wasmSource() {
  if (typeof DecompressionStream !== 'function' || typeof ReadableStream !== 'function') {
    return fetch('./APP_WASM');
  }
  const res = await fetch('./APP_WGZ');
  if (!res.ok || !res.body) return fetch('./APP_WASM');
  const reader = res.body.getReader();
  const first = await reader.read();
  const head = first.done ? new Uint8Array(0) : first.value;
  const body = new ReadableStream({
    start(c) { if (head.length > 0) c.enqueue(head); },
    async pull(c) {
      const { done, value } = await reader.read();
      if (done) c.close(); else c.enqueue(value);
    },
  });
  const gzipped = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  const wasm = gzipped ? body.pipeThrough(new DecompressionStream('gzip')) : body;
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
