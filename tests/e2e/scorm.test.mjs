// The SCORM packages against a real SCORM runtime: `scorm-again` (npm) plays the LMS in a player
// page, the package's files (extracted from the zips in target/packages) play in a frame set
// below it. Each version: launch, answer questions of every type, play a scenario, close, relaunch
// with what the LMS kept (in a fresh browser, so nothing comes from the browser's storage),
// check the restore, finish; then every value the LMS holds. Also: an LMS whose SetValue fails,
// the API in the opener window, and no API at all.

import assert from 'node:assert/strict';
import path from 'node:path';
import { before, after, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import {
  ROOT, launchBrowser, watchErrors, assertNoErrors, goHash, waitFocus, textOf, quizSeed,
  scenarioSeed, scenarioPaths, playScenario, questionOnScreen, quizOrderOnScreen, answerByMouse,
  courseJson, CHOICE_TYPES, assertAxeClean,
} from './helpers.mjs';
import { packageZip, readZip, extractZip, startLms, METHODS, relaunchData, contentFrame } from './lms.mjs';

const course = courseJson();
const quiz = quizSeed();
const sc = scenarioSeed();
const UNIT = course.units[0];
const TOTAL = course.units.reduce((n, u) => n + course.quizzes.find((q) => q.id === u.quiz).questions.length, 0);
const VERSIONS = ['1.2', '2004'];
const SUFFIX = { '1.2': 'scorm12', 2004: 'scorm2004' };
const el = (v, v12, v2004) => (v === '1.2' ? v12 : v2004);

let lms;
let browser;
const folders = {};
const manifests = {};

before(async () => {
  for (const v of VERSIONS) {
    for (const units of ['all', UNIT.id]) {
      const name = `${units}-${SUFFIX[v]}`;
      const zip = packageZip(v, units);
      folders[name] = await extractZip(zip, path.join(ROOT, 'target', 'e2e-scorm', name));
      const files = await readZip(zip);
      manifests[name] = new XMLParser({ ignoreAttributes: false }).parse(files['imsmanifest.xml'].toString('utf8'));
    }
  }
  // The lecturer's options: one unit, every quiz deferred, no pass mark (see .ci/test).
  const optionsZip = packageZip('2004', UNIT.id, path.join(ROOT, 'target', 'packages', 'options'));
  folders.options = await extractZip(optionsZip, path.join(ROOT, 'target', 'e2e-scorm', 'options'));
  manifests.options = new XMLParser({ ignoreAttributes: false }).parse((await readZip(optionsZip))['imsmanifest.xml'].toString('utf8'));
  lms = await startLms(folders);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await lms?.close();
});

/** The pass mark the manifest gives the LMS, as the LMS would load it. */
function passFromManifest(v, name) {
  const item = manifests[name].manifest.organizations.organization.item;
  if (v === '1.2') return String(item['adlcp:masteryscore']);
  const objective = item['imsss:sequencing']['imsss:objectives']['imsss:primaryObjective'];
  return String(objective['imsss:minNormalizedMeasure'] ?? '');
}

/** A first launch's data model, as an LMS sets it up from the manifest. */
function firstLaunch(v, name) {
  return v === '1.2'
    ? { core: { entry: 'ab-initio', student_id: 's1', student_name: 'Learner, A' }, student_data: { mastery_score: passFromManifest(v, name) } }
    : { entry: 'ab-initio', learner_id: 's1', learner_name: 'Learner, A', ...(passFromManifest(v, name) && { scaled_passing_score: passFromManifest(v, name) }) };
}

/** A player page in a fresh browser context; launches the package and gives back its frame. */
async function launch(v, name, { kept, failSet = false, apiIn = 'parent', context: given } = {}) {
  const context = given ?? (await browser.newContext());
  const page = watchErrors(await context.newPage());
  await page.goto(`${lms.url}/lms/player.html`);
  const sco = `/pkg/${name}/index.html`;
  await page.evaluate((o) => window.launch(o), { version: v, methods: METHODS[v], kept: kept ?? firstLaunch(v, name), failSet, apiIn, sco });
  let frame;
  if (apiIn === 'opener') {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((u) => window.open(u, 'course'), sco)]);
    watchErrors(popup);
    frame = popup.mainFrame();
    page.popup = popup;
  } else {
    frame = await contentFrame(page, sco);
  }
  await frame.waitForSelector('#app[data-started] #view-heading', { state: 'attached' });
  return { page, frame, context };
}

