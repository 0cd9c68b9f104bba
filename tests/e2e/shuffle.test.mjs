// A shuffled quiz (`shuffle: yes`): each learner gets their own order of questions and of the options
// of single and multiple choice questions, from a seed kept with their progress, so a reload shows the
// same order. Math.random (which picks the seed on a learner's first visit) is replaced by a constant
// per browser context, so the orders, and this test, are the same on every run.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { setup, e2eTest, openApp, goHash, quizSeed, questionOnScreen, courseSeed, fixRandom } from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const quiz = quizSeed();
const course = courseSeed();

/** Every question as this learner sees it, in order: its quiz.txt id and, for choice questions, where each option is shown. */
async function quizAsShown(page) {
  const shown = [];
  for (let n = 1; n <= quiz.questions.length; n++) {
    await goHash(page, `#/quiz/${quiz.id}/${n}`);
    const m = await questionOnScreen(page, quiz);
    shown.push({ id: m.q.id, type: m.q.type, options: m.dom ?? null });
  }
  return shown;
}

async function reload(page) {
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#app[data-started] #view-heading');
}

e2eTest(env, 'two learners with different seeds get different orders, each kept across a reload', async (open) => {
  assert.ok(quiz.shuffle, 'quiz.txt shuffles');
  const learners = [];
  for (const random of [0.125, 0.8125]) {
    const page = await open();
    await fixRandom(page, random);
    await openApp(page, `#/quiz/${quiz.id}`);
    const shown = await quizAsShown(page);
    // The seed is kept with the learner's progress.
    const seed = Math.max(1, Math.floor(random * 0xffffffff));
    const stored = await page.evaluate((id) => localStorage.getItem(`hsc:${id}:progress`), course.id);
    // Stored progress writes numbers as six base-64 digits (0-9, A-Z, a-z, -, _), most significant first.
    const B64 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
    const digits = [5, 4, 3, 2, 1, 0].map((i) => B64[Math.floor(seed / 64 ** i) % 64]).join('');
    assert.match(stored ?? '', new RegExp(`^hsc3;s=${digits}(;|$)`), `the seed ${seed} is stored with progress: "${stored}"`);
    learners.push({ page, shown });
  }
  const [a, b] = learners.map((l) => l.shown);
  const ids = (shown) => shown.map((s) => s.id);
  for (const shown of [a, b]) {
    assert.deepEqual([...ids(shown)].sort(), quiz.questions.map((q) => q.id).sort(), 'each learner sees every question once');
    // True or false always reads True, then False.
    for (const s of shown.filter((x) => x.type === 'truefalse')) assert.deepEqual(s.options, [0, 1], `${s.id} keeps True then False`);
  }
  assert.notDeepEqual(ids(a), ids(b), 'the two learners get different question orders');
  assert.notDeepEqual(ids(a), quiz.questions.map((q) => q.id), 'the first learner\'s order is shuffled');
  const optionsOf = (shown) => shown.filter((s) => s.type === 'single' || s.type === 'multiple').map((s) => `${s.id}:${s.options.join(',')}`).sort();
  assert.notDeepEqual(optionsOf(a), optionsOf(b), 'the two learners get different option orders');
  assert.ok(
    a.some((s) => (s.type === 'single' || s.type === 'multiple') && s.options.some((d, i) => d !== i)),
    'some options are shown out of their quiz.txt order',
  );

  // Each learner's orders survive a reload.
  for (const { page, shown } of learners) {
    await reload(page);
    assert.deepEqual(await quizAsShown(page), shown, 'after a reload, the same questions and options in the same order');
  }
});
