// axe-core (the helpers' WCAG A and AA tags) and the id-reference check on the states axe.test.mjs
// does not reach, at 1280 and at 320 CSS px: every node and every ending of every unit's scenario;
// a question of each kind beyond choosing options partly answered (not yet checked); a question of
// every kind with its answer shown after a wrong answer; the progress
// page with the reset question open and with a pasted code refused, the record, and practice with nothing due, with a question
// due, and with it shown; and the notices for blocked storage and for saved data that could not be read.

import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, goHash, waitFocus, assertAxeClean, assertIdrefsValid, courseJson, courseSeed,
  scenarioSeed, scenarioPaths, quizSeed, placeOf, quizOrderOnScreen, questionOnScreen, answerByMouse,
} from './helpers.mjs';
import assert from 'node:assert/strict';

const env = setup();
before(env.start);
after(env.stop);

const course = courseJson();
const quiz = quizSeed();

for (const width of [1280, 320]) {
  const viewport = { width, height: 800 };

  e2eTest(env, `every node and ending of every scenario passes axe, at ${width} px`, async (open, t) => {
    const page = await open({ viewport });
    await openApp(page, '#/');
    let states = 0;
    for (const [u] of course.units.entries()) {
      const sc = scenarioSeed(u);
      const paths = scenarioPaths(sc);
      const nodes = new Set(paths.flatMap((p) => p.steps.map((s) => s.node)));
      const seen = new Set();
      for (const path of paths) {
        const wanted = [...path.steps.map((s) => s.node), path.ending];
        if (wanted.every((n) => seen.has(n))) continue;
        // Already on the scenario (a route just ended): no view change, so no goHash.
        if (await page.evaluate(() => location.hash) !== `#/scenario/${sc.id}`) await goHash(page, `#/scenario/${sc.id}`);
        const again = page.getByRole('button', { name: 'Play again from the start' });
        await (await again.count() ? again : page.getByRole('button', { name: 'Start the scenario' })).click();
        await waitFocus(page, 'scenario-step');
        for (const step of path.steps) {
          if (!seen.has(step.node)) {
            seen.add(step.node);
            states++;
            await t.test(`${sc.id}: node ${step.node}`, async () => {
              await assertAxeClean(page, `${sc.id} node ${step.node} at ${width} px`);
              await assertIdrefsValid(page, `${sc.id} node ${step.node}`);
            });
          }
          await page.locator('ul.choices button').nth(step.index).click();
          await waitFocus(page, 'scenario-happened');
        }
        await page.waitForSelector('#ending-heading');
        if (!seen.has(path.ending)) {
          seen.add(path.ending);
          states++;
          await t.test(`${sc.id}: ending ${path.ending} (debrief, route list and diagram)`, async () => {
            await assertAxeClean(page, `${sc.id} ending ${path.ending} at ${width} px`);
            await assertIdrefsValid(page, `${sc.id} ending ${path.ending}`);
          });
        }
      }
      assert.deepEqual([...nodes].filter((n) => !seen.has(n)), [], `${sc.id}: every node visited`);
      assert.equal([...sc.endings.keys()].filter((e) => !seen.has(e)).length, 0, `${sc.id}: every ending reached`);
    }
    t.diagnostic(`${states} scenario states at ${width} px`);
  });

  e2eTest(env, `partly answered questions, the learner's pages and the notices pass axe, at ${width} px`, async (open, t) => {
    const page = await open({ viewport });
    const state = (name, fn, on = page) => t.test(name, async () => {
      await fn?.();
      await assertAxeClean(on, `${name} at ${width} px`);
      await assertIdrefsValid(on, name);
    });
    await openApp(page, `#/quiz/${quiz.id}`);
    const order = await quizOrderOnScreen(page, quiz);
    const at = async (type) => {
      const n = await placeOf(page, (q) => q.type === type, quiz, order);
      await goHash(page, `#/quiz/${quiz.id}/${n}`);
    };
    await state('practice, nothing due', () => goHash(page, '#/practice'));
    await state('matching, one pair set, not checked', async () => {
      await at('matching');
      await page.selectOption('#option-0', '0');
    });
    await state('categorising, one statement placed, not checked', async () => {
      await at('categorise');
      await page.click('label[for="option-0"]');
    });
    await state('ordering, one item moved, not checked', async () => {
      await at('ordering');
      await page.locator('ol.order button[aria-label^="Move down"]').first().click();
    });
    await state('numeric, typed, not checked', async () => {
      await at('numeric');
      await page.fill('#option-0', '12');
    });
    await state('multiple response, one option chosen, not checked', async () => {
      await at('multiple');
      await page.click('label[for="option-0"]');
    });
    await state('single choice answered wrong, then practice with it due', async () => {
      await at('single');
      const m = await questionOnScreen(page, quiz);
      await page.click(`label[for="option-${m.wrong[0]}"]`);
      await page.click('label[for="sure-0"]');
      await page.getByRole('button', { name: 'Check answer' }).click();
      await waitFocus(page, 'feedback-heading');
      await goHash(page, '#/practice');
      assert.match(await page.textContent('main'), /1 question due now\./);
    });
    await state('practice, the question due shown', async () => {
      await page.getByRole('button', { name: 'Start practising' }).click();
      await page.waitForSelector('form.question');
    });
    // Every kind of question with its answer shown, in a second learner's fresh quiz: each answered
    // wrong (the ordering as first shown, which is never right), checked, then "Show the answer".
    const shower = await open({ viewport });
    await openApp(shower, `#/quiz/${quiz.id}`);
    const theirs = await quizOrderOnScreen(shower, quiz);
    for (const type of ['single', 'multiple', 'truefalse', 'ordering', 'matching', 'categorise', 'numeric', 'text']) {
      await state(`${type} question, answer shown after a wrong answer`, async () => {
        const n = await placeOf(shower, (q) => q.type === type, quiz, theirs);
        await goHash(shower, `#/quiz/${quiz.id}/${n}`);
        const m = await questionOnScreen(shower, quiz);
        if (m.type === 'radio' || m.type === 'checkbox') await shower.click(`label[for="option-${m.wrong[0]}"]`);
        else if (type === 'numeric') await shower.fill('#option-0', String(Number(m.q.answer) + Number(m.q.tolerance || 0) + 7));
        else if (type === 'text') await shower.fill('#option-0', 'zqxjv');
        else if (type !== 'ordering') await answerByMouse(shower, m.q, false);
        await shower.click('label[for="sure-0"]');
        await shower.getByRole('button', { name: 'Check answer' }).click();
        await waitFocus(shower, 'feedback-heading');
        await shower.getByRole('button', { name: 'Show the answer' }).click();
        await shower.waitForFunction(() => ![...document.querySelectorAll('button')].some((b) => b.textContent === 'Show the answer'));
        assert.equal(await shower.getByRole('button', { name: 'Try again' }).count(), 0, `${type}: the answer is shown, no trying again`);
      }, shower);
    }
    await state('record', () => goHash(page, '#/record'));
    await state('progress, reset question open', async () => {
      await goHash(page, '#/progress');
      await page.getByRole('button', { name: 'Reset my progress…' }).click();
      await page.waitForSelector('#reset-question');
    });
    await state('progress, a pasted code refused (the reason shown by the box)', async () => {
      await page.getByRole('button', { name: 'No, keep it' }).click();
      await page.fill('#paste-code', 'my progress, please');
      await page.getByRole('button', { name: 'Load this code' }).click();
      await page.waitForSelector('#paste-error');
    });

    const blocked = await open({ viewport });
    await blocked.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
    await state('storage blocked notice', async () => {
      await openApp(blocked, '#/');
      await blocked.waitForSelector('#storage-notice');
    }, blocked);

    const recovered = await open({ viewport });
    await recovered.addInitScript((key) => {
      if (!sessionStorage.getItem('planted')) {
        sessionStorage.setItem('planted', '1');
        localStorage.setItem(key, 'hsc3;s=000001;q=broken;k=zzzz');
      }
    }, `hsc:${courseSeed().id}:progress`);
    await state('recovered data notice', async () => {
      await openApp(recovered, '#/');
      await recovered.waitForSelector('#recovered-notice');
    }, recovered);
  });
}
