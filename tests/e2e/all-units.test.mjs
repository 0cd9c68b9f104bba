// Every unit's views, not only unit 1's: the unit page, its lesson, its quiz overview and its
// scenario's introduction load from a deep link and pass axe, and the lesson's citations and
// glossary links lead somewhere real.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, after } from 'node:test';
import { setup, e2eTest, openApp, goHash, textOf, assertAxeClean, SEEDS } from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

/** Each unit's id, title and the ids of its lesson, quiz and scenarios, read from the seeds. */
function units() {
  const course = fs.readFileSync(path.join(SEEDS, 'course.txt'), 'utf8');
  return [...course.matchAll(/^include: (units\/[^/]+)\/unit\.txt$/gm)].map(([, dir]) => {
    const folder = path.join(SEEDS, dir);
    const unit = fs.readFileSync(path.join(folder, 'unit.txt'), 'utf8');
    const scenario = fs.readFileSync(path.join(folder, 'scenario.txt'), 'utf8');
    return {
      id: unit.match(/^unit: (\S+)/m)[1],
      title: unit.match(/^unit: \S+\n {2}title: (.+)$/m)[1].trim(),
      lesson: unit.match(/^lesson: (\S+)/m)[1],
      lessonTitle: unit.match(/^lesson: \S+\n {2}title: (.+)$/m)[1].trim(),
      quiz: unit.match(/^ {2}quiz: (\S+)/m)[1],
      scenario: scenario.match(/^scenario: (\S+)/m)[1],
    };
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
  for (const href of [...links, ...sample]) {
    await goHash(page, href);
    assert.notEqual(await textOf(page, 'main h1'), 'Page not found', href);
  }
});