/** Leaves the module (its page is hidden and unloaded: `pagehide`), as closing the LMS's player does. */
async function close(s, { keep = false } = {}) {
  if (s.page.popup) {
    await s.page.popup.evaluate(() => { location.href = 'about:blank'; });
    await s.page.waitForFunction(() => window.calls.some((c) => /Finish$|^Terminate$/.test(c.name)));
  } else {
    await s.page.evaluate(() => { document.getElementById('content-frame').src = 'about:blank'; });
    await s.page.waitForFunction(() => window.calls.some((c) => /Finish$|^Terminate$/.test(c.name)));
  }
  const calls = await s.page.evaluate(() => window.calls);
  const cmi = await s.page.evaluate(() => window.cmiJson());
  assertNoErrors(s.page);
  if (s.page.popup) assertNoErrors(s.page.popup);
  if (keep) await s.page.close();
  else await s.context.close();
  return { calls, cmi: cmi.cmi ?? cmi };
}

/** No call failed, except reading (2004) an element that has no value yet: the spec's 403. */
function assertNoCallErrors(v, calls) {
  const bad = calls.filter((c) => c.error !== '0' && !(v === '2004' && c.name === 'GetValue' && c.error === '403' && c.result === ''));
  assert.deepEqual(bad, [], 'every call succeeded');
  for (const c of calls.filter((c) => !/GetValue$/.test(c.name))) assert.equal(c.result, 'true', `${c.name}(${c.args.join(', ')})`);
  const inits = calls.filter((c) => /Initialize$/.test(c.name));
  const ends = calls.filter((c) => /Finish$|^Terminate$/.test(c.name));
  assert.equal(inits.length, 1, 'initialised once');
  assert.equal(ends.length, 1, 'finished once');
  assert.equal(calls[0], inits[0], 'initialised first');
  assert.equal(calls[calls.length - 1], ends[0], 'finished last');
}

/** Says how sure, if asked, and checks; waits for the feedback. */
async function check(frame) {
  if (await frame.$$eval('input[name="sureness"]', (ins) => ins.length > 0 && !ins.some((i) => i.checked))) {
    await frame.click('label[for="sure-2"]');
  }
  await frame.getByRole('button', { name: 'Check answer' }).click();
  await waitFocus(frame, 'feedback-heading');
}

/** The expected response and pattern of a question's key, in each version's syntax (from the course, not the app). */
function keyOf(v, q) {
  const [list, pair] = v === '1.2' ? [',', '.'] : ['[,]', '[.]'];
  const letter = (i) => String.fromCharCode(97 + i);
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.options.flatMap((o, i) => (o.correct ? [letter(i)] : [])).join(list);
    case 'truefalse':
      return q.options[0].correct ? el(v, 't', 'true') : el(v, 'f', 'false');
    case 'ordering':
      return q.items.map((_, i) => letter(i)).join(list);
    case 'matching':
      return q.pairs.map((p, i) => `${i + 1}${pair}${letter(q.targets.indexOf(p.match))}`).join(list);
    case 'categorise':
      return q.statements.map((s, i) => `${i + 1}${pair}${letter(q.groups.indexOf(s.group))}`).join(list);
    case 'numeric':
      return String(Number(q.answer));
    case 'text':
      return q.accepts[0].text;
    default:
      throw new Error(q.type);
  }
}

const SCORM_TYPE = { single: 'choice', multiple: 'choice', truefalse: 'true-false', ordering: 'sequencing', matching: 'matching', categorise: 'matching', numeric: 'numeric', text: 'fill-in' };

/**
 * Answers the question on screen: `right`, or wrong (a wrong option; for other types the way
 * answerByMouse answers wrongly), or `partial` (one correct option of a multiple-response
 * question). Gives back the interaction the LMS should receive.
 */
