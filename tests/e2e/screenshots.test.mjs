// The look, checked by eye: every main view at 320, 768 and 1280 CSS px in the light and the dark
// theme, saved as PNG files in target/screenshots/ (view-width-theme.png) for a reviewer to look
// through after a run. Each one is also checked here: the page keeps to the width (no sideways
// scrolling), it is in the theme asked for, and the image is the size of the viewport.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, after } from 'node:test';
import { setup, e2eTest, openApp, goHash, ROOT, quizSeed, glossarySeed } from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const OUT = path.join(ROOT, 'target', 'screenshots');
const quiz = quizSeed();
const VIEWS = [
  ['home', '#/'],
  ['unit', '#/unit/meaning'],
  ['lesson', '#/lesson/meaning-lesson'],
  ['quiz', `#/quiz/${quiz.id}`],
  ['question', `#/quiz/${quiz.id}/1`],
  ['glossary-term', `#/glossary/${glossarySeed()[0].id}`],
  ['timeline', '#/timeline'],
  ['progress', '#/progress'],
  ['display', '#/display'],
  ['lecturers', '#/lecturers'],
];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf) {
  assert.equal(buf.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

for (const theme of ['light', 'dark']) {
  e2eTest(env, `screenshots of every main view at 320, 768 and 1280 px, ${theme} theme`, async (open) => {
    fs.mkdirSync(OUT, { recursive: true });
    for (const width of [320, 768, 1280]) {
      const page = await open({ viewport: { width, height: 800 }, colorScheme: theme });
      await openApp(page, '#/');
      for (const [name, hash] of VIEWS) {
        if (hash !== '#/') await goHash(page, hash);
        // Focus rings are for the keyboard: the picture shows the page at rest.
        await page.evaluate(() => document.activeElement?.blur());
        const state = await page.evaluate(() => {
          const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
          return { wide: document.documentElement.scrollWidth, light: r + g + b > 600 };
        });
        assert.ok(state.wide <= width, `${name} at ${width} px (${theme}): the page is ${state.wide} px wide`);
        assert.equal(state.light, theme === 'light', `${name} at ${width} px is ${theme}`);
        const file = path.join(OUT, `${name}-${width}-${theme}.png`);
        const shot = await page.screenshot({ path: file });
        assert.deepEqual(pngSize(shot), { width, height: 800 }, file);
      }
    }
  });
}
