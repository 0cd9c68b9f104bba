// Progress is never lost: everything comes back after a reload, it is written when the page is
// hidden, and when storage fails (blocked in a cross-site VLE iframe, a sandboxed iframe, a full
// quota, corrupt data) the module still works end to end and says so politely.

import assert from 'node:assert/strict';
import http from 'node:http';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, goHash, textOf, waitFocus, questionOnScreen, assertAxeClean,
  courseSeed, quizSeed, scenarioSeed, scenarioPaths, quizOrderOnScreen, CHOICE_TYPES, announcement,
  playScenario,
} from './helpers.mjs';

const env = setup();
const vleServers = [];
before(env.start);
after(async () => {
  for (const s of vleServers) {
    s.closeAllConnections?.();
    await new Promise((resolve) => s.close(resolve));
  }
  await env.stop();
});

const course = courseSeed();
const quiz = quizSeed();
const sc = scenarioSeed();
const KEY = `hsc:${course.id}:progress`;
const BACKUP = `${KEY}:backup`;

/** Answers the first choice question (in this learner's order) rightly, "Fairly sure". */
async function answerFirstChoice(page, order) {
  const n = order.findIndex((id) => CHOICE_TYPES.has(quiz.questions.find((q) => q.id === id).type)) + 1;
  await goHash(page, `#/quiz/${quiz.id}/${n}`);
  const m = await questionOnScreen(page, quiz);
  for (const i of m.correct) await page.click(`label[for="option-${i}"]`);
  await page.click('label[for="sure-1"]');
  await page.getByRole('button', { name: 'Check answer' }).click();
  await waitFocus(page, 'feedback-heading');
  assert.match(await textOf(page, '#feedback-heading'), /Correct$/);
  return n;
}

e2eTest(env, 'answer, reload: answers, drafts, reflections and a scenario under way are all back', async (open) => {
  const page = await open();
  await openApp(page, '#/');
  const order = await quizOrderOnScreen(page, quiz);
  const checked = await answerFirstChoice(page, order);
  const feedback = await textOf(page, 'section.feedback');

  // A numeric answer typed but not checked: a draft.
  const numeric = order.findIndex((id) => quiz.questions.find((q) => q.id === id).type === 'numeric') + 1;
  assert.ok(numeric > 0, 'unit 1 has a numeric question');
  await goHash(page, `#/quiz/${quiz.id}/${numeric}`);
  await page.fill('#option-0', '42');

  // A reflection, typed.
  await goHash(page, '#/lesson/meaning-lesson');
  await page.fill('#reflect-meaning-own-words', 'She saw three assessors in a week.');

  // A scenario left after its first decision.
  await goHash(page, `#/scenario/${sc.id}`);
  await page.getByRole('button', { name: 'Start the scenario' }).click();
  await waitFocus(page, 'scenario-step');
  await page.locator('ul.choices button').nth(scenarioPaths(sc)[0].steps[0].index).click();
  await waitFocus(page, 'scenario-happened');
  const happened = await textOf(page, 'main');

  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#app[data-started] #view-heading');
  assert.equal(await textOf(page, 'main'), happened, 'the scenario is where it was left');

  await goHash(page, `#/quiz/${quiz.id}/${checked}`);
  assert.equal(await textOf(page, 'section.feedback'), feedback, 'the checked answer and its feedback are back');
  assert.match(await textOf(page, 'form.question'), /You said: Fairly sure\./, 'and the confidence given');
  await goHash(page, `#/quiz/${quiz.id}/${numeric}`);
  assert.equal(await page.inputValue('#option-0'), '42', 'the unchecked draft is back');
  await goHash(page, '#/lesson/meaning-lesson');
  assert.equal(await page.inputValue('#reflect-meaning-own-words'), 'She saw three assessors in a week.');
  assert.match(await textOf(page, '.reflect'), /Saved in this browser \(\d+ \w+ \d{4}\)\./);
});

e2eTest(env, 'progress is written again when the page is hidden or left', async (open) => {
  const page = await open();
  await page.addInitScript(() => {
    window.writes = [];
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      window.writes.push([k, v]);
      return set.call(this, k, v);
    };
  });
  await openApp(page, '#/lesson/meaning-lesson');
  await page.fill('#reflect-meaning-own-words', 'Kept.');
  await page.waitForFunction((k) => window.writes.some(([key, v]) => key === k && v.includes('Kept.')), KEY);
  const before = await page.evaluate(() => window.writes.length);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const hidden = await page.evaluate(() => window.writes.slice(-1)[0]);
  assert.equal(await page.evaluate(() => window.writes.length), before + 1, 'one write on visibilitychange to hidden');
  assert.equal(hidden[0], KEY);
  assert.equal(hidden[1], await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.match(hidden[1], /Kept\./);
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  assert.equal(await page.evaluate(() => window.writes.length), before + 2, 'one write on pagehide');
});

/**
 * A VLE page on another site holding the module in an iframe: served from `localhost` while the
 * module comes from `127.0.0.1`, so the two are different sites (both local, so Chrome's local
 * network access checks do not get in the way).
 */
async function vlePage(page, iframeAttrs = '') {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Week 3 - VLE</title></head><body>
      <h1>Week 3: integrated care</h1>
      <iframe title="Integrating health and social care in England" ${iframeAttrs}
        src="${page.base}#/" style="width:1000px;height:2400px;border:0"></iframe></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  vleServers.push(server);
  await page.goto(`http://localhost:${server.address().port}/course/week3`, { waitUntil: 'load' });
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('#app[data-started] #view-heading');
  return frame;
}