async function answerOnScreen(v, frame, how) {
  const m = await questionOnScreen(frame, quiz);
  const q = m.q;
  let credit = 100;
  let response = keyOf(v, q);
  if (CHOICE_TYPES.has(q.type)) {
    const picks = how === 'right' ? m.correct : how === 'partial' ? [m.correct[0]] : [m.wrong[0]];
    for (const i of picks) await frame.click(`label[for="option-${i}"]`);
    const seed = picks.map((i) => q.options.indexOf(m.seedAt(i))).sort((a, b) => a - b);
    if (q.type === 'truefalse') response = seed[0] === 0 ? el(v, 't', 'true') : el(v, 'f', 'false');
    else response = seed.map((i) => String.fromCharCode(97 + i)).join(el(v, ',', '[,]'));
    if (how === 'partial') credit = Math.floor(100 / q.options.filter((o) => o.correct).length);
    if (how === 'wrong') credit = 0;
  } else {
    assert.equal(how, 'right', 'only choice questions are answered wrongly here');
    await answerByMouse(frame, q, true);
    if (q.type === 'numeric') response = String(Number(q.answer));
  }
  await check(frame);
  const result = credit === 100 ? 'correct' : credit === 0 ? el(v, 'wrong', 'incorrect') : String(credit / 100);
  return { q, credit, response, result };
}

/** Asserts interaction `n` of the LMS's data model is `want`, in the version's formats. */
function assertInteraction(v, it, want, n) {
  const label = `interaction ${n} (${want.q.id})`;
  assert.match(it.id, /^\w{1,255}$/, `${label}: id`);
  assert.equal(it.id, want.q.id.replaceAll('-', '_'), `${label}: id`);
  assert.equal(it.type, SCORM_TYPE[want.q.type], `${label}: type`);
  assert.equal(it[el(v, 'student_response', 'learner_response')], want.response, `${label}: response`);
  const pattern = it.correct_responses['0'].pattern;
  if (want.q.type === 'numeric' && v === '2004') {
    const [lo, hi] = pattern.split('[:]').map(Number);
    const [a, t] = [Number(want.q.answer), Number(want.q.tolerance ?? 0)];
    assert.ok(Math.abs(lo - (a - t)) < 1e-9 && Math.abs(hi - (a + t)) < 1e-9, `${label}: numeric range ${pattern}`);
  } else if (want.q.type === 'text' && v === '2004') {
    assert.equal(pattern, `{case_matters=false}${keyOf(v, want.q)}`, `${label}: pattern`);
  } else {
    assert.equal(pattern, keyOf(v, want.q), `${label}: pattern`);
  }
  assert.equal(it.result, want.result, `${label}: result`);
  assert.equal(Number(it.weighting), 1, `${label}: weighting`);
  if (v === '1.2') {
    assert.match(it.time, /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, `${label}: time`);
  } else {
    assert.match(it.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, `${label}: timestamp`);
    assert.ok(it.description.length > 0 && it.description.length <= 250, `${label}: description`);
  }
}

function interactions(cmi) {
  const list = cmi.interactions ?? {};
  return Object.keys(list).filter((k) => /^\d+$/.test(k)).sort((a, b) => a - b).map((k) => list[k]);
}

const expectedScore = (answers) => {
  const best = new Map();
  for (const a of answers) best.set(a.q.id, a.credit);
  const credit = [...best.values()].reduce((s, c) => s + c, 0);
  return Math.floor((credit * 100) / TOTAL) / 100;
};

