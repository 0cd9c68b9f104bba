// The whole quiz with the keyboard alone: Tab, Shift+Tab, Space, Enter and arrow keys. No clicks,
// no programmatic focus, no filling. The right answers come from seeds/.../quiz.txt, mapped onto
// the rendered labels, so the test follows the content rather than a copy of it.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, textOf, waitFocus, assertFocused, activeMatches, tabTo, is,
  courseSeed, quizSeed, norm, seedPhrases, questionOnScreen, announcement, spokenText,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const course = courseSeed();
const quiz = quizSeed();
const total = quiz.questions.length;
// Answer the first single-choice question wrongly first, then "Try again".
const WRONG_FIRST = quiz.questions.findIndex((q) => q.type === 'single');
// Half-answer the first multiple-response question, then "Show the answer".
const REVEAL = quiz.questions.findIndex((q) => q.type === 'multiple' && q.options.filter((o) => o.correct).length >= 2);

async function checkedOptions(page) {
  return page.$$eval('form.question input[id^="option-"]', (ins) => ins.flatMap((i, n) => (i.checked ? [n] : [])));
}

/**
 * Chooses exactly `wanted` (rendered indices) with the keyboard. Focus must be before the options
 * (it Tabs in) or already on the first one. Radios: arrow keys then Space; checkboxes: Space and Tab.
 */
async function choose(page, m, wanted) {
  if (!(await activeMatches(page, is.option))) await tabTo(page, is.option);
  await assertFocused(page, 'option-0', 'Tab enters the options at the first one:');
  if (m.type === 'radio') {
    assert.equal(wanted.length, 1);
    for (let i = 0; i < wanted[0]; i++) await page.keyboard.press('ArrowDown');
    await assertFocused(page, `option-${wanted[0]}`, 'arrow keys move through the radio group:');
    await page.keyboard.press('Space');
  } else {
    for (let i = 0; i < m.dom.length; i++) {
      if (i > 0) await tabTo(page, is.id, `option-${i}`, { max: 2 });
      if (wanted.includes(i)) await page.keyboard.press('Space');
    }
  }
  const want = [...wanted].sort((a, b) => a - b);
  await page
    .waitForFunction(
      (w) => JSON.stringify([...document.querySelectorAll('form.question input[id^="option-"]')].flatMap((i, n) => (i.checked ? [n] : []))) === w,
      JSON.stringify(want),
      { timeout: 3000 },
    )
    .catch(() => {});
  assert.deepEqual(await checkedOptions(page), want, 'the options chosen with the keyboard are checked');
}

/** Tabs to "Check answer", presses Enter, and waits for the feedback heading to take focus. */
async function check(page) {
  await tabTo(page, is.control, 'Check answer');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'feedback-heading', 'after "Check answer":');
}

/** The feedback heading says `words` (after its aria-hidden symbol), the announcer starts with `verdict`. */
async function assertVerdict(page, words, verdict, m, chosen) {
  assert.equal(await spokenText(page, '#feedback-heading'), words, `feedback heading for ${m.q.id}`);
  const phrases = chosen.flatMap((i) => seedPhrases(m.seedAt(i).feedback));
  const said = await announcement(page, (t) => t.startsWith(verdict) && phrases.every((p) => norm(t).includes(p)));
  assert.ok(said.startsWith(verdict), `#announcer starts with "${verdict}": "${said}"`);
  for (const i of chosen) {
    for (const p of seedPhrases(m.seedAt(i).feedback)) {
      assert.ok(norm(said).includes(p), `#announcer carries the feedback for option ${i} of ${m.q.id}: "${p}"`);
    }
  }
  // Once checked, the options are locked.
  assert.ok(await page.$$eval('form.question input', (ins) => ins.every((i) => i.disabled)), 'options are disabled after checking');
}

async function goNext(page, n) {
  const last = n === total;
  await tabTo(page, is.control, last ? 'See your results' : 'Next question');
  await page.keyboard.press('Enter');
  const hash = last ? `#/quiz/${quiz.id}/results` : `#/quiz/${quiz.id}/${n + 1}`;
  await page.waitForFunction((h) => location.hash === h, hash);
  await waitFocus(page, 'view-heading', `after moving on from question ${n}:`);
}

