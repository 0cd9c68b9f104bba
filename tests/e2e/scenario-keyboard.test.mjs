// The branching scenario with the keyboard alone, to one ending and then, after "Play again",
// to a different one, using "Back one step" on the way and at an ending. Routes through the
// scenario (which choices are offered, where each leads, the score) are worked out from the
// compiled scenario.txt by the rules in seeds/README.md, in JavaScript, independently of the Rust engine.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, textOf, waitFocus, tabTo, is,
  scenarioSeed, norm, seedPhrases, scenarioPaths, announcement,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const sc = scenarioSeed();
const paths = scenarioPaths(sc);
// The first route in file order, then one to a different ending that starts differently and,
// if there is one, passes a choice that is offered only on some routes.
const first = paths[0];
const differs = (p) => p.ending !== first.ending && p.steps[0].index !== first.steps[0].index;
const second =
  paths.find((p) => differs(p) && p.steps.some((s) => s.offered.some((l) => sc.nodes.get(s.node).choices.find((c) => c.label === l).if))) ??
  paths.find(differs) ??
  paths.find((p) => p.ending !== first.ending);

const plainLabel = (label) => seedPhrases(label, 1).join(' ');

/** Tabs to the choice button with this label and presses `key` on it. */
async function choose(page, step, key) {
  await tabTo(page, (el, want) => el.tagName === 'BUTTON' && !!el.closest('ul.choices') &&
    el.textContent.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() === want, plainLabel(step.label));
  await page.keyboard.press(key);
}

/** Tabs to "Back one step", presses Enter, and checks that decision `n` is back, focused and announced. */
async function goBack(page, n) {
  await tabTo(page, is.control, 'Back one step');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'scenario-step', 'after "Back one step":');
  assert.equal(await textOf(page, '#scenario-step'), `Decision ${n}`);
  assert.equal(await page.locator('#ending-heading').count(), 0, 'no ending after going back');
  const want = `Went back one step. Your last choice is undone. Decision ${n}.`;
  assert.equal(await announcement(page, (t) => t === want), want);
}

/** Plays a route; with `backAt`, goes back once after that step and takes it again. */
async function play(page, route, { backAt = -1 } = {}) {
  for (const [i, step] of route.steps.entries()) {
    assert.equal(await textOf(page, '#scenario-step'), `Decision ${i + 1}`, `decision ${i + 1} is shown`);
    assert.equal(await textOf(page, '#scenario-step + .meta'), i === 0 ? 'Your first decision. Your route is shown at the ending.' : `You have made ${i} decision${i === 1 ? '' : 's'} so far.`, 'where the learner is');
    // The choices of this node of scenario.txt whose `if` holds are offered, in order.
    const offered = await page.$$eval('ul.choices button', (bs) => bs.map((b) => b.textContent.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()));
    assert.deepEqual(offered, step.offered.map(plainLabel), `choices at node ${step.node}`);
    assert.equal(await page.locator('button', { hasText: 'Back one step' }).count(), i === 0 ? 0 : 1, 'Back is offered after the first decision');

    // Alternate Enter and Space: both must work on the choice buttons.
    await choose(page, step, i % 2 === 0 ? 'Enter' : 'Space');
    await waitFocus(page, 'scenario-happened', `after choosing "${step.label}":`);
    assert.equal(await textOf(page, '#scenario-happened'), 'What happened');
    assert.equal(norm(await textOf(page, '.happened .you-chose')), norm(`You chose: ${step.label}`));
    const happened = norm(await textOf(page, '.happened'));
    for (const p of seedPhrases(step.consequence)) assert.ok(happened.includes(p), `the consequence is shown: "${p}"`);
    const phrases = seedPhrases(step.consequence);
    const said = norm(await announcement(page, (t) => phrases.every((p) => norm(t).includes(p))));
    for (const p of phrases) assert.ok(said.includes(p), `#announcer reads the consequence: "${p}"`);

    if (i === backAt && i + 1 < route.steps.length) {
      await goBack(page, i + 1);
      assert.equal(await page.locator('.happened').count(), i === 0 ? 0 : 1, 'the consequence of the undone choice is gone');
      await choose(page, step, 'Enter');
      await waitFocus(page, 'scenario-happened', `after choosing "${step.label}" again:`);
    }
  }
}

