// The whole quiz with the keyboard alone: Tab, Shift+Tab, Space, Enter and arrow keys, and typing
// (into text boxes, and a select's first letters). No clicks, no programmatic focus, no filling or
// selectOption. Every question type is answered, each with a sureness chosen by keyboard. The quiz
// is shuffled per learner, so every question is identified by its prompt on screen; the right
// answers come from seeds/.../quiz.txt, mapped onto the rendered labels, so the test follows the
// content rather than a copy of it.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, goHash, textOf, waitFocus, assertFocused, activeMatches, tabTo, tabToward, is,
  courseSeed, quizSeed, norm, seedPhrases, plainSeed, questionOnScreen, orderOnScreen, announcement,
  spokenText, describeActive, CHOICE_TYPES, SURENESS, cbmMark, saidLine, bandFor, isSure,
  quizOrderOnScreen, placeOf, fixRandom,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const course = courseSeed();
const quiz = quizSeed();
const total = quiz.questions.length;
// Answer the first single-choice question wrongly first ("Fairly sure"), then "Try again" and
// answer it right, now "Very sure".
const WRONG_FIRST = quiz.questions.find((q) => q.type === 'single')?.id;
// Half-answer the first multiple-response question, "Very sure", then "Show the answer": the
// results must list it as sure but wrong.
const REVEAL = quiz.questions.find((q) => q.type === 'multiple' && q.options.filter((o) => o.correct).length >= 2)?.id;
const [NOT_SURE, FAIRLY, VERY] = [0, 1, 2];
// Every type the compiler knows; the run must meet each at least once.
const ALL_TYPES = ['single', 'multiple', 'truefalse', 'ordering', 'matching', 'categorise', 'numeric', 'text'];

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

/** Which sureness radio is checked (-1 for none). */
async function sureChecked(page) {
  return page.$$eval('input[name="sureness"]', (ins) => ins.findIndex((i) => i.checked));
}

// The "check before saying how sure" refusal is shown once, on the first question of the run.
let refusalShown = false;

/**
 * Says how sure, by keyboard: Tab or Shift+Tab into the sureness radios (landing on the checked
 * one, or the first or last when none is), then arrow keys to `level` (or Space when already on it).
 * On the run's first question it first tries to check without a sureness and expects a refusal.
 */
async function sayHowSure(page, level) {
  if (!refusalShown) {
    refusalShown = true;
    assert.equal(await sureChecked(page), -1, 'no sureness is chosen yet');
    await tabToward(page, is.control, 'Check answer');
    await page.keyboard.press('Enter');
    const refused = 'Say how sure you are of this answer before checking it.';
    assert.equal(await announcement(page, (t) => t === refused), refused, 'checking without a sureness is refused');
    assert.equal(await page.locator('#feedback-heading').count(), 0, 'nothing is graded without a sureness');
    assert.ok(await activeMatches(page, is.control, 'Check answer'), 'focus stays on "Check answer"');
  }
  assert.equal(await textOf(page, 'fieldset.sureness legend'), 'How sure are you of this answer?');
  if (!(await activeMatches(page, isSure))) await tabToward(page, isSure, null, { max: 40 });
  const at = Number((await page.evaluate(() => document.activeElement.id)).slice('sure-'.length));
  if (at === level) {
    if ((await sureChecked(page)) !== level) await page.keyboard.press('Space');
  } else {
    const key = level > at ? 'ArrowDown' : 'ArrowUp';
    for (let k = 0; k < Math.abs(level - at); k++) await page.keyboard.press(key);
  }
  await assertFocused(page, `sure-${level}`, 'arrow keys move through the sureness radios:');
  await page.waitForFunction((l) => document.getElementById(`sure-${l}`)?.checked, level, { timeout: 3000 }).catch(() => {});
  assert.equal(await sureChecked(page), level, `"${SURENESS[level]}" is chosen with the keyboard`);
}

/** After a check: the card says what the learner said and the certainty-based mark. */
async function assertSaid(page, right, level) {
  assert.equal(await textOf(page, 'form.question p.sureness-result'), saidLine(right, level));
  assert.equal(await page.locator('fieldset.sureness').count(), 0, 'the sureness radios give way to the mark');
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
  await assertLocked(page);
}

