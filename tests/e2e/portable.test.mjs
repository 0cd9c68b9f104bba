// The learner's own pages: the progress code and file carried to another browser (a second
// browser context, with its own storage), reset with confirmation, "practise what you missed",
// the read-only review of a quiz, the learning record and its two downloads, the reflection box
// in a lesson, and axe-core on each of them.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, goHash, textOf, waitFocus, assertAxeClean, assertIdrefsValid,
  quizSeed, scenarioSeed, scenarioPaths, questionOnScreen, CHOICE_TYPES, norm, seedPhrases,
  tabTo, tabToward, is, activeMatches, announcement, playScenario, assertErrorShown, assertErrorGone,
} from './helpers.mjs';

/** The progress page's summary list as "label: value; …" (its rows, in order). */
const summaryText = (page) => page.$$eval('.summary-list > div', (rows) => rows
  .map((r) => `${r.querySelector('dt').textContent.trim()}: ${r.querySelector('dd').textContent.trim()}`)
  .join('; '));

const env = setup();
before(env.start);
after(env.stop);

const quiz = quizSeed();
const sc = scenarioSeed();
const total = quiz.questions.length;
const LESSON = '#/lesson/meaning-lesson';
const REFLECT = '#reflect-meaning-own-words';
const LOADED = 'Progress loaded from the code. Everything in it is back. To go back to what you had, use Undo on this page.';
const DAMAGED = 'Nothing was changed. That progress code is incomplete or has been changed. Copy the whole code again.';
const NOT_PROGRESS = 'Nothing was changed. That is not a progress code from this module.';
const EMPTY_RECORD = 'Nothing recorded yet.';
const CODE_SHAPE = /^hsc3;s=[0-9A-Za-z_-]{6}(;[a-z]=[^;]*)*;k=[0-9a-z]{4}$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/* ------------------------------------------------------------------ helpers for this file */

/**
 * The places (1-based, in this learner's shuffled order) of the first `count` choice questions,
 * found by prompt on screen. Leaves the page on the quiz overview, so that going to any question
 * next is a real view change.
 */
async function choicePlaces(page, count) {
  const places = [];
  for (let n = 1; n <= total && places.length < count; n++) {
    await goHash(page, `#/quiz/${quiz.id}/${n}`);
    const { q: shown } = await questionOnScreen(page, quiz);
    if (CHOICE_TYPES.has(shown.type)) places.push(n);
  }
  assert.equal(places.length, count, `the quiz has ${count} choice questions`);
  await goHash(page, `#/quiz/${quiz.id}`);
  return places;
}

/**
 * Answers the choice question at place `n` with the options `which(m)` picks, at sureness `level`
 * (sure-0..2), and checks it. Returns { id, heading, checked }: the question, its feedback
 * heading and the ids of the inputs chosen.
 */
async function answer(page, n, which, level = 1) {
  await goHash(page, `#/quiz/${quiz.id}/${n}`);
  return answerOnScreen(page, which, level);
}

/** Answers the choice question on screen (quiz or practice) and checks it. */
async function answerOnScreen(page, which, level = 1) {
  const m = await questionOnScreen(page, quiz);
  assert.ok(CHOICE_TYPES.has(m.q.type), `${m.q.id} is a choice question`);
  const chosen = which(m);
  for (const i of chosen) await page.click(`label[for="option-${i}"]`);
  await page.click(`label[for="sure-${level}"]`);
  await page.getByRole('button', { name: 'Check answer' }).click();
  await waitFocus(page, 'feedback-heading', `after checking ${m.q.id}:`);
  return {
    id: m.q.id,
    heading: await textOf(page, '#feedback-heading'),
    checked: chosen.map((i) => `option-${i}`).sort(),
  };
}

/**
 * Empties the live region (it lives outside the app, in index.html), runs `act`, then waits until
 * the live region says something and returns it. Emptying first means an earlier message that
 * happens to be the same cannot pass for the new one.
 */
async function announced(page, act, timeout = 5000) {
  await page.evaluate(() => {
    document.getElementById('announcer').textContent = '';
  });
  await act();
  try {
    await page.waitForFunction(() => document.getElementById('announcer').textContent.trim() !== '', null, { timeout });
  } catch {
    assert.fail('nothing was said in the live region #announcer');
  }
  return textOf(page, '#announcer');
}

