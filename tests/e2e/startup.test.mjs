// Starting up: under the strict Content-Security-Policy a university may set (no inline script or
// style), the module runs every view with no violation; and when it cannot start (no WebAssembly,
// a failed or truncated download) the page says so within 5 seconds, with a link to open it in a
// new tab; a .wasm served with the wrong MIME type still loads. The page carries the wasm itself,
// LZMA-compressed, in base64, in <template>s after the course home, and the loader expands each
// piece as the page arrives (static/start.js, static/lzma.js); a page without them fetches the
// plain .wasm.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { LzmaDecoder } from '../../static/lzma.js';
import { wordExpander } from '../../static/words.js';
import { before, after, test } from 'node:test';
import { DIST, courseJson, startServer, launchBrowser, watchErrors, assertNoErrors, goHash, quizSeed, scenarioSeed, scenarioPaths, playScenario } from './helpers.mjs';

/** The policy README.md documents; `frame-src 'self'` only for the lecturers' page's preview. */
export const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

let strict;
let plain;
let browser;
before(async () => {
  strict = await startServer(undefined, { 'content-security-policy': CSP });
  plain = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await strict?.close();
  await plain?.close();
});

async function page(init) {
  const context = await browser.newContext();
  const p = watchErrors(await context.newPage());
  p.violations = [];
  await p.exposeFunction('reportViolation', (v) => p.violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.reportViolation(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  if (init) await init(p);
  return p;
}

test('under a strict Content-Security-Policy every view runs with no violation', { timeout: 120_000 }, async () => {
  const p = await page();
  await p.goto(`${strict.url}#/`);
  await p.waitForSelector('#app[data-started] #view-heading');
  const quiz = quizSeed();
  for (const hash of ['#/unit/meaning', '#/lesson/meaning-lesson', `#/quiz/${quiz.id}`, `#/quiz/${quiz.id}/1`, `#/quiz/${quiz.id}/results`, '#/glossary', '#/timeline', '#/sources', '#/progress', '#/record', '#/practice', '#/nowhere']) {
    await goHash(p, hash);
  }
  // Answer a question, play a scenario to its end, open the lecturers' preview.
  await goHash(p, `#/quiz/${quiz.id}/1`);
  await p.click('label[for="option-0"]').catch(() => {});
  const sc = scenarioSeed();
  await playScenario(p, sc, scenarioPaths(sc)[0]);
  await goHash(p, '#/lecturers');
  await p.getByRole('button', { name: 'Show the preview' }).click();
  const previewFrame = await p.waitForSelector('iframe.preview');
  await previewFrame.scrollIntoViewIfNeeded();
  const preview = await previewFrame.contentFrame();
  await preview.waitForSelector('#app[data-started] #view-heading', { state: 'attached' });
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(p.violations, [], 'no Content-Security-Policy violation');
  assertNoErrors(p);
  await p.context().close();
});

/** The page's pieces of the compressed wasm: every <template> from the first one's id on. */
const COPY = /<template id="wasm-lzma">[\s\S]*<\/template>/;

/** Serves the page (index.html) through `edit`, which takes and gives its text. */
function editPage(x, edit) {
  return x.route((u) => u.pathname === '/' || u.pathname.endsWith('/index.html'), async (route) => {
    const r = await route.fetch();
    await route.fulfill({ response: r, body: edit(await r.text()) });
  });
}

/** The glue's file name (the app's JS, which the loader imports). */
const GLUE = /\/hsc-course-[0-9a-f]+\.js$/;

/** The page's start-up message, once shown (within 5 s). */
async function problem(p) {
  await p.waitForSelector('#start-problem', { timeout: 6000 });
  const text = await p.textContent('#start-problem');
  const link = await p.getAttribute('#start-problem a', 'href');
  return { text, link };
}

test('no WebAssembly: a plain message and a link, within 5 seconds', { timeout: 30_000 }, async () => {
  const p = await page((x) => x.addInitScript(() => { delete window.WebAssembly; }));
  const t0 = Date.now();
  await p.goto(`${plain.url}#/unit/meaning`);
  const { text, link } = await problem(p);
  assert.ok(Date.now() - t0 < 5000, 'within 5 seconds');
  assert.match(text, /needs WebAssembly/);
  assert.equal(link, `${plain.url}#/unit/meaning`);
  assert.equal(await p.getAttribute('#start-problem', 'role'), 'alert');
  await p.context().close();
});

const cutWasm = async (route) => {
  const r = await route.fetch();
  const body = await r.body();
  await route.fulfill({ status: 200, headers: { 'content-type': 'application/wasm' }, body: body.subarray(0, body.length >> 1) });
};
for (const [name, init] of [
  ['a failed download of the app\'s script', (x) => x.route(GLUE, (route) => route.abort('failed'))],
  // Cut in the middle of the pieces: the last piece the browser reads is cut short.
  ['a page cut off while its copy of the wasm arrives', (x) => editPage(x, (html) => html.slice(0, html.indexOf('<template id="wasm-lzma">') + 200_000))],
  ['a page cut off within a piece\'s first quarter', (x) => editPage(x, (html) => html.slice(0, html.indexOf('<template id="wasm-lzma">') + 8_002))],
  ['a failed download of the plain .wasm, on a page without the copy', async (x) => {
    await editPage(x, (html) => html.replace(COPY, ''));
    await x.route(/\.wasm$/, (route) => route.abort('failed'));
  }],
  ['a truncated download of the plain .wasm, on a page without the copy', async (x) => {
    await editPage(x, (html) => html.replace(COPY, ''));
    await x.route(/\.wasm$/, cutWasm);
  }],
]) {
  test(`${name}: a plain message and a link`, { timeout: 30_000 }, async () => {
    const p = await page(init);
    // The failure itself is reported in the console; that is expected here.
    p.errors = [];
    await p.goto(`${plain.url}#/`);
    const { text, link } = await problem(p);
    assert.match(text, /could not start/);
    assert.equal(link, `${plain.url}#/`);
    assert.equal(await p.locator('#app[data-started]').count(), 0);
    await p.context().close();
  });
}

test('a .wasm served with the wrong MIME type still loads (the non-streaming path)', { timeout: 30_000 }, async () => {
  const p = await page(async (x) => {
    // The plain .wasm is what a page without the compressed copy fetches.
    await editPage(x, (html) => html.replace(COPY, ''));
    await x.route(/\.wasm$/, async (route) => {
      const r = await route.fetch();
      await route.fulfill({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: await r.body() });
    });
  });
  p.errors = [];
  await p.goto(`${plain.url}#/`);
  await p.waitForSelector('#app[data-started] ol.cards > li');
  assert.equal(await p.locator('#start-problem').count(), 0);
  await p.context().close();
});

/** The wasm files a page asked for, by extension, while it started (`expected`: errors to allow). */
async function startWith(init, expected = /^$/) {
  const p = await page(init);
  const asked = [];
  p.on('request', (r) => { const m = /\.(wasm|wlz)$/.exec(r.url()); if (m) asked.push(m[1]); });
  await p.goto(`${plain.url}#/`);
  await p.waitForSelector('#app[data-started] ol.cards > li');
  assert.equal(await p.locator('#start-problem').count(), 0);
  // Each piece is taken out of the page once read: its text is not kept twice.
  assert.equal(await p.locator('template:not(#loading)').count(), 0, 'no piece left in the page');
  p.errors = p.errors.filter((e) => !expected.test(e));
  assertNoErrors(p);
  await p.context().close();
  return asked;
}

test('the page carries the compressed wasm, much smaller than the plain one, and the loader expands it as it arrives', { timeout: 30_000 }, async () => {
  assert.deepEqual(await startWith(), [], 'no request for a wasm file');
  const wasm = fs.readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  // The pieces, read by Node's own base64 decoder: the first has the id, none is inside #app,
  // they come after it, and the last of them ends the body.
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const copy = COPY.exec(html)[0];
  assert.ok(html.indexOf(copy) > html.indexOf('<template id="loading">'), 'after the course home');
  assert.ok(html.slice(html.indexOf(copy) + copy.length).trim().startsWith('</body>'), 'the end of the body');
  const texts = copy.replace(/^<template id="wasm-lzma">/, '').replace(/<\/template>$/, '').split('</template><template>');
  assert.ok(texts.length >= 3 && texts.every((t) => /^[A-Za-z0-9+/]+={0,2}$/.test(t)), 'base64 pieces');
  const pieces = texts.map((t) => Buffer.from(t, 'base64'));
  assert.ok(pieces.at(-1).length <= 16_384, `a small last piece: ${pieces.at(-1).length}`);
  const packed = Buffer.concat(pieces);
  const plainBytes = fs.readFileSync(path.join(DIST, wasm));
  // The decoder and the expander the page uses, fed in download-sized pieces, give the .wasm
  // byte for byte.
  const expand = (bytes, piece) => {
    const lzma = new LzmaDecoder();
    const words = wordExpander();
    const parts = [];
    for (let i = 0; i < bytes.length; i += piece) {
      lzma.push(bytes.subarray(i, i + piece));
      parts.push(words.push(lzma.run()));
    }
    lzma.end();
    parts.push(words.push(lzma.run()));
    return { lzma, words, out: Buffer.concat(parts) };
  };
  for (const piece of [16_384, 1_000, 7]) {
    const { lzma, words, out } = expand(packed, piece);
    assert.ok(lzma.finished && words.done(), `in pieces of ${piece} bytes, the whole text is expanded`);
    assert.ok(out.equals(plainBytes), `in pieces of ${piece} bytes, the page's copy expands to the .wasm`);
  }
  // The course's text is in the .wasm plain (the app reads it where it lies) and coded in the
  // page's copy: a sentence of the glossary is in the one, not in the other.
  const runs = courseJson().terms.map((t) => t.definition[0]).filter((r) => typeof r === 'string');
  const sentence = Buffer.from(runs.sort((a, b) => b.length - a.length)[0].slice(0, 60));
  assert.ok(plainBytes.includes(sentence), `the .wasm holds the text plain: ${sentence}`);
  const raw = new LzmaDecoder();
  raw.push(packed);
  raw.end();
  const payload = Buffer.from(raw.run());
  assert.ok(!payload.includes(sentence), 'the copy holds it coded');
  // Text cut short, or not the length its header gives, is not taken for the module.
  const cutText = wordExpander();
  cutText.push(payload.subarray(0, 16 + payload.readUInt32LE(0) + payload.readUInt32LE(12) + 100));
  assert.ok(!cutText.done(), 'a cut copy is not whole');
  const longer = Buffer.from(payload);
  longer.writeUInt32LE(longer.readUInt32LE(8) + 1, 8);
  const wrong = wordExpander();
  wrong.push(longer);
  assert.ok(!wrong.done(), 'a text of another length is not whole');
  // Much smaller than the plain file, and smaller than what a server's gzip would send; the page's
  // own .gz (what a server of precompressed files sends) adds little to it.
  assert.ok(packed.length < plainBytes.length / 2.5, `${packed.length} against ${plainBytes.length}`);
  const gzipped = zlib.gzipSync(plainBytes, { level: 9 }).length;
  assert.ok(packed.length < gzipped, `${packed.length} against ${gzipped} by gzip -9`);
  const pageGz = fs.readFileSync(path.join(DIST, 'index.html.gz'));
  assert.equal(zlib.gunzipSync(pageGz).toString('utf8'), html, 'the page\'s .gz is the page');
  const rest = zlib.gzipSync(html.replace(COPY, ''), { level: 9 }).length;
  assert.ok(pageGz.length < packed.length + rest + packed.length / 200, `${pageGz.length} against ${packed.length} + ${rest}`);
  // The loader and the glue ship minified: no comments, no indentation.
  for (const f of fs.readdirSync(DIST).filter((x) => x.endsWith('.js'))) {
    const js = fs.readFileSync(path.join(DIST, f), 'utf8');
    assert.ok(!/^\s*\/\/|\/\*|\n\s+\S/.test(js), `${f} is minified`);
  }
  // A cut or damaged copy is an error, not a wrong module.
  const cut = new LzmaDecoder();
  cut.push(packed.subarray(0, packed.length >> 1));
  cut.end();
  assert.throws(() => cut.run(), /ends early/);
  const damaged = Buffer.from(packed);
  damaged[13] = 1;
  const bad = new LzmaDecoder();
  bad.push(damaged);
  bad.end();
  assert.throws(() => bad.run(), /damaged/);
});

test('without Uint8Array.fromBase64 (browsers before 2025), the pieces are read with atob', { timeout: 30_000 }, async () => {
  const init = (x) => x.addInitScript(() => {
    delete Uint8Array.fromBase64;
    const atob = globalThis.atob;
    globalThis.atob = (s) => { globalThis.atobCalls = (globalThis.atobCalls ?? 0) + 1; return atob(s); };
  });
  const p = await page(init);
  await p.goto(`${plain.url}#/`);
  await p.waitForSelector('#app[data-started] ol.cards > li');
  const pieces = (COPY.exec(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'))[0].match(/<template/g) ?? []).length;
  assert.equal(await p.evaluate(() => globalThis.atobCalls), pieces, 'each piece through atob');
  assertNoErrors(p);
  await p.context().close();
});

test('a page without the compressed copy loads the plain .wasm', { timeout: 30_000 }, async () => {
  assert.deepEqual(await startWith((x) => editPage(x, (html) => html.replace(COPY, ''))), ['wasm']);
});

test('the course home is in the page before the app arrives; a deep link shows the loading message instead', { timeout: 30_000 }, async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  let release2;
  const held2 = new Promise((r) => { release2 = r; });
  const p = await page((x) => x.route(GLUE, async (route) => { await held; await route.continue(); }));
  // What the app's root holds at the moment it is marked as started (the mark the benchmark times).
  await p.addInitScript(() => {
    new MutationObserver((_, obs) => {
      const app = document.getElementById('app');
      if (!app?.hasAttribute('data-started')) return;
      globalThis.cardsAtStart = app.querySelectorAll('ol.cards > li').length;
      obs.disconnect();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-started'] });
  });
  await p.goto(`${plain.url}`);
  await p.waitForSelector('ol.cards > li');
  assert.equal(await p.locator('ol.cards > li').count(), 8, 'every unit, from the static page');
  assert.equal(await p.locator('#app[data-started]').count(), 0, 'before the app started');
  // Held apart: Playwright aborts one of two identical intercepted requests released together.
  const p2 = await page((x) => x.route(GLUE, async (route) => { await held2; await route.continue(); }));
  await p2.goto(`${plain.url}#/glossary`);
  await p2.waitForSelector('#app main.loading');
  assert.equal(await p2.locator('ol.cards').count(), 0, 'not the home page for a deep link');
  release();
  await p.waitForSelector('#app[data-started] ol.cards > li');
  // The app marks itself started once its own home is in the page, not before it renders.
  assert.equal(await p.evaluate(() => globalThis.cardsAtStart), 8, 'the app\'s home was in the page when it was marked as started');
  release2();
  await p2.waitForSelector('#app[data-started] #view-heading');
  assert.equal(await p2.textContent('#view-heading'), 'Glossary');
  assertNoErrors(p);
  assertNoErrors(p2);
  await p.context().close();
  await p2.context().close();
});

test('the static page\'s skip link, used before the app starts, moves focus and leaves the address alone', { timeout: 30_000 }, async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const p = await page((x) => x.route(GLUE, async (route) => { await held; await route.continue(); }));
  await p.goto(`${plain.url}`);
  await p.waitForSelector('ol.cards > li');
  assert.equal(await p.locator('#app[data-started]').count(), 0, 'before the app started');
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement?.className), 'skip-link', 'the first stop is the skip link');
  await p.keyboard.press('Enter');
  assert.equal(await p.evaluate(() => document.activeElement?.id), 'main', 'focus is on the main content');
  assert.equal(await p.evaluate(() => location.hash), '', 'the address is not changed (the app would read "#main" as a page)');
  release();
  await p.waitForSelector('#app[data-started] #view-heading');
  assert.equal(await p.textContent('#view-heading'), 'Integrating health and social care in England', 'the home page, not "Page not found"');
  assertNoErrors(p);
  await p.context().close();
});

test('the icon and the web app manifest load under the strict policy, and Chromium reads the manifest without error', { timeout: 30_000 }, async () => {
  const p = await page();
  await p.goto(`${strict.url}#/`);
  await p.waitForSelector('#app[data-started] #view-heading');
  const cdp = await p.context().newCDPSession(p);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, [], 'no manifest errors');
  assert.ok(manifest.url.endsWith('/manifest.webmanifest'));
  const data = JSON.parse(manifest.data);
  assert.equal(data.name, 'Integrating health and social care in England');
  assert.equal(data.start_url, './');
  /** Status, type, and for a PNG its width and height (IHDR), for an SVG whether it is one. */
  const load = (src) => p.evaluate(async (s) => {
    const r = await fetch(s);
    const b = new DataView(await r.arrayBuffer());
    const png = b.byteLength > 24 && b.getUint32(0) === 0x89504e47;
    const svg = new TextDecoder().decode(b.buffer.slice(0, 4)) === '<svg';
    return { status: r.status, type: r.headers.get('content-type'), size: png ? `${b.getUint32(16)}x${b.getUint32(20)}` : svg ? 'svg' : 'other' };
  }, src);
  assert.deepEqual(data.icons.map((i) => i.type).sort(), ['image/png', 'image/png', 'image/png', 'image/svg+xml']);
  assert.ok(data.icons.some((i) => i.purpose === 'maskable'), 'a maskable icon for the home screen');
  for (const icon of data.icons) {
    const res = await load(icon.src);
    const size = icon.type === 'image/svg+xml' ? 'svg' : icon.sizes;
    assert.deepEqual(res, { status: 200, type: icon.type, size }, icon.src);
  }
  assert.equal(await p.getAttribute('link[rel="icon"]', 'href'), 'icon.svg');
  const touch = await p.getAttribute('link[rel="apple-touch-icon"]', 'href');
  assert.deepEqual(await load(touch), { status: 200, type: 'image/png', size: '180x180' }, touch);
  assert.deepEqual(p.violations, [], 'no Content-Security-Policy violation');
  assertNoErrors(p);
  await p.context().close();
});