/** In a module that cannot save: the notice, then a question, the scenario and the progress code. */
async function usableWithoutStorage(frame, label) {
  assert.match(await textOf(frame, '#storage-notice'), /^Your progress will not be kept here\./);
  await assertAxeClean(frame, `${label}: home with the notice`);
  const order = await quizOrderOnScreen(frame, quiz);
  await answerFirstChoice(frame, order);
  await playScenario(frame, sc);
  await goHash(frame, '#/progress');
  assert.match(await textOf(frame, '#storage-status'), /^Nowhere yet/);
  const code = await frame.inputValue('#progress-code');
  assert.match(code, /^hsc3;.*;k=[0-9a-z]{4}$/s);
  await assertAxeClean(frame, `${label}: progress page`);
  await goHash(frame, '#/record');
  assert.match(await textOf(frame, 'main'), /Endings reached/);
  return code;
}

e2eTest(env, 'in a cross-site VLE iframe with third-party storage blocked, everything works and the notice shows', async (open) => {
  const page = await open();
  // What Chrome does when third-party cookies are blocked: merely reading localStorage throws.
  await page.context().addInitScript(() => {
    if (window.top !== window) {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
        },
      });
    }
  });
  const frame = await vlePage(page);
  assert.equal(await frame.evaluate(() => { try { return typeof localStorage; } catch (e) { return e.name; } }), 'SecurityError');
  const code = await usableWithoutStorage(frame, 'cross-site iframe');
  // The code carries the work out: loaded in an ordinary browser, it is all there.
  const other = await open();
  await openApp(other, '#/progress');
  await other.fill('#paste-code', code);
  await other.getByRole('button', { name: 'Load this code' }).click();
  assert.match(await announcement(other, (t) => t.startsWith('Progress loaded')), /^Progress loaded/);
  await goHash(other, '#/record');
  assert.match(await textOf(other, 'main'), /Endings reached/);
});

e2eTest(env, 'in a sandboxed iframe (allow-scripts only), everything works and the notice shows', async (open) => {
  const page = await open();
  const frame = await vlePage(page, 'sandbox="allow-scripts"');
  // A real opaque origin: the browser itself refuses storage.
  assert.equal(await frame.evaluate(() => { try { return typeof localStorage; } catch (e) { return e.name; } }), 'SecurityError');
  await usableWithoutStorage(frame, 'sandboxed iframe');
});

e2eTest(env, 'with storage full to its quota, everything works and the notice shows', async (open) => {
  const page = await open();
  await page.addInitScript(() => {
    if (localStorage.getItem('filler-0') !== null) return;
    // Fill storage to the last character the browser allows.
    let size = 1 << 20;
    let i = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler-${i}`, 'x'.repeat(size));
        i += 1;
      } catch (e) {
        if (e.name !== 'QuotaExceededError') throw e;
        size = Math.floor(size / 2);
      }
    }
  });
  await openApp(page, '#/');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null, 'nothing could be written');
  await usableWithoutStorage(page, 'quota exceeded');
});

e2eTest(env, 'corrupt or foreign data in storage: a fresh start, the data kept under a backup key, and a notice', async (open) => {
  for (const planted of ['hsc3;s=000001;q=broken;k=zzzz', '{"progress":"from another program"}', 'hsc1;q=x']) {
    const page = await open();
    await page.addInitScript(
      ([k, v]) => {
        if (!sessionStorage.getItem('planted')) {
          sessionStorage.setItem('planted', '1');
          localStorage.setItem(k, v);
        }
      },
      [KEY, planted],
    );
    await openApp(page, '#/');
    assert.match(await textOf(page, '#recovered-notice'), /^Saved progress here could not be read, so you are starting afresh\./);
    await assertAxeClean(page, `recovered notice (${planted})`);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), BACKUP), planted, 'the unreadable data is kept');
    // Work goes on and is saved under the usual key.
    const order = await quizOrderOnScreen(page, quiz);
    await answerFirstChoice(page, order);
    const stored = await page.evaluate((k) => localStorage.getItem(k), KEY);
    assert.match(stored, /^hsc3;.*;k=[0-9a-z]{4}$/s);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('#app[data-started] #view-heading');
    assert.equal(await page.$('#recovered-notice'), null, 'readable again: no notice');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), BACKUP), planted);
    await page.context().close();
  }
});

e2eTest(env, 'two tabs of the module keep each other up to date instead of overwriting each other', async (open) => {
  const one = await open();
  await openApp(one, '#/lesson/meaning-lesson');
  // A second tab in the same browser: same storage.
  const two = await one.context().newPage();
  two.base = one.base;
  const errors = [];
  two.on('pageerror', (e) => errors.push(e.message));
  two.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await openApp(two, '#/record');
  // Tab one writes a reflection; tab two's record shows it without a reload.
  await one.fill('#reflect-meaning-own-words', 'Written in the first tab.');
  await two.waitForFunction(() => document.querySelector('main').textContent.includes('Written in the first tab.'));
  // Tab two marks the lesson read; tab one has both, and what it saves keeps both.
  await goHash(two, '#/lesson/meaning-lesson');
  await two.getByRole('button', { name: 'Mark this lesson as read' }).click();
  await one.waitForSelector('button[aria-pressed="true"]');
  assert.equal(await one.inputValue('#reflect-meaning-own-words'), 'Written in the first tab.');
  await one.fill('#reflect-meaning-own-words', 'Written in the first tab, then edited.');
  await goHash(two, '#/record');
  await two.waitForFunction(() => document.querySelector('main').textContent.includes('then edited.'));
  const record = await textOf(two, 'main');
  assert.match(record, /Lesson read: /);
  assert.deepEqual(errors, []);
});