async function markLessonRead(page) {
  await goHash(page, LESSON);
  await page.getByRole('button', { name: 'Mark this lesson as read' }).click();
  await page.waitForSelector('button[aria-pressed="true"]');
}

/** Goes to a route, unless the page is on it already (then there is no view change to wait for). */
async function go(page, hash) {
  if ((await page.evaluate(() => location.hash)) !== hash) await goHash(page, hash);
}

/** Writes a reflection in unit 1's lesson and waits until the box says it is saved. */
async function reflect(page, text) {
  await go(page, LESSON);
  await page.fill(REFLECT, text);
  await page.waitForFunction(
    ([sel, n]) => {
      const help = document.getElementById(document.querySelector(sel).getAttribute('aria-describedby'));
      return help?.textContent.startsWith(`${n} of 170 characters. Saved in this browser (`);
    },
    [REFLECT, text.length],
  );
}

async function progressCode(page) {
  await go(page, '#/progress');
  const code = await page.inputValue('#progress-code');
  assert.match(code, CODE_SHAPE, 'the progress code has its documented shape');
  return code;
}

async function recordText(page) {
  await go(page, '#/record');
  return textOf(page, 'main');
}

/** Pastes a code on the "Your progress" page, submits it, and returns what the live region said. */
async function loadCode(page, code) {
  await go(page, '#/progress');
  await page.fill('#paste-code', code);
  return announced(page, () => page.getByRole('button', { name: 'Load this code' }).click());
}

/** A real reload: a new app instance that only knows what this browser stored. */
async function reload(page) {
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#app[data-started] #view-heading', { state: 'attached' });
}

/** Clicks a download link and returns { name, text } of the file the browser saved. */
async function download(page, linkName) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  assert.equal(await dl.failure(), null, `the download "${linkName}" completed`);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8'), dl };
}

/** A day in the browser's own calendar, `offset` days from today, as the app writes dates. */
async function dayInBrowser(page, offset = 0) {
  const { d, m, y, iso } = await page.evaluate((o) => {
    const t = new Date();
    t.setDate(t.getDate() + o);
    const p = (n) => String(n).padStart(2, '0');
    return { d: t.getDate(), m: t.getMonth(), y: t.getFullYear(), iso: `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}` };
  }, offset);
  return { words: `${d} ${MONTHS[m]} ${y}`, iso };
}

/** The ids of the options shown as chosen (their list item has the class "chosen"). */
async function chosenOptions(page) {
  return page.$$eval('form.question li.option.chosen > input[id^="option-"]', (ins) => ins.map((i) => i.id).sort());
}

/** The ids of the option inputs that are checked. */
async function checkedOptions(page) {
  return page.$$eval('form.question input[id^="option-"]', (ins) => ins.filter((i) => i.checked).map((i) => i.id).sort());
}

/** Controls in `main` a learner could change an answer with. */
async function answerControls(page) {
  return page.$$eval('main input, main select, main textarea, main button, main [contenteditable="true"]', (els) =>
    els.map((e) => `<${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}> ${e.textContent.trim()}`),
  );
}

/**
 * Learner A's work in unit 1: one choice question right (very sure), one wrong (fairly sure),
 * the lesson read, a reflection written, and the scenario played to an ending.
 */
async function doSomeWork(page, reflection) {
  const [first, second] = await choicePlaces(page, 2);
  const right = await answer(page, first, (m) => m.correct, 2);
  assert.match(right.heading, /Correct$/);
  const wrong = await answer(page, second, (m) => [m.wrong[0]], 1);
  assert.match(wrong.heading, /Not correct$/);
  await markLessonRead(page);
  await reflect(page, reflection);
  const route = scenarioPaths(sc)[0];
  await playScenario(page, sc, route);
  return { first, second, right, wrong, route };
}

