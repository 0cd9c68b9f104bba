// Search: from the header with the keyboard, a glossary term's name finds the term under
// "Glossary" and every other place that uses it under its unit; a question's prompt finds that
// question and Enter on the result opens it at its place in this learner's order; a word nobody
// wrote finds nothing and says so; the count is read out once typing pauses; axe at 1280 and 320
// px; and the time from a keystroke to the next painted frame at CPU x4 is reported.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, goHash, waitFocus, textOf, tabTo, assertAxeClean, announcement, courseJson,
  quizOrderOnScreen, quizSeed,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const course = courseJson();
const quiz = quizSeed();

/** The results on screen: each group's heading with its links' text and address. */
const onScreen = (page) => page.$$eval('.search-group', (gs) => gs.map((g) => ({
  heading: g.querySelector('h2').textContent,
  links: [...g.querySelectorAll('a')].map((a) => ({ text: a.textContent, href: a.getAttribute('href') })),
  marks: [...g.querySelectorAll('mark')].map((m) => m.textContent),
})));

async function search(page, words) {
  await page.focus('#search-input');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(words);
}

e2eTest(env, 'search from every page: grouped by unit, linked to the place, and spoken once typing pauses', async (open) => {
  const page = await open({ viewport: { width: 1280, height: 800 } });
  await openApp(page, '#/lesson/meaning-lesson');
  await tabTo(page, (el) => el.tagName === 'A' && el.textContent.trim() === 'Search');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'view-heading');
  assert.equal(await textOf(page, '#view-heading'), 'Search the course');
  assert.match(await page.title(), /^Search the course – /);
  assert.equal(await page.getAttribute('form.search-form', 'role'), 'search');
  assert.equal(await page.$eval('#search-input', (i) => i.labels[0].textContent), 'Words to find');
  await assertAxeClean(page, 'search, empty');

  // A glossary term by its name: under "Glossary", linked to the term's entry.
  const term = course.terms.find((t) => t.name.split(/\s+/).length >= 2 && /^[A-Za-z ]+$/.test(t.name));
  assert.ok(term, 'a term named by two plain words');
  await tabTo(page, (el) => el.id === 'search-input');
  await page.keyboard.type(term.name.toUpperCase());
  await page.waitForFunction(() => document.querySelectorAll('.search-group').length > 0);
  const groups = await onScreen(page);
  const glossary = groups.find((g) => g.heading === 'Glossary');
  assert.ok(glossary, 'a Glossary group');
  assert.equal(groups.at(-1).heading, 'Glossary', 'the glossary after the units');
  assert.ok(glossary.links.some((l) => l.text === term.name && l.href === `#/glossary/${term.id}`), `${term.name} links to its entry`);
  const units = groups.slice(0, -1).map((g) => g.heading);
  const order = course.units.map((u, i) => `Unit ${i + 1}: ${u.title}`);
  assert.deepEqual(units, order.filter((u) => units.includes(u)), 'unit groups in course order');
  for (const g of groups) for (const m of g.marks) assert.equal(m.toLowerCase(), m.toLowerCase().match(/\S+/)[0], 'a mark holds one word');
  const total = groups.reduce((n, g) => n + g.links.length, 0);
  const count = await textOf(page, '#search-count');
  const asked = `\u201c${term.name.toUpperCase()}\u201d`;
  if (total < 20) {
    assert.equal(count, `${total === 1 ? '1 result' : `${total} results`} for ${asked}.`);
  } else {
    // Capped at 20: the count says how many there are in all.
    const all = Number(count.match(/^(\d+) results for /)?.[1]);
    assert.equal(total, 20);
    assert.equal(count, `${all} results for ${asked}; the first 20 are listed. Add a word to narrow them.`);
    assert.ok(all >= 20, count);
  }
  const said = await announcement(page, (t) => t === count, 4000);
  assert.equal(said, count, 'the count is read out once typing pauses');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input', 'focus stays in the box');
  await assertAxeClean(page, 'search with results');

  // A question's prompt: Enter on the result opens that question where this learner's order has it.
  const qOrder = await quizOrderOnScreen(page, quiz);
  const pick = quiz.questions.find((q) => /[A-Za-z]{9,}/.test(q.prompt));
  const words = pick.prompt.match(/[A-Za-z]{9,}/g).slice(0, 2).join(' ');
  await goHash(page, '#/search');
  await search(page, words);
  await page.waitForFunction(() => document.querySelectorAll('.search-results a[href^="#/quiz/"]').length > 0);
  const place = qOrder.indexOf(pick.id) + 1;
  const href = `#/quiz/${quiz.id}/${place}`;
  const link = page.locator(`.search-results a[href="${href}"]`);
  assert.equal(await link.count(), 1, `the question links to ${href}`);
  await link.focus();
  await page.keyboard.press('Enter');
  await waitFocus(page, 'view-heading');
  assert.equal(await textOf(page, '#view-heading'), `Question ${place} of ${quiz.questions.length}`);

  // Nothing found says so.
  await goHash(page, '#/search');
  await search(page, 'zqxjv');
  await page.waitForFunction(() => document.querySelector('#search-count').textContent.startsWith('No results'));
  assert.equal(await page.locator('.search-group').count(), 0);
  assert.match(await announcement(page, (t) => t.startsWith('No results')), /^No results for \u201czqxjv\u201d\./);
});

e2eTest(env, 'search at 320 px, and a keystroke to the next painted frame at CPU x4', async (open, t) => {
  const page = await open({ viewport: { width: 320, height: 640 } });
  await openApp(page, '#/search');
  await search(page, 'care');
  await page.waitForFunction(() => document.querySelectorAll('.search-group').length > 0);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 320, 'no sideways scrolling');
  assert.ok((await page.$eval('#search-input', (i) => i.getBoundingClientRect().height)) >= 44, 'a 44 px box');
  await assertAxeClean(page, 'search at 320 px');

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await search(page, '');
  await page.waitForFunction(() => document.querySelectorAll('.search-group').length === 0);
  // Each keystroke: from the input event to the next painted frame.
  const times = [];
  for (const ch of 'integration') {
    times.push(await page.evaluate((c) => new Promise((resolve) => {
      const input = document.getElementById('search-input');
      const t0 = performance.now();
      input.value += c;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: c, inputType: 'insertText' }));
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    }), ch));
  }
  // Then the results: from the last keystroke to the frame that shows them.
  const shown = await page.evaluate(() => new Promise((resolve) => {
    const input = document.getElementById('search-input');
    const t0 = performance.now();
    input.value += ' care';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: ' care', inputType: 'insertText' }));
    const wait = () => (document.getElementById('search-count').textContent.includes('integration care')
      ? requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
      : requestAnimationFrame(wait));
    wait();
  }));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  t.diagnostic(`search keystroke to next frame at CPU x4: median ${median.toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms (budget 50 ms, reported, not gated); results shown ${shown.toFixed(0)} ms after the last keystroke (150 ms of it the pause the page waits for)`);
  assert.equal(await page.inputValue('#search-input'), 'integration care');
  assert.ok(await page.locator('.search-group').count() > 0, 'results for "integration care"');
  assert.ok(median < 500, `median ${median} ms`);
});
