// A lecturer's link that turns the unit quiz into a deferred quiz (`?mode=deferred`): no checking
// one by one, a review page that lists every answer, then one submission that marks everything.
// The quiz asks for a sureness with each answer: an answer without one holds the submission back.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, goHash, textOf, waitFocus, assertAxeClean, quizSeed, questionOnScreen,
  announcement, SURENESS, cbmMark, CHOICE_TYPES, assertErrorShown, assertErrorGone,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const quiz = quizSeed();

// At a desktop's width and a phone's: axe runs on the question, the review and the results.
for (const width of [1280, 320]) e2eTest(env, `a deferred quiz is answered, reviewed and submitted as a whole, at ${width} px`, async (open) => {
  assert.ok(quiz.confidence, 'quiz.txt asks for sureness');
  const page = await open({ viewport: { width, height: 800 } });
  await openApp(page, `#/quiz/${quiz.id}?mode=deferred`);
  assert.match(await textOf(page, 'main'), /submit them all to see your score/);
  // The first choice question as this learner sees the (shuffled) quiz, found by its prompt.
  let n = 0;
  let m;
  do {
    n += 1;
    await goHash(page, `#/quiz/${quiz.id}/${n}`);
    m = await questionOnScreen(page, quiz);
  } while (!CHOICE_TYPES.has(m.q.type) && n < quiz.questions.length);
  assert.ok(CHOICE_TYPES.has(m.q.type), 'the quiz has a choice question');
  assert.equal(await page.getByRole('button', { name: 'Check answer' }).count(), 0, 'no checking one by one');
  // Answer it with its right option, but say nothing yet about how sure.
  await page.click(`label[for="option-${m.correct[0]}"]`);
  if (m.q.type === 'multiple') for (const i of m.correct.slice(1)) await page.click(`label[for="option-${i}"]`);
  // Enter in the form does not mark anything in a deferred quiz.
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#feedback-heading').count(), 0, 'nothing is marked before submitting');
  assert.equal(await textOf(page, 'fieldset.sureness legend'), 'How sure are you of this answer?');
  await assertAxeClean(page, 'deferred question, answered, no sureness yet');

  await goHash(page, `#/quiz/${quiz.id}/results`);
  assert.equal(await textOf(page, '#view-heading'), `Review your answers: ${quiz.title}`);
  const unanswered = quiz.questions.length - 1;
  assert.match(await textOf(page, 'main'), new RegExp(`${unanswered} questions are not answered yet`));
  await assertAxeClean(page, 'deferred review');

  // Submitting with an answer that has no sureness is refused, naming the question.
  await page.getByRole('button', { name: 'Submit all answers' }).click();
  const refused = `Nothing was submitted. Say how sure you are of your answer to question ${n}: open it with the link in the list, choose how sure you are, then submit.`;
  assert.equal(await announcement(page, (t) => t === refused), refused);
  assert.equal(await textOf(page, '#view-heading'), `Review your answers: ${quiz.title}`, 'nothing is submitted');
  // Shown by the button as well as spoken (WCAG 3.3.1); the button is not an input, so it is not
  // marked invalid, and the answer in the list that wants a sureness says so.
  assert.equal(await assertErrorShown(page, '#submit-button', 'submit-error', { invalid: false }), refused);
  assert.equal(await textOf(page, `#unsure-${n}`), 'Error: How sure you are is not given yet.');
  assert.equal(await page.locator('ol.review-list .error-message').count(), 1, 'only that answer is marked');
  await assertAxeClean(page, 'deferred review, submission refused');

  // Say how sure, and the review shows it.
  const level = 2;
  await page.click(`main a[href="#/quiz/${quiz.id}/${n}"]`);
  await waitFocus(page, 'view-heading', 'after "Change your answer":');
  await page.click(`label[for="sure-${level}"]`);
  assert.ok(await page.$eval(`#sure-${level}`, (r) => r.checked));
  await goHash(page, `#/quiz/${quiz.id}/results`);
  assert.match(await textOf(page, 'ol.review-list'), new RegExp(`\\(${SURENESS[level].toLowerCase()}\\)`));
  await assertErrorGone(page, '#submit-button', 'submit-error');
  assert.equal(await page.locator(`#unsure-${n}`).count(), 0);

  await page.getByRole('button', { name: 'Submit all answers' }).click();
  await waitFocus(page, 'view-heading', 'after submitting:');
  assert.equal(await textOf(page, '#view-heading'), `Results: ${quiz.title}`);
  const score = Math.floor(100 / quiz.questions.length);
  assert.match(await textOf(page, 'p.score'), new RegExp(`^Your score: ${score} per cent`));
  await page.waitForFunction((s) => document.getElementById('announcer')?.textContent === s, `Answers submitted. Your score: ${score} per cent.`);
  // Unanswered questions count as wrong and "not sure" (0 each); the one answer as right and very sure.
  const total = quiz.questions.length;
  const cbm = cbmMark(true, level);
  const tenths = Math.trunc((cbm * 10) / total);
  assert.match(
    await textOf(page, 'main'),
    new RegExp(`Certainty-based mark: ${cbm} out of a possible ${3 * total} \\(average ${Math.floor(tenths / 10)}\\.${tenths % 10} per question\\)\\.`),
  );
  assert.match(await textOf(page, 'main'), /You were never sure of a wrong answer/);
  await assertAxeClean(page, 'deferred results');

  // The question now shows its feedback, marked, with the certainty-based mark.
  await goHash(page, `#/quiz/${quiz.id}/${n}`);
  assert.match(await textOf(page, '#feedback-heading'), /Correct/);
  assert.equal(await textOf(page, 'p.sureness-result'), `You said: ${SURENESS[level]}. Certainty-based mark: +${cbm}.`);
});
