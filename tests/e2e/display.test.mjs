// Display settings (text size, spacing, font, theme): chosen with the keyboard or the mouse, applied
// at once to the whole page, announced, kept after a reload (and there from the first frame the
// browser paints) and in the progress code (so a code loaded in another browser brings them); the
// bundled font fetched only once it is chosen; the
// dark theme chosen on a light device and the light theme on a dark one; axe clean and no sideways
// scrolling at 320 px with the largest text and widest spacing.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, goHash, waitFocus, assertAxeClean, announcement, tabTo,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

/** The page's background, as the sum of its red, green and blue (0 to 765). */
const brightness = (page) => page.evaluate(() => {
  const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
  return r + g + b;
});

/** What the root element carries and what the page computes from it. */
const shown = (page) => page.evaluate(() => {
  const root = document.documentElement;
  const body = getComputedStyle(document.body);
  return {
    text: root.dataset.text,
    spacing: root.dataset.spacing,
    font: root.dataset.font,
    theme: root.dataset.theme,
    rootPx: parseFloat(getComputedStyle(root).fontSize),
    lineHeight: parseFloat(body.lineHeight) / parseFloat(body.fontSize),
    family: body.fontFamily,
  };
});

const checked = (page) => page.$$eval('#main input[type=radio]:checked', (rs) => rs.map((r) => r.id).sort());

const fontRequests = (page) => {
  const urls = [];
  page.on('request', (r) => { if (/\.woff2$/.test(r.url())) urls.push(r.url()); });
  return urls;
};