/** The record shows everything doSomeWork did, dated today. */
async function assertRecordOfWork(page, work, reflection) {
  const text = await recordText(page);
  const today = await dayInBrowser(page);
  for (const part of [
    `Made on ${today.words}.`,
    'Lesson read:',
    'Reflection:',
    `You wrote${reflection.replace(/\s+/g, ' ')}`,
    'Your answer',
    'Result',
    'Correct',
    'Not correct',
    'How sure you wereVery sure',
    'How sure you wereFairly sure',
    'Feedback',
    `Scenario: ${sc.title}`,
    `Endings reached${sc.endings.get(work.route.ending).title}`,
    'Your latest route1. ',
  ]) {
    assert.ok(text.includes(part), `the record shows "${part}":\n${text}`);
  }
  assert.ok(!text.includes(EMPTY_RECORD), 'the record is not empty');
  // Two questions, the lesson, the reflection and the scenario: five entries, all dated today.
  const dates = await page.$$eval('main article.record-entry time', (ts) => ts.map((t) => [t.getAttribute('datetime'), t.textContent]));
  assert.equal(await page.locator('main article.record-entry').count(), 5, 'five entries in the record');
  assert.deepEqual(dates, Array(5).fill([today.iso, today.words]), 'every entry is dated today');
  return text;
}

/* ------------------------------------------------------------------ tests */

e2eTest(env, 'a progress code taken in one browser restores the same progress in another', async (open) => {
  const a = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  await openApp(a, '#/');
  // Two lines: the code carries the line break.
  const reflection = 'Integration means the person sees one service,\nwhoever pays for it.';
  const work = await doSomeWork(a, reflection);
  const recordA = await assertRecordOfWork(a, work, reflection);

  // "Your progress" is in the header nav; its summary counts what was done.
  await goHash(a, '#/');
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your progress' }).click();
  await waitFocus(a, 'view-heading', 'after following the nav link:');
  assert.equal(a.url().split('#')[1], '/progress');
  assert.equal(await textOf(a, '#view-heading'), 'Your progress');
  assert.match(await summaryText(a), /^Lessons read: 1 of \d+; Questions answered: 2 of \d+; Scenario endings reached: 1 of \d+; Reflections written: 1$/);
  const code = await a.inputValue('#progress-code');
  assert.match(code, CODE_SHAPE);
  assert.equal(await a.$eval('#progress-code', (t) => t.readOnly), true, 'the code box is read-only');
  assert.ok(code.includes(reflection), 'the reflection travels in the code');

  // "Copy the code": the code box gets focus with the whole code selected, and the clipboard
  // holds it (or, where the browser refuses to copy, the learner is told to copy the selection).
  const said = await announced(a, () => a.getByRole('button', { name: 'Copy the code' }).click());
  assert.match(said, /^(Progress code copied\. |The code is selected: press Control and C)/);
  assert.deepEqual(
    await a.evaluate(() => [document.activeElement.id, document.activeElement.selectionStart, document.activeElement.selectionEnd]),
    ['progress-code', 0, code.length],
    'the whole code is selected in the focused code box',
  );
  if (said.startsWith('Progress code copied')) {
    assert.equal(await a.evaluate(() => navigator.clipboard.readText()), code, 'the clipboard holds the code');
  }

  // Another browser, with its own storage, starts with nothing.
  const b = await open();
  await openApp(b, '#/record');
  assert.ok((await textOf(b, 'main')).includes(EMPTY_RECORD));
  const blankB = await progressCode(b);
  assert.notEqual(blankB, code);

  // A damaged code (the end of it lost) is refused and changes nothing.
  assert.equal(await loadCode(b, code.slice(0, -3)), DAMAGED);
  assert.equal(await b.inputValue('#progress-code'), blankB, 'the damaged code changed nothing');
  // Shown beside the box, not only spoken (WCAG 3.3.1); the pasted code stays for mending.
  assert.equal(await assertErrorShown(b, '#paste-code', 'paste-error'), DAMAGED);
  assert.equal(await b.inputValue('#paste-code'), code.slice(0, -3), 'the pasted code is kept');
  // So is something that is not a progress code at all.
  assert.equal(await loadCode(b, 'my progress, please'), NOT_PROGRESS);
  assert.equal(await assertErrorShown(b, '#paste-code', 'paste-error'), NOT_PROGRESS);
  assert.equal(await b.inputValue('#progress-code'), blankB);
  assert.ok((await recordText(b)).includes(EMPTY_RECORD));

  // The whole code loads: the record is the same, word for word (dates included).
  assert.equal(await loadCode(b, code), LOADED);
  await assertErrorGone(b, '#paste-code', 'paste-error');
  assert.equal(await b.inputValue('#progress-code'), code, 'B now holds exactly the progress in the code');
  assert.equal(await recordText(b), recordA, "B's record is A's");

  // The learner's question and option order came with the code: the same questions at the same
  // places, with the same options chosen and the same feedback.
  for (const [place, expected] of [[work.first, work.right], [work.second, work.wrong]]) {
    await goHash(b, `#/quiz/${quiz.id}/${place}`);
    assert.equal((await questionOnScreen(b, quiz)).q.id, expected.id, `question ${place} is the same question`);
    assert.equal(await textOf(b, '#feedback-heading'), expected.heading, `question ${place} shows the same feedback`);
    assert.deepEqual(await chosenOptions(b), expected.checked, `question ${place} marks the same options as chosen`);
    // The inputs themselves are checked too, moving inside the app (each question's radios are
    // its own, never reused from the question before) and after a reload.
    assert.deepEqual(await checkedOptions(b), expected.checked, `question ${place} has the same options checked`);
    await reload(b);
    assert.deepEqual(await checkedOptions(b), expected.checked, `question ${place} has the same options checked after a reload`);
  }
  await goHash(b, LESSON);
  assert.equal(await b.inputValue(REFLECT), reflection, 'the reflection is back in its box');
  assert.equal(await b.getAttribute('button[aria-pressed]', 'aria-pressed'), 'true', 'the lesson is marked read');

  // It was saved in B: after a reload everything is still there.
  await goHash(b, '#/record');
  await reload(b);
  assert.equal(await textOf(b, 'main'), recordA, "after a reload B's record is still A's");
  assert.equal(await progressCode(b), code);

  // A damaged code now must not wipe what B holds.
  assert.equal(await loadCode(b, code.slice(0, -3)), DAMAGED);
  assert.equal(await b.inputValue('#progress-code'), code);
  assert.equal(await recordText(b), recordA);
});