/** Once checked, nothing in the answer area can be changed (ordering's Move buttons are gone). */
async function assertLocked(page) {
  assert.ok(
    await page.$$eval('#answer input, #answer select', (els) => els.every((e) => e.disabled)),
    'the answer controls are disabled after checking',
  );
  assert.equal(await page.locator('#answer button').count(), 0, 'no Move buttons after checking');
}

/** The heading and the announcer's first words for a grade (credit in per cent). */
function verdictFor(credit) {
  if (credit === 100) return ['Correct', 'Correct.'];
  if (credit === 0) return ['Not correct', 'Not correct.'];
  return [`Partly correct (${credit} per cent)`, `Partly correct: ${credit} per cent.`];
}

/** Nothing is chosen or typed yet (an ordering question always shows some order). */
async function assertUnanswered(page, n) {
  const state = await page.$$eval('#answer input, #answer select', (els) =>
    els.filter((e) => (e.type === 'radio' || e.type === 'checkbox' ? e.checked : e.value !== '')).map((e) => e.id),
  );
  assert.deepEqual(state, [], `question ${n} starts unanswered`);
}

/** "Try again" by keyboard: the feedback goes, and focus moves to the first control that can be used. */
async function tryAgain(page, announced) {
  await tabTo(page, is.control, 'Try again');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.getElementById('feedback-heading'));
  await page
    .waitForFunction(() => document.activeElement?.closest('#answer') && !document.activeElement.disabled, null, { timeout: 3000 })
    .catch(() => {});
  const first = await page.evaluate(() => document.querySelector('#answer input:not([disabled]), #answer select:not([disabled]), #answer button:not([disabled])'));
  assert.ok(first, 'the answer controls are enabled again');
  assert.ok(
    await page.evaluate(() => document.activeElement === document.querySelector('#answer input:not([disabled]), #answer select:not([disabled]), #answer button:not([disabled])')),
    `after "Try again", focus is on the first enabled control of the answer, not on ${await describeActive(page)}`,
  );
  assert.equal(await announcement(page, (t) => t === announced), announced);
}

/**
 * Ordering, keyboard only: Tab or Shift+Tab to "Move up: ITEM" and press Space, bringing each item
 * up to its place in turn, then checks every move was announced.
 */
async function arrange(page, q) {
  const n = q.items.length;
  for (let want = 0; want < n; want++) {
    for (;;) {
      const order = await orderOnScreen(page, q);
      const at = order.indexOf(want);
      if (at === want) break;
      await tabToward(page, is.labelled, norm(`Move up: ${plainSeed(q.items[want].label)}`));
      await page.keyboard.press('Space');
      await page.waitForFunction(
        ([sel, pos]) => document.querySelectorAll(sel)[pos]?.textContent,
        ['form.question ol.order > li .order-label', at - 1],
      );
      const expected = norm(`${plainSeed(q.items[want].label)}: now ${at} of ${n}.`);
      const said = await announcement(page, (t) => norm(t) === expected);
      assert.equal(norm(said), expected, 'the move is announced with the new place');
      assert.equal((await orderOnScreen(page, q)).indexOf(want), at - 1, 'Move up moved the item up one place');
    }
  }
  assert.deepEqual(await orderOnScreen(page, q), q.items.map((_, i) => i), 'the items are in order');
}

/** Ordering: check the order first shown (never right), "Try again", put it right, check. */
async function answerOrdering(page, m, level) {
  const { q } = m;
  const n = q.items.length;
  const start = await orderOnScreen(page, q);
  const right = start.filter((item, pos) => item === pos).length;
  assert.ok(right < n, 'the first order shown is not already right');
  const credit = Math.floor((right * 100) / n);
  await sayHowSure(page, level);
  await check(page);
  await assertSaid(page, false, level);
  const [heading, verdict] = verdictFor(credit);
  assert.notEqual(heading, 'Correct');
  assert.equal(await spokenText(page, '#feedback-heading'), heading, `feedback heading for ${q.id}`);
  const expected = `${verdict} ${right} of ${n} items are in the right place.`;
  assert.equal(await announcement(page, (t) => t === expected), expected);
  assert.deepEqual(
    await page.$$eval('ol.order > li .mark-words', (els) => els.map((e) => e.textContent.trim())),
    start.map((item, pos) => (item === pos ? 'In the right place.' : `Belongs in place ${item + 1}.`)),
    'each item says whether it is in its place, and where it belongs',
  );
  await assertLocked(page);
  await tryAgain(page, 'Change your answer, then check it again.');
  // The first enabled control is the top item's "Move down" (its "Move up" is disabled).
  assert.ok(await activeMatches(page, is.labelled, norm(`Move down: ${plainSeed(q.items[start[0]].label)}`)), `focus is on "Move down" for the top item, not ${await describeActive(page)}`);
  assert.deepEqual(await orderOnScreen(page, q), start, '"Try again" keeps the order to mend');
  assert.equal(await sureChecked(page), level, '"Try again" keeps the sureness given');
  await arrange(page, q);
  await check(page);
  await assertSaid(page, true, level);
  assert.equal(await spokenText(page, '#feedback-heading'), 'Correct');
  const done = `Correct. ${n} of ${n} items are in the right place.`;
  assert.equal(await announcement(page, (t) => t === done), done);
  assert.equal(await page.locator('.feedback-list > li').count(), n, 'every item is explained');
  await assertLocked(page);
  return 100;
}

