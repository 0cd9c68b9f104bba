// The module embedded in a page on another site (127.0.0.2 hosts the page, 127.0.0.1 the module):
// in embed mode, with each resizing protocol a VLE page listens for (H5P's resizer, Canvas's
// lti.frameResize), the iframe's height follows the content as the learner moves; with no
// listener, a link to open the module in a new tab; messages of the wrong shape, or from another
// window, change nothing.
//
// The host pages implement each protocol's host side as those platforms document it: they size
// the iframe from the module's messages and answer its greetings.

import assert from 'node:assert/strict';
import http from 'node:http';
import { before, after, test } from 'node:test';
import { startServer, launchBrowser, watchErrors, assertNoErrors, goHash, waitFocus, courseJson, assertAxeClean, quizSeed } from './helpers.mjs';

const host_port = () => host.address().port;

let app;
let host;
let browser;

const HOSTS = {
  h5p: `
    window.addEventListener('message', (e) => {
      const frame = document.getElementById('module');
      if (e.source !== frame.contentWindow || !e.data || e.data.context !== 'h5p') return;
      if (e.data.action === 'hello') e.source.postMessage({ context: 'h5p', action: 'hello' }, e.origin);
      if (e.data.action === 'resize') frame.style.height = e.data.height + 'px';
    });`,
  canvas: `
    window.addEventListener('message', (e) => {
      const frame = document.getElementById('module');
      if (e.source !== frame.contentWindow) return;
      let m = e.data;
      if (typeof m === 'string') { try { m = JSON.parse(m); } catch { return; } }
      if (m.subject === 'lti.frameResize') frame.style.height = m.height + 'px';
      if (m.subject === 'lti.fetchWindowSize') {
        e.source.postMessage(JSON.stringify({ subject: 'lti.fetchWindowSize.response', height: innerHeight, width: innerWidth, offset: { top: 0, left: 0 }, footer: 0, scrollY: 0 }), e.origin);
      }
    });`,
  none: '',
};

/** A VLE-like page: some text, the module in an iframe 400px high, maybe a sibling frame. */
function hostPage(protocol, src, extra = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>VLE page</title></head>
<body><h1>Week 3: integration</h1><p>Work through the module below.</p>
<iframe id="module" title="Integrating health and social care in England" src="${src}" style="width:100%;height:400px;border:0"></iframe>
${extra}
<script>${HOSTS[protocol]}</script></body></html>`;
}

before(async () => {
  app = await startServer();
  const appUrl = app.url.replace('127.0.0.1', '127.0.0.1');
  host = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/pasted') {
      // A page holding just what a lecturer pasted (the test sends it in the query).
      const body = url.searchParams.get('html') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body><h1>Week 4</h1>${body}</body></html>`);
      return;
    }
    const protocol = url.searchParams.get('protocol') ?? 'none';
    const src = `${appUrl}?embed${url.searchParams.get('hash') ?? '#/'}`;
    let extra = '';
    if (url.searchParams.get('sibling')) {
      // Another frame of the host's site that tries to pass itself off as the resizer.
      extra = `<iframe id="other" title="Other" srcdoc="<script>setInterval(() => { const m = parent.frames[0]; m.postMessage({ context: 'h5p', action: 'hello' }, '*'); m.postMessage(JSON.stringify({ subject: 'lti.fetchWindowSize.response', height: 1 }), '*'); }, 100);</script>"></iframe>`;
    }
    if (url.searchParams.get('noise')) {
      // The parent itself, but in shapes no protocol uses.
      extra += `<script>setInterval(() => { const m = document.getElementById('module').contentWindow; for (const x of ['hello', { context: 'h5p' }, { context: 'other', action: 'hello' }, { subject: 'lti.other' }, '{"subject":', 42, null]) m.postMessage(x, '*'); }, 100);</script>`;
    }
    if (!HOSTS[protocol] && HOSTS[protocol] !== '') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(protocol, src, extra));
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.2', resolve));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((resolve) => host?.close(resolve));
});

