// axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA rules) on every view and every state of the
// interactive views. Each state is its own subtest, so one report lists every failing state.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, goHash, textOf, waitFocus, assertAxeClean, assertIdrefsValid,
  quizSeed, scenarioSeed, scenarioPaths, glossarySeed, sourcesSeed, questionOnScreen,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const quiz = quizSeed();
const sc = scenarioSeed();

/** Ticks these rendered options by clicking their labels (mouse use is fine here). */
async function pick(page, indices) {
  for (const i of indices) await page.click(`label[for="option-${i}"]`);
}

async function clickCheck(page) {
  await page.getByRole('button', { name: 'Check answer' }).click();
  await waitFocus(page, 'feedback-heading');
}

e2eTest(env, 'axe-core finds no WCAG A/AA violations in any view or state', async (open, t) => {
  const page = await open();
  const state = (name, fn) => t.test(name, async () => {
    await fn?.();
    await assertAxeClean(page, name);
    await assertIdrefsValid(page, name);
  });

  await openApp(page, '#/');
  await state('home (nothing done yet)');
  await state('unit', () => goHash(page, '#/unit/meaning'));
  await state('unit, lecturer prompts open', async () => {
    await page.click('details.lecturer summary');
    assert.equal(await page.getAttribute('details.lecturer', 'open'), '');
  });
  await state('lesson', () => goHash(page, '#/lesson/meaning-lesson'));
  await state('lesson marked as read', async () => {
    await page.getByRole('button', { name: 'Mark this lesson as read' }).click();
    await page.waitForSelector('button[aria-pressed="true"]');
  });
  await state('quiz overview (not started)', () => goHash(page, `#/quiz/${quiz.id}`));

  let m;
  await state('question unanswered', async () => {
    await goHash(page, `#/quiz/${quiz.id}/1`);
    m = await questionOnScreen(page, quiz);
  });
  await state('question with an option chosen', () => pick(page, [m.wrong[0]]));
  await state('question answered wrong (feedback shown)', async () => {
    await clickCheck(page);
    assert.match(await textOf(page, '#feedback-heading'), /Not correct$/);
  });
  await state('question after "Try again"', async () => {
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitFocus(page, 'option-0');
  });
  await state('question answered right', async () => {
    await pick(page, m.correct);
    await clickCheck(page);
    assert.match(await textOf(page, '#feedback-heading'), /Correct$/);
  });

  const multi = quiz.questions.findIndex((q) => q.type === 'multiple');
  await state('multiple-response question answered partly right', async () => {
    await goHash(page, `#/quiz/${quiz.id}/${multi + 1}`);
    m = await questionOnScreen(page, quiz);
    await pick(page, [m.correct[0]]);
    await clickCheck(page);
    assert.match(await textOf(page, '#feedback-heading'), /Partly correct/);
  });
  await state('answer shown', async () => {
    await page.getByRole('button', { name: 'Show the answer' }).click();
    await page.waitForFunction(() => /The answer$/.test(document.getElementById('feedback-heading')?.textContent ?? ''));
  });
  await state('last question, unanswered (skip to results)', () => goHash(page, `#/quiz/${quiz.id}/${quiz.questions.length}`));
  await state('quiz overview (part done)', () => goHash(page, `#/quiz/${quiz.id}`));
  await state('results', () => goHash(page, `#/quiz/${quiz.id}/results`));

  const route = scenarioPaths(sc)[0];
  await state('scenario intro', () => goHash(page, `#/scenario/${sc.id}`));
  await state('scenario, first decision', async () => {
    await page.getByRole('button', { name: 'Start the scenario' }).click();
    await waitFocus(page, 'scenario-step');
  });
  const chooseStep = async (step) => {
    await page.locator('ul.choices button').nth(step.index).click();
    await waitFocus(page, 'scenario-happened');
  };
  const back = async () => {
    await page.getByRole('button', { name: 'Back one step' }).click();
    await waitFocus(page, 'scenario-step');
  };
  await state('mid-scenario, after a consequence', async () => {
    await chooseStep(route.steps[0]);
    assert.equal(await page.locator('ul.choices').count(), 1, 'still mid-scenario');
  });
  await state('scenario after "Back one step"', async () => {
    await back();
    assert.equal(await textOf(page, '#scenario-step'), 'Decision 1');
  });
  await state('scenario ending (score and path map)', async () => {
    for (const step of route.steps) await chooseStep(step);
    assert.match(await textOf(page, '#ending-heading'), /^Ending: /);
    assert.equal(await page.locator('#route-heading ~ ol > li').count(), route.steps.length, 'the path map is shown');
    assert.equal(await page.locator('#score-heading').count(), 1, 'the score is shown');
  });
  await state('scenario after "Back one step" from the ending', async () => {
    await back();
    assert.equal(await textOf(page, '#scenario-step'), `Decision ${route.steps.length}`);
    await chooseStep(route.steps[route.steps.length - 1]);
  });
  await state('home (with progress)', () => goHash(page, '#/'));

  await state('glossary', () => goHash(page, '#/glossary'));
  await state('glossary term route', () => goHash(page, `#/glossary/${glossarySeed()[1].id}`));
  await state('sources', () => goHash(page, '#/sources'));
  await state('sources entry route', () => goHash(page, `#/sources/${sourcesSeed()[0].id}`));
  await state('page not found', () => goHash(page, '#/no/such/page'));
});