/** The shortest start of `text` that no other of `all` begins with (case ignored). */
function typeAhead(text, all) {
  for (let len = 1; len <= text.length; len++) {
    const p = text.slice(0, len).toLowerCase();
    if (all.filter((o) => o.toLowerCase().startsWith(p)).length === 1) return text.slice(0, len);
  }
  return text;
}

/** Matching: Tab to each select; ArrowDown to the match, or (every other one) type its first letters. */
async function answerMatching(page, m, level) {
  const { q } = m;
  const placeholder = await textOf(page, '#option-0 option');
  for (let i = 0; i < q.pairs.length; i++) {
    await tabTo(page, is.id, `option-${i}`, { max: 3 });
    const t = q.targets.indexOf(q.pairs[i].match);
    if (i % 2 === 0) {
      for (let k = 0; k <= t; k++) await page.keyboard.press('ArrowDown');
    } else {
      await page.keyboard.type(typeAhead(q.targets[t], [placeholder, ...q.targets]));
    }
    await page.waitForFunction(([id, v]) => document.getElementById(id)?.value === v, [`option-${i}`, String(t)], { timeout: 3000 }).catch(() => {});
    assert.equal(await page.$eval(`#option-${i}`, (s) => s.value), String(t), `pair ${i} of ${q.id} is matched by keyboard`);
  }
  await sayHowSure(page, level);
  await check(page);
  await assertSaid(page, true, level);
  assert.equal(await spokenText(page, '#feedback-heading'), 'Correct', `feedback heading for ${q.id}`);
  const n = q.pairs.length;
  assert.equal(await announcement(page, (t) => t === `Correct. ${n} of ${n} are right.`), `Correct. ${n} of ${n} are right.`);
  assert.deepEqual(await page.$$eval('ul.assign .mark-words', (els) => els.map((e) => e.textContent.trim())), q.pairs.map(() => 'Right.'));
  await assertFeedbackItems(page, q.pairs);
  await assertLocked(page);
  return 100;
}

/** Categorise: Tab into each statement's radio group, Space (first group) or arrow keys to its group. */
async function answerCategorise(page, m, level) {
  const { q } = m;
  for (let i = 0; i < q.statements.length; i++) {
    // With nothing chosen in a group, Tab stops at its first radio.
    await tabTo(page, is.id, `option-${i}`, { max: 3 });
    const g = q.groups.indexOf(q.statements[i].group);
    if (g === 0) await page.keyboard.press('Space');
    for (let k = 0; k < g; k++) await page.keyboard.press(k % 2 ? 'ArrowDown' : 'ArrowRight');
    const id = g === 0 ? `option-${i}` : `option-${i}-${g}`;
    await assertFocused(page, id, 'arrow keys move through the groups:');
    assert.ok(await page.$eval(`#${id}`, (r) => r.checked), `statement ${i} of ${q.id} is put in "${q.groups[g]}"`);
  }
  await sayHowSure(page, level);
  await check(page);
  await assertSaid(page, true, level);
  assert.equal(await spokenText(page, '#feedback-heading'), 'Correct', `feedback heading for ${q.id}`);
  const n = q.statements.length;
  assert.equal(await announcement(page, (t) => t === `Correct. ${n} of ${n} are right.`), `Correct. ${n} of ${n} are right.`);
  await assertFeedbackItems(page, q.statements);
  await assertLocked(page);
  return 100;
}