async function openHost(query) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = watchErrors(await context.newPage());
  await page.goto(`http://127.0.0.2:${host.address().port}/?${query}`);
  const frame = await (await page.waitForSelector('#module')).contentFrame();
  await frame.waitForSelector('#app[data-started] #view-heading', { state: 'attached' });
  return { page, frame, context };
}

const frameHeight = (page) => page.$eval('#module', (f) => f.getBoundingClientRect().height);
const contentHeight = (frame) => frame.evaluate(() => document.documentElement.getBoundingClientRect().height);

/** Waits until the iframe is as tall as the module's content (within 3px); returns the height. */
async function fits(page, frame, label) {
  let last;
  for (let i = 0; i < 60; i++) {
    const [f, c] = [await frameHeight(page), await contentHeight(frame)];
    last = { f, c };
    if (Math.abs(f - c) <= 3) return f;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`${label}: the iframe is ${last.f}px high for ${last.c}px of content`);
}

for (const protocol of ['h5p', 'canvas']) {
  test(`embedded in a page that listens for ${protocol === 'h5p' ? "H5P's resizer" : "Canvas's lti.frameResize"}: the iframe follows the content`, { timeout: 60_000 }, async () => {
    const { page, frame, context } = await openHost(`protocol=${protocol}`);
    assert.equal(await frame.locator('footer').count(), 0, 'embed mode drops the footer');
    assert.equal(await frame.locator('header.site-header.compact').count(), 1, 'and keeps a compact header');
    const home = await fits(page, frame, 'home');
    await goHash(frame, '#/lesson/meaning-lesson');
    const lesson = await fits(page, frame, 'a long lesson');
    assert.ok(lesson > home + 200, `the lesson is taller than the home page (${lesson} vs ${home})`);
    await goHash(frame, '#/sources');
    const sources = await fits(page, frame, 'sources');
    await goHash(frame, '#/unit/meaning');
    const unit = await fits(page, frame, 'a unit');
    assert.ok(unit < lesson, 'and shrinks again');
    // A change of size without a change of view: the lecturers' prompts opened.
    await frame.click('details.lecturer summary');
    const opened = await fits(page, frame, 'prompts opened');
    assert.ok(opened > unit, `opening the prompts makes it taller (${opened} vs ${unit}; sources ${sources})`);
    await new Promise((r) => setTimeout(r, 1700));
    assert.equal(await frame.locator('#new-tab-notice').count(), 0, 'a listening page needs no new-tab link');
    assertNoErrors(page);
    await context.close();
  });
}

