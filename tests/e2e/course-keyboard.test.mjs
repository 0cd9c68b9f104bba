// The whole course with the keyboard alone, from a fresh load (WCAG 2.1.1): for every unit, from
// the home page by Tab and Enter to the unit, its lesson (marked as read), its quiz (every question
// answered right, with a sureness, by Tab, Space, arrow keys and typing, through to the results)
// and its scenario (played to an ending); then home, where every unit is done. No clicks, no
// programmatic focus, no filling: only the keyboard moves and acts. Focus is never lost to the
// page after a view change. Right answers come from the compiled course (target/course.json), and
// each question is found on screen by its prompt, since the order is the learner's own.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, textOf, waitFocus, tabTo, tabToward, activeMatches, is, norm, plainSeed,
  courseJson, quizSeed, scenarioSeed, scenarioPaths, seedPhrases, questionOnScreen, orderOnScreen, isSure,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const course = courseJson();

/** Tab (or Shift+Tab) to a link or button with exactly this text, and press Enter. */
async function follow(page, text) {
  await tabToward(page, is.control, text, { max: 80 });
  await page.keyboard.press('Enter');
}

/** After a view change, focus is on the new view's heading, never left on the page itself. */
async function arrived(page, what) {
  await waitFocus(page, 'view-heading', `${what}:`);
}

/** Chooses the option inputs `wanted` (rendered indices): radios by arrows, checkboxes by Space. */
async function chooseOptions(page, m) {
  await tabTo(page, is.option);
  if (m.type === 'radio') {
    for (let i = 0; i < m.correct[0]; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
  } else {
    for (let i = 0; i < m.dom.length; i++) {
      if (i > 0) await tabTo(page, is.id, `option-${i}`, { max: 2 });
      if (m.correct.includes(i)) await page.keyboard.press('Space');
    }
  }
}

/** Ordering by "Move up" until every item is in its place. */
async function arrange(page, q) {
  for (let want = 0; want < q.items.length; want++) {
    for (;;) {
      const at = (await orderOnScreen(page, q)).indexOf(want);
      if (at === want) break;
      const sel = 'form.question ol.order > li .order-label';
      const moving = await page.$$eval(sel, (els, a) => els[a].textContent, at);
      await tabToward(page, is.labelled, norm(`Move up: ${plainSeed(q.items[want].label)}`));
      await page.keyboard.press('Space');
      await page.waitForFunction(([s, pos, label]) => document.querySelectorAll(s)[pos]?.textContent === label, [sel, at - 1, moving]);
    }
  }
}

/** Answers the question on screen rightly with the keyboard, says "Fairly sure" if asked, checks. */
async function answer(page, quiz) {
  const m = await questionOnScreen(page, quiz);
  const { q } = m;
  if (m.type === 'radio' || m.type === 'checkbox') {
    await chooseOptions(page, m);
  } else if (q.type === 'ordering') {
    await arrange(page, q);
  } else if (q.type === 'matching') {
    for (let i = 0; i < q.pairs.length; i++) {
      await tabTo(page, is.id, `option-${i}`, { max: 3 });
      const t = q.targets.indexOf(q.pairs[i].match);
      for (let k = 0; k <= t; k++) await page.keyboard.press('ArrowDown');
    }
  } else if (q.type === 'categorise') {
    for (let i = 0; i < q.statements.length; i++) {
      await tabTo(page, is.id, `option-${i}`, { max: 3 });
      const g = q.groups.indexOf(q.statements[i].group);
      if (g === 0) await page.keyboard.press('Space');
      for (let k = 0; k < g; k++) await page.keyboard.press('ArrowRight');
    }
  } else if (q.type === 'numeric') {
    await tabTo(page, is.id, 'option-0');
    await page.keyboard.type(q.units.length ? `${q.answer} ${q.units[0]}` : q.answer);
  } else if (q.type === 'text') {
    await tabTo(page, is.id, 'option-0');
    await page.keyboard.type(q.accepts[0].text);
  } else {
    assert.fail(`${q.id}: type ${q.type} unknown to this test`);
  }
  if (quiz.confidence) {
    await tabToward(page, isSure, null, { max: 40 });
    const at = Number((await page.evaluate(() => document.activeElement.id)).slice('sure-'.length));
    if (at < 1) await page.keyboard.press('ArrowDown');
    else if (at > 1) await page.keyboard.press('ArrowUp');
    else await page.keyboard.press('Space');
  }
  await tabToward(page, is.control, 'Check answer');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'feedback-heading', `after checking ${q.id}:`);
  assert.equal(norm(await textOf(page, '#feedback-heading')), 'correct', `${q.id} (${q.type}) answered right by keyboard`);
}

