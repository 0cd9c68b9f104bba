// A lesson printed as a handout: in print media no navigation, breadcrumbs, buttons, reflection
// boxes or footer, a line naming the course and unit at the top, the citations kept, each glossary
// term's first use followed by the start of its definition (once per term, and never on screen),
// every source the lesson cites listed at the end once, and dark text on white even in the dark
// theme. Chromium's own PDF of it has pages. On screen the page has a button to print it and
// passes axe.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { setup, e2eTest, openApp, assertAxeClean, courseJson, textOf } from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const course = courseJson();
const lesson = course.lessons.find((l) => l.id === course.units[0].lesson);

/** What the page shows in the current media: shown or not, and colours. */
const looks = (page) => page.evaluate(() => {
  const shown = (sel) => [...document.querySelectorAll(sel)].some((e) => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0);
  const body = getComputedStyle(document.body);
  const main = document.querySelector('#main');
  return {
    nav: shown('.site-header'),
    crumbs: shown('.crumbs'),
    buttons: shown('#main button'),
    reflect: shown('.reflect'),
    footer: shown('.site-footer'),
    head: shown('.handout-head'),
    heading: shown('#view-heading'),
    cites: [...document.querySelectorAll('.lesson .cite')].filter((e) => getComputedStyle(e).display !== 'none').length,
    expansions: [...document.querySelectorAll('.term-expansion')].filter((e) => getComputedStyle(e).display !== 'none').length,
    ink: getComputedStyle(main).color,
    paper: body.backgroundColor,
  };
});

e2eTest(env, 'a lesson prints as a clean handout with terms expanded on first use and its sources at the end', async (open) => {
  const page = await open({ viewport: { width: 1024, height: 800 }, colorScheme: 'dark' });
  await openApp(page, `#/lesson/${lesson.id}`);
  // Chosen dark as well as the system's: paper is still white.
  await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });

  const screen = await looks(page);
  assert.equal(screen.expansions, 0, 'no definition shown on screen (the terms are links there)');
  assert.equal(screen.head, false, 'no handout line on screen');
  assert.ok(await page.getByRole('button', { name: 'Print this lesson as a handout' }).isVisible());
  await page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
  await assertAxeClean(page, 'lesson with its sources and print button');
  await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });

  await page.emulateMedia({ media: 'print' });
  const paper = await looks(page);
  assert.deepEqual(
    { nav: paper.nav, crumbs: paper.crumbs, buttons: paper.buttons, reflect: paper.reflect, footer: paper.footer },
    { nav: false, crumbs: false, buttons: false, reflect: false, footer: false },
    'nothing but the lesson on paper',
  );
  assert.ok(paper.head && paper.heading, 'the handout line and the lesson heading');
  assert.equal(await textOf(page, '.handout-head'), `${course.title} \u2013 Unit 1: ${course.units[0].title}`);
  assert.ok(paper.cites > 3, `citations kept: ${paper.cites}`);
  const rgb = (c) => c.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
  assert.ok(rgb(paper.ink) < 150 && rgb(paper.paper) > 700, `dark ink on white paper: ${paper.ink} on ${paper.paper}`);

  // Each term once, straight after its first use in running text, with its definition's start.
  const uses = await page.$$eval('.lesson p a.term, .lesson li a.term, .lesson blockquote a.term', (as) => as.map((a) => ({
    term: a.getAttribute('href').replace('#/glossary/', ''),
    expanded: a.nextElementSibling?.classList.contains('term-expansion') ? a.nextElementSibling.textContent : null,
  })));
  const firsts = new Map();
  for (const u of uses) if (!firsts.has(u.term)) firsts.set(u.term, u);
  assert.ok(firsts.size >= 2, `terms used: ${firsts.size}`);
  for (const [id, u] of firsts) {
    const def = course.terms.find((t) => t.id === id);
    assert.ok(u.expanded, `${id}: its first use is expanded`);
    const words = u.expanded.replace(/^ \[glossary: /, '').replace(/\]$/, '');
    assert.ok(words.length > 10, `${id}: ${u.expanded}`);
    assert.ok(JSON.stringify(def.definition).includes(words.split(' ').slice(0, 3).join(' ')), `${id}: the definition's own words: ${words}`);
  }
  assert.equal(uses.filter((u) => u.expanded).length, firsts.size, 'later uses are not expanded');

  // The sources at the end: every one the lesson cites, once, with its title.
  const cited = await page.$$eval('.lesson .cite a', (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
  const listed = await page.$$eval('.lesson-sources li', (lis) => lis.map((li) => ({ href: li.querySelector('a').getAttribute('href'), text: li.textContent })));
  assert.deepEqual(new Set(listed.map((l) => l.href)).size, listed.length, 'each source once');
  for (const href of cited) assert.ok(listed.some((l) => l.href === href), `${href} is listed at the end`);
  for (const l of listed) {
    const src = course.sources.find((s) => `#/sources/${s.id}` === l.href);
    assert.ok(src && l.text.includes(src.title), `${l.href}: full reference`);
  }

  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 2 && pages <= 20, `the handout is ${pages} A4 pages`);
});
