// Loading, deep links, unknown routes, and what every view change does to focus and the title.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, waitFilled, textOf, waitFocus, describeActive, tabTo, is,
  courseSeed, quizSeed, scenarioSeed, glossarySeed, sourcesSeed, questionOnScreen,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const course = courseSeed();
const quiz = quizSeed();
const scenario = scenarioSeed();
const fullTitle = (view) => `${view} – ${course.title}`;

e2eTest(env, 'home page loads with the course title, unit 1 and the document title', async (open) => {
  const page = await open();
  await openApp(page, '');
  assert.equal(await textOf(page, '#view-heading'), course.title);
  assert.equal(await page.evaluate(() => document.querySelector('#view-heading').tagName), 'H1');
  assert.equal(await page.title(), fullTitle('Course home'));

  const units = await page.$$eval('ol.cards > li h3 a', (as) => as.map((a) => ({ text: a.textContent.trim(), href: a.getAttribute('href') })));
  assert.ok(units.length >= 1, 'the home page lists at least one unit');
  assert.match(units[0].text, /^Unit 1: /);
  assert.equal(units[0].href, '#/unit/meaning');
  // The loading placeholder is gone: exactly one h1.
  assert.equal(await page.locator('h1').count(), 1);
  // What the app lays out once at its start, out of sight (`effects::mark_started`), is gone too.
  assert.equal(await page.locator('input, textarea').count(), 0);
  // The live region from index.html survives the app's mount.
  assert.equal(await page.getAttribute('#announcer', 'role'), 'status');
  assert.equal(await page.getAttribute('#announcer', 'aria-live'), 'polite');
});

e2eTest(env, 'deep link to question 3 loads that question in a fresh page', async (open) => {
  const page = await open();
  await openApp(page, `#/quiz/${quiz.id}/3`);
  assert.equal(await textOf(page, '#view-heading'), `Question 3 of ${quiz.questions.length}`);
  assert.equal(await page.title(), fullTitle(`Question 3 of ${quiz.questions.length}: ${quiz.title}`));
  // The quiz is shuffled per learner: question 3 is whichever quiz.txt prompt is on screen.
  const m = await questionOnScreen(page, quiz);
  assert.ok(quiz.questions.some((q) => q.id === m.q.id), 'question 3 shows a question of quiz.txt');
  if (m.dom) assert.equal(await page.locator('form.question input[id^="option-"]').count(), m.q.options.length);
  assert.equal(await page.getByRole('button', { name: 'Check answer' }).count(), 1);
  // The learner's order is kept: a reload of the deep link shows the same question.
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#app[data-started] #view-heading');
  assert.equal((await questionOnScreen(page, quiz)).q.id, m.q.id, 'question 3 is the same after a reload');
});

e2eTest(env, 'deep link to the scenario loads its introduction', async (open) => {
  const page = await open();
  await openApp(page, `#/scenario/${scenario.id}`);
  assert.equal(await textOf(page, '#view-heading'), scenario.title);
  assert.equal(await page.title(), fullTitle(scenario.title));
  assert.equal(await page.getByRole('button', { name: 'Start the scenario' }).count(), 1);
  assert.match(await textOf(page, 'main'), new RegExp(`There are ${scenario.endings.size} possible endings`));
});

e2eTest(env, 'deep links to a glossary term and a source put that entry first in focus order', async (open) => {
  const page = await open();
  const term = glossarySeed()[0];
  await openApp(page, `#/glossary/${term.id}`);
  assert.equal(await textOf(page, '#view-heading'), term.name);
  assert.equal(await page.title(), fullTitle(`${term.name} (glossary)`));
  assert.equal(await page.locator('.term-entry.target #view-heading').count(), 1);

  const src = sourcesSeed()[0];
  const page2 = await open();
  await openApp(page2, `#/sources/${src.id}`);
  assert.equal(await textOf(page2, '#view-heading'), src.short);
  assert.equal(await page2.title(), fullTitle(`${src.short} (sources)`));
});

e2eTest(env, 'unknown routes show "Page not found"', async (open) => {
  for (const hash of ['#/no/such/page', `#/quiz/${quiz.id}/${quiz.questions.length + 1}`, '#/unit/does-not-exist']) {
    const page = await open();
    await openApp(page, hash);
    assert.equal(await textOf(page, '#view-heading'), 'Page not found', `for ${hash}`);
    assert.equal(await page.title(), fullTitle('Page not found'), `for ${hash}`);
    assert.equal(await page.locator('main a[href="#/"]').count(), 1, 'offers a way home');
  }
});