e2eTest(env, 'settings apply at once, are announced, and are kept after a reload and in the progress code', async (open) => {
  const page = await open({ colorScheme: 'light' });
  const fonts = fontRequests(page);
  await openApp(page, '#/');
  const before = await shown(page);
  assert.deepEqual([before.text, before.spacing, before.font, before.theme], ['standard', 'standard', 'standard', 'system']);
  assert.equal(before.rootPx, 16);
  assert.ok(await brightness(page) > 700, 'light to start with');

  // From the header, with the keyboard.
  await tabTo(page, (el) => el.tagName === 'A' && el.textContent.trim() === 'Display');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'view-heading');
  assert.equal(await page.textContent('#view-heading'), 'Display settings');
  assert.match(await page.title(), /^Display settings – /);
  await assertAxeClean(page, 'display settings, defaults');
  assert.deepEqual(await checked(page), ['font-standard', 'spacing-standard', 'text-standard', 'theme-system']);

  // Text size by arrow keys inside its radio group: Large, then Larger.
  await tabTo(page, (el) => el.id === 'text-standard');
  await page.keyboard.press('ArrowDown');
  assert.equal((await shown(page)).rootPx, 20, 'Large is 125%');
  await page.keyboard.press('ArrowDown');
  assert.equal((await shown(page)).rootPx, 24, 'Larger is 150%');
  assert.match(await announcement(page, (t) => t.startsWith('Display settings changed')), /^Display settings changed and kept with your progress\.$/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text-larger', 'focus stays on the radio chosen');

  // Spacing, font and theme with the mouse.
  await page.click('label[for="spacing-wide"]');
  const wide = await shown(page);
  assert.equal(wide.spacing, 'wide');
  assert.ok(Math.abs(wide.lineHeight - 2) < 0.01, `line height ${wide.lineHeight}`);
  assert.deepEqual(fonts, [], 'no font fetched before one is chosen');
  await page.click('label[for="font-legible"]');
  await page.evaluate(() => document.fonts.ready);
  await page.waitForFunction(() => document.fonts.check('16px "Atkinson Hyperlegible"'));
  assert.match((await shown(page)).family, /^"Atkinson Hyperlegible"/);
  assert.ok(fonts.length >= 1 && fonts.every((u) => u.startsWith(page.base)), `the font from the module itself: ${fonts}`);
  await page.click('label[for="theme-dark"]');
  assert.ok(await brightness(page) < 100, 'dark, although the device is light');
  await assertAxeClean(page, 'display settings, larger text, wide spacing, legible font, dark');

  // Every view still clean with these settings.
  for (const hash of ['#/', '#/unit/meaning', '#/lesson/meaning-lesson', '#/glossary', '#/progress']) {
    await goHash(page, hash);
    await assertAxeClean(page, `${hash} with every setting changed`);
  }

  // Kept after a reload, before anything else is done; and in the first frame the browser paints,
  // long before the app starts (its script held back here): the loader puts them on the root from
  // the app's note of them. Without the note, the first frame has the defaults (the check can fail).
  await page.addInitScript(() => {
    requestAnimationFrame(() => {
      const started = document.querySelector('#app[data-started]') !== null;
      globalThis.firstFrame = { ...document.documentElement.dataset, started };
    });
  });
  await page.route(/\/hsc-course-[0-9a-f]+\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  const firstFrame = async () => {
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('#app[data-started] #view-heading', { state: 'attached' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const f = await page.evaluate(() => globalThis.firstFrame);
    return [f.text, f.spacing, f.font, f.theme, f.started];
  };
  assert.deepEqual(await firstFrame(), ['larger', 'wide', 'legible', 'dark', false], 'the first frame has them');
  await page.evaluate(() => localStorage.removeItem(Object.keys(localStorage).find((k) => k.endsWith(':display'))));
  assert.deepEqual(await firstFrame(), [undefined, undefined, undefined, undefined, false], 'without the note');
  await page.unroute(/\/hsc-course-[0-9a-f]+\.js$/);
  const after = await shown(page);
  assert.deepEqual([after.text, after.spacing, after.font, after.theme], ['larger', 'wide', 'legible', 'dark']);
  assert.equal(after.rootPx, 24);
  await goHash(page, '#/display');
  assert.deepEqual(await checked(page), ['font-legible', 'spacing-wide', 'text-larger', 'theme-dark']);

  // In the progress code: another browser that loads it looks the same.
  await goHash(page, '#/progress');
  const code = await page.inputValue('#progress-code');
  assert.match(code, /;d=/, code);
  const other = await open({ colorScheme: 'light' });
  await openApp(other, '#/progress');
  assert.equal((await shown(other)).theme, 'system');
  await other.fill('#paste-code', code);
  await other.getByRole('button', { name: 'Load this code' }).click();
  await other.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  const loaded = await shown(other);
  assert.deepEqual([loaded.text, loaded.spacing, loaded.font, loaded.theme], ['larger', 'wide', 'legible', 'dark']);
  assert.ok(await brightness(other) < 100);

  // Back to the defaults: the code carries no settings again.
  await goHash(page, '#/display');
  for (const id of ['text-standard', 'spacing-standard', 'font-standard', 'theme-system']) {
    await page.click(`label[for="${id}"]`);
  }
  assert.equal((await shown(page)).rootPx, 16);
  await goHash(page, '#/progress');
  assert.doesNotMatch(await page.inputValue('#progress-code'), /;d=/);
});

e2eTest(env, 'the light theme chosen on a dark device, and the largest settings at 320 px', async (open) => {
  const page = await open({ colorScheme: 'dark', viewport: { width: 320, height: 640 } });
  await openApp(page, '#/display');
  assert.ok(await brightness(page) < 100, 'follows the dark device at first');
  await page.click('label[for="theme-light"]');
  assert.ok(await brightness(page) > 700, 'light, although the device is dark');
  await page.click('label[for="text-larger"]');
  await page.click('label[for="spacing-wide"]');
  await assertAxeClean(page, 'display settings at 320 px, larger text and wide spacing, light');
  for (const hash of ['#/display', '#/', '#/lesson/meaning-lesson', '#/timeline']) {
    if (hash !== '#/display') await goHash(page, hash);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 320, `${hash}: the page is ${wide}px wide at 320 px with larger text and wide spacing`);
  }
  // Every radio is a large target and its label is the click target.
  await goHash(page, '#/display');
  const small = await page.$$eval('#main .option label', (ls) => ls
    .map((l) => [l.htmlFor, l.getBoundingClientRect().height])
    .filter(([, h]) => h < 44));
  assert.deepEqual(small, []);
});