e2eTest(env, 'a progress file downloaded in one browser loads in another', async (open) => {
  const a = await open();
  await openApp(a, '#/');
  // Over two lines: the line break travels inside the code, and the file still loads whole.
  const reflection = 'Joined-up care is judged by the person,\nnot by the organisations.';
  const work = await doSomeWork(a, reflection);
  const recordA = await assertRecordOfWork(a, work, reflection);
  const code = await progressCode(a);
  const today = await dayInBrowser(a);

  const file = await download(a, 'Download as a file');
  assert.equal(file.name, `hsc-progress-${today.iso}.txt`);
  const lines = file.text.split('\n');
  assert.ok(file.text.endsWith(`\n\n${code}\n`), `the file ends with the code, after a blank line:\n${file.text}`);
  assert.ok(code.includes(reflection), 'the reflection, line break and all, is in the code');
  assert.match(lines[0], new RegExp(`^Progress code for the module “.+”, saved on ${today.words}\\.$`));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsc-progress-'));
  try {
    const saved = path.join(dir, file.name);
    await file.dl.saveAs(saved);
    assert.equal(fs.readFileSync(saved, 'utf8'), file.text);

    const b = await open();
    await openApp(b, '#/progress');
    const blankB = await b.inputValue('#progress-code');

    // A file that holds no progress code is refused.
    const junk = path.join(dir, 'shopping.txt');
    fs.writeFileSync(junk, 'eggs\nmilk\n');
    assert.equal(await announced(b, () => b.setInputFiles('#progress-file', junk)), NOT_PROGRESS);
    assert.equal(await b.inputValue('#progress-code'), blankB, 'a file without a code changed nothing');
    assert.equal(await assertErrorShown(b, '#progress-file', 'file-error'), NOT_PROGRESS);
    assert.equal(await b.locator('#paste-error').count(), 0, 'shown by the file input, not the box');

    // The progress file brings everything back.
    assert.equal(await announced(b, () => b.setInputFiles('#progress-file', saved)), LOADED);
    await assertErrorGone(b, '#progress-file', 'file-error');
    assert.equal(await b.inputValue('#progress-code'), code);
    assert.equal(await b.inputValue('#progress-file'), '', 'the file input is emptied, ready for another file');
    assert.equal(await recordText(b), recordA, "B's record is A's");
    await reload(b);
    assert.equal(await textOf(b, 'main'), recordA, 'and it was saved in B');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

e2eTest(env, 'resetting progress asks first: "No, keep it" keeps it, "Yes" deletes it for good', async (open) => {
  const page = await open();
  await openApp(page, '#/');
  await markLessonRead(page);
  await reflect(page, 'Something worth keeping.');
  const [first] = await choicePlaces(page, 1);
  await answer(page, first, (m) => [m.wrong[0]]);
  const record = await recordText(page);
  assert.ok(!record.includes(EMPTY_RECORD));
  const code = await progressCode(page);
  const seed = code.match(/;s=([^;]+)/)[1];

  const ask = async () => {
    await page.getByRole('button', { name: 'Reset my progress…' }).click();
    await waitFocus(page, 'reset-question', 'when the reset confirmation opens:');
    assert.match(await textOf(page, '#reset-question'), /^Delete all your progress in this module\?/);
    const group = page.getByRole('group', { name: /^Delete all your progress in this module\?/ });
    assert.equal(await group.getByRole('button').count(), 2);
    assert.equal(await page.getByRole('button', { name: 'Reset my progress…' }).count(), 0, 'the confirmation replaces the button');
  };

  // "No, keep it": nothing is deleted.
  await ask();
  assert.equal(await announced(page, () => page.getByRole('button', { name: 'No, keep it' }).click()), 'Nothing was deleted.');
  await page.getByRole('button', { name: 'Reset my progress…' }).waitFor();
  await waitFocus(page, 'reset-button', 'after "No, keep it", focus returns to the reset button:');
  assert.equal(await page.locator('#reset-question').count(), 0, 'the confirmation is closed');
  assert.equal(await page.inputValue('#progress-code'), code, 'the progress is unchanged');
  assert.equal(await recordText(page), record);

  // "Yes, delete my progress": all gone, here and in storage.
  await goHash(page, '#/progress');
  await ask();
  assert.equal(
    await announced(page, () => page.getByRole('button', { name: 'Yes, delete my progress' }).click()),
    'Your progress has been deleted. You are starting afresh. Until you leave this page, Undo puts it back.',
  );
  assert.equal(await page.locator('#reset-question').count(), 0);
  await waitFocus(page, 'reset-button', 'after "Yes, delete", focus returns to the reset button:');
  const cleared = await page.inputValue('#progress-code');
  assert.match(cleared, /^hsc3;s=[0-9A-Za-z_-]{6};k=[0-9a-z]{4}$/, 'the code holds nothing but the seed');
  assert.equal(cleared.match(/;s=([^;]+)/)[1], seed, 'the learner keeps their question order');
  assert.match(await summaryText(page), /^Lessons read: 0 of \d+; Questions answered: 0 of \d+; Scenario endings reached: 0 of \d+; Reflections written: 0$/);
  assert.ok((await recordText(page)).includes(EMPTY_RECORD));

  // Changed your mind? Until the page is left, "Undo" puts it all back (and saves it).
  await goHash(page, '#/progress');
  assert.equal(
    await announced(page, () => page.getByRole('button', { name: 'Undo: put my earlier progress back' }).click()),
    'Undone: your progress is as it was before.',
  );
  assert.equal(await page.inputValue('#progress-code'), code, 'the earlier progress is back');
  assert.equal(await page.locator('#undo-notice').count(), 0, 'nothing more to undo');
  assert.equal(await recordText(page), record);
  // Delete again, for good this time: after a reload there is nothing to undo.
  await goHash(page, '#/progress');
  await ask();
  await page.getByRole('button', { name: 'Yes, delete my progress' }).click();
  await waitFocus(page, 'reset-button');
  assert.equal(await page.inputValue('#progress-code'), cleared);

  await reload(page);
  assert.equal(await page.locator('#undo-notice').count(), 0, 'the undo lasts only while the page is open');
  assert.ok((await recordText(page)).includes(EMPTY_RECORD), 'still empty after a reload');
  assert.equal(await progressCode(page), cleared);
  await goHash(page, LESSON);
  assert.equal(await page.inputValue(REFLECT), '', 'the reflection is gone');
  assert.equal(await page.getAttribute('button[aria-pressed]', 'aria-pressed'), 'false');
});

e2eTest(env, 'a missed question comes back for practice, and tomorrow after a right answer', async (open) => {
  const page = await open();
  await openApp(page, '#/practice');
  assert.equal(await textOf(page, '#view-heading'), 'Practise what you missed');
  assert.ok((await textOf(page, 'main')).includes('Nothing is due now. Questions you miss in a quiz will appear here.'));

  const [first, second] = await choicePlaces(page, 2);
  const missed = await answer(page, first, (m) => [m.wrong[0]]);
  assert.match(missed.heading, /Not correct$/);
  await answer(page, second, (m) => m.correct); // right in the quiz: not for practice

  // The home page points to it.
  await goHash(page, '#/');
  await page.getByRole('link', { name: 'Practise what you missed (1 due)' }).click();
  await waitFocus(page, 'view-heading', 'after following the practice link:');
  assert.equal(page.url().split('#')[1], '/practice');
  assert.ok((await textOf(page, 'main strong')).startsWith('1 question due now.'), await textOf(page, 'main'));
  await page.getByRole('button', { name: 'Start practising' }).click();
  await waitFocus(page, 'view-heading', 'when practice starts:');
  await page.waitForSelector('form.question');
  assert.match(await textOf(page, 'main p.meta'), /^From .+\. 1 question due now\.$/);

  // The missed question, fresh (nothing chosen, nothing checked), answered right, fairly sure.
  assert.equal((await questionOnScreen(page, quiz)).q.id, missed.id, 'the missed question is asked');
  assert.deepEqual(await checkedOptions(page), [], 'its answer starts afresh');
  assert.deepEqual(await chosenOptions(page), []);
  assert.equal(await page.locator('#feedback-heading').count(), 0);
  const said = await announced(page, async () => {
    const res = await answerOnScreen(page, (m) => m.correct, 1);
    assert.match(res.heading, /Correct$/);
  });
  assert.ok(said.endsWith('It comes back for practice tomorrow.'), `the live region says when it comes back: "${said}"`);
  assert.equal(await textOf(page, '.practice-note'), 'It comes back for practice tomorrow.', 'and the page shows it');
  assert.equal(await page.getByRole('button', { name: 'Next question' }).count(), 0, 'nothing else is due');

  await page.getByRole('button', { name: 'Finish' }).click();
  await waitFocus(page, 'view-heading', 'after Finish:');
  await page.waitForSelector('form.question', { state: 'detached' });
  const tomorrow = await dayInBrowser(page, 1);
  const paragraphs = await page.$$eval('main p', (ps) => ps.map((p) => p.textContent.replace(/\s+/g, ' ').trim()));
  assert.ok(
    paragraphs.includes(`Nothing is due now. 1 question is waiting; the next comes back on ${tomorrow.words}.`),
    `the overview says when the question comes back:\n${paragraphs.join('\n')}`,
  );
  assert.equal(await page.getByRole('button', { name: 'Start practising' }).count(), 0);

  // The schedule is kept: after a reload it is still tomorrow's, and the home page offers no practice.
  await reload(page);
  assert.ok((await textOf(page, 'main')).includes(`the next comes back on ${tomorrow.words}.`));
  await goHash(page, '#/');
  assert.equal(await page.getByRole('link', { name: /^Practise what you missed/ }).count(), 0);
});

e2eTest(env, 'the review of a quiz is read-only, and the record downloads as HTML and Markdown', async (open) => {
  const page = await open();
  await openApp(page, '#/');
  const [first, second] = await choicePlaces(page, 2);
  const right = await answer(page, first, (m) => m.correct, 2);
  const wrong = await answer(page, second, (m) => [m.wrong[0]], 0);

  await goHash(page, `#/quiz/${quiz.id}/results`);
  await page.getByRole('link', { name: 'Review your answers' }).click();
  await waitFocus(page, 'view-heading', 'after following "Review your answers":');
  assert.equal(page.url().split('#')[1], `/quiz/${quiz.id}/review`);
  assert.equal(await textOf(page, '#view-heading'), `Review: ${quiz.title}`);
  assert.ok((await textOf(page, 'main')).includes(`Your answers to 2 of the ${total} questions, as you left them`));
  assert.deepEqual(await answerControls(page), [], 'nothing on the review page can change an answer');
  const entries = await page.$$eval('main article.record-entry', (as) =>
    as.map((a) => ({
      title: a.querySelector('h3').textContent,
      lines: Object.fromEntries([...a.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
    })),
  );
  assert.equal(entries.length, 2);
  // Numbered as in quiz.txt (not in the learner's shuffled order), each titled with its prompt.
  const byId = new Map([[right.id, 'Correct'], [wrong.id, 'Not correct']]);
  const numbers = entries.map((e) => Number(/^Question (\d+): /.exec(e.title)?.[1]));
  assert.deepEqual(
    numbers,
    [right.id, wrong.id].map((id) => quiz.questions.findIndex((q) => q.id === id) + 1).sort((x, y) => x - y),
    'the two answered questions, in quiz.txt order',
  );
  for (const [k, e] of entries.entries()) {
    const q = quiz.questions[numbers[k] - 1];
    const id = q.id;
    assert.ok(seedPhrases(q.prompt, 10).every((ph) => norm(e.title).includes(ph)), `entry ${k + 1} is titled with the prompt of ${id}`);
    assert.equal(e.lines.Result, byId.get(id), `${id}: its result`);
    assert.equal(e.lines['How sure you were'], id === right.id ? 'Very sure' : 'Not sure');
    assert.ok(e.lines['Your answer'], `${id}: its answer`);
    assert.ok(e.lines.Feedback, `${id}: its feedback`);
  }
  await page.getByRole('link', { name: 'Back to the quiz' }).waitFor();

  // The reflection box keeps at most 170 characters, and says how many are used.
  await goHash(page, LESSON);
  assert.equal(await page.getAttribute(REFLECT, 'maxlength'), '170');
  assert.equal(await page.getAttribute(REFLECT, 'aria-describedby'), 'reflect-meaning-own-words-help');
  await page.focus(REFLECT);
  await page.keyboard.insertText('x'.repeat(200));
  assert.equal((await page.inputValue(REFLECT)).length, 170);
  await page.waitForFunction(() => document.getElementById('reflect-meaning-own-words-help').textContent.startsWith('170 of 170 characters. Saved in this browser ('));

  // The record and its downloads.
  const reflection = 'Care <joined up> for the person & their carer, "not" the system.';
  await reflect(page, reflection);
  await goHash(page, '#/record');
  const today = await dayInBrowser(page);

  const html = await download(page, 'Download as a web page (HTML)');
  assert.equal(html.name, `learning-record-${today.iso}.html`);
  assert.match(html.text, /^<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>My learning record<\/title>/);
  assert.match(html.text, /<\/body>\n<\/html>\n$/);
  assert.ok(html.text.includes('<h1>My learning record</h1>'));
  assert.ok(html.text.includes('Care &lt;joined up&gt; for the person &amp; their carer, &quot;not&quot; the system.'), 'the reflection, escaped');
  // Opened in a browser, it shows the reflection as written.
  const viewer = await open();
  await viewer.setContent(html.text);
  assert.equal(await viewer.title(), 'My learning record');
  const shown = await textOf(viewer, 'body');
  assert.ok(shown.includes(reflection), `the page shows the reflection as written:\n${shown}`);
  assert.ok(shown.includes(`made on ${today.words}`));
  assert.equal(await viewer.locator('article').count(), 3, 'the reflection and the two questions');
  assert.equal(await viewer.locator('script').count(), 0);

  const md = await download(page, 'Download as Markdown');
  assert.equal(md.name, `learning-record-${today.iso}.md`);
  assert.ok(md.text.startsWith('# My learning record\n\n'), md.text.slice(0, 80));
  assert.ok(md.text.includes('\n## Unit 1: '));
  assert.ok(md.text.includes('- **You wrote:** Care \\<joined up\\> for the person & their carer, "not" the system.'), md.text);
  assert.ok(md.text.includes('- **Result:** Not correct'));
  assert.ok(md.text.includes(`*${today.words}*`));
});

e2eTest(env, 'axe-core finds nothing on the progress, record, practice and review pages', async (open, t) => {
  const page = await open();
  const state = (name, fn) => t.test(name, async () => {
    await fn?.();
    await assertAxeClean(page, name);
    await assertIdrefsValid(page, name);
  });
  await openApp(page, '#/');
  const [first, second] = await choicePlaces(page, 2);

  await state('progress page, nothing done', () => goHash(page, '#/progress'));
  await state('record, nothing recorded', () => goHash(page, '#/record'));
  await state('practice, nothing due', () => goHash(page, '#/practice'));
  await state('lesson with a reflection written', async () => {
    await reflect(page, 'Working together so that the person does not have to.');
  });
  await state('progress page', async () => {
    await answer(page, first, (m) => [m.wrong[0]]);
    await answer(page, second, (m) => m.correct);
    await goHash(page, '#/progress');
  });
  await state('progress page, reset confirmation open', async () => {
    await page.getByRole('button', { name: 'Reset my progress…' }).click();
    await waitFocus(page, 'reset-question');
  });
  await state('record with content', () => goHash(page, '#/record'));
  await state('review page', () => goHash(page, `#/quiz/${quiz.id}/review`));
  await state('practice overview, one due', async () => {
    await goHash(page, '#/practice');
    await page.getByRole('button', { name: 'Start practising' }).waitFor();
  });
  await state('practice question, unanswered', async () => {
    await page.getByRole('button', { name: 'Start practising' }).click();
    await page.waitForSelector('form.question');
  });
  await state('practice question, checked', async () => {
    await answerOnScreen(page, (m) => m.correct);
  });
  await state('practice overview, nothing due', async () => {
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.waitForSelector('form.question', { state: 'detached' });
  });
});

e2eTest(env, 'with the keyboard alone: write a reflection, take the code, load it elsewhere, and answer the reset question', async (open) => {
  const a = await open();
  await openApp(a, LESSON);
  await tabToward(a, is.id, 'reflect-meaning-own-words', { max: 200 });
  await a.keyboard.type('Typed without a mouse.');
  await a.waitForFunction(() => document.getElementById('reflect-meaning-own-words-help').textContent.startsWith('22 of'));
  await goHash(a, '#/progress');
  await tabTo(a, is.control, 'Copy the code');
  await a.keyboard.press('Enter');
  assert.match(await announcement(a, (t) => /^(Progress code copied|The code is selected)/.test(t)), /^(Progress code copied|The code is selected)/);
  const code = await a.inputValue('#progress-code');
  assert.ok(code.includes('Typed without a mouse.'));

  const b = await open();
  await openApp(b, '#/progress');
  await tabTo(b, is.id, 'paste-code');
  await b.keyboard.insertText(code);
  await tabTo(b, is.control, 'Load this code');
  await b.keyboard.press('Enter');
  assert.equal(await announcement(b, (t) => t === LOADED), LOADED);
  assert.equal(await b.inputValue('#progress-code'), code);

  // Reset by keyboard: Enter opens the question (focused), Tab reaches the answers, and focus
  // comes back to the reset button either way.
  await tabToward(b, is.control, 'Reset my progress…');
  await b.keyboard.press('Enter');
  await waitFocus(b, 'reset-question', 'the question takes focus:');
  await tabTo(b, is.control, 'No, keep it');
  await b.keyboard.press('Enter');
  await waitFocus(b, 'reset-button', 'after "No, keep it":');
  assert.equal(await b.inputValue('#progress-code'), code, 'nothing was deleted');
  await b.keyboard.press('Enter');
  await waitFocus(b, 'reset-question');
  await tabTo(b, is.control, 'Yes, delete my progress');
  await b.keyboard.press('Enter');
  await waitFocus(b, 'reset-button', 'after "Yes, delete my progress":');
  assert.notEqual(await b.inputValue('#progress-code'), code, 'the progress is gone');
  assert.ok(await activeMatches(b, is.control, 'Reset my progress…'));
});

e2eTest(env, 'the learning record prints without the menus, buttons or notices', async (open) => {
  const page = await open();
  await page.addInitScript(() => {
    // A failing write, so the storage notice is on the page too.
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openApp(page, LESSON);
  await page.fill(REFLECT, 'Printed for my portfolio.');
  await goHash(page, '#/record');
  const visible = (sel) =>
    page.$$eval(sel, (els) => els.filter((e) => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0).length);
  assert.ok((await visible('.site-header nav')) > 0 && (await visible('#storage-notice')) > 0, 'on screen: menus and notice');
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.site-header nav', '.site-footer', '#storage-notice', '.crumbs', 'main .actions', 'main .no-print', '.skip-link']) {
    assert.equal(await visible(sel), 0, `${sel} is not printed`);
  }
  assert.equal(await visible('.record-entry'), 1, 'the entry is printed');
  assert.match(await textOf(page, '.record-entry'), /Printed for my portfolio\./);
  assert.equal(await visible('#view-heading'), 1);
});