/** A matching or categorising question's feedback explains every item, in seed order. */
async function assertFeedbackItems(page, items) {
  const said = await page.$$eval('.feedback-list > li', (lis) => lis.map((li) => li.textContent));
  assert.equal(said.length, items.length, 'every item is explained');
  items.forEach((it, i) => {
    for (const p of seedPhrases(it.feedback)) assert.ok(norm(said[i]).includes(p), `item ${i} is explained: "${p}"`);
  });
}

/** The announcer carries the seed feedback `markup` (its telling phrases). */
async function assertAnnounced(page, verdict, markup, extra = []) {
  const phrases = seedPhrases(markup).concat(extra.map(norm));
  const said = await announcement(page, (t) => t.startsWith(verdict) && phrases.every((p) => norm(t).includes(p)));
  assert.ok(said.startsWith(verdict), `#announcer starts with "${verdict}": "${said}"`);
  for (const p of phrases) assert.ok(norm(said).includes(p), `#announcer says "${p}": "${said}"`);
}

/** Numeric: type a wrong answer (a unit it does not take, if it has units), Enter, "Try again", mend it, Enter. */
async function answerNumeric(page, m, level) {
  const { q } = m;
  const units = q.units.map(norm);
  const wrongUnit = ['million', 'thousand', 'per cent'].find((u) => !units.includes(norm(u)));
  const wrong = q.units.length ? `${q.answer} ${wrongUnit}` : String(Number(q.answer) + Number(q.tolerance) + 1);
  await tabTo(page, is.id, 'option-0');
  await page.keyboard.type(wrong);
  // Say how sure (Tab on to the radios), then Shift+Tab back: Enter in the text box checks the answer.
  await sayHowSure(page, level);
  await tabToward(page, is.id, 'option-0');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'feedback-heading', 'after Enter in the text box:');
  await assertSaid(page, false, level);
  assert.equal(await spokenText(page, '#feedback-heading'), 'Not correct', `feedback heading for ${q.id}`);
  const unitNote = q.units.length ? [`That unit is not one this question takes; answer in ${q.units.join(' or ')}.`] : [];
  await assertAnnounced(page, 'Not correct.', q.otherwise, unitNote);
  assert.match(await textOf(page, '.feedback'), new RegExp(`You wrote: ${wrong}`));
  await assertLocked(page);
  await tryAgain(page, 'Change your answer, then check it again.');
  await assertFocused(page, 'option-0', 'after "Try again":');
  assert.equal(await page.$eval('#option-0', (i) => i.value), wrong, '"Try again" keeps the typed answer to mend');
  // Mend it: delete the wrong unit (or number) and type the right one.
  await page.keyboard.press('End');
  const bad = q.units.length ? wrongUnit : wrong;
  for (let k = 0; k < bad.length; k++) await page.keyboard.press('Backspace');
  await page.keyboard.type(q.units.length ? q.units[0] : q.answer);
  const right = q.units.length ? `${q.answer} ${q.units[0]}` : q.answer;
  assert.equal(await page.$eval('#option-0', (i) => i.value), right);
  assert.equal(await sureChecked(page), level, '"Try again" keeps the sureness given');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'feedback-heading', 'after Enter in the text box:');
  await assertSaid(page, true, level);
  assert.equal(await spokenText(page, '#feedback-heading'), 'Correct', `feedback heading for ${q.id}`);
  await assertAnnounced(page, 'Correct.', q.feedback);
  await assertLocked(page);
  return 100;
}

/** Text: type an accepted answer with other capitals and a full stop, then Enter. */
async function answerText(page, m, level) {
  const { q } = m;
  const acc = q.accepts[0];
  const typed = `${acc.text[0].toUpperCase()}${acc.text.slice(1)}.`;
  await tabTo(page, is.id, 'option-0');
  await page.keyboard.type(typed);
  await sayHowSure(page, level);
  await tabToward(page, is.id, 'option-0');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'feedback-heading', 'after Enter in the text box:');
  await assertSaid(page, true, level);
  assert.equal(await spokenText(page, '#feedback-heading'), 'Correct', `feedback heading for ${q.id}`);
  await assertAnnounced(page, 'Correct.', acc.feedback);
  await assertLocked(page);
  return 100;
}

