// The branching scenario with the keyboard alone, to one ending and then, after "Play again",
// to a different one. Routes through the scenario are worked out from seeds/.../scenario.txt.

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
// The first route in file order, then one to a different ending that starts differently.
const first = paths[0];
const second =
  paths.find((p) => p.ending !== first.ending && p.steps[0].index !== first.steps[0].index) ??
  paths.find((p) => p.ending !== first.ending);

const plainLabel = (label) => seedPhrases(label, 1).join(' ');

/** Tabs to the choice button with this label and presses `key` on it. */
async function choose(page, step, key) {
  await tabTo(page, (el, want) => el.tagName === 'BUTTON' && !!el.closest('ul.choices') &&
    el.textContent.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() === want, plainLabel(step.label));
  await page.keyboard.press(key);
}

async function play(page, route) {
  for (const [i, step] of route.steps.entries()) {
    assert.equal(await textOf(page, '#scenario-step'), `Decision ${i + 1}`, `decision ${i + 1} is shown`);
    // Every choice of this node of scenario.txt is offered, in order.
    const offered = await page.$$eval('ul.choices button', (bs) => bs.map((b) => b.textContent.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()));
    assert.deepEqual(offered, sc.nodes.get(step.node).choices.map((c) => plainLabel(c.label)), `choices at node ${step.node}`);

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

  assert.equal(await textOf(page, '#route-heading'), 'Your decisions');
  const decisions = await page.evaluate(() =>
    [...document.getElementById('route-heading').closest('section').querySelectorAll('ol > li')].map((li) => li.textContent),
  );
  assert.deepEqual(decisions.map(norm), route.steps.map((s) => plainLabel(s.label)), '"Your decisions" lists the choices made, in order');
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
  await play(page, first);
  await assertEnding(page, first, 1);

  await tabTo(page, is.control, 'Play again from the start');
  await page.keyboard.press('Enter');
  await waitFocus(page, 'scenario-step', 'after "Play again from the start":');
  assert.equal(await page.locator('.happened, #ending-heading, #route-heading').count(), 0, 'a replay starts clean');
  await play(page, second);
  await assertEnding(page, second, 2);

  // The ending's two actions are adjacent tab stops both ways.
  await tabTo(page, is.control, 'Play again from the start');
  await tabTo(page, is.control, 'Back to the unit', { max: 1 });
  await tabTo(page, is.control, 'Play again from the start', { back: true, max: 1 });
});