e2eTest(env, 'the whole quiz can be done with the keyboard alone', async (open) => {
  assert.ok(WRONG_FIRST >= 0 && REVEAL >= 0 && WRONG_FIRST !== REVEAL, 'quiz.txt has a single-choice and a multiple-response question');
  const page = await open();
  await openApp(page, `#/quiz/${quiz.id}`);
  assert.equal(await textOf(page, '#view-heading'), quiz.title);

  await tabTo(page, is.control, 'Start the quiz');
  await page.keyboard.press('Enter');
  await page.waitForFunction((h) => location.hash === h, `#/quiz/${quiz.id}/1`);
  await waitFocus(page, 'view-heading', 'after "Start the quiz":');

  const seen = [];
  for (let n = 1; n <= total; n++) {
    assert.equal(await textOf(page, '#view-heading'), `Question ${n} of ${total}`);
    assert.equal(await page.title(), `Question ${n} of ${total}: ${quiz.title} – ${course.title}`);
    assert.deepEqual(await checkedOptions(page), [], `question ${n} starts unanswered`);
    const m = await questionOnScreen(page, quiz);
    seen.push(m.q.id);

    if (n - 1 === WRONG_FIRST) {
      // Wrong first: only the chosen option is explained, then "Try again" clears and refocuses.
      const wrong = [m.wrong[m.wrong.length - 1]];
      await choose(page, m, wrong);
      await check(page);
      await assertVerdict(page, 'Not correct', 'Not correct.', m, wrong);
      assert.equal(await page.locator('.feedback-list > li').count(), 1, 'only the chosen option is explained');
      assert.match(await textOf(page, '.option .mark'), /Your choice: not correct\./);
      await tabTo(page, is.control, 'Try again');
      await page.keyboard.press('Enter');
      await waitFocus(page, 'option-0', 'after "Try again":');
      assert.deepEqual(await checkedOptions(page), [], '"Try again" clears the choice');
      assert.equal(await page.locator('#feedback-heading').count(), 0, '"Try again" removes the feedback');
      assert.ok(await page.$$eval('form.question input', (ins) => ins.every((i) => !i.disabled)), 'options are enabled again');
      assert.equal(await announcement(page, (t) => t === 'Answer cleared. Choose again.'), 'Answer cleared. Choose again.');
      await choose(page, m, m.correct);
      await check(page);
      await assertVerdict(page, 'Correct', 'Correct.', m, m.correct);
    } else if (n - 1 === REVEAL) {
      // Partly right, then "Show the answer": the answer key is shown and focus stays with it.
      const partial = [m.correct[0]];
      await choose(page, m, partial);
      await check(page);
      const credit = Math.floor(100 / m.correct.length);
      await assertVerdict(page, `Partly correct (${credit} per cent)`, `Partly correct: ${credit} per cent.`, m, partial);
      await tabTo(page, is.control, 'Show the answer');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /The answer$/.test(document.getElementById('feedback-heading')?.textContent ?? ''));
      await waitFocus(page, 'feedback-heading', 'after "Show the answer":');
      assert.equal(await spokenText(page, '#feedback-heading'), 'The answer');
      assert.deepEqual(await checkedOptions(page), [...m.correct].sort((a, b) => a - b), 'the answer key is shown in the options');
      const rightLabels = m.q.options.filter((o) => o.correct).map((o) => seedPhrases(o.label, 1).join(' '));
      const said = await announcement(page, (t) => t.startsWith('The answer: '));
      assert.ok(said.startsWith('The answer: '), `#announcer gives the answer: "${said}"`);
      for (const l of rightLabels) assert.ok(norm(said).includes(l), `#announcer names "${l}"`);
      assert.equal(await page.locator('.feedback-list > li').count(), m.q.options.length, 'every option is explained');
      assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0);
    } else {
      await choose(page, m, m.correct);
      await check(page);
      await assertVerdict(page, 'Correct', 'Correct.', m, m.correct);
      assert.equal(await page.locator('.feedback-list > li').count(), m.q.options.length, 'a right answer explains every option');
    }
    await goNext(page, n);
  }
  assert.deepEqual(seen, quiz.questions.map((q) => q.id), 'the questions come in the order of quiz.txt');

  assert.equal(await textOf(page, '#view-heading'), `Results: ${quiz.title}`);
  // A shown answer keeps the learner's own partial credit; every other question ends fully right.
  const revealedCredit = Math.floor(100 / quiz.questions[REVEAL].options.filter((o) => o.correct).length);
  const score = Math.floor((100 * (total - 1) + revealedCredit) / total);
  assert.ok(score < 100, 'the shown answer costs marks');
  assert.equal(
    await textOf(page, 'p.score'),
    `Your score: ${score} per cent (${total} of ${total} questions answered; pass mark ${quiz.pass} per cent). ${score >= quiz.pass ? 'You passed.' : 'Not yet a pass.'}`,
  );
  const statuses = await page.$$eval('main ol.question-list > li', (lis) => lis.map((li) => li.textContent.replace(/\s+/g, ' ').trim()));
  assert.equal(statuses.length, total);
  statuses.forEach((s, i) =>
    assert.equal(s, i === REVEAL ? `Question ${i + 1} → Answer shown (your answer: partly correct)` : `Question ${i + 1} ✓ Correct`),
  );
});

e2eTest(env, 'checking with nothing chosen is announced, and Shift+Tab walks back through the controls', async (open) => {
  const page = await open();
  await openApp(page, `#/quiz/${quiz.id}/1`);
  await tabTo(page, is.control, 'Check answer');
  await page.keyboard.press('Enter');
  assert.equal(await announcement(page, (t) => t !== ''), 'Choose an answer before checking it.');
  assert.equal(await page.locator('#feedback-heading').count(), 0, 'nothing is graded');
  assert.ok(await activeMatches(page, is.control, 'Check answer'), 'focus stays on "Check answer"');
  // Back into the options, then back out above them to the link to the quiz.
  await tabTo(page, is.option, null, { back: true, max: 1 });
  await tabTo(page, (el) => el.matches('.kicker a'), null, { back: true, max: 1 });
  // And forward again: the options, then "Check answer".
  await tabTo(page, is.option, null, { max: 1 });
  await page.keyboard.press('Space');
  await tabTo(page, is.control, 'Check answer', { max: 1 });
});