async function goNext(page, n) {
  const last = n === total;
  await tabTo(page, is.control, last ? 'See your results' : 'Next question');
  await page.keyboard.press('Enter');
  const hash = last ? `#/quiz/${quiz.id}/results` : `#/quiz/${quiz.id}/${n + 1}`;
  await page.waitForFunction((h) => location.hash === h, hash);
  await waitFocus(page, 'view-heading', `after moving on from question ${n}:`);
}

e2eTest(env, 'the whole quiz, every question type, can be done with the keyboard alone', async (open, t) => {
  assert.ok(WRONG_FIRST && REVEAL && WRONG_FIRST !== REVEAL, 'quiz.txt has a single-choice and a multiple-response question');
  assert.ok(quiz.confidence && quiz.shuffle, 'quiz.txt asks for sureness and shuffles');
  const types = new Set(quiz.questions.map((q) => q.type));
  assert.deepEqual(ALL_TYPES.filter((t) => !types.has(t)), [], 'quiz.txt has a question of every type');
  refusalShown = false;
  const page = await open();
  // A new learner's seed, and so the order, differs from run to run; the value is reported so that
  // a failure can be repeated with E2E_RANDOM=value.
  const random = process.env.E2E_RANDOM ? Number(process.env.E2E_RANDOM) : Math.random();
  t.diagnostic(`Math.random() fixed at ${random} for the shuffle seed (repeat with E2E_RANDOM=${random})`);
  await fixRandom(page, random);
  await openApp(page, `#/quiz/${quiz.id}`);
  assert.equal(await textOf(page, '#view-heading'), quiz.title);
  assert.match(await textOf(page, 'main'), /With each answer, say how sure you are/);

  await tabTo(page, is.control, 'Start the quiz');
  await page.keyboard.press('Enter');
  await page.waitForFunction((h) => location.hash === h, `#/quiz/${quiz.id}/1`);
  await waitFocus(page, 'view-heading', 'after "Start the quiz":');

  const seen = [];
  // Per question shown: the credit it ends with and its certainty-based mark, as the results count them.
  const credits = [];
  const marks = [];
  // Places (1-based) where the learner ends fairly or very sure but not fully right.
  const sureWrong = [];
  for (let n = 1; n <= total; n++) {
    assert.equal(await textOf(page, '#view-heading'), `Question ${n} of ${total}`);
    assert.equal(await page.title(), `Question ${n} of ${total}: ${quiz.title} – ${course.title}`);
    await assertUnanswered(page, n);
    assert.equal(await sureChecked(page), -1, `question ${n} starts with no sureness chosen`);
    const m = await questionOnScreen(page, quiz);
    seen.push(m.q.id);
    // Vary the sureness: every level is used on questions answered right.
    let level = n % 3;

    if (!CHOICE_TYPES.has(m.q.type)) {
      if (m.q.type === 'ordering') level = FAIRLY;
      if (m.q.type === 'numeric') level = NOT_SURE;
      const answer = { ordering: answerOrdering, matching: answerMatching, categorise: answerCategorise, numeric: answerNumeric, text: answerText }[m.q.type];
      credits.push(await answer(page, m, level));
    } else if (m.q.id === WRONG_FIRST) {
      // Wrong first, "Fairly sure": only the chosen option is explained, then "Try again" clears
      // the choice and refocuses; the sureness stays and is changed to "Very sure" before the right answer.
      const wrong = [m.wrong[m.wrong.length - 1]];
      await choose(page, m, wrong);
      await sayHowSure(page, FAIRLY);
      await check(page);
      await assertSaid(page, false, FAIRLY);
      await assertVerdict(page, 'Not correct', 'Not correct.', m, wrong);
      assert.equal(await page.locator('.feedback-list > li').count(), 1, 'only the chosen option is explained');
      assert.match(await textOf(page, '.option .mark'), /Your choice: not correct\./);
      await tabTo(page, is.control, 'Try again');
      await page.keyboard.press('Enter');
      await waitFocus(page, 'option-0', 'after "Try again":');
      assert.deepEqual(await checkedOptions(page), [], '"Try again" clears the choice');
      assert.equal(await sureChecked(page), FAIRLY, '"Try again" keeps the sureness, to change if wanted');
      assert.equal(await page.locator('#feedback-heading').count(), 0, '"Try again" removes the feedback');
      assert.ok(await page.$$eval('form.question input', (ins) => ins.every((i) => !i.disabled)), 'options are enabled again');
      assert.equal(await announcement(page, (t) => t === 'Answer cleared. Choose again.'), 'Answer cleared. Choose again.');
      await choose(page, m, m.correct);
      level = VERY;
      await sayHowSure(page, level);
      await check(page);
      await assertSaid(page, true, level);
      await assertVerdict(page, 'Correct', 'Correct.', m, m.correct);
      credits.push(100);
    } else if (m.q.id === REVEAL) {
      // Partly right but "Very sure", then "Show the answer": the answer key is shown and focus
      // stays with it. Only a fully right answer counts as right, so the mark is the "very sure" penalty.
      const partial = [m.correct[0]];
      await choose(page, m, partial);
      level = VERY;
      await sayHowSure(page, level);
      await check(page);
      await assertSaid(page, false, level);
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
      await assertSaid(page, false, level);
      // A shown answer keeps the learner's own partial credit.
      credits.push(credit);
    } else {
      await choose(page, m, m.correct);
      await sayHowSure(page, level);
      await check(page);
      await assertSaid(page, true, level);
      await assertVerdict(page, 'Correct', 'Correct.', m, m.correct);
      assert.equal(await page.locator('.feedback-list > li').count(), m.q.options.length, 'a right answer explains every option');
      credits.push(100);
    }
    const right = credits[credits.length - 1] === 100;
    marks.push(cbmMark(right, level));
    if (!right && level !== NOT_SURE) sureWrong.push(n);
    await goNext(page, n);
  }
  assert.ok(refusalShown, 'the refusal to check without a sureness was tried');
  assert.deepEqual([...seen].sort(), quiz.questions.map((q) => q.id).sort(), 'every question of quiz.txt comes once');

  assert.equal(await textOf(page, '#view-heading'), `Results: ${quiz.title}`);
  // The score is the mean credit, rounded down: every question ends fully right except the one
  // whose answer was shown, which keeps its partial credit (the ordering and numeric questions,
  // answered wrong first, count by their final, right answer).
  const revealAt = seen.indexOf(REVEAL) + 1;
  assert.equal(credits.length, total);
  assert.deepEqual(credits.flatMap((c, i) => (c === 100 ? [] : [i + 1])), [revealAt], 'only the shown answer is short of full credit');
  const score = Math.floor(credits.reduce((a, b) => a + b, 0) / total);
  assert.ok(score < 100, 'the shown answer costs marks');
  assert.equal(
    await textOf(page, 'p.score'),
    `Your score: ${score} per cent (${total} of ${total} questions answered; pass mark ${quiz.pass} per cent). ${score >= quiz.pass ? 'You passed.' : 'Not yet a pass.'}`,
  );
  // The overall feedback is the band of quiz.txt for this score.
  const band = bandFor(quiz, score);
  assert.ok(band, 'quiz.txt has a band for the score');
  assert.equal(norm(await textOf(page, 'p.band')), plainSeed(band.text), `the band from ${band.min} per cent is shown`);
  // Certainty-based marking: the total of the marks, out of 3 a question, and the sure-but-wrong list.
  const cbm = marks.reduce((a, b) => a + b, 0);
  const tenths = Math.trunc((cbm * 10) / total);
  const average = `${tenths < 0 ? '-' : ''}${Math.floor(Math.abs(tenths) / 10)}.${Math.abs(tenths) % 10}`;
  assert.deepEqual(sureWrong, [revealAt], 'the only sure-but-wrong answer is the shown one');
  const section = await textOf(page, 'section[aria-labelledby="cbm-heading"]');
  assert.equal(await textOf(page, '#cbm-heading'), 'How well you knew what you knew');
  assert.ok(
    section.includes(`Certainty-based mark: ${cbm} out of a possible ${3 * total} (average ${average} per question).`),
    `the certainty-based total is ${cbm}: "${section}"`,
  );
  assert.ok(
    section.includes(`You were fairly or very sure, but wrong, on question ${sureWrong.join(', ')}.`),
    `the results list question ${sureWrong.join(', ')} as sure but wrong: "${section}"`,
  );
  const statuses = await page.$$eval('main ol.question-list > li', (lis) => lis.map((li) => li.textContent.replace(/\s+/g, ' ').trim()));
  assert.equal(statuses.length, total);
  statuses.forEach((s, i) =>
    assert.equal(s, i + 1 === revealAt ? `Question ${i + 1} → Answer shown (your answer: partly correct)` : `Question ${i + 1} ✓ Correct`),
  );

  // The order is this learner's: shuffled, and the same after a reload in the same browser.
  assert.notDeepEqual(seen, quiz.questions.map((q) => q.id), 'the questions are shuffled');
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#app[data-started] #view-heading');
  assert.deepEqual(await quizOrderOnScreen(page, quiz), seen, 'a reload shows the questions in the same order');
});

