// A lecturer's link that turns the unit quiz into a deferred quiz (`?mode=deferred`): no checking
// one by one, a review page that lists every answer, then one submission that marks everything.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { setup, e2eTest, openApp, goHash, textOf, waitFocus, assertAxeClean, quizSeed } from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const quiz = quizSeed();

e2eTest(env, 'a deferred quiz is answered, reviewed and submitted as a whole', async (open) => {
  const page = await open();
  await openApp(page, `#/quiz/${quiz.id}?mode=deferred`);
  assert.match(await textOf(page, 'main'), /submit them all to see your score/);
  await goHash(page, `#/quiz/${quiz.id}/1`);
  assert.equal(await page.getByRole('button', { name: 'Check answer' }).count(), 0, 'no checking one by one');
  // Answer the first question with its right option (found by its label in the seed).
  const q = quiz.questions[0];
  const right = q.options.findIndex((o) => o.correct);
  const labels = await page.$$eval('form.question .option label', (ls) => ls.map((l) => l.textContent.trim()));
  const shown = labels.findIndex((l) => q.options[right].label.startsWith(l.slice(0, 20)));
  assert.ok(shown >= 0, 'the right option is on screen');
  await page.click(`label[for="option-${shown}"]`);
  // Enter in the form does not mark anything in a deferred quiz.
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#feedback-heading').count(), 0, 'nothing is marked before submitting');
  await assertAxeClean(page, 'deferred question, answered');

  await goHash(page, `#/quiz/${quiz.id}/results`);
  assert.equal(await textOf(page, '#view-heading'), `Review your answers: ${quiz.title}`);
  const unanswered = quiz.questions.length - 1;
  assert.match(await textOf(page, 'main'), new RegExp(`${unanswered} questions are not answered yet`));
  await assertAxeClean(page, 'deferred review');

  await page.getByRole('button', { name: 'Submit all answers' }).click();
  await waitFocus(page, 'view-heading', 'after submitting:');
  assert.equal(await textOf(page, '#view-heading'), `Results: ${quiz.title}`);
  const score = Math.floor(100 / quiz.questions.length);
  assert.match(await textOf(page, 'p.score'), new RegExp(`^Your score: ${score} per cent`));
  await page.waitForFunction((s) => document.getElementById('announcer')?.textContent === s, `Answers submitted. Your score: ${score} per cent.`);
  await assertAxeClean(page, 'deferred results');

  // The question now shows its feedback, marked.
  await goHash(page, `#/quiz/${quiz.id}/1`);
  assert.match(await textOf(page, '#feedback-heading'), /Correct/);
});
