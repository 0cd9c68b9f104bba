// At 320 CSS pixels wide (WCAG 1.4.10 reflow): no horizontal scrolling, and the controls the
// stylesheet sizes as 44px touch targets (buttons, header links, option labels, summaries)
// really are at least 44px tall.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, goHash, waitFocus, questionOnScreen, quizSeed, scenarioSeed, scenarioPaths,
  orderOnScreen, placeOf, quizOrderOnScreen,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const quiz = quizSeed();
const sc = scenarioSeed();
const VIEWPORT = { width: 320, height: 640 };

/** Fails if the page scrolls sideways, naming the elements that stick out. */
async function assertNoHorizontalScroll(page, label) {
  const r = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const b = el.getBoundingClientRect();
        return b.width > 0 && b.right > width + 0.5;
      })
      .slice(0, 8)
      .map((el) => `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).trim().replace(/\s+/g, '.') : ''}> right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
  assert.equal(r.width, 320, 'the layout viewport is 320px wide');
  assert.ok(r.scrollWidth <= 320, `${label}: scrollWidth ${r.scrollWidth} > 320; too wide:\n  ${r.wide.join('\n  ')}`);
}

// What the app sizes as 44px touch targets: buttons and .button links, links in every nav
// (header, breadcrumb, question pager), the site title, option labels, the lecturer prompts' summary,
// and the links listing a unit's steps and a quiz's questions.
const TARGETS = 'main button, main .button, nav a, .site-header a, .option label, details summary, .skip-link, .kicker a, .steps a, .question-list a, .assign select, .group-choice label, .typed input';

/** Every visible target is at least 44px tall. Returns how many were measured. */
async function assertTargets(page, label, sel = TARGETS) {
  const r = await page.evaluate((sel) => {
    const out = [];
    for (const el of document.querySelectorAll(sel)) {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden' || el.closest('.visually-hidden')) continue;
      if (el.matches('.skip-link')) continue; // off screen until focused; measured separately
      const b = el.getBoundingClientRect();
      out.push({ what: `<${el.tagName.toLowerCase()}> "${el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)}"`, h: b.height, w: b.width });
    }
    return out;
  }, sel);
  const small = r.filter((t) => t.h < 44 - 0.01);
  assert.deepEqual(small.map((t) => `${t.what} is ${t.h.toFixed(1)}px tall`), [], `${label}: targets under 44px`);
  const narrow = r.filter((t) => t.w < 44 - 0.01);
  assert.deepEqual(narrow.map((t) => `${t.what} is ${t.w.toFixed(1)}px wide`), [], `${label}: targets under 44px wide`);
  return r.length;
}

async function check(page, label, { minTargets = 1, targets = TARGETS } = {}) {
  await assertNoHorizontalScroll(page, label);
  const n = await assertTargets(page, label, targets);
  assert.ok(n >= minTargets, `${label}: measured ${n} targets, expected at least ${minTargets}`);
}

e2eTest(env, 'home, a question and the scenario reflow at 320px with 44px targets', async (open) => {
  const page = await open({ viewport: VIEWPORT });

  await openApp(page, '#/');
  await check(page, 'home', { minTargets: 4 }); // site title + three nav links

  await goHash(page, '#/unit/meaning');
  await page.click('details.lecturer summary');
  await check(page, 'unit with lecturer prompts open');

  // A multiple-response question: most options, longest labels.
  // (Found by its prompt: the quiz is shuffled per learner.)
  await goHash(page, `#/quiz/${quiz.id}/${await placeOf(page, (q) => q.type === 'multiple', quiz)}`);
  const m = await questionOnScreen(page, quiz);
  assert.equal(m.q.type, 'multiple');
  // Header links, the options, the three sureness labels, and the pager and "Check answer".
  assert.equal(await page.locator('fieldset.sureness .group-choice label').count(), 3);
  await check(page, 'question, unanswered', { minTargets: 4 + m.dom.length + 3 + 2 });
  await page.click(`label[for="option-${m.wrong[0]}"]`);
  await page.click('label[for="sure-0"]');
  await page.getByRole('button', { name: 'Check answer' }).click();
  await waitFocus(page, 'feedback-heading');
  await check(page, 'question, answered wrong', { minTargets: 4 + m.dom.length + 2 });

  await goHash(page, `#/scenario/${sc.id}`);
  await check(page, 'scenario intro', { minTargets: 5 });
  await page.getByRole('button', { name: 'Start the scenario' }).click();
  await waitFocus(page, 'scenario-step');
  await check(page, 'scenario, first decision', { minTargets: 4 + sc.nodes.get(sc.start).choices.length });
  const route = scenarioPaths(sc)[0];
  await page.locator('ul.choices button').nth(route.steps[0].index).click();
  await waitFocus(page, 'scenario-happened');
  await check(page, 'scenario, after a consequence');
  for (const step of route.steps.slice(1)) {
    await page.locator('ul.choices button').nth(step.index).click();
    await waitFocus(page, 'scenario-happened');
  }
  await check(page, 'scenario ending (score and path map)');

  // The skip link, once focused, is on screen and a 44px target too.
  const fresh = await open({ viewport: VIEWPORT });
  await openApp(fresh, '#/');
  await fresh.keyboard.press('Tab');
  assert.ok(await fresh.evaluate(() => document.activeElement.matches('a.skip-link')), 'the first tab stop is the skip link');
  const skip = await fresh.locator('a.skip-link').boundingBox();
  assert.ok(skip && skip.height >= 44 && skip.y >= 0, `the focused skip link is on screen and 44px tall (${JSON.stringify(skip)})`);
});