e2eTest(env, 'checking with nothing chosen is announced, and Shift+Tab walks back through the controls', async (open) => {
  const page = await open();
  await openApp(page, `#/quiz/${quiz.id}`);
  const n = await placeOf(page, (q) => q.type === 'single', quiz);
  await goHash(page, `#/quiz/${quiz.id}/${n}`);
  assert.equal((await questionOnScreen(page, quiz)).q.type, 'single');
  await tabTo(page, is.control, 'Check answer');
  await page.keyboard.press('Enter');
  // A missing answer is named before a missing sureness.
  assert.equal(await announcement(page, (t) => t !== ''), 'Choose an answer before checking it.');
  assert.equal(await page.locator('#feedback-heading').count(), 0, 'nothing is graded');
  assert.ok(await activeMatches(page, is.control, 'Check answer'), 'focus stays on "Check answer"');
  // Back into the sureness radios, the options, then back out above them to the link to the quiz.
  await tabTo(page, isSure, null, { back: true, max: 1 });
  await tabTo(page, is.option, null, { back: true, max: 1 });
  await tabTo(page, (el) => el.matches('.kicker a'), null, { back: true, max: 1 });
  // And forward again: the options, the sureness radios, then "Check answer".
  await tabTo(page, is.option, null, { max: 1 });
  await page.keyboard.press('Space');
  await tabTo(page, isSure, null, { max: 1 });
  await page.keyboard.press('Space');
  await tabTo(page, is.control, 'Check answer', { max: 1 });
});