test('embedded in a page that listens for nothing: a link to open the module in a new tab', { timeout: 60_000 }, async () => {
  const { page, frame, context } = await openHost('protocol=none&hash=%23/unit/meaning');
  await frame.waitForSelector('#new-tab-notice', { timeout: 5000 });
  const href = await frame.getAttribute('#new-tab-notice a', 'href');
  assert.match(href, /^http:\/\/127\.0\.0\.1:\d+\/#\/unit\/meaning$/, `the module on its own, without embed: ${href}`);
  assert.equal(await frameHeight(page), 400, 'the page keeps its own height');
  assertNoErrors(page);
  await context.close();
});

for (const [name, query] of [['from another window', 'sibling=1'], ['of the wrong shape', 'noise=1']]) {
  test(`messages ${name} change nothing`, { timeout: 60_000 }, async () => {
    const { page, frame, context } = await openHost(`protocol=none&${query}`);
    await frame.waitForSelector('#new-tab-notice', { timeout: 5000 });
    await goHash(frame, '#/glossary');
    await waitFocus(frame, 'view-heading');
    assert.equal(await frameHeight(page), 400, 'nothing resized the frame');
    assert.equal(await frame.locator('#new-tab-notice').count(), 1, 'still no listener as far as the module knows');
    assertNoErrors(page);
    await context.close();
  });
}

test('the lecturers\' page builds the embed code and the host script, and both work when pasted into a page', { timeout: 90_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = watchErrors(await context.newPage());
  await page.goto(`${app.url}#/lecturers`);
  await page.waitForSelector('#app[data-started] #view-heading');
  assert.match(await page.textContent('main'), /answers included/);
  const code = () => page.$eval('#embed-code', (t) => t.value);
  assert.match(await code(), /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed#\/" title="[^"]+" /);
  // Only unit 2, deferred, pass mark 60.
  const boxes = await page.$$('input[id^="embed-unit-"]');
  for (let i = 0; i < boxes.length; i++) if (i !== 1) await page.click(`label[for="embed-unit-${i}"]`);
  await page.selectOption('#embed-mode', 'deferred');
  await page.selectOption('#embed-pass', '60');
  const unit2 = courseJson().units[1].id;
  assert.match(await code(), new RegExp(`\\?embed&amp;units=${unit2}&amp;mode=deferred&amp;pass=60#/"`));
  // The preview (a second copy of the module) is made only when asked for; it shows just that unit.
  assert.equal(await page.locator('iframe.preview').count(), 0, 'no preview until asked for');
  const show = page.getByRole('button', { name: 'Show the preview' });
  assert.equal(await show.getAttribute('aria-expanded'), 'false');
  await show.click();
  const hide = page.getByRole('button', { name: 'Hide the preview' });
  assert.equal(await hide.getAttribute('aria-expanded'), 'true');
  assert.equal(await hide.evaluate((b) => document.activeElement === b), true, 'focus stays on the button');
  const previewFrame = await page.waitForSelector('#embed-preview iframe.preview');
  await previewFrame.scrollIntoViewIfNeeded();
  const preview = await previewFrame.contentFrame();
  await preview.waitForFunction((id) => location.search.includes(`units=${id}`) && document.querySelectorAll('ol.cards > li').length === 1, unit2);
  await assertAxeClean(page, 'lecturers page with choices');
  // Each unit's answers open on demand.
  const unit1 = page.locator('.lecturer-unit details').first();
  assert.equal(await unit1.locator('li').count(), 0, 'built only when opened');
  await unit1.locator('summary').click();
  await unit1.locator('li').first().waitFor();
  assert.equal(await unit1.locator('li').count(), quizSeed().questions.length);
  assert.match(await unit1.locator('li').first().textContent(), /Answer: /);
  // The question bank's downloads are there.
  for (const [name, start] of [['question-bank-moodle.xml', '<?xml'], ['question-bank.gift', '//']]) {
    const href = await page.getAttribute(`a[download="${name}"]`, 'href');
    const body = await page.evaluate(async (h) => { const r = await fetch(h); return r.ok ? r.text() : `HTTP ${r.status}`; }, href);
    assert.ok(body.startsWith(start), `${name} downloads: ${body.slice(0, 40)}`);
  }
  // Pasted into a page that listens for nothing, with the host script: the frame fits.
  const host = await page.$eval('#host-code', (t) => t.value);
  const pasted = (await code()).replace(/&amp;/g, '&') + host;
  const vle = watchErrors(await context.newPage());
  await vle.goto(`http://127.0.0.2:${host_port()}/pasted?html=${encodeURIComponent(pasted)}`);
  const frame = await (await vle.waitForSelector('iframe[data-hsc-module]')).contentFrame();
  await frame.waitForSelector('ol.cards > li');
  const height = () => vle.$eval('iframe[data-hsc-module]', (f) => f.getBoundingClientRect().height);
  for (let i = 0; i < 60 && Math.abs((await height()) - (await contentHeight(frame))) > 3; i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(Math.abs((await height()) - (await contentHeight(frame))) <= 3, `the pasted frame fits its content (${await height()})`);
  assert.equal(await frame.locator('ol.cards > li').count(), 1);
  // Each change of choice reloads the preview, which cancels the previous load's requests: that
  // is the browser doing as asked, not an error.
  page.errors = page.errors.filter((e) => !/^request failed: .* net::ERR_ABORTED$/.test(e));
  assertNoErrors(page);
  assertNoErrors(vle);
  await context.close();
});