/**
 * Opens the app on the quiz and goes to its first question (in quiz.txt) of this type, found by
 * prompt wherever this learner's shuffled order puts it. `order` saves walking the quiz again.
 */
async function openQuestionOf(page, type, order = null) {
  if (!order) await openApp(page, `#/quiz/${quiz.id}`);
  const n = await placeOf(page, (q) => q.type === type, quiz, order);
  await goHash(page, `#/quiz/${quiz.id}/${n}`);
}

e2eTest(env, 'an ordering question reflows at 320px with 44px Move buttons', async (open) => {
  const page = await open({ viewport: VIEWPORT });
  await openQuestionOf(page, 'ordering');
  const { q } = await questionOnScreen(page, quiz);
  assert.equal(q.type, 'ordering');
  assert.equal((await orderOnScreen(page, q)).length, q.items.length);
  // Header links, a Move up and a Move down per item, the sureness labels, and "Check answer".
  const minTargets = 4 + 2 * q.items.length + 3 + 1;
  assert.equal(await page.locator('ol.order button').count(), 2 * q.items.length, 'every item has its two Move buttons');
  await check(page, 'ordering question, unanswered', { minTargets });
  // Checked as first shown (never right): each item is marked, and the buttons go.
  await page.click('label[for="sure-1"]');
  await page.getByRole('button', { name: 'Check answer' }).click();
  await waitFocus(page, 'feedback-heading');
  assert.equal(await page.locator('ol.order .mark').count(), q.items.length);
  await check(page, 'ordering question, answered wrong', { minTargets: 4 });
});

// A select is as wide as its longest option unless styled: at 320px it must not make the page scroll.
e2eTest(env, 'a matching question reflows at 320px with 44px select boxes', async (open) => {
  const page = await open({ viewport: VIEWPORT });
  await openQuestionOf(page, 'matching');
  const { q } = await questionOnScreen(page, quiz);
  assert.equal(q.type, 'matching');
  const targets = `${TARGETS}, form.question select`;
  await check(page, 'matching question, unanswered', { minTargets: 4 + q.pairs.length + 1, targets });
  for (let i = 0; i < q.pairs.length; i++) await page.selectOption(`#option-${i}`, String((i + 1) % q.targets.length));
  await page.click('label[for="sure-2"]');
  await page.getByRole('button', { name: 'Check answer' }).click();
  await waitFocus(page, 'feedback-heading');
  await check(page, 'matching question, answered wrong', { minTargets: 4 + q.pairs.length, targets });
});

e2eTest(env, 'categorising, numeric and short-text questions reflow at 320px with 44px controls', async (open) => {
  const page = await open({ viewport: VIEWPORT });
  await openApp(page, `#/quiz/${quiz.id}`);
  const order = await quizOrderOnScreen(page, quiz);
  for (const type of ['categorise', 'numeric', 'text']) {
    await openQuestionOf(page, type, order);
    assert.equal((await questionOnScreen(page, quiz)).q.type, type);
    const controls = await page.locator(type === 'categorise' ? '.group-choice label' : '.typed input').count();
    assert.ok(controls > 0, `${type}: its controls are on screen`);
    // Header links, the answer controls, the sureness labels and "Check answer" are all measured.
    await check(page, `${type} question, unanswered`, { minTargets: 4 + controls + 1 });
  }
});

e2eTest(env, "the learner's own pages reflow at 320px with 44px controls", async (open) => {
  const page = await open({ viewport: VIEWPORT });
  await openApp(page, `#/quiz/${quiz.id}`);
  // Something to show: a question missed (so practice has it) and a reflection written.
  const n = await placeOf(page, (q) => q.type === 'single', quiz);
  await goHash(page, `#/quiz/${quiz.id}/${n}`);
  const m = await questionOnScreen(page, quiz);
  await page.click(`label[for="option-${m.wrong[0]}"]`);
  await page.click('label[for="sure-0"]');
  await page.getByRole('button', { name: 'Check answer' }).click();
  await waitFocus(page, 'feedback-heading');
  const own = `${TARGETS}, main textarea, input[type="file"], .shortcuts a`;
  await goHash(page, '#/lesson/meaning-lesson');
  await page.fill('#reflect-meaning-own-words', 'A reflection long enough to wrap across several lines on a narrow phone screen.');
  await check(page, 'lesson with a reflection', { targets: own, minTargets: 3 });
  await goHash(page, '#/');
  await check(page, 'home with shortcuts', { targets: own, minTargets: 3 });
  await goHash(page, '#/progress');
  await check(page, 'progress page', { targets: own, minTargets: 6 });
  await page.getByRole('button', { name: 'Reset my progress…' }).click();
  await waitFocus(page, 'reset-question');
  await check(page, 'progress page, reset confirmation', { targets: own, minTargets: 6 });
  await page.getByRole('button', { name: 'No, keep it' }).click();
  await goHash(page, '#/record');
  await check(page, 'learning record', { targets: own, minTargets: 2 });
  await goHash(page, '#/practice');
  await check(page, 'practice overview', { targets: own, minTargets: 1 });
  await page.getByRole('button', { name: 'Start practising' }).click();
  await page.waitForSelector('form.question');
  await check(page, 'practice question', { targets: own, minTargets: 3 });
});