async function assertEnding(page, route, reachedSoFar) {
  const ending = sc.endings.get(route.ending);
  assert.equal(await textOf(page, '#ending-heading'), `Ending: ${ending.title}`);
  assert.equal(await page.locator('ul.choices').count(), 0, 'no more choices at an ending');
  const said = await announcement(page, (t) => t.endsWith(`Ending reached: ${ending.title}.`));
  assert.ok(said.endsWith(`Ending reached: ${ending.title}.`), `#announcer: ${said}`);

  const debrief = norm(await page.evaluate(() => document.getElementById('debrief-heading').closest('section').textContent));
  for (const p of seedPhrases(ending.debrief)) assert.ok(debrief.includes(p), `the debrief of "${route.ending}" is shown: "${p}"`);
  for (const [id, other] of sc.endings) {
    if (id === route.ending) continue;
    assert.ok(!debrief.includes(seedPhrases(other.debrief)[0]), `the debrief of "${id}" is not shown`);
  }

  // The score, from the variables by the seed's formula.
  if (sc.score) {
    assert.equal(await textOf(page, '#score-heading'), `${sc.score.label}: ${route.score}`);
    const all = paths.map((p) => p.score);
    assert.match(await textOf(page, '.score'), new RegExp(`range from ${Math.min(...all)} to ${Math.max(...all)}\\.`));
  }

  // The path map: one list item per decision, each listing the options offered then, the chosen one in words.
  assert.equal(await textOf(page, '#route-heading'), 'Your route through the scenario');
  const map = await page.evaluate(() =>
    [...document.querySelectorAll('#route-heading ~ ol > li')].map((li) => ({
      heading: li.querySelector('h3')?.textContent ?? '',
      options: [...li.querySelectorAll('ul > li')].map((o) => o.textContent),
    })),
  );
  assert.equal(map.length, route.steps.length, 'one entry per decision');
  route.steps.forEach((step, i) => {
    assert.equal(map[i].heading, `Decision ${i + 1}`);
    assert.deepEqual(
      map[i].options.map((o) => o.replace(/\s+/g, ' ').trim()).map((o) => [o.startsWith('✓ Your choice: ') ? 'chosen' : o.startsWith('Not chosen: ') ? 'not chosen' : o, norm(o.replace(/^(✓ Your choice|Not chosen): /, ''))]),
      step.offered.map((l) => [l === step.label ? 'chosen' : 'not chosen', plainLabel(l)]),
      `decision ${i + 1} lists the options offered, the chosen one marked in words`,
    );
  });
  assert.equal(await textOf(page, '.route-end'), `Where it led: ${ending.title}.`);
  // The same route drawn: an image named by its title, a column per decision with a circle per
  // option offered, the one taken filled (by fill, not colour alone), and a square for the ending.
  const drawn = await page.evaluate(() => {
    const svg = document.querySelector('#route-heading ~ svg.route-map');
    if (!svg) return null;
    const cols = new Map();
    for (const c of svg.querySelectorAll('circle.taken, circle.not-taken')) {
      const x = c.getAttribute('cx');
      if (!cols.has(x)) cols.set(x, []);
      cols.get(x).push({ y: Number(c.getAttribute('cy')), taken: c.classList.contains('taken'), fill: getComputedStyle(c).fill });
    }
    return {
      role: svg.getAttribute('role'),
      title: document.getElementById(svg.getAttribute('aria-labelledby'))?.textContent ?? '',
      columns: [...cols.values()].map((col) => col.sort((a, b) => a.y - b.y)),
      ends: svg.querySelectorAll('rect.end').length,
      paper: getComputedStyle(document.body).backgroundColor,
      width: svg.getBoundingClientRect().width,
      room: svg.parentElement.getBoundingClientRect().width,
    };
  });
  assert.ok(drawn, 'the route is drawn beside the list');
  assert.equal(drawn.role, 'img');
  assert.match(drawn.title, new RegExp(`^Diagram of your route: ${route.steps.length} decisions?, `));
  assert.equal(drawn.ends, 1, 'the ending is drawn');
  assert.ok(drawn.width <= drawn.room + 1, 'the diagram fits the page');
  assert.deepEqual(
    drawn.columns.map((col) => col.map((c) => c.taken)),
    route.steps.map((step) => step.offered.map((l) => l === step.label)),
    'one column per decision, a circle per option offered, the one taken marked',
  );
  for (const col of drawn.columns) {
    for (const c of col) assert.equal(c.fill === drawn.paper, !c.taken, 'taken filled, not taken open');
  }
  assert.match(await textOf(page, 'main'), new RegExp(`You have reached ${reachedSoFar} of the ${sc.endings.size} endings`));
}

e2eTest(env, 'the scenario can be played to two different endings with the keyboard alone', async (open) => {
  assert.ok(first && second && first.ending !== second.ending, 'scenario.txt has routes to two different endings');
  const page = await open();
  await openApp(page, `#/scenario/${sc.id}`);
  assert.equal(await textOf(page, '#view-heading'), sc.title);

  await tabTo(page, is.control, 'Start the scenario');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'scenario-step', 'after "Start the scenario":');
  assert.equal(await announcement(page, (t) => t === `Scenario started: ${sc.title}.`), `Scenario started: ${sc.title}.`);
  await play(page, first, { backAt: 0 });
  await assertEnding(page, first, 1);

  // Back from the ending to the last decision, then the same choice again.
  const last = first.steps.length;
  await goBack(page, last);
  const lastStep = first.steps[last - 1];
  await choose(page, lastStep, 'Enter');
  await waitFocus(page, 'scenario-happened', 'after the last choice again:');
  await assertEnding(page, first, 1);

  await tabTo(page, is.control, 'Play again from the start');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'scenario-step', 'after "Play again from the start":');
  assert.equal(await page.locator('.happened, #ending-heading, #route-heading').count(), 0, 'a replay starts clean');
  await play(page, second, { backAt: 1 });
  await assertEnding(page, second, 2);

  // The ending's three actions are adjacent tab stops both ways.
  await tabTo(page, is.control, 'Back one step');
  await tabTo(page, is.control, 'Play again from the start', { max: 1 });
  await tabTo(page, is.control, 'Back to the unit', { max: 1 });
  await tabTo(page, is.control, 'Play again from the start', { back: true, max: 1 });
  await tabTo(page, is.control, 'Back one step', { back: true, max: 1 });
});