e2eTest(env, 'the whole course, every unit, can be completed with the keyboard alone from a fresh load', async (open, t) => {
  const page = await open({ viewport: { width: 1280, height: 800 } });
  await openApp(page, '#/');
  const started = Date.now();
  let questions = 0;
  for (const [u, unit] of course.units.entries()) {
    const label = `Unit ${u + 1}: ${unit.title}`;
    // Home, then the unit.
    if (u > 0) {
      await follow(page, 'Home');
      await arrived(page, 'home');
    }
    await follow(page, label);
    await arrived(page, label);
    assert.equal(await textOf(page, '#view-heading'), label);

    // The lesson, marked as read.
    const lesson = course.lessons.find((l) => l.id === unit.lesson);
    await follow(page, `Lesson: ${lesson.title}`);
    await arrived(page, `lesson of ${label}`);
    await tabTo(page, is.control, 'Mark this lesson as read', { max: 200 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('button[aria-pressed="true"]');

    // The quiz, every question right, to its results.
    const quiz = quizSeed(u);
    await follow(page, 'Go to the quiz');
    await arrived(page, `quiz of ${label}`);
    await follow(page, 'Start the quiz');
    for (let n = 1; n <= quiz.questions.length; n++) {
      await arrived(page, `question ${n} of ${quiz.id}`);
      assert.equal(await textOf(page, '#view-heading'), `Question ${n} of ${quiz.questions.length}`);
      await answer(page, quiz);
      questions++;
      await follow(page, n === quiz.questions.length ? 'See your results' : 'Next question');
    }
    await arrived(page, `results of ${quiz.id}`);
    assert.match(await textOf(page, 'main'), new RegExp(`${quiz.questions.length} of ${quiz.questions.length} questions answered`));

    // The scenario, by its first route, to an ending.
    const sc = scenarioSeed(u);
    const route = scenarioPaths(sc)[0];
    await follow(page, label);
    await arrived(page, label);
    await follow(page, `Scenario: ${sc.title}`);
    await arrived(page, sc.title);
    await follow(page, 'Start the scenario');
    for (const step of route.steps) {
      const want = seedPhrases(step.label, 1).join(' ');
      await tabToward(page, (el, w) => el.tagName === 'BUTTON' && !!el.closest('ul.choices') &&
        el.textContent.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() === w, want, { max: 60 });
      await page.keyboard.press('Enter');
      await waitFocus(page, 'scenario-happened', `after "${step.label}":`);
    }
    assert.equal(await textOf(page, '#ending-heading'), `Ending: ${sc.endings.get(route.ending).title}`);
    assert.ok(await activeMatches(page, is.id, 'scenario-happened'), 'focus on what happened at the ending');
  }

  // Home: every unit done, and the progress page counts it all.
  await follow(page, 'Home');
  await arrived(page, 'home at the end');
  const statuses = await page.$$eval('.progress-list .status', (ss) => ss.map((s) => s.classList.contains('status-done')));
  assert.equal(statuses.length, course.units.length * 3, 'lesson, quiz and scenario per unit');
  assert.ok(statuses.every(Boolean), 'every lesson read, every quiz all right, every scenario played');
  await follow(page, 'Your progress');
  await arrived(page, 'progress');
  const summary = await page.$$eval('.summary-list > div', (rows) => rows.map((r) => r.querySelector('dd').textContent.trim()));
  assert.equal(summary[0], `${course.lessons.length} of ${course.lessons.length}`);
  assert.equal(summary[1], `${questions} of ${questions}`);
  t.diagnostic(`${course.units.length} units, ${questions} questions and ${course.units.length} scenarios by keyboard in ${((Date.now() - started) / 1000).toFixed(0)} s`);
});
