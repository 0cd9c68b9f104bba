// Target sizes (WCAG 2.5.8, and the 44 px the README promises): on every main view (the search
// page with results listed), at 320 and 1280 CSS px, every control is at least 44 px tall
// (checkboxes and radios at least 24 px, their labels 44), measured in the browser. Links inside
// running text are excepted, as 2.5.8 allows.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { setup, e2eTest, openApp, quizSeed, scenarioSeed } from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const quiz = quizSeed();
const VIEWS = ['#/', '#/unit/meaning', '#/lesson/meaning-lesson', `#/quiz/${quiz.id}`, `#/quiz/${quiz.id}/1`,
  `#/quiz/${quiz.id}/2`, '#/glossary', '#/timeline', '#/sources', '#/progress', '#/record', '#/practice', '#/lecturers',
  `#/scenario/${scenarioSeed().id}`, '#/display', '#/search'];

/**
 * After opening a view, what brings out its controls (the search page with results listed), or
 * lets it settle (the lecturers' preview, a second copy of the module, shown and started before moving on).
 */
const FILL = {
  '#/lecturers': async (page) => {
    await page.getByRole('button', { name: 'Show the preview' }).click();
    await page.locator('iframe.preview').scrollIntoViewIfNeeded();
    await page.frameLocator('iframe.preview').locator('#app[data-started]').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
  },
  '#/search': async (page) => {
    await page.fill('#search-input', 'care');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.search-results a');
  },
};

/** Each control under its size, as "what WxH". */
const tooSmall = (page) => page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, label[for]')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const style = getComputedStyle(el);
    if (el.tagName === 'A' && style.display === 'inline' && el.closest('p, li, dd, blockquote')) continue;
    const box = el.tagName === 'INPUT' && ['checkbox', 'radio'].includes(el.type);
    const target = el.tagName === 'LABEL' ? document.getElementById(el.htmlFor) : null;
    // A label is a target only for a checkbox or a radio; a text field's label is not.
    if (el.tagName === 'LABEL' && !(target instanceof HTMLInputElement && ['checkbox', 'radio'].includes(target.type))) continue;
    const need = box ? 24 : 44;
    if (Math.round(r.height) < need || Math.round(r.width) < (box ? 24 : 24)) {
      out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${el.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
  }
  return out;
});

for (const width of [320, 1280]) {
  e2eTest(env, `every control is large enough to hit at ${width} px`, async (open) => {
    const page = await open({ viewport: { width, height: 800 } });
    const problems = [];
    for (const hash of VIEWS) {
      await openApp(page, hash);
      await FILL[hash]?.(page);
      for (const p of await tooSmall(page)) problems.push(`${hash}: ${p}`);
    }
    assert.deepEqual(problems, []);
  });
}