e2eTest(env, 'checking a new-type question before it is complete is announced, and nothing is graded', async (open) => {
  const page = await open();
  const messages = {
    matching: 'Match every item before checking.',
    categorise: 'Put every statement in a group before checking.',
    numeric: 'Type a number before checking.',
    text: 'Type an answer before checking.',
  };
  await openApp(page, `#/quiz/${quiz.id}`);
  const order = await quizOrderOnScreen(page, quiz);
  for (const [type, message] of Object.entries(messages)) {
    const n = await placeOf(page, (q) => q.type === type, quiz, order);
    await goHash(page, `#/quiz/${quiz.id}/${n}`);
    assert.equal((await questionOnScreen(page, quiz)).q.type, type);
    await tabTo(page, is.control, 'Check answer');
    await page.keyboard.press('Enter');
    assert.equal(await announcement(page, (t) => t === message), message, `${type}: the announcer says what is missing`);
    assert.equal(await page.locator('#feedback-heading').count(), 0, `${type}: nothing is graded`);
    assert.ok(await activeMatches(page, is.control, 'Check answer'), `${type}: focus stays on "Check answer"`);
  }
});

e2eTest(env, 'after "Move up", focus follows the moved item', async (open) => {
  const page = await open();
  await openApp(page, `#/quiz/${quiz.id}`);
  const n = await placeOf(page, (q) => q.type === 'ordering', quiz);
  await goHash(page, `#/quiz/${quiz.id}/${n}`);
  const { q } = await questionOnScreen(page, quiz);
  assert.equal(q.type, 'ordering');
  const start = await orderOnScreen(page, q);
  // An item away from the top and the place just above it, so that its "Move up" stays enabled.
  const from = start.length > 2 ? 2 : 1;
  const item = start[from];
  await tabToward(page, is.labelled, norm(`Move up: ${plainSeed(q.items[item].label)}`));
  await page.keyboard.press('Space');
  await page.waitForFunction(
    ([sel, pos, want]) => document.querySelectorAll(sel)[pos]?.textContent.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() === want,
    ['form.question ol.order > li .order-label', from - 1, plainSeed(q.items[item].label)],
  );
  assert.ok(
    await activeMatches(page, is.labelled, norm(`Move up: ${plainSeed(q.items[item].label)}`)),
    `focus should stay on "Move up" for the moved item, but is on ${await describeActive(page)}`,
  );
});
