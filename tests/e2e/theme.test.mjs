// The dark theme: with the system set to dark, every view is dark, and axe-core (whose WCAG AA
// rules include colour contrast) finds nothing, at 1280 and 320 px, in the states that bring the
// most colours: refusals, feedback right and wrong, notices, a highlighted glossary entry, search
// marks. Printing stays light whatever the system setting.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, goHash, waitFocus, assertAxeClean, quizSeed, questionOnScreen,
  quizOrderOnScreen, placeOf, glossarySeed,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const quiz = quizSeed();

/** The page's background, as the sum of its red, green and blue (0 to 765). */
const brightness = (page) => page.evaluate(() => {
  const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
  return r + g + b;
});

for (const width of [1280, 320]) e2eTest(env, `the dark theme follows the system and keeps every contrast at ${width} px`, async (open, t) => {
  const page = await open({ colorScheme: 'dark', viewport: { width, height: 800 } });
  const state = (name, fn) => t.test(name, async () => {
    await fn?.();
    assert.ok(await brightness(page) < 100, `${name}: the page is dark`);
    await assertAxeClean(page, `${name} (dark)`);
  });
  await openApp(page, '#/');
  await state('home');
  await state('unit', () => goHash(page, '#/unit/meaning'));
  await state('lesson', () => goHash(page, '#/lesson/meaning-lesson'));
  const order = await quizOrderOnScreen(page, quiz);
  const n = await placeOf(page, (q) => q.type === 'single', quiz, order);
  let m;
  await state('question, check refused', async () => {
    await goHash(page, `#/quiz/${quiz.id}/${n}`);
    m = await questionOnScreen(page, quiz);
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.waitForSelector('#answer-error');
  });
  await state('question answered wrong', async () => {
    await page.click(`label[for="option-${m.wrong[0]}"]`);
    await page.click('label[for="sure-0"]');
    await page.getByRole('button', { name: 'Check answer' }).click();
    await waitFocus(page, 'feedback-heading');
  });
  await state('question answered right', async () => {
    await page.getByRole('button', { name: 'Try again' }).click();
    for (const i of m.correct) await page.click(`label[for="option-${i}"]`);
    await page.getByRole('button', { name: 'Check answer' }).click();
    await waitFocus(page, 'feedback-heading');
  });
  await state('glossary entry in focus', () => goHash(page, `#/glossary/${glossarySeed()[0].id}`));
  await state('timeline', () => goHash(page, '#/timeline'));
  await state('progress', () => goHash(page, '#/progress'));
  await state('progress, a code refused (the reason shown by the box)', async () => {
    await page.fill('#paste-code', 'not a code');
    await page.getByRole('button', { name: 'Load this code' }).click();
    await page.waitForSelector('#paste-error');
  });
  await state('search with results', async () => {
    await goHash(page, '#/search');
    await page.fill('#search-input', 'care');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.search-results mark');
  });
  await state('display settings', () => goHash(page, '#/display'));
  await state('lecturers, with the preview started', async () => {
    await goHash(page, '#/lecturers');
    // The preview, asked for: let it start, so that closing the page does not cut its loading short.
    await page.getByRole('button', { name: 'Show the preview' }).click();
    await page.locator('iframe.preview').scrollIntoViewIfNeeded();
    await page.frameLocator('iframe.preview').locator('#app[data-started]').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  // The same page in the light theme is light, and printing is light in either.
  const light = await open({ colorScheme: 'light' });
  await openApp(light, '#/');
  assert.ok(await brightness(light) > 700, 'light theme');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await brightness(page) > 700, 'printed light');
});
