// Long pages shown a step at a time (src/ui/steps.rs): the first frame holds the top of the page
// and any part a link leads to, the rest follows in the next frames, in order, and nothing is
// lost when the learner moves on before the last part.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { setup, e2eTest, openApp, goHash, waitFilled, courseJson } from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const course = courseJson();

/**
 * Goes to `hash` and reports what the frame that gives the new view's heading the focus holds:
 * the number of elements matching `selector` and the focused element's text.
 */
async function firstFrame(page, hash, selector) {
  return page.evaluate(([h, sel]) => new Promise((resolve) => {
    document.activeElement?.blur();
    location.hash = h;
    const tick = () => {
      const a = document.activeElement;
      if (a?.id === 'view-heading') resolve({ count: document.querySelectorAll(sel).length, focused: a.textContent.trim(), filling: document.documentElement.dataset.filling });
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), [hash, selector]);
}

e2eTest(env, 'the glossary shows its first entries at once and every entry, in order, a few frames later', async (open) => {
  const page = await open();
  await openApp(page, '#/');
  const first = await firstFrame(page, '#/glossary', '.term-entry');
  assert.ok(first.count > 0 && first.count < course.terms.length, `the first frame holds ${first.count} of ${course.terms.length} entries`);
  assert.equal(first.filling, 'true', 'the page says it is still filling');
  // Each step adds its parts after those shown, and leaves those alone.
  const changes = await page.evaluate(() => new Promise((resolve) => {
    const seen = { before: document.querySelectorAll('.term-entry').length, added: 0, removed: 0, root: 0 };
    const obs = new MutationObserver((ms) => {
      for (const m of ms) {
        if (m.target === document.documentElement) seen.root++;
        else { seen.added += m.addedNodes.length; seen.removed += m.removedNodes.length; }
      }
    });
    obs.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
    const tick = () => (document.documentElement.dataset.filling === 'true' ? requestAnimationFrame(tick) : (obs.disconnect(), resolve(seen)));
    requestAnimationFrame(tick);
  }));
  assert.equal(changes.removed, 0, 'no shown part is written again');
  assert.ok(changes.before < course.terms.length, `${changes.before} entries shown when watching began`);
  assert.equal(changes.added, course.terms.length - changes.before, 'each entry is added once');
  assert.equal(changes.root, 1, 'the page is marked filled once, and not marked in between');
  await waitFilled(page);
  const names = await page.$$eval('.term-entry h2', (hs) => hs.map((h) => h.textContent));
  assert.equal(names.length, course.terms.length, 'every entry once filled');
  const sorted = [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  assert.deepEqual(names, sorted, 'in alphabetical order');
  assert.deepEqual([...names].sort(), course.terms.map((t) => t.name).sort(), 'each term once');
});

e2eTest(env, 'a link to the last term shows it and focuses it in the first frame', async (open) => {
  const page = await open();
  await openApp(page, '#/');
  const byName = [...course.terms].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  const last = byName.at(-1);
  const first = await firstFrame(page, `#/glossary/${last.id}`, '.term-entry');
  assert.equal(first.focused, last.name, 'the term linked to has the focus');
  assert.equal(first.count, course.terms.length, 'every entry up to it is there');
});

e2eTest(env, 'the timeline, a lesson and the lecturers\' page reach their last part', async (open) => {
  const page = await open();
  await openApp(page, '#/');
  await goHash(page, '#/timeline');
  assert.equal(await page.locator('li.tl-event').count(), course.events.length, 'every event');
  // The lesson with the most reflection boxes (components among its blocks of markup).
  const boxes = (l) => l.body.filter((b) => b.kind === 'reflect').length;
  const lesson = [...course.lessons].sort((a, b) => boxes(b) - boxes(a))[0];
  assert.ok(boxes(lesson) > 0, 'a lesson has a reflection box');
  await goHash(page, `#/lesson/${lesson.id}`);
  assert.equal(await page.locator('.lesson .reflect').count(), boxes(lesson), 'every reflection box');
  // Each block is one element of the article, after the lesson's heading and before its sources.
  const blocks = await page.locator('article.lesson > :is(h2, h3, p:not([class]), ul, ol, blockquote, figure, aside, div.reflect)').count();
  assert.equal(blocks, lesson.body.length, 'every block of the lesson');
  await goHash(page, '#/lecturers');
  assert.equal(await page.locator('.lecturer-unit').count(), course.units.length, 'every unit for lecturers');
  // The preview, a step below the embed code, is there to ask for; the second copy of the module it
  // would load is not.
  await page.getByRole('button', { name: 'Show the preview' }).waitFor();
  assert.equal(await page.locator('iframe.preview').count(), 0, 'no preview until asked for');
});

e2eTest(env, 'moving on before the last part leaves nothing behind, and the next long page fills', async (open) => {
  const page = await open();
  await openApp(page, '#/');
  for (let i = 0; i < 3; i++) {
    const first = await firstFrame(page, '#/glossary', '.term-entry');
    assert.equal(first.filling, 'true');
    // Straight on, before the next frame.
    await goHash(page, '#/timeline');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.filling), 'false');
    assert.equal(await page.locator('.term-entry').count(), 0);
    assert.equal(await page.locator('li.tl-event').count(), course.events.length);
    await goHash(page, '#/');
  }
});