for (const v of VERSIONS) {
  const name = `all-${SUFFIX[v]}`;
  test(`SCORM ${v}: answers, a scenario, a relaunch with the LMS's data, and what the LMS holds`, { timeout: 240_000 }, async () => {
    // First session: one question of every type, one wrong then right, one partly right.
    let s = await launch(v, name);
    assert.equal(await s.frame.locator('ol.cards > li').count(), course.units.length, 'the whole course');
    const order = await quizOrderOnScreen(s.frame, quiz);
    const placeOf = (type) => order.indexOf(quiz.questions.find((q) => q.type === type).id) + 1;
    const answers = [];
    for (const type of ['single', 'multiple', 'truefalse', 'ordering', 'matching', 'categorise', 'numeric', 'text']) {
      await goHash(s.frame, `#/quiz/${quiz.id}/${placeOf(type)}`);
      if (type === 'single') {
        answers.push(await answerOnScreen(v, s.frame, 'wrong'));
        await s.frame.getByRole('button', { name: 'Try again' }).click();
        answers.push(await answerOnScreen(v, s.frame, 'right'));
      } else {
        answers.push(await answerOnScreen(v, s.frame, type === 'multiple' ? 'partial' : 'right'));
      }
    }
    await goHash(s.frame, `#/lesson/${UNIT.lesson}`);
    await s.frame.getByRole('button', { name: 'Mark this lesson as read' }).click();
    await s.frame.waitForSelector('button[aria-pressed="true"]');
    await playScenario(s.frame, sc, scenarioPaths(sc)[0]);
    const lastPlace = await s.frame.evaluate(() => location.hash);
    let { calls, cmi } = await close(s);
    assertNoCallErrors(v, calls);

    // Before closing: committed after every answer (and after the scenario's choices).
    const commits = calls.filter((c) => /Commit$/.test(c.name)).length;
    assert.ok(commits >= answers.length + scenarioPaths(sc)[0].steps.length, `committed after each answer and choice (${commits})`);

    // Relaunch in a fresh browser (no storage of its own) with what the LMS kept.
    s = await launch(v, name, { kept: relaunchData(v, cmi) });
    assert.equal(await s.frame.evaluate(() => location.hash), lastPlace, 'back where the learner was');
    await goHash(s.frame, '#/');
    const unitCard = s.frame.locator('ol.cards > li').first();
    const cardText = (await unitCard.textContent()).replace(/\s+/g, ' ');
    const correct = new Set(answers.filter((a) => a.credit === 100).map((a) => a.q.id)).size;
    assert.match(cardText, /Lesson: \W*read/);
    assert.match(cardText, new RegExp(`Quiz: \\W*${correct} of ${quiz.questions.length} answered correctly`));
    assert.match(cardText, /1 of \d+ endings reached/);
    // One more answer in the second session, then finish.
    const second = await quizOrderOnScreen(s.frame, quiz);
    const next = second.find((id) => !answers.some((a) => a.q.id === id) && CHOICE_TYPES.has(quiz.questions.find((q) => q.id === id).type));
    await goHash(s.frame, `#/quiz/${quiz.id}/${second.indexOf(next) + 1}`);
    answers.push(await answerOnScreen(v, s.frame, 'right'));
    ({ calls, cmi } = await close(s));
    assertNoCallErrors(v, calls);
    assert.ok(!calls.some((c) => /SetValue$/.test(c.name) && /\.(0|1|2)\.id$/.test(c.args[0])), 'the second session appends, it does not overwrite');

    // Everything the LMS holds.
    const list = interactions(cmi);
    assert.equal(list.length, answers.length, 'one interaction per answer, in order');
    list.forEach((it, n) => assertInteraction(v, it, answers[n], n));
    const score = v === '1.2' ? cmi.core.score : cmi.score;
    assert.equal(Number(score.min), 0);
    assert.equal(Number(score.max), 100);
    assert.match(score.raw, /^\d{1,3}(\.\d{1,2})?$/, 'at most two decimals');
    assert.equal(Number(score.raw), expectedScore(answers), 'the score: every question of the package counts the same');
    if (v === '1.2') {
      assert.equal(cmi.core.lesson_status, 'incomplete');
      assert.equal(cmi.core.exit, 'suspend');
      assert.match(cmi.core.session_time, /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
      assert.equal(cmi.core.lesson_location, `#/quiz/${quiz.id}/${second.indexOf(next) + 1}`);
    } else {
      assert.equal(cmi.completion_status, 'incomplete');
      assert.equal(cmi.success_status, 'unknown');
      assert.equal(cmi.score.scaled, '', 'no scaled score to judge by before the result is settled');
      assert.ok(Number(cmi.progress_measure) > 0 && Number(cmi.progress_measure) < 1);
      assert.equal(cmi.exit, 'suspend');
      assert.match(cmi.session_time, /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)$/);
      assert.equal(cmi.location, `#/quiz/${quiz.id}/${second.indexOf(next) + 1}`);
    }
    assert.ok(cmi.suspend_data.length > 0 && cmi.suspend_data.length <= 4096);
  });

  test(`SCORM ${v}: a one-unit package finished: passed, completed, exit normal`, { timeout: 240_000 }, async () => {
    const unitName = `${UNIT.id}-${SUFFIX[v]}`;
    const s = await launch(v, unitName);
    assert.equal(await s.frame.locator('ol.cards > li').count(), 1, 'only the package\'s unit');
    const order = await quizOrderOnScreen(s.frame, quiz);
    const answers = [];
    for (let n = 1; n <= order.length; n++) {
      await goHash(s.frame, `#/quiz/${quiz.id}/${n}`);
      answers.push(await answerOnScreen(v, s.frame, 'right'));
    }
    await goHash(s.frame, `#/lesson/${UNIT.lesson}`);
    await s.frame.getByRole('button', { name: 'Mark this lesson as read' }).click();
    await s.frame.waitForSelector('button[aria-pressed="true"]');
    assert.deepEqual(UNIT.scenarios, [sc.id], 'the unit has one scenario');
    await playScenario(s.frame, sc, scenarioPaths(sc)[0]);
    const { calls, cmi } = await close(s);
    assertNoCallErrors(v, calls);
    const list = interactions(cmi);
    assert.equal(list.length, quiz.questions.length);
    list.forEach((it, n) => assertInteraction(v, it, answers[n], n));
    if (v === '1.2') {
      assert.equal(cmi.core.lesson_status, 'passed');
      assert.equal(cmi.core.score.raw, '100');
      assert.equal(cmi.core.exit, '');
    } else {
      assert.equal(cmi.completion_status, 'completed');
      assert.equal(cmi.success_status, 'passed');
      assert.equal(cmi.score.scaled, '1');
      assert.equal(cmi.score.raw, '100');
      assert.equal(cmi.progress_measure, '1');
      assert.equal(cmi.exit, 'normal');
    }
  });
}

