// Every unit's views, not only unit 1's: the unit page, its lesson, its quiz overview and its
// scenario's introduction load from a deep link and pass axe, and the lesson's citations and
// glossary links lead somewhere real.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { setup, e2eTest, openApp, goHash, textOf, assertAxeClean, courseJson } from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

/** Each unit's id, title, its lesson's id and title, and the ids of its quiz and first scenario. */
function units() {
  const course = courseJson();
  return course.units.map((u) => {
    const lesson = course.lessons.find((l) => l.id === u.lesson);
    assert.ok(lesson, `the lesson ${u.lesson} of unit ${u.id} is in the course`);
    return { id: u.id, title: u.title, lesson: u.lesson, lessonTitle: lesson.title, quiz: u.quiz, scenario: u.scenarios[0] };
  });
}

const all = units();

e2eTest(env, 'every unit, lesson, quiz overview and scenario introduction passes axe', async (open) => {
  assert.equal(all.length, 8, 'eight units in course.txt');
  const page = await open();
  await openApp(page, '#/');
  for (const [i, u] of all.entries()) {
    await goHash(page, `#/unit/${u.id}`);
    assert.equal(await textOf(page, '#view-heading'), `Unit ${i + 1}: ${u.title}`);
    await assertAxeClean(page, `unit ${u.id}`);

    await goHash(page, `#/lesson/${u.lesson}`);
    assert.equal(await textOf(page, '#view-heading'), u.lessonTitle);
    assert.ok((await page.locator('article.lesson .cite a').count()) > 5, `${u.lesson} cites its sources`);
    // Every citation and glossary link points at an entry that exists.
    const targets = await page.$$eval('article.lesson a[href^="#/"]', (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
    for (const href of targets) {
      assert.match(href, /^#\/((sources|glossary|quiz|lesson|unit)\/[a-z0-9-]+)?$/, href);
    }
    await assertAxeClean(page, `lesson ${u.lesson}`);

    await goHash(page, `#/quiz/${u.quiz}`);
    await assertAxeClean(page, `quiz ${u.quiz}`);

    await goHash(page, `#/scenario/${u.scenario}`);
    assert.ok(await page.getByRole('button', { name: 'Start the scenario' }).count(), `${u.scenario} can start`);
    await assertAxeClean(page, `scenario ${u.scenario}`);
  }
  // A sample of the lessons' links really resolves: no "Page not found".
  const links = await page.$$eval('a[href^="#/glossary/"], a[href^="#/sources/"]', (as) => as.slice(0, 5).map((a) => a.getAttribute('href')));
  await goHash(page, `#/lesson/${all[all.length - 1].lesson}`);
  const sample = await page.$$eval('article.lesson a[href^="#/glossary/"], article.lesson a[href^="#/sources/"]', (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
  // Each once: going to the address already shown changes nothing, so no view change to wait for.
  for (const href of new Set([...links, ...sample])) {
    await goHash(page, href);
    assert.notEqual(await textOf(page, 'main h1'), 'Page not found', href);
  }
});
