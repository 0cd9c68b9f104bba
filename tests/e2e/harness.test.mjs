// Checks on the test machinery itself, so that a broken helper cannot turn the suite into
// false passes: the server, error capture, tabTo's limit, axe and the id-reference check.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { before, after, test } from 'node:test';
import {
  DIST, setup, e2eTest, openApp, tabTo, assertAxeClean, axeViolations, assertNoErrors, idrefProblems,
  quizSeed, scenarioSeed, scenarioPaths, seedPhrases, richText, conditionHolds, CHOICE_TYPES,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

function get(url, path) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    http
      .get({ host: u.hostname, port: u.port, path }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'] }));
      })
      .on('error', reject);
  });
}

test('the static server serves dist/ with the right types and nothing outside it', async () => {
  const url = env.server.url;
  assert.deepEqual(await get(url, '/'), { status: 200, type: 'text/html' });
  const wasm = fs.readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  assert.deepEqual(await get(url, `/${wasm}`), { status: 200, type: 'application/wasm' });
  assert.equal((await get(url, '/no-such-file.js')).status, 404);
  // Files next to dist/ are never served, however the path is spelt.
  for (const path of ['/../Cargo.toml', '/%2e%2e/Cargo.toml', '/..%2fCargo.toml', '/%2e%2e%2fCargo.toml']) {
    assert.ok([403, 404].includes((await get(url, path)).status), `${path} is refused`);
  }
});

test('the course reader finds the quiz answers and scenario routes', () => {
  const quiz = quizSeed();
  assert.ok(quiz.questions.length > 0);
  for (const q of quiz.questions) {
    if (CHOICE_TYPES.has(q.type)) {
      assert.ok(q.options.some((o) => o.correct), `${q.id} has a right answer`);
      assert.ok(q.options.every((o) => o.feedback), `${q.id} has feedback for every option`);
    } else if (q.type === 'ordering') {
      assert.ok(q.items.length >= 3 && q.items.every((i) => i.feedback), `${q.id} has items, each explained`);
    } else if (q.type === 'matching') {
      assert.ok(q.pairs.length >= 2 && q.pairs.every((p) => q.targets.includes(p.match) && p.feedback), `${q.id} matches every pair to a target`);
    } else if (q.type === 'categorise') {
      assert.ok(q.statements.length >= 2 && q.statements.every((st) => q.groups.includes(st.group) && st.feedback), `${q.id} puts every statement in a group`);
    } else if (q.type === 'numeric') {
      assert.ok(Number.isFinite(Number(q.answer)) && Number.isFinite(Number(q.tolerance)) && q.feedback && q.otherwise, `${q.id} has an answer, a tolerance and feedback`);
    } else if (q.type === 'text') {
      assert.ok(q.accepts.length >= 1 && q.accepts.every((a) => a.feedback) && q.otherwise, `${q.id} has accepted answers, each explained`);
    } else {
      assert.fail(`${q.id} has a type the tests do not know: ${q.type}`);
    }
  }
  const sc = scenarioSeed();
  const endings = new Set(scenarioPaths(sc).map((p) => p.ending));
  assert.ok(endings.size >= 2, 'at least two endings are reachable');
  const rich = ['Plain words here, then a cite ', { cite: 'x', locator: 'y' }, ' and shown words more text.'];
  assert.deepEqual(seedPhrases(richText(rich), 5), [
    'plain words here then a cite',
    'and shown words more text',
  ]);
  assert.throws(() => richText([{ term: 't' }]), /words or a citation/);
  // The rule reader: or between alternatives, and within one, visited nodes included.
  const visited = new Set(['ward']);
  const trust = (op, value) => ({ var: 'trust', op, value });
  assert.equal(conditionHolds(null, { trust: 0 }, visited), true);
  assert.equal(conditionHolds([[]], { trust: 0 }, visited), true);
  assert.equal(conditionHolds([[trust('>=', 3), { visited: 'ward' }]], { trust: 3 }, visited), true);
  assert.equal(conditionHolds([[trust('>=', 3), { not_visited: 'ward' }]], { trust: 3 }, visited), false);
  assert.equal(conditionHolds([[trust('<', 3)], [{ not_visited: 'home' }]], { trust: 3 }, visited), true);
  assert.equal(conditionHolds([[trust('!=', 3)]], { trust: 3 }, visited), false);
  assert.throws(() => conditionHolds([[{ var: 'nobody', op: '=', value: 1 }]], { trust: 3 }, visited), /not understood/);
});

e2eTest(env, 'page errors and console errors are caught', async (open) => {
  const page = await open();
  await openApp(page, '#/');
  await page.evaluate(() => {
    console.error('deliberate console error');
    setTimeout(() => {
      throw new Error('deliberate uncaught error');
    });
  });
  await page.waitForFunction(() => true);
  await new Promise((r) => setTimeout(r, 200));
  assert.throws(() => assertNoErrors(page), /deliberate console error[\s\S]*deliberate uncaught error|deliberate uncaught error[\s\S]*deliberate console error/);
  page.errors.length = 0; // handled: the wrapper must not fail this test for them
});

e2eTest(env, 'tabTo gives up after its maximum and lists where focus went', async (open) => {
  const page = await open();
  await openApp(page, '#/');
  await assert.rejects(tabTo(page, (el) => el.id === 'no-such-element', null, { max: 5 }), (err) => {
    assert.match(err.message, /after 5 Tab presses/);
    assert.match(err.message, /skip-link/);
    return true;
  });
});

e2eTest(env, 'axe and the id-reference check report injected defects', async (open) => {
  const page = await open();
  await openApp(page, '#/');
  await page.evaluate(() => {
    const main = document.querySelector('main');
    main.insertAdjacentHTML(
      'beforeend',
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="bad-img"><input type="text" id="bad-input">' +
        '<p aria-describedby="nowhere">x</p><span id="bad-input"></span>',
    );
  });
  const ids = (await axeViolations(page)).map((v) => v.id);
  assert.ok(ids.includes('image-alt'), `axe reports image-alt: ${ids}`);
  assert.ok(ids.includes('label'), `axe reports label: ${ids}`);
  await assert.rejects(assertAxeClean(page, 'injected'), /image-alt[\s\S]*#bad-img/);
  const problems = await idrefProblems(page);
  assert.ok(problems.some((p) => p.includes('aria-describedby="nowhere"')), problems.join('; '));
  assert.ok(problems.some((p) => p.includes('duplicate id "bad-input"')), problems.join('; '));
});