test('SCORM 1.2: an LMS that refuses every update: a notice, and nothing lost', { timeout: 120_000 }, async () => {
  const name = 'all-scorm12';
  const s = await launch('1.2', name, { failSet: true });
  await s.frame.waitForSelector('#lms-notice .notice');
  assert.match(await textOf(s.frame, '#lms-notice'), /did not accept an update: LMSSetValue\(cmi\.[a-z_.]+\): General exception: the update was refused \(error 351\)\. Your work is not lost/);
  assert.equal(await s.frame.getAttribute('#lms-notice', 'role'), 'status');
  await assertAxeClean(s.frame, 'the LMS error notice, inside the LMS frame');
  await goHash(s.frame, `#/quiz/${quiz.id}/1`);
  const a = await answerOnScreen('1.2', s.frame, 'right');
  assert.match(await textOf(s.frame, '#feedback-heading'), /Correct$/, 'the module carries on');
  const key = `hsc:${course.id}:scorm12:all:progress`;
  const saved = await s.frame.evaluate((k) => localStorage.getItem(k), key);
  assert.ok(saved && saved.startsWith('hsc3;'), 'the progress is kept in the browser');
  // Relaunched in the same browser by an LMS that kept nothing: the answer is back from there.
  const page2 = watchErrors(await s.context.newPage());
  await page2.goto(`${lms.url}/lms/player.html`);
  await page2.evaluate((o) => window.launch(o), { version: '1.2', methods: METHODS['1.2'], kept: { core: { entry: '' } }, failSet: false, apiIn: 'parent', sco: `/pkg/${name}/index.html` });
  const frame2 = await contentFrame(page2, `/pkg/${name}/`);
  await frame2.waitForSelector('ol.cards > li');
  assert.equal(await frame2.evaluate(() => location.hash), '', 'a fresh launch opens at home');
  assert.match((await frame2.locator('ol.cards > li').first().textContent()).replace(/\s+/g, ' '), /Quiz: \W*1 of \d+ answered correctly/, `${a.q.id} is still answered`);
  assertNoErrors(page2);
  assertNoErrors(s.page);
  await s.context.close();
});

test('SCORM 2004: the API in the opener window (a package launched in a new window)', { timeout: 120_000 }, async () => {
  const s = await launch('2004', 'all-scorm2004', { apiIn: 'opener' });
  await goHash(s.frame, `#/quiz/${quiz.id}/1`);
  const a = await answerOnScreen('2004', s.frame, 'right');
  const { calls, cmi } = await close(s);
  assertNoCallErrors('2004', calls);
  const list = interactions(cmi);
  assert.equal(list.length, 1);
  assertInteraction('2004', list[0], a, 0);
});