e2eTest(env, 'every view change moves focus to the new heading and sets the document title', async (open) => {
  const page = await open();
  await openApp(page, '#/');

  // Each step follows a real link on the current view; the next view's heading must get focus.
  const steps = [
    { link: 'ol.cards a[href="#/unit/meaning"]', heading: 'Unit 1: What integration means', title: 'Unit 1: What integration means' },
    { link: 'main a[href="#/lesson/meaning-lesson"]', heading: 'What integration means', title: 'Lesson 1: What integration means' },
    { link: `main a.button[href="#/quiz/${quiz.id}"]`, heading: quiz.title, title: quiz.title },
    { link: `main a.button[href="#/quiz/${quiz.id}/1"]`, heading: `Question 1 of ${quiz.questions.length}`, title: `Question 1 of ${quiz.questions.length}: ${quiz.title}` },
    { link: `main a[href="#/quiz/${quiz.id}/2"]`, heading: `Question 2 of ${quiz.questions.length}`, title: `Question 2 of ${quiz.questions.length}: ${quiz.title}` },
    { link: 'header a[href="#/glossary"]', heading: 'Glossary', title: 'Glossary' },
    { link: '.glossary a[href^="#/glossary/"]', heading: null, title: null },
    { link: 'header a[href="#/sources"]', heading: 'Sources', title: 'Sources' },
    { link: 'header a.site-title', heading: course.title, title: 'Course home' },
  ];
  for (const step of steps) {
    const link = page.locator(step.link).first();
    const href = await link.getAttribute('href');
    // Focus starts on the link, so only the app can move it to the new heading.
    await link.focus();
    assert.ok(await page.evaluate(() => document.activeElement.id !== 'view-heading'));
    await link.click();
    await page.waitForFunction((h) => location.hash === h, href);
    await waitFocus(page, 'view-heading', `after following ${href}:`);
    const heading = await textOf(page, '#view-heading');
    if (step.heading) assert.equal(heading, step.heading, `heading after ${href}`);
    const title = fullTitle(step.title ?? `${heading} (glossary)`);
    await page.waitForFunction((t) => document.title === t, title).catch(() => {});
    assert.equal(await page.title(), title, `title after ${href}`);
  }

  // The header marks the current view.
  assert.equal(await page.getAttribute('header nav a[href="#/"]', 'aria-current'), 'page');
  assert.equal(await page.getAttribute('header nav a[href="#/glossary"]', 'aria-current'), null);

  // Back and forward in history are view changes too.
  await page.locator('header a[href="#/glossary"]').focus();
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/sources');
  await waitFocus(page, 'view-heading', 'after going back:');
  assert.equal(await textOf(page, '#view-heading'), 'Sources');
  assert.equal(await page.title(), fullTitle('Sources'));
  await page.locator('header a[href="#/glossary"]').focus();
  await page.goForward();
  await page.waitForFunction(() => location.hash === '#/');
  await waitFocus(page, 'view-heading', 'after going forward:');
  assert.equal(await textOf(page, '#view-heading'), course.title);
  assert.equal(await page.title(), fullTitle('Course home'));
});

