// Progress is kept in this browser's storage: after a reload the home page (and the unit page)
// still show what was done, and a browser with fresh storage shows nothing done.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, goHash, textOf, waitFocus, questionOnScreen, assertAxeClean,
  courseSeed, quizSeed, scenarioSeed, quizOrderOnScreen, CHOICE_TYPES, playScenario, announcement,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const course = courseSeed();
const quiz = quizSeed();
const sc = scenarioSeed();
const total = quiz.questions.length;

/** The progress lines of the unit card on the home page (or the unit page's list). */
async function progressLines(page) {
  return page.evaluate(() => {
    // On the home page, the first unit's card; on a unit page, its one list.
    const scope = document.querySelector('main ol.cards > li') ?? document.querySelector('main');
    return [...scope.querySelectorAll('ul.progress-list > li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
  });
}

/** The places (1-based) of the choice questions in this learner's shuffled quiz, found by prompt. */
async function choicePlaces(page) {
  const order = await quizOrderOnScreen(page, quiz);
  const type = (id) => quiz.questions.find((q) => q.id === id).type;
  return order.flatMap((id, i) => (CHOICE_TYPES.has(type(id)) ? [i + 1] : []));
}

/** Answers the choice question at place `n` with the options `which(m)` picks, "Fairly sure". */
async function answer(page, n, which) {
  await goHash(page, `#/quiz/${quiz.id}/${n}`);
  const m = await questionOnScreen(page, quiz);
  for (const i of which(m)) await page.click(`label[for="option-${i}"]`);
  await page.click('label[for="sure-1"]');
  await page.getByRole('button', { name: 'Check answer' }).click();
  await waitFocus(page, 'feedback-heading');
}

e2eTest(env, 'progress survives a reload and shows on the home page', async (open) => {
  const page = await open();
  await openApp(page, '#/');
  assert.deepEqual(await progressLines(page), [
    'Lesson: ○ not read yet',
    `Quiz: ○ 0 of ${total} answered correctly`,
    `Scenario “${sc.title}”: ○ not played yet`,
  ]);

  // One right answer, one wrong one (which must not count), the lesson read, one ending reached.
  const [first, second] = await choicePlaces(page);
  await answer(page, first, (m) => m.correct);
  assert.match(await textOf(page, '#feedback-heading'), /Correct$/);
  await answer(page, second, (m) => [m.wrong[0]]);
  assert.match(await textOf(page, '#feedback-heading'), /Not correct$/);
  await goHash(page, '#/lesson/meaning-lesson');
  await page.getByRole('button', { name: 'Mark this lesson as read' }).click();
  await page.waitForSelector('button[aria-pressed="true"]');
  await playScenario(page, sc);

  // A real reload of the home page: a new app instance that can only know what was stored.
  await goHash(page, '#/');
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#app[data-started] #view-heading');
  assert.equal(await textOf(page, '#view-heading'), course.title);
  const expected = [
    'Lesson: ✓ read',
    `Quiz: ○ 1 of ${total} answered correctly`,
    `Scenario “${sc.title}”: ✓ 1 of ${sc.endings.size} endings reached`,
  ];
  assert.deepEqual(await progressLines(page), expected);
  assert.ok(
    await page.evaluate((id) => localStorage.getItem(`hsc:${id}:progress`) !== null, course.id),
    'progress is stored under the course key',
  );

  // The unit page reads the same stored progress.
  await goHash(page, '#/unit/meaning');
  assert.deepEqual(await progressLines(page), expected);

  // A browser with its own, empty storage starts from nothing.
  const other = await open();
  await openApp(other, '#/');
  assert.deepEqual(await progressLines(other), [
    'Lesson: ○ not read yet',
    `Quiz: ○ 0 of ${total} answered correctly`,
    `Scenario “${sc.title}”: ○ not played yet`,
  ]);
});

e2eTest(env, 'when the browser refuses storage, the page says progress will not be kept', async (open) => {
  const page = await open();
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openApp(page, '#/');
  await page.waitForSelector('[role="note"]', { timeout: 5000 });
  assert.match(await textOf(page, '[role="note"]'), /^Your progress will not be kept here\./);
  await assertAxeClean(page, 'storage refused notice');
  // Everything else still works: a question can be answered.
  const [first] = await choicePlaces(page);
  await answer(page, first, (m) => m.correct);
  assert.match(await textOf(page, '#feedback-heading'), /Correct$/);
});

e2eTest(env, 'when storage fails during a visit, the notice appears and is said in the live region (WCAG 4.1.3)', async (open) => {
  const page = await open();
  await openApp(page, '#/');
  const [first, second] = await choicePlaces(page);
  await answer(page, first, (m) => m.correct);
  assert.equal(await page.locator('#storage-notice').count(), 0, 'saving works at first');
  // The browser stops letting the page save (a full disk, a setting changed in another window).
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  // The next change to save (choosing an option) finds it out.
  await goHash(page, `#/quiz/${quiz.id}/${second}`);
  const m = await questionOnScreen(page, quiz);
  await page.click(`label[for="option-${m.wrong[0]}"]`);
  await page.waitForSelector('#storage-notice', { timeout: 5000 });
  assert.match(await textOf(page, '#storage-notice'), /^Your progress will not be kept here\./);
  const said = 'Your progress can no longer be kept in this browser: saving has been blocked or storage is full. To keep your work, take a progress code from the \u201cYour progress\u201d page before you leave.';
  assert.equal(await announcement(page, (t) => t === said), said);
  await assertAxeClean(page, 'storage failed during the visit');
});
