// The course timeline: a list in date order, filtered with the keyboard by decade and by words,
// the count announced, clean under axe, and readable at 320px.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { setup, e2eTest, openApp, textOf, tabTo, is, assertAxeClean, courseJson } from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

/** Every event's id, date (`1999`, `1974-04`, `2019-09-13`) and title, from the compiled course. */
const events = courseJson().events.map((e) => ({ id: e.id, date: e.date, title: e.title }));

e2eTest(env, 'the timeline filters by decade and by words with the keyboard, and says how many are shown', async (open) => {
  assert.ok(events.length >= 30, `${events.length} events in the seeds`);
  const page = await open();
  await openApp(page, '#/timeline');
  assert.equal(await textOf(page, '#view-heading'), 'Timeline');
  assert.equal(await page.locator('li.tl-event').count(), events.length);
  assert.equal(await textOf(page, '#tl-count'), `${events.length} of ${events.length} events shown.`);
  const years = await page.$$eval('li.tl-event time', (ts) => ts.map((t) => t.getAttribute('datetime')));
  assert.deepEqual(years, [...years].sort(), 'in date order');
  await assertAxeClean(page, 'timeline, everything');

  // Decade, by keyboard: focus the select and move down to the first decade.
  await tabTo(page, is.id, 'tl-decade');
  await page.keyboard.press('ArrowDown');
  const decade = Number(await page.$eval('#tl-decade', (s) => s.value));
  const inDecade = events.filter((e) => Math.floor(Number(e.date.slice(0, 4)) / 10) * 10 === decade).length;
  assert.ok(inDecade > 0 && inDecade < events.length, `decade ${decade} holds ${inDecade} events`);
  await page.waitForFunction((n) => document.querySelectorAll('li.tl-event').length === n, inDecade);
  const said = `${inDecade} of ${events.length} events shown.`;
  await page.waitForFunction((s) => document.getElementById('announcer')?.textContent === s, said);
  await assertAxeClean(page, 'timeline, one decade');

  // Words, typed: a word from one event's title narrows the list to the events containing it.
  await tabTo(page, is.id, 'tl-words');
  const word = events.map((e) => e.title.split(/\s+/).find((w) => /^[A-Za-z]{7,}$/.test(w))).find(Boolean);
  await page.keyboard.type(word);
  await page.waitForFunction(() => /^\d+ of \d+ events shown\.$/.test(document.getElementById('tl-count')?.textContent ?? ''));
  const shown = await page.$$eval('li.tl-event', (lis) => lis.map((li) => li.textContent.toLowerCase()));
  assert.ok(shown.length >= 1 && shown.length <= inDecade, `"${word}" leaves ${shown.length} events within the decade`);
  for (const text of shown) assert.ok(text.includes(word.toLowerCase()), `a shown event lacks "${word}"`);
  // "Show all events" clears every filter.
  await tabTo(page, is.control, 'Show all events');
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('li.tl-event').length === n, events.length);
});

e2eTest(env, 'the timeline reads at 320px without sideways scrolling', async (open) => {
  const page = await open({ viewport: { width: 320, height: 640 } });
  await openApp(page, '#/timeline');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `scroll width ${width}`);
  const small = await page.$$eval('#tl-unit, #tl-decade, #tl-words', (els) => els.filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.id));
  assert.deepEqual(small, [], 'filter controls are 44px targets');
});