e2eTest(env, "a new view's first painted frame already has focus on its heading and its title", async (open) => {
  const page = await open();
  await openApp(page, '');
  // At CPU x6 these views take Yew more than its 16 ms slice, after which it leaves its effects to
  // a later task (and may pause between the app and its page): focus and title must not wait for
  // the effects, nor come before the page, or a frame shows the view unfocused.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  const views = ['#/timeline', '#/glossary', '#/lecturers', '#/unit/meaning', '#/', '#/unit/meaning', '#/lesson/meaning-lesson', '#/', '#/sources', '#/'];
  for (const hash of [...views, ...views]) {
    const first = await page.evaluate((h) => new Promise((resolve, reject) => {
      const old = document.getElementById('view-heading');
      const oldTitle = document.title;
      const t0 = performance.now();
      document.activeElement?.blur();
      location.hash = h;
      // Animation callbacks run before each frame's paint: the first that finds a new heading
      // sees what that frame paints.
      const tick = () => {
        const heading = document.getElementById('view-heading');
        if (heading && heading !== old) {
          resolve({ focused: document.activeElement === heading, titled: document.title !== oldTitle, heading: heading.textContent });
        } else if (performance.now() - t0 > 10_000) reject(new Error(`no new view for ${h}`));
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }), hash);
    assert.ok(first.focused, `the first frame of ${hash} ("${first.heading}") has its heading focused`);
    assert.ok(first.titled, `the first frame of ${hash} has its document title`);
    await waitFilled(page);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});

e2eTest(env, 'a view change starts as the address changes, before the next frame', async (open) => {
  // The app follows `popstate`, which the browser fires as the hash changes. Chromium queues
  // `hashchange` until after it has painted another frame: an app following that event shows
  // the old view in the first frame after a link is followed.
  const page = await open();
  await openApp(page, '');
  for (const hash of ['#/record', '#/', '#/record', '#/', '#/sources', '#/']) {
    const seen = await page.evaluate((h) => new Promise((resolve) => {
      const old = document.getElementById('view-heading');
      let hashchange = false;
      window.addEventListener('hashchange', () => { hashchange = true; }, { once: true });
      document.activeElement?.blur();
      location.hash = h;
      requestAnimationFrame(() => {
        const heading = document.getElementById('view-heading');
        resolve({ fresh: heading !== old, focused: document.activeElement === heading, hashchange });
      });
    }), hash);
    assert.ok(seen.fresh, `the first frame after going to ${hash} has its view (hashchange fired: ${seen.hashchange})`);
    assert.ok(seen.focused, `the first frame after going to ${hash} has its heading focused`);
    await waitFilled(page);
  }
});

e2eTest(env, 'the skip link is the first tab stop and moves focus to the main content', async (open) => {
  const page = await open();
  await openApp(page, '#/unit/meaning');
  const url = page.url();
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.matches('a.skip-link')), `first tab stop is ${await describeActive(page)}`);
  const box = await page.locator('a.skip-link').boundingBox();
  assert.ok(box && box.y >= 0, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'main', 'after the skip link:');
  assert.equal(page.url(), url, 'the skip link does not change the route');
  assert.equal(await textOf(page, '#view-heading'), 'Unit 1: What integration means');
  // The next tab stop is inside main, not back in the header.
  await tabTo(page, (el) => !!el.closest('main') && el.id !== 'main', null, { max: 1 });
});

e2eTest(env, "the breadcrumbs' current item sits on the same baseline as their links", async (open) => {
  const page = await open();
  for (const hash of ['#/lesson/meaning-lesson', '#/lecturers']) {
    await openApp(page, hash);
    // The bottom of each item's text (not of its box), from the text itself.
    const bottoms = await page.$$eval('.crumbs li', (items) => items.map((li) => {
      const node = li.querySelector('a') ?? li;
      const range = document.createRange();
      range.selectNodeContents(node);
      return Math.round(range.getBoundingClientRect().bottom);
    }));
    assert.ok(bottoms.length >= 2, `${hash}: crumbs`);
    assert.ok(Math.max(...bottoms) - Math.min(...bottoms) <= 1, `${hash}: text bottoms ${bottoms.join(', ')}`);
  }
});

e2eTest(env, 'the home page estimates each unit\'s minutes and offers to continue where the learner left off', async (open) => {
  const page = await open();
  await openApp(page, '#/');
  const minutes = await page.$$eval('ol.cards > li p.meta', (ps) => ps.map((p) => p.textContent));
  assert.ok(minutes.length > 0 && minutes.length === await page.locator('ol.cards > li').count(), 'one per unit');
  for (const m of minutes) {
    const n = Number(/^About (\d+) minutes: the lesson, the quiz and the scenarios?\.$/.exec(m)?.[1]);
    assert.ok(n >= 15 && n % 5 === 0, m);
  }
  assert.equal(await page.getByRole('link', { name: /^Continue where you left off/ }).count(), 0, 'nothing to continue yet');
  await openApp(page, '#/lesson/meaning-lesson');
  await page.getByRole('button', { name: 'Mark this lesson as read' }).click();
  await page.locator('header a.site-title').click();
  const link = page.getByRole('link', { name: /^Continue where you left off/ });
  await link.waitFor();
  assert.equal(await link.textContent(), `Continue where you left off: ${quiz.title}`);
  assert.equal(await link.getAttribute('href'), `#/quiz/${quiz.id}`);
});