test('no API anywhere: the package runs standalone, silently', { timeout: 120_000 }, async () => {
  const s = await launch('1.2', 'all-scorm12', { apiIn: 'none' });
  assert.equal(await s.frame.locator('ol.cards > li').count(), course.units.length);
  assert.equal(await s.frame.locator('#lms-notice').count(), 0, 'no notice');
  await goHash(s.frame, `#/quiz/${quiz.id}/1`);
  await answerOnScreen('1.2', s.frame, 'right');
  const saved = await s.frame.evaluate((k) => localStorage.getItem(k), `hsc:${course.id}:progress`);
  assert.ok(saved && saved.startsWith('hsc3;'), 'saved where a plain page saves');
  assert.deepEqual(await s.page.evaluate(() => window.calls), [], 'no API calls');
  assertNoErrors(s.page);
  await s.context.close();
});

test('SCORM 2004 with the lecturer\'s options: one unit, deferred quizzes, no pass mark', { timeout: 120_000 }, async () => {
  const objective = manifests.options.manifest.organizations.organization.item['imsss:sequencing']['imsss:objectives']['imsss:primaryObjective'];
  assert.equal(objective['imsss:minNormalizedMeasure'], undefined, 'no pass mark in the manifest');
  const s = await launch('2004', 'options');
  assert.equal(await s.frame.locator('ol.cards > li').count(), 1, 'one unit');
  const order = await quizOrderOnScreen(s.frame, quiz);
  const n = order.findIndex((id) => CHOICE_TYPES.has(quiz.questions.find((q) => q.id === id).type)) + 1;
  await goHash(s.frame, `#/quiz/${quiz.id}/${n}`);
  assert.equal(await s.frame.getByRole('button', { name: 'Check answer' }).count(), 0, 'deferred: no checking one by one');
  const m = await questionOnScreen(s.frame, quiz);
  for (const i of m.correct) await s.frame.click(`label[for="option-${i}"]`);
  await s.frame.click('label[for="sure-2"]');
  await goHash(s.frame, `#/quiz/${quiz.id}/results`);
  await s.frame.getByRole('button', { name: 'Submit all answers' }).click();
  await waitFocus(s.frame, 'view-heading', 'after submitting:');
  const { calls, cmi } = await close(s);
  assertNoCallErrors('2004', calls);
  const list = interactions(cmi);
  assert.equal(list.length, quiz.questions.length, 'a submit marks every question: one interaction each');
  const answered = list.filter((it) => it.learner_response !== '');
  assert.deepEqual(answered.map((it) => it.id), [m.q.id.replaceAll('-', '_')]);
  assert.equal(answered[0].result, 'correct');
  assert.ok(list.filter((it) => it !== answered[0]).every((it) => it.result === 'incorrect'), 'blank answers count as wrong');
  const hundredths = Math.floor(10000 / quiz.questions.length);
  assert.equal(Number(cmi.score.raw), hundredths / 100);
  assert.equal(Number(cmi.score.scaled), hundredths / 10000, 'no pass mark: nothing for the LMS to judge, so scaled is sent');
  assert.equal(cmi.success_status, 'unknown');
  assert.equal(cmi.completion_status, 'incomplete');
  assert.equal(cmi.exit, 'suspend');
});

test('SCORM 1.2: a new attempt starts afresh, and the last attempt\'s copy in the browser is set aside', { timeout: 120_000 }, async () => {
  const s = await launch('1.2', 'all-scorm12');
  await goHash(s.frame, `#/quiz/${quiz.id}/1`);
  await answerOnScreen('1.2', s.frame, 'right');
  const key = `hsc:${course.id}:scorm12:all:progress`;
  const before = await s.frame.evaluate((k) => localStorage.getItem(k), key);
  await close(s, { keep: true });
  // The LMS starts a new attempt: entry ab-initio and nothing kept.
  const again = await launch('1.2', 'all-scorm12', { context: s.context });
  await again.frame.waitForSelector('ol.cards > li');
  assert.match((await again.frame.locator('ol.cards > li').first().textContent()).replace(/\s+/g, ' '), /Quiz: \W*0 of \d+ answered correctly/, 'a fresh start');
  assert.equal(await again.frame.evaluate((k) => localStorage.getItem(k), `hsc:${course.id}:progress:backup`), before, 'the last attempt kept under the backup key');
  const { calls } = await close(again);
  assertNoCallErrors('1.2', calls);
});
