// axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA rules) on every view and every state of the
// interactive views, at 1280 and at 320 CSS px. Each state is its own subtest, so one report lists every failing state.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, goHash, textOf, waitFocus, assertAxeClean, assertIdrefsValid,
  quizSeed, scenarioSeed, scenarioPaths, glossarySeed, sourcesSeed, questionOnScreen, orderOnScreen,
  quizOrderOnScreen, placeOf, answerByMouse,
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

/** Says how sure (if not yet said), then checks; the card then says what was said and the mark. */
async function clickCheck(page, level = 1) {
  if (await page.$$eval('input[name="sureness"]', (ins) => ins.length > 0 && !ins.some((i) => i.checked))) {
    await page.click(`label[for="sure-${level}"]`);
  }
  await page.getByRole('button', { name: 'Check answer' }).click();
  await waitFocus(page, 'feedback-heading');
  assert.match(await textOf(page, 'p.sureness-result'), /^You said: .+\. Certainty-based mark: [+-]?\d+\.$/);
}

/** The question types beyond choosing options, each scanned unanswered, wrong and right. */
const NEW_TYPES = ['ordering', 'matching', 'categorise', 'numeric', 'text'];

// Both widths the issue names: a desktop's 1280 CSS px and a phone's 320.
for (const width of [1280, 320]) e2eTest(env, `axe-core finds no WCAG A/AA violations in any view or state, at ${width} px`, async (open, t) => {
  const viewport = { width, height: 800 };
  const page = await open({ viewport });
  const state = (name, fn, on = page) => t.test(name, async () => {
    await fn?.();
    await assertAxeClean(on, name);
    await assertIdrefsValid(on, name);
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

  // The quiz is shuffled per learner: find where this learner sees each question, by its prompt.
  const order = await quizOrderOnScreen(page, quiz);
  const placeOfType = (type) => placeOf(page, (q) => q.type === type, quiz, order);

  let m;
  await state('question unanswered (sureness not chosen)', async () => {
    await goHash(page, `#/quiz/${quiz.id}/${await placeOfType('single')}`);
    m = await questionOnScreen(page, quiz);
    assert.equal(await textOf(page, 'fieldset.sureness legend'), 'How sure are you of this answer?');
    assert.equal(await page.$$eval('input[name="sureness"]', (ins) => ins.filter((i) => i.checked).length), 0);
  });
  // WCAG 3.3.1 and 3.3.3: a refused check is shown beside the control that needs an answer, named
  // by its group, said in the live region, and gone once the learner answers.
  const refusal = async (group, id, words) => {
    const text = await textOf(page, `#${id}`);
    assert.equal(text, `Error: ${words}`);
    assert.ok(await page.isVisible(`#${id}`), 'shown, not only spoken');
    assert.ok((await page.getAttribute(group, 'aria-describedby')).split(' ').includes(id));
    assert.equal(await page.$eval(`${group} #${id}`, () => true), true, 'inside its group');
    await page.waitForFunction((w) => document.getElementById('announcer')?.textContent.includes(w), words);
  };
  await state('check refused: no answer chosen (the reason shown by the options)', async () => {
    await page.getByRole('button', { name: 'Check answer' }).click();
    await refusal('fieldset#answer', 'answer-error', 'Choose an answer before checking it.');
  });
  await state('question with an option chosen', async () => {
    await pick(page, [m.wrong[0]]);
    assert.equal(await page.locator('#answer-error').count(), 0, 'answered: the message goes');
  });
  await state('check refused: sureness not said (the reason shown by the sureness question)', async () => {
    await page.getByRole('button', { name: 'Check answer' }).click();
    await refusal('fieldset.sureness', 'sureness-error', 'Say how sure you are of this answer before checking it.');
  });
  await state('question with a sureness chosen', async () => {
    await page.click('label[for="sure-2"]');
    assert.equal(await page.locator('#sureness-error').count(), 0, 'answered: the message goes');
  });
  await state('question answered wrong (feedback and "You said" shown)', async () => {
    await clickCheck(page);
    assert.match(await textOf(page, 'p.sureness-result'), /^You said: Very sure\. Certainty-based mark: -6\.$/);
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

  const multi = await placeOfType('multiple');
  await state('multiple-response question answered partly right', async () => {
    await goHash(page, `#/quiz/${quiz.id}/${multi}`);
    m = await questionOnScreen(page, quiz);
    await pick(page, [m.correct[0]]);
    await clickCheck(page);
    assert.match(await textOf(page, '#feedback-heading'), /Partly correct/);
  });
  await state('answer shown', async () => {
    await page.getByRole('button', { name: 'Show the answer' }).click();
    await page.waitForFunction(() => /The answer$/.test(document.getElementById('feedback-heading')?.textContent ?? ''));
  });
  for (const type of NEW_TYPES) {
    const n = await placeOfType(type);
    await state(`${type} question unanswered`, async () => {
      await goHash(page, `#/quiz/${quiz.id}/${n}`);
      m = await questionOnScreen(page, quiz);
      assert.equal(m.q.type, type);
    });
    await state(`${type} question answered wrong`, async () => {
      await answerByMouse(page, m.q, false);
      await clickCheck(page);
      assert.match(await textOf(page, '#feedback-heading'), /(Not correct|Partly correct \(\d+ per cent\))$/);
    });
    await state(`${type} question after "Try again"`, async () => {
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.waitForFunction(() => !document.getElementById('feedback-heading') && document.activeElement?.closest('#answer'));
    });
    await state(`${type} question answered right`, async () => {
      // Text boxes keep what was typed after "Try again"; fill replaces it.
      await answerByMouse(page, m.q, true);
      await clickCheck(page);
      assert.match(await textOf(page, '#feedback-heading'), /Correct$/);
    });
  }
  // The last question unanswered, and "Show the answer" on a new type, in a fresh page (another
  // learner: the questions above are done, and whichever question is last may be one of them).
  const fresh = await open({ viewport });
  await state('last question, unanswered (skip to results)', async () => {
    await openApp(fresh, `#/quiz/${quiz.id}/${quiz.questions.length}`);
    assert.equal(await fresh.getByRole('link', { name: 'Skip to the results' }).count(), 1);
  }, fresh);
  await state('matching question, answer shown after a wrong answer', async () => {
    // Another learner, so another order.
    await openApp(fresh, `#/quiz/${quiz.id}`);
    await goHash(fresh, `#/quiz/${quiz.id}/${await placeOf(fresh, (q) => q.type === 'matching', quiz)}`);
    const mm = await questionOnScreen(fresh, quiz);
    await answerByMouse(fresh, mm.q, false);
    await clickCheck(fresh);
    await fresh.getByRole('button', { name: 'Show the answer' }).click();
    await fresh.waitForFunction(() => /The answer$/.test(document.getElementById('feedback-heading')?.textContent ?? ''));
    assert.deepEqual(
      await fresh.$$eval('ul.assign select', (ss) => ss.map((x) => x.value)),
      mm.q.pairs.map((p) => String(mm.q.targets.indexOf(p.match))),
      'the selects show the answer key',
    );
  }, fresh);

  await state('quiz overview (part done)', () => goHash(page, `#/quiz/${quiz.id}`));
  await state('results (with the certainty-based section)', async () => {
    await goHash(page, `#/quiz/${quiz.id}/results`);
    assert.equal(await textOf(page, '#cbm-heading'), 'How well you knew what you knew');
    assert.match(await textOf(page, 'section[aria-labelledby="cbm-heading"]'), /Certainty-based mark: -?\d+ out of a possible \d+/);
    assert.match(await textOf(page, 'section[aria-labelledby="cbm-heading"]'), /You were fairly or very sure, but wrong, on question \d/);
    assert.ok((await textOf(page, 'p.band')).length > 0, 'the overall feedback band is shown');
  });

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
  await state('timeline', () => goHash(page, '#/timeline'));
  await state('lecturers', () => goHash(page, '#/lecturers'));
  await state('lecturers, a unit\'s questions and answers open', async () => {
    await page.locator('.lecturer-unit details summary').first().click();
    await page.waitForSelector('.lecturer-unit details[open]');
  });
  await state('display settings', () => goHash(page, '#/display'));
  await state('search with results', async () => {
    await goHash(page, '#/search');
    await page.fill('#search-input', 'integrated care');
    await page.waitForSelector('.search-results a');
  });
  await state('search with nothing found', async () => {
    await page.fill('#search-input', 'zqxjv');
    await page.waitForFunction(() => document.querySelector('#search-count').textContent.startsWith('No results'));
  });
  await state('page not found', () => goHash(page, '#/no/such/page'));
});
