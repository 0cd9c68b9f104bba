// What a screen reader is given: Chromium's computed accessibility tree, read through the DevTools
// protocol (Accessibility.getFullAXTree), not the DOM. Each answer control of the quiz (role, name
// from its option's text in the compiled course, checked, value, disabled), a refused check
// (the group's description carries the visible error message; the control or its group is
// invalid), the disclosures (expanded before and after opening), the one live region (its text
// after each kind of action, with focus left where the app puts it, never on the region), and
// the focused heading after each view change. Every AX node asserted on is found through its DOM
// element (backendDOMNodeId), so the tree is compared with the very element the DOM shows.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, goHash, textOf, waitFocus, describeActive, spokenText,
  courseJson, courseSeed, richText, quizSeed, scenarioSeed, scenarioPaths, norm, seedPhrases, plainSeed,
  questionOnScreen, orderOnScreen, quizOrderOnScreen, placeOf, SURENESS, CHOICE_TYPES, answerByMouse, assertAxeClean,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const course = courseSeed();
const quiz = quizSeed();
const sc = scenarioSeed();

/* ------------------------------------------------------------------ the course as plain text */

const raw = courseJson();
const shortOf = new Map(raw.sources.map((s) => [s.id, s.short]));
const rawQuiz = raw.quizzes.find((q) => q.id === quiz.id);
const rawQuestion = (id) => rawQuiz.questions.find((q) => q.id === id);

/**
 * Rich text from course.json as the app says it in the live region (src/engine/text.rs `plain`):
 * the words as they are, a citation as "(Short, locator)" or "(Short)".
 */
function plainOf(runs) {
  return runs
    .map((r) => (typeof r === 'string' ? r : `(${shortOf.get(r.cite)}${r.locator ? `, ${r.locator}` : ''})`))
    .join('');
}

/* ------------------------------------------------------------------ the accessibility tree */

/** One AX node, flattened: role, name, description, value, properties by name, tree links. */
function flat(n) {
  return {
    id: n.nodeId,
    parent: n.parentId,
    children: n.childIds ?? [],
    dom: n.backendDOMNodeId,
    ignored: !!n.ignored,
    role: n.role?.value ?? '',
    name: n.name?.value ?? '',
    description: n.description?.value ?? '',
    value: n.value?.value,
    props: Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value?.value])),
  };
}

/** The whole tree: nodes by AX id and by DOM node, and a few questions to ask of it. */
async function axTree(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const all = nodes.map(flat);
  const byId = new Map(all.map((n) => [n.id, n]));
  const byDom = new Map();
  for (const n of all) if (n.dom != null && !n.ignored && !byDom.has(n.dom)) byDom.set(n.dom, n);
  const tree = {
    all,
    byId,
    byDom,
    /** The AX node of a DOM node (by backend id), or undefined when the tree leaves it out. */
    of: (dom) => byDom.get(dom),
    /** The focused node other than the document itself. */
    focused: () => all.find((n) => !n.ignored && n.props.focused === true && n.role !== 'RootWebArea'),
    /** Every node under `n` (not ignored), depth first. */
    descendants(n) {
      const out = [];
      const walk = (x) => {
        for (const c of x.children) {
          const y = byId.get(c);
          if (!y) continue;
          if (!y.ignored) out.push(y);
          walk(y);
        }
      };
      walk(n);
      return out;
    },
    /** The text a screen reader reads inside `n`: its StaticText nodes, in order. */
    text: (n) => tree.descendants(n).filter((d) => d.role === 'StaticText').map((d) => d.name).join('').replace(/\s+/g, ' ').trim(),
    /** The nearest ancestor of `n` with this role. */
    ancestor(n, role) {
      for (let p = byId.get(n.parent); p; p = byId.get(p.parent)) if (!p.ignored && p.role === role) return p;
      return undefined;
    },
    /** Whether `inner` is `outer` or inside it. */
    within(inner, outer) {
      for (let p = inner; p; p = byId.get(p.parent)) if (p.id === outer.id) return true;
      return false;
    },
    /** The roots of live regions: nodes whose `live` is polite or assertive and whose parent's is not. */
    liveRoots: () =>
      all.filter((n) => !n.ignored && ['polite', 'assertive'].includes(n.props.live) &&
        !['polite', 'assertive'].includes(byId.get(n.parent)?.props.live)),
  };
  return tree;
}

/** Reads the tree until `ok(tree)` holds (the tree follows the DOM a frame or so later); returns the last tree read. */
async function axUntil(cdp, ok, timeout = 3000) {
  const end = Date.now() + timeout;
  let tree;
  for (;;) {
    tree = await axTree(cdp);
    if (ok(tree)) return tree;
    if (Date.now() > end) return tree;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Backend DOM ids of the elements matching a selector, in document order. */
async function domIds(cdp, selector) {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  const ids = [];
  for (const nodeId of nodeIds) ids.push((await cdp.send('DOM.describeNode', { nodeId })).node.backendNodeId);
  return ids;
}

async function domId(cdp, selector) {
  const ids = await domIds(cdp, selector);
  assert.equal(ids.length, 1, `exactly one element matches ${selector}`);
  return ids[0];
}

/** A CDP session on this page with the accessibility tree switched on. */
async function axSession(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('Accessibility.enable');
  return cdp;
}

/** For failure messages. */
function show(n) {
  if (!n) return '(not in the accessibility tree)';
  const props = Object.entries(n.props).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
  return `${n.role} "${n.name}"${n.value !== undefined ? ` value="${n.value}"` : ''}${n.description ? ` description="${n.description}"` : ''} [${props}]`;
}

/** The AX nodes of these DOM nodes (backend ids), each required to be in the tree. */
function nodesOf(tree, ids, what) {
  return ids.map((id, i) => {
    const n = tree.of(id);
    assert.ok(n, `${what} ${i} is in the accessibility tree`);
    return n;
  });
}

/** Going to a question of this type; returns what questionOnScreen says of it. */
async function toQuestion(page, order, type, qz = quiz) {
  const n = await placeOf(page, (q) => q.type === type, qz, order);
  await goHash(page, `#/quiz/${qz.id}/${n}`);
  const m = await questionOnScreen(page, qz);
  assert.equal(m.q.type, type);
  return m;
}

/** The visible text of an element without its visually hidden parts (what the eye reads). */
async function visibleText(page, selector) {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) return '';
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }, selector);
}

/** Asserts the sureness radios: a group named by its legend, three radios named as the app shows, `checked` as given. */
async function assertSureness(page, cdp, checkedAt) {
  const legend = await textOf(page, 'fieldset.sureness legend');
  const group = await domId(cdp, 'fieldset.sureness');
  const radios = await domIds(cdp, 'input[name="sureness"]');
  const labels = await page.$$eval('input[name="sureness"]', (ins) => ins.map((i) => document.querySelector(`label[for="${i.id}"]`).textContent.trim()));
  assert.deepEqual(labels, SURENESS, 'the sureness labels on screen');
  const want = labels.map((_, i) => (i === checkedAt ? 'true' : 'false'));
  const tree = await axUntil(cdp, (t) => radios.every((r, i) => t.of(r)?.props.checked === want[i]));
  const g = tree.of(group);
  assert.ok(g, 'the sureness fieldset is in the accessibility tree');
  assert.equal(g.role, 'group');
  assert.equal(g.name, legend, 'the sureness group is named by its legend');
  nodesOf(tree, radios, 'sureness radio').forEach((n, i) => {
    assert.equal(n.role, 'radio', `sureness ${i}: ${show(n)}`);
    assert.equal(n.name, labels[i], `sureness ${i} is named by its label: ${show(n)}`);
    assert.equal(n.props.checked, want[i], `sureness "${labels[i]}" checked=${want[i]}: ${show(n)}`);
    assert.ok(tree.within(n, g), `sureness "${labels[i]}" is inside its group`);
  });
}

/** After a check: the answer controls are disabled in the DOM and in the tree alike. */
async function assertLockedInTree(page, cdp, selector, what) {
  const ids = await domIds(cdp, selector);
  assert.ok(ids.length > 0, `${what}: there are controls`);
  const disabled = await page.$$eval(selector, (els) => els.map((e) => e.disabled));
  assert.ok(disabled.every(Boolean), `${what}: the app disables the answer controls once checked`);
  const tree = await axUntil(cdp, (t) => ids.every((id) => t.of(id)?.props.disabled === true));
  nodesOf(tree, ids, what).forEach((n) => {
    assert.equal(n.props.disabled, true, `${what}: disabled in the tree as in the DOM: ${show(n)}`);
    assert.notEqual(n.props.focusable, true, `${what}: a disabled control is not focusable: ${show(n)}`);
  });
}

/** Says how sure (by its label) and checks with the keyboard on "Check answer"; waits for the feedback heading. */
async function checkWith(page, level = 1) {
  await page.click(`label[for="sure-${level}"]`);
  await page.getByRole('button', { name: 'Check answer' }).focus();
  await page.keyboard.press('Enter');
  await waitFocus(page, 'feedback-heading', 'after "Check answer":');
}

/* ------------------------------------------------------------------ 1. answer controls */

e2eTest(env, 'every kind of answer control has its role, its option\'s text as its name, and its state in the accessibility tree', async (open) => {
  const page = await open();
  const cdp = await axSession(page);
  await openApp(page, `#/quiz/${quiz.id}`);
  const order = await quizOrderOnScreen(page, quiz);
  const types = new Set();

  // The answer group: a fieldset named by the prompt, described by the hint.
  const assertAnswerGroup = async (tree, m) => {
    const g = tree.of(await domId(cdp, 'fieldset#answer'));
    assert.ok(g, 'the answer fieldset is in the tree');
    assert.equal(g.role, 'group');
    for (const p of seedPhrases(m.q.prompt)) assert.ok(norm(g.name).includes(p), `the answer group is named by the prompt of ${m.q.id}: "${p}" in "${g.name}"`);
    return g;
  };

  // Choice questions: radios (single, true/false) or checkboxes (multiple), each named by its option.
  for (const type of ['single', 'multiple', 'truefalse']) {
    const m = await toQuestion(page, order, type);
    types.add(type);
    const role = m.type; // 'radio' or 'checkbox'
    const ids = await domIds(cdp, 'form.question input[id^="option-"]');
    const hint = await textOf(page, '#question-hint');
    let tree = await axUntil(cdp, (t) => ids.every((id) => t.of(id)));
    const g = await assertAnswerGroup(tree, m);
    const labels = await page.$$eval('form.question input[id^="option-"]', (ins) => ins.map((i) => document.querySelector(`label[for="${i.id}"]`).textContent));
    m.q.options.forEach((o, seedAt) => {
      const k = m.dom[seedAt];
      const n = tree.of(ids[k]);
      assert.ok(n, `option ${k} of ${m.q.id} is in the tree`);
      assert.equal(n.role, role, `option ${k} of ${m.q.id} (${type}): ${show(n)}`);
      assert.ok(norm(n.name).includes(plainSeed(o.label)), `option ${k} is named by its text "${o.label}": ${show(n)}`);
      assert.equal(norm(n.name), norm(labels[k]), `option ${k}'s name is its label's text: ${show(n)}`);
      assert.equal(n.description, hint, `option ${k} is described by the hint: ${show(n)}`);
      assert.equal(n.props.checked, 'false', `option ${k} starts unchecked: ${show(n)}`);
      assert.equal(n.props.focusable, true);
      assert.ok(tree.within(n, g), `option ${k} is inside the answer group`);
    });
    if (type === 'truefalse') {
      assert.deepEqual(m.dom.map((k) => tree.of(ids[k]).name), m.q.options.map((o) => o.label), 'true/false: named as course.json says');
    }
    // Choose: a wrong option, then the right one(s); the tree says which are checked.
    const checkedNow = async (want, why) => {
      const w = ids.map((_, k) => (want.includes(k) ? 'true' : 'false'));
      tree = await axUntil(cdp, (t) => ids.every((id, k) => t.of(id)?.props.checked === w[k]));
      const dom = await page.$$eval('form.question input[id^="option-"]', (ins) => ins.map((i) => (i.checked ? 'true' : 'false')));
      assert.deepEqual(dom, w, `${why}: the DOM`);
      assert.deepEqual(ids.map((id) => tree.of(id)?.props.checked), w, `${why}: checked in the tree agrees with the DOM`);
    };
    await page.click(`label[for="option-${m.wrong[0]}"]`);
    await checkedNow([m.wrong[0]], `${m.q.id}: a wrong option chosen`);
    if (role === 'radio') {
      await page.click(`label[for="option-${m.correct[0]}"]`);
      await checkedNow([m.correct[0]], `${m.q.id}: another radio chosen unchecks the first`);
    } else {
      await page.click(`label[for="option-${m.wrong[0]}"]`);
      for (const k of m.correct) await page.click(`label[for="option-${k}"]`);
      await checkedNow(m.correct, `${m.q.id}: the wrong box unticked, the right ones ticked`);
    }
    await assertSureness(page, cdp, -1);
    await page.click('label[for="sure-2"]');
    await assertSureness(page, cdp, 2);
    await checkWith(page, 2);
    await assertLockedInTree(page, cdp, 'form.question input[id^="option-"]', `${m.q.id} after the check`);
    tree = await axTree(cdp);
    assert.deepEqual(
      tree.all.filter((n) => !n.ignored && n.role === 'radio' && SURENESS.includes(n.name)).map(show),
      [],
      'once checked, the sureness radios are gone from the tree as from the page',
    );
  }

  // Ordering: a list of items, each with "Move up: ITEM" and "Move down: ITEM" buttons.
  {
    const m = await toQuestion(page, order, 'ordering');
    types.add('ordering');
    const q = m.q;
    const n = q.items.length;
    const state = async () => {
      const shown = await orderOnScreen(page, q);
      const buttons = await page.$$eval('ol.order > li', (lis) =>
        lis.map((li) => [...li.querySelectorAll('button')].map((b) => ({ label: b.getAttribute('aria-label'), text: b.textContent.trim(), disabled: b.disabled }))),
      );
      return { shown, buttons };
    };
    const assertButtons = async (why) => {
      const { shown, buttons } = await state();
      // What the app does, from the DOM: only "Move up" on the top item and "Move down" on the
      // bottom one are disabled (they could do nothing there).
      buttons.forEach((bs, pos) => {
        assert.deepEqual(bs.map((b) => b.text), ['Move up', 'Move down'], `${why}: item ${pos} has both buttons`);
        assert.deepEqual(bs.map((b) => b.disabled), [pos === 0, pos === n - 1], `${why}: the DOM disables only the moves that cannot be made (item ${pos})`);
      });
      const ids = await domIds(cdp, 'ol.order > li button');
      const flatButtons = buttons.flat();
      const tree = await axUntil(cdp, (t) => ids.every((id, i) => !!t.of(id)?.props.disabled === flatButtons[i].disabled));
      ids.forEach((id, i) => {
        const node = tree.of(id);
        const pos = Math.floor(i / 2);
        const up = i % 2 === 0;
        const words = plainSeed(q.items[shown[pos]].label);
        assert.ok(node, `${why}: button ${i} is in the tree`);
        assert.equal(node.role, 'button', show(node));
        assert.equal(node.name, flatButtons[i].label, `${why}: the button's name is its aria-label: ${show(node)}`);
        assert.equal(norm(node.name), norm(`${up ? 'Move up' : 'Move down'}: ${words}`), `${why}: the button names its item: ${show(node)}`);
        assert.equal(!!node.props.disabled, flatButtons[i].disabled, `${why}: disabled in the tree as in the DOM: ${show(node)}`);
        assert.equal(node.props.focusable === true, !flatButtons[i].disabled, `${why}: focusable exactly when enabled: ${show(node)}`);
      });
      const list = tree.of(await domId(cdp, 'ol.order'));
      assert.equal(list?.role, 'list', `the items are a list: ${show(list)}`);
      assert.equal(tree.descendants(list).filter((d) => d.role === 'listitem').length, n, 'one list item per item');
      return shown;
    };
    const start = await assertButtons('ordering as first shown');
    // Move the second item up: it becomes the top item, and its "Move up" is disabled now.
    await page.locator('ol.order > li').nth(1).getByRole('button', { name: /^Move up/ }).click();
    await page.waitForFunction((w) => document.querySelector('ol.order > li .order-label')?.textContent.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() === w, plainSeed(q.items[start[1]].label));
    const after = await assertButtons('ordering after "Move up" on the second item');
    assert.deepEqual(after.slice(0, 2), [start[1], start[0]], 'the two items swapped');
    await assertSureness(page, cdp, -1);
    await checkWith(page, 0);
    assert.equal(await page.locator('ol.order button').count(), 0, 'the move buttons go once checked');
    const tree = await axTree(cdp);
    assert.deepEqual(tree.all.filter((x) => !x.ignored && x.role === 'button' && /^Move (up|down): /.test(x.name)).map(show), [], 'and leave the tree');
  }

  // Matching: a combobox per pair, named by the pair, its value the chosen target.
  {
    const m = await toQuestion(page, order, 'matching');
    types.add('matching');
    const q = m.q;
    const ids = await domIds(cdp, 'ul.assign select');
    const placeholder = await textOf(page, '#option-0 option');
    let tree = await axUntil(cdp, (t) => ids.every((id) => t.of(id)));
    const g = await assertAnswerGroup(tree, m);
    nodesOf(tree, ids, 'select').forEach((n, i) => {
      assert.equal(n.role, 'combobox', show(n));
      assert.equal(norm(n.name), plainSeed(q.pairs[i].label), `select ${i} is named by its pair: ${show(n)}`);
      assert.equal(n.value, placeholder, `select ${i} says "${placeholder}" until chosen: ${show(n)}`);
      assert.equal(n.props.expanded, false, `select ${i} is collapsed: ${show(n)}`);
      assert.ok(tree.within(n, g), `select ${i} is inside the answer group`);
      const options = tree.descendants(n).filter((d) => d.role === 'option');
      assert.deepEqual(options.map((o) => o.name), [placeholder, ...q.targets], `select ${i} offers the targets of course.json`);
      assert.deepEqual(options.map((o) => o.props.selected), [true, ...q.targets.map(() => false)], `select ${i}: the placeholder is selected`);
    });
    for (let i = 0; i < q.pairs.length; i++) await page.selectOption(`#option-${i}`, String(q.targets.indexOf(q.pairs[i].match)));
    tree = await axUntil(cdp, (t) => ids.every((id, i) => t.of(id)?.value === q.pairs[i].match));
    nodesOf(tree, ids, 'select').forEach((n, i) => {
      assert.equal(n.value, q.pairs[i].match, `select ${i}'s value is the target chosen: ${show(n)}`);
      const options = tree.descendants(n).filter((d) => d.role === 'option');
      assert.deepEqual(options.filter((o) => o.props.selected).map((o) => o.name), [q.pairs[i].match], `select ${i}: only the chosen option is selected`);
    });
    await checkWith(page, 1);
    await assertLockedInTree(page, cdp, 'ul.assign select', `${q.id} after the check`);
  }

  // Categorising: a group per statement (named by it), a radio per group of course.json.
  {
    const m = await toQuestion(page, order, 'categorise');
    types.add('categorise');
    const q = m.q;
    const ids = await domIds(cdp, 'fieldset.statement input[type="radio"]');
    const k = q.groups.length;
    assert.equal(ids.length, q.statements.length * k);
    let tree = await axUntil(cdp, (t) => ids.every((id) => t.of(id)));
    const g = await assertAnswerGroup(tree, m);
    nodesOf(tree, ids, 'radio').forEach((n, at) => {
      const i = Math.floor(at / k);
      const grp = at % k;
      assert.equal(n.role, 'radio', show(n));
      assert.equal(n.name, q.groups[grp], `statement ${i}, radio ${grp} is named by its group: ${show(n)}`);
      assert.equal(n.props.checked, 'false', show(n));
      const own = tree.ancestor(n, 'group');
      assert.ok(own && own.id !== g.id, `statement ${i}'s radios have a group of their own`);
      assert.equal(norm(own.name), plainSeed(q.statements[i].label), `statement ${i}'s group is named by the statement: ${show(own)}`);
      assert.ok(tree.within(own, g), 'the statement groups are inside the answer group');
    });
    const want = q.statements.map((s) => q.groups.indexOf(s.group));
    for (let i = 0; i < want.length; i++) await page.click(`label[for="${want[i] === 0 ? `option-${i}` : `option-${i}-${want[i]}`}"]`);
    const w = ids.map((_, at) => (want[Math.floor(at / k)] === at % k ? 'true' : 'false'));
    tree = await axUntil(cdp, (t) => ids.every((id, at) => t.of(id)?.props.checked === w[at]));
    assert.deepEqual(ids.map((id) => tree.of(id)?.props.checked), w, 'each statement\'s chosen group is checked, and only that one');
    await checkWith(page, 1);
    await assertLockedInTree(page, cdp, 'fieldset.statement input[type="radio"]', `${q.id} after the check`);
  }

  // Numeric and short text: a text box named by its label, its value what was typed.
  for (const type of ['numeric', 'text']) {
    const m = await toQuestion(page, order, type);
    types.add(type);
    const q = m.q;
    const id = await domId(cdp, '#option-0');
    const label = await textOf(page, 'label[for="option-0"]');
    const hint = await textOf(page, '#question-hint');
    let tree = await axUntil(cdp, (t) => t.of(id));
    const g = await assertAnswerGroup(tree, m);
    const box = tree.of(id);
    assert.equal(box.role, 'textbox', show(box));
    assert.equal(box.name, label, `the text box is named by its label: ${show(box)}`);
    assert.match(box.name, /^Your answer/);
    if (type === 'numeric' && q.units.length) assert.ok(box.name.includes(`(in ${q.units[0]})`), `the name gives the unit "${q.units[0]}": ${show(box)}`);
    assert.equal(box.description, hint, `the text box is described by the hint: ${show(box)}`);
    assert.equal(box.value ?? '', '', 'empty at first');
    assert.equal(box.props.multiline, false);
    assert.ok(tree.within(box, g), 'inside the answer group');
    const typed = type === 'numeric' ? `${q.answer} ${q.units[0] ?? ''}`.trim() : q.accepts[0].text;
    await page.fill('#option-0', typed);
    tree = await axUntil(cdp, (t) => t.of(id)?.value === typed);
    assert.equal(tree.of(id)?.value, typed, `the value is what was typed: ${show(tree.of(id))}`);
    await checkWith(page, 0);
    await assertLockedInTree(page, cdp, '#option-0', `${q.id} after the check`);
  }
  assert.deepEqual([...types].sort(), ['categorise', 'matching', 'multiple', 'numeric', 'ordering', 'single', 'text', 'truefalse']);
});

/* ------------------------------------------------------------------ 2. a refused check */

e2eTest(env, 'a refused check: the control or its group is invalid, and described by the error message shown', async (open) => {
  const page = await open();
  const cdp = await axSession(page);
  await openApp(page, `#/quiz/${quiz.id}`);
  const order = await quizOrderOnScreen(page, quiz);
  // Every defect found, listed together at the end, so one run names them all.
  const problems = [];

  /**
   * Presses "Check answer" with `groupSel`'s part unanswered; the app shows an `.error-message`
   * named by the group's aria-describedby. The group's AX description must carry that message,
   * and the group, or each of its controls, must be invalid.
   */
  const refused = async (what, groupSel, controlSel, answer) => {
    await page.getByRole('button', { name: 'Check answer' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${groupSel} .error-message`);
    const errorId = await page.$eval(`${groupSel} .error-message`, (e) => e.id);
    const message = await textOf(page, `#${errorId}`);
    assert.ok(await page.isVisible(`#${errorId}`), `${what}: the error message is shown`);
    assert.match(message, /^Error: /, `${what}: the message starts with "Error: " for screen readers`);
    const describedby = (await page.getAttribute(groupSel, 'aria-describedby')) ?? '';
    assert.ok(describedby.split(/\s+/).includes(errorId), `${what}: ${groupSel} is described by #${errorId}`);
    assert.equal(await page.locator('#feedback-heading').count(), 0, `${what}: nothing is graded`);
    const group = await domId(cdp, groupSel);
    const controls = await domIds(cdp, controlSel);
    const isInvalid = (t) => t.of(group)?.props.invalid === 'true' || controls.every((c) => t.of(c)?.props.invalid === 'true');
    let tree = await axUntil(cdp, (t) => t.of(group)?.description.includes(message));
    // The same render sets the message and any invalid state: one more read after a moment is enough.
    if (!isInvalid(tree)) tree = await axUntil(cdp, isInvalid, 300);
    const g = tree.of(group);
    if (!g?.description.includes(message)) problems.push(`${what}: the group's description should contain "${message}", but the tree has ${show(g)}`);
    if (!isInvalid(tree)) {
      problems.push(
        `${what}: after the refused check neither the group nor its controls are invalid; the tree has\n      ${show(g)}\n      ${controls.map((c) => show(tree.of(c))).join('\n      ')}`,
      );
    }
    // Once answered, the message goes, from the description too, and nothing is invalid any more.
    await answer();
    await page.waitForSelector(`#${errorId}`, { state: 'detached' });
    const later = await axUntil(cdp, (t) => !t.of(group)?.description.includes(message));
    if (later.of(group)?.description.includes(message)) problems.push(`${what}: answered, but the description still says "${message}": ${show(later.of(group))}`);
    const stillInvalid = [group, ...controls].map((c) => later.of(c)).filter((n) => n?.props.invalid === 'true');
    if (stillInvalid.length) problems.push(`${what}: answered, but still invalid: ${stillInvalid.map(show).join('; ')}`);
  };

  for (const type of ['single', 'multiple', 'truefalse', 'matching', 'categorise', 'numeric', 'text']) {
    const m = await toQuestion(page, order, type);
    const q = m.q;
    const controlSel = {
      matching: 'ul.assign select',
      categorise: 'fieldset.statement input[type="radio"]',
    }[type] ?? 'form.question #answer input';
    await refused(`${type} question (${q.id}), no answer`, 'fieldset#answer', controlSel, async () => {
      if (CHOICE_TYPES.has(type)) await page.click(`label[for="option-${m.correct[0]}"]`);
      else if (type === 'matching') for (let i = 0; i < q.pairs.length; i++) await page.selectOption(`#option-${i}`, '0');
      else if (type === 'categorise') for (let i = 0; i < q.statements.length; i++) await page.click(`label[for="option-${i}"]`);
      else await page.fill('#option-0', type === 'numeric' ? String(q.answer) : q.accepts[0].text);
    });
  }
  // An ordering question always has an order, so its check is refused for the sureness.
  await toQuestion(page, order, 'ordering');
  await refused('ordering question, no sureness', 'fieldset.sureness', 'input[name="sureness"]', () => page.click('label[for="sure-0"]'));

  assert.deepEqual(problems, [], `what a screen reader is told after a refused check:\n  ${problems.join('\n  ')}`);
});

/* ------------------------------------------------------------------ 3. disclosures */

e2eTest(env, 'disclosures are collapsed, then expanded once opened, in the accessibility tree', async (open, t) => {
  const page = await open();
  const cdp = await axSession(page);

  // The unit page's seminar prompts for lecturers.
  const unit = raw.units[0];
  await openApp(page, `#/unit/${unit.id}`);
  const summary = await domId(cdp, 'details.lecturer summary');
  const summaryText = await textOf(page, 'details.lecturer summary');
  let tree = await axUntil(cdp, (x) => x.of(summary));
  let s = tree.of(summary);
  assert.equal(s?.role, 'DisclosureTriangle', `the summary is a disclosure: ${show(s)}`);
  assert.equal(s.name, summaryText, show(s));
  assert.equal(await page.$eval('details.lecturer', (d) => d.open), false);
  assert.equal(s.props.expanded, false, `closed: expanded=false: ${show(s)}`);
  assert.equal(s.props.focusable, true);
  await page.focus('details.lecturer summary');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('details.lecturer').open);
  tree = await axUntil(cdp, (x) => x.of(summary)?.props.expanded === true);
  s = tree.of(summary);
  assert.equal(s.props.expanded, true, `opened: expanded=true: ${show(s)}`);
  assert.equal(tree.focused()?.id, s.id, 'focus stays on the summary');
  const prompts = tree.of(await domId(cdp, 'details.lecturer ol'));
  assert.equal(prompts?.role, 'list', `the prompts are a list in the tree once open: ${show(prompts)}`);
  const items = tree.descendants(prompts).filter((d) => d.role === 'listitem');
  assert.equal(items.length, unit.discuss.length, 'every seminar prompt of course.json');
  unit.discuss.forEach((d, i) => {
    for (const p of seedPhrases(richText(d))) assert.ok(norm(tree.text(items[i])).includes(p), `prompt ${i} reads "${p}"`);
  });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => !document.querySelector('details.lecturer').open);
  tree = await axUntil(cdp, (x) => x.of(summary)?.props.expanded === false);
  assert.equal(tree.of(summary)?.props.expanded, false, 'closed again: expanded=false');

  // The lecturers' page: a "Questions and answers (N)" disclosure per unit, built when opened.
  await goHash(page, '#/lecturers');
  const summaries = await domIds(cdp, '.lecturer-unit details summary');
  assert.equal(summaries.length, raw.units.length, 'a disclosure per unit');
  const texts = await page.$$eval('.lecturer-unit details summary', (ss) => ss.map((x) => x.textContent.trim()));
  const counts = raw.units.map((u) => raw.quizzes.find((q) => q.id === u.quiz).questions.length);
  assert.deepEqual(texts, counts.map((c) => `Questions and answers (${c})`), 'each names its unit\'s number of questions (course.json)');
  tree = await axTree(cdp);
  // Every unit's disclosure is in the tree before anything is scrolled: a screen reader's list of
  // controls must hold them all (static/style.css no longer uses content-visibility, which let
  // Chromium leave those below the fold out of the tree).
  const inTree = summaries.filter((id) => tree.of(id)).length;
  assert.equal(inTree, summaries.length, `lecturers' page before scrolling: ${inTree} of ${summaries.length} disclosures in the accessibility tree`);
  for (const [i, id] of summaries.entries()) {
    // Reached as a keyboard user reaches it: focus brings it into view.
    await page.locator('.lecturer-unit details summary').nth(i).focus();
    tree = await axUntil(cdp, (x) => x.of(id)?.name === texts[i] && x.focused()?.id === x.of(id)?.id);
    const n = tree.of(id);
    assert.equal(n?.role, 'DisclosureTriangle', `disclosure ${i}: ${show(n)}`);
    assert.equal(n.name, texts[i], `disclosure ${i} is named by its summary: ${show(n)}`);
    assert.equal(n.props.expanded, false, `disclosure ${i} starts collapsed: ${show(n)}`);
    assert.equal(tree.focused()?.id, n.id, `disclosure ${i} has focus`);
  }
  // Open the last one with Space (focus is on it).
  const last = summaries.length - 1;
  await page.keyboard.press('Space');
  await page.waitForFunction(() => [...document.querySelectorAll('.lecturer-unit details')].at(-1).open);
  await page.waitForSelector('.lecturer-unit:last-of-type details ol > li');
  tree = await axUntil(cdp, (x) => x.of(summaries[last])?.props.expanded === true);
  assert.equal(tree.of(summaries[last])?.props.expanded, true, `opened: ${show(tree.of(summaries[last]))}`);
  const answers = tree.of(await domId(cdp, '.lecturer-unit:last-of-type details ol'));
  assert.equal(answers?.role, 'list', `the questions and answers are in the tree once open: ${show(answers)}`);
  assert.equal(tree.descendants(answers).filter((d) => d.role === 'listitem').length, counts[last], 'one entry per question');
  for (let i = 0; i < last; i++) assert.equal(tree.of(summaries[i])?.props.expanded, false, `disclosure ${i} is still collapsed`);
});

/* ------------------------------------------------------------------ 4. the live region */

e2eTest(env, 'the one live region says the outcome of every action, and focus never goes to it', async (open) => {
  const page = await open();
  const cdp = await axSession(page);
  await openApp(page, '#/');
  const announcer = await domId(cdp, '#announcer');

  /** The live region as the tree has it: exactly one, this element, polite, atomic, outside main. */
  const region = (tree, where) => {
    const roots = tree.liveRoots();
    assert.deepEqual(roots.map((r) => r.dom), [announcer], `${where}: the only live region is #announcer (found ${roots.map(show).join('; ')})`);
    const r = roots[0];
    assert.equal(r.role, 'status', `${where}: ${show(r)}`);
    assert.equal(r.props.live, 'polite');
    assert.equal(r.props.atomic, true);
    assert.ok(!tree.within(r, tree.all.find((n) => n.role === 'main')), `${where}: the region is outside main, so a view change keeps it`);
    return r;
  };
  region(await axTree(cdp), 'at the start');
  assert.equal(await textOf(page, '#announcer'), '', 'nothing said at the start');

  /**
   * After an action: the region's text in the tree and in the DOM is `expected`; focus is on
   * `focusSel` (the element the app puts it on) in the DOM and in the tree, and not in the region.
   */
  const said = async (what, expected, focusSel) => {
    const focusDom = await domId(cdp, focusSel);
    const tree = await axUntil(cdp, (x) => {
      const r = x.liveRoots()[0];
      return r && x.text(r) === expected && x.focused()?.dom === focusDom;
    });
    const r = region(tree, what);
    assert.equal(tree.text(r), expected, `${what}: the live region's text in the tree`);
    assert.equal(await textOf(page, '#announcer'), expected, `${what}: the live region's text in the DOM`);
    const f = tree.focused();
    assert.ok(f, `${what}: something has focus`);
    assert.ok(!tree.within(f, r), `${what}: focus is not in the live region`);
    assert.equal(f.dom, focusDom, `${what}: the tree's focus is on ${focusSel}, not ${show(f)}`);
    assert.ok(
      await page.evaluate((s) => document.activeElement === document.querySelector(s) && !document.getElementById('announcer').contains(document.activeElement), focusSel),
      `${what}: focus is on ${focusSel}, not on ${await describeActive(page)}`,
    );
    return f;
  };

  await goHash(page, `#/quiz/${quiz.id}`);
  const order = await quizOrderOnScreen(page, quiz);

  // A single-choice question: refused, wrong, "Try again", right.
  const m = await toQuestion(page, order, 'single');
  const rq = rawQuestion(m.q.id);
  const check = page.getByRole('button', { name: 'Check answer' });
  await check.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#answer-error');
  // The live region says what the message by the options says (without its hidden "Error: ").
  const refusal = await visibleText(page, '#answer-error');
  assert.equal(refusal, 'Choose an answer before checking it.');
  await said('a refused check', refusal, 'form.question .actions button.button:not(.secondary)');
  assert.equal(await textOf(page, 'form.question .actions button.button:not(.secondary)'), 'Check answer', 'focus stays on "Check answer"');

  const wrongSeed = m.q.options.indexOf(m.seedAt(m.wrong[0]));
  await page.click(`label[for="option-${m.wrong[0]}"]`);
  await checkWith(page, 1);
  const wrongHeading = await spokenText(page, '#feedback-heading');
  assert.equal(wrongHeading, 'Not correct');
  let f = await said('a wrong answer checked', `${wrongHeading}. ${plainOf(rq.options[wrongSeed].feedback)}`, '#feedback-heading');
  assert.equal(f.role, 'heading');
  assert.equal(f.name, wrongHeading, 'the focused heading is read without its symbol');

  await page.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.getElementById('feedback-heading'));
  // Focus goes to the first option (the first enabled control of the answer), the choice cleared.
  f = await said('"Try again"', 'Answer cleared. Choose again.', '#option-0');
  assert.equal(f.role, 'radio');
  assert.equal(f.props.checked, 'false', 'the choice is cleared');

  await page.click(`label[for="option-${m.correct[0]}"]`);
  await page.getByRole('button', { name: 'Check answer' }).focus();
  await page.keyboard.press('Enter');
  await waitFocus(page, 'feedback-heading');
  const rightHeading = await spokenText(page, '#feedback-heading');
  assert.equal(rightHeading, 'Correct');
  const rightFeedback = rq.options.filter((o) => o.correct).map((o) => plainOf(o.feedback)).join(' ');
  f = await said('a right answer checked', `${rightHeading}. ${rightFeedback}`, '#feedback-heading');
  assert.equal(f.name, rightHeading);

  // A true/false question answered wrongly, then "Show the answer".
  const tf = await toQuestion(page, order, 'truefalse');
  const rtf = rawQuestion(tf.q.id);
  await page.click(`label[for="option-${tf.wrong[0]}"]`);
  await checkWith(page, 0);
  await page.getByRole('button', { name: 'Show the answer' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /The answer$/.test(document.getElementById('feedback-heading')?.textContent ?? ''));
  const shownHeading = await spokenText(page, '#feedback-heading');
  assert.equal(shownHeading, 'The answer');
  const key = rtf.options.filter((o) => o.correct).map((o) => plainOf(o.label)).join('; ');
  f = await said('"Show the answer"', `${shownHeading}: ${key}.`, '#feedback-heading');
  assert.equal(f.name, shownHeading);

  // An ordering question: "Move up" on the third item; focus stays on that item's "Move up".
  const om = await toQuestion(page, order, 'ordering');
  const ro = rawQuestion(om.q.id);
  const start = await orderOnScreen(page, om.q);
  const from = 2;
  const item = start[from];
  await page.focus(`#move-up-${item}`);
  await page.keyboard.press('Space');
  await page.waitForFunction(([pos, w]) => document.querySelectorAll('ol.order > li .order-label')[pos]?.textContent.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() === w, [from - 1, plainSeed(om.q.items[item].label)]);
  f = await said('a move up', `${plainOf(ro.items[item].label)}: now ${from} of ${start.length}.`, `#move-up-${item}`);
  assert.equal(f.role, 'button');
  assert.equal(norm(f.name), norm(`Move up: ${plainSeed(om.q.items[item].label)}`));

  // The scenario: a choice brings its consequence into the region and the next node onto the page.
  const route = scenarioPaths(sc)[0];
  const step = route.steps[0];
  const rawSc = raw.scenarios.find((x) => x.id === sc.id);
  const choice = rawSc.nodes.find((nd) => nd.id === step.node).choices[step.choice];
  await goHash(page, `#/scenario/${sc.id}`);
  await page.getByRole('button', { name: 'Start the scenario' }).focus();
  await page.keyboard.press('Enter');
  await waitFocus(page, 'scenario-step');
  await said('the scenario started', `Scenario started: ${sc.title}.`, '#scenario-step');
  await page.locator('ul.choices button').nth(step.index).focus();
  await page.keyboard.press('Enter');
  await waitFocus(page, 'scenario-happened');
  const next = route.steps[1]?.node ?? route.ending;
  const ending = sc.endings.get(next);
  const consequence = plainOf(choice.consequence) + (ending ? ` Ending reached: ${ending.title}.` : '');
  f = await said('a scenario choice', consequence, '#scenario-happened');
  assert.equal(f.role, 'heading');
  assert.equal(f.name, await textOf(page, '#scenario-happened'));
  const tree = await axTree(cdp);
  const mainText = norm(tree.text(tree.all.find((n) => n.role === 'main')));
  if (ending) {
    assert.ok(mainText.includes(norm(ending.title)), 'the ending is in the tree');
  } else {
    assert.ok(tree.all.some((n) => n.role === 'heading' && n.name === 'Decision 2'), 'the next decision\'s heading is in the tree');
    for (const p of seedPhrases(sc.nodes.get(next).text)) assert.ok(mainText.includes(p), `the next node's text is in the tree: "${p}"`);
  }
});

/* ------------------------------------------------------------------ 5. headings */

e2eTest(env, 'after each view change the focused node is the view\'s heading, named as on screen', async (open) => {
  const page = await open();
  const cdp = await axSession(page);
  await openApp(page, '#/');
  const unit = raw.units[0];
  const lesson = raw.lessons.find((l) => l.id === unit.lesson);
  const total = quiz.questions.length;

  // On the first view focus stays at the top of the document (no heading is focused).
  let tree = await axTree(cdp);
  assert.equal(tree.focused(), undefined, `on the first view nothing but the document has focus: ${show(tree.focused())}`);

  const viewHeading = async (what, expected) => {
    await waitFocus(page, 'view-heading', `${what}:`);
    const dom = await domId(cdp, '#view-heading');
    tree = await axUntil(cdp, (x) => x.focused()?.dom === dom && x.focused()?.name === expected);
    const f = tree.focused();
    assert.ok(f, `${what}: a node has focus in the tree`);
    assert.equal(f.dom, dom, `${what}: the focused node is #view-heading, not ${show(f)}`);
    assert.equal(f.role, 'heading', `${what}: ${show(f)}`);
    assert.equal(f.props.level, 1, `${what}: a level 1 heading`);
    assert.equal(f.name, await textOf(page, '#view-heading'), `${what}: named as the heading on screen`);
    assert.equal(f.name, expected, `${what}: the view's heading`);
    const h1s = tree.all.filter((n) => !n.ignored && n.role === 'heading' && n.props.level === 1);
    assert.deepEqual(h1s.map((n) => n.name), [expected], `${what}: one level 1 heading`);
  };

  await page.getByRole('link', { name: `Unit 1: ${unit.title}`, exact: true }).click();
  await viewHeading('home → unit', `Unit 1: ${unit.title}`);
  await page.getByRole('link', { name: `Lesson: ${lesson.title}` }).click();
  await viewHeading('unit → lesson', lesson.title);
  await page.getByRole('link', { name: 'Go to the quiz' }).click();
  await viewHeading('lesson → quiz', quiz.title);
  await page.getByRole('link', { name: 'Start the quiz' }).click();
  await viewHeading('quiz → question', `Question 1 of ${total}`);
  await page.getByRole('link', { name: 'Skip to the next question' }).click();
  await viewHeading('question → next question', `Question 2 of ${total}`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await viewHeading('question → home', course.title);
});

e2eTest(env, 'on the long pages every heading is in the accessibility tree before anything is scrolled', async (open) => {
  const page = await open();
  const cdp = await axSession(page);
  await openApp(page, '#/');
  for (const hash of ['#/glossary', '#/timeline', '#/lecturers', `#/lesson/${raw.units[0].lesson}`]) {
    await goHash(page, hash);
    // goHash waits until the page shows its last part (src/ui/steps.rs).
    const headings = await domIds(cdp, '#main h2, #main h3');
    assert.ok(headings.length > 3, `${hash}: ${headings.length} headings`);
    const each = { '#/glossary': ['.term-entry h2', raw.terms.length], '#/timeline': ['.tl-event h2', raw.events.length], '#/lecturers': ['.lecturer-unit h3', raw.units.length] }[hash];
    if (each) assert.equal((await domIds(cdp, each[0])).length, each[1], `${hash}: one heading per entry (course.json)`);
    const tree = await axTree(cdp);
    const missing = headings.filter((id) => tree.of(id)?.role !== 'heading');
    assert.equal(missing.length, 0, `${hash}: ${missing.length} of ${headings.length} headings are not headings in the accessibility tree`);
  }
});

/* ------------------------------------------------------------------ every state of every kind */

/**
 * The tree says of every answer and sureness control what the page shows: its role for its kind,
 * a name, checked for a radio or checkbox, the chosen text of a select or the typed text of a box,
 * and disabled exactly when the control is.
 */
async function assertTreeMirrorsPage(page, cdp, what) {
  const sel = 'form.question #answer input, form.question #answer select, form.question #answer button, form.question fieldset.sureness input';
  const ids = await domIds(cdp, sel);
  // A checked ordering question keeps no controls (its Move buttons go); every other has some.
  assert.ok(ids.length > 0 || /^ordering, (checked|answer shown|out of tries)/.test(what), `${what}: there are controls`);
  const dom = await page.$$eval(sel, (els) => els.map((e) => ({
    kind: e.tagName === 'INPUT' ? e.type : e.tagName.toLowerCase(),
    checked: e.checked,
    disabled: e.disabled,
    value: e.tagName === 'SELECT' ? e.options[e.selectedIndex]?.textContent.trim() : e.value,
  })));
  const ROLE = { radio: 'radio', checkbox: 'checkbox', select: 'combobox', text: 'textbox', button: 'button' };
  const agrees = (n, d) => n && n.role === ROLE[d.kind] && (n.props.disabled === true) === d.disabled &&
    (!['radio', 'checkbox'].includes(d.kind) || n.props.checked === String(d.checked));
  const tree = await axUntil(cdp, (t) => ids.every((id, i) => agrees(t.of(id), dom[i])));
  nodesOf(tree, ids, `${what}: control`).forEach((n, i) => {
    const d = dom[i];
    assert.equal(n.role, ROLE[d.kind], `${what}: control ${i} (${d.kind}) has its role: ${show(n)}`);
    assert.ok(n.name.trim().length > 0, `${what}: control ${i} has a name: ${show(n)}`);
    assert.equal(n.props.disabled === true, d.disabled, `${what}: control ${i} disabled as on the page: ${show(n)}`);
    if (d.kind === 'radio' || d.kind === 'checkbox') assert.equal(n.props.checked, String(d.checked), `${what}: control ${i} checked as on the page: ${show(n)}`);
    if (d.kind === 'select' || d.kind === 'text') assert.equal(n.value ?? '', d.value, `${what}: control ${i} value as on the page: ${show(n)}`);
  });
}

/**
 * Gives the question on screen (`m`, from questionOnScreen) a wrong answer: for matching,
 * categorising and ordering only its first item is changed, so the answer is partly given.
 */
async function answerPartlyWrong(page, m, type) {
  if (m.type === 'radio' || m.type === 'checkbox') {
    if (!(await page.$eval(`#option-${m.wrong[0]}`, (i) => i.checked))) await page.click(`label[for="option-${m.wrong[0]}"]`);
  } else if (type === 'numeric') await page.fill('#option-0', String(Number(m.q.answer) + Number(m.q.tolerance || 0) + 7));
  else if (type === 'text') await page.fill('#option-0', 'zqxjv');
  else if (type === 'matching') await page.selectOption('#option-0', String((m.q.targets.indexOf(m.q.pairs[0].match) + 1) % m.q.targets.length));
  else if (type === 'categorise') {
    const g = (m.q.groups.indexOf(m.q.statements[0].group) + 1) % m.q.groups.length;
    await page.click(`label[for="${g === 0 ? 'option-0' : `option-0-${g}`}"]`);
  } else await page.locator('ol.order button[aria-label^="Move down"]').first().click();
}

e2eTest(env, 'every kind of question, in every state, tells assistive technology what the page shows', async (open, t) => {
  const page = await open();
  const cdp = await axSession(page);
  await openApp(page, `#/quiz/${quiz.id}`);
  const order = await quizOrderOnScreen(page, quiz);
  for (const type of ['single', 'multiple', 'truefalse', 'ordering', 'matching', 'categorise', 'numeric', 'text']) {
    await t.test(type, async () => {
      const m = await toQuestion(page, order, type);
      await assertTreeMirrorsPage(page, cdp, `${type}, unanswered`);
      // Partly answered (or, for one-answer kinds, answered and not yet checked), and wrong.
      const answerWrong = () => answerPartlyWrong(page, m, type);
      await answerWrong();
      await assertTreeMirrorsPage(page, cdp, `${type}, partly answered`);
      // Matching and categorising check only a full answer: every item given, wrongly.
      if (type === 'matching' || type === 'categorise') await answerByMouse(page, m.q, false);
      await page.click('label[for="sure-0"]');
      await page.getByRole('button', { name: 'Check answer' }).click();
      await waitFocus(page, 'feedback-heading', `${type}: after "Check answer" (the live region says: ${await textOf(page, '#announcer')})`);
      await assertTreeMirrorsPage(page, cdp, `${type}, checked and wrong`);
      await page.getByRole('button', { name: 'Try again' }).click();
      await assertTreeMirrorsPage(page, cdp, `${type}, after "Try again"`);
      if (type === 'matching' || type === 'categorise') await answerByMouse(page, m.q, false);
      else await answerWrong();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await waitFocus(page, 'feedback-heading', `${type}: after checking again`);
      await page.getByRole('button', { name: 'Show the answer' }).click();
      await page.waitForFunction(() => ![...document.querySelectorAll('button')].some((b) => b.textContent === 'Show the answer'));
      await assertTreeMirrorsPage(page, cdp, `${type}, answer shown`);
    });
  }
});

// A quiz that limits tries (unit 4's allows three): the third wrong check shows the answer by
// itself. For every kind of question, at both widths: said in the live region and shown under the
// feedback heading, no way to try again or to show the answer, the controls disabled in the tree
// as on the page, and nothing for axe to find.
const LIMITED = raw.units.findIndex((u) => raw.quizzes.find((q) => q.id === u.quiz)?.tries > 0);
for (const width of [1280, 320]) {
  e2eTest(env, `out of tries, every kind of question at ${width} px: the answer is shown, said and locked`, async (open, t) => {
    assert.ok(LIMITED >= 0, 'a quiz in the course limits tries');
    const qz = quizSeed(LIMITED);
    const tries = raw.quizzes.find((q) => q.id === qz.id).tries;
    const page = await open({ viewport: { width, height: 800 } });
    const cdp = await axSession(page);
    await openApp(page, `#/quiz/${qz.id}`);
    assert.match(await textOf(page, 'main'), new RegExp(`You have ${tries} tries per question; then the answer is shown\\.`));
    const order = await quizOrderOnScreen(page, qz);
    const used = `No tries left: you have used all ${tries} tries this quiz allows, so the answer is shown.`;
    for (const type of ['single', 'multiple', 'truefalse', 'ordering', 'matching', 'categorise', 'numeric', 'text']) {
      await t.test(type, async () => {
        const m = await toQuestion(page, order, type, qz);
        await page.click('label[for="sure-0"]');
        for (let i = 1; i <= tries; i++) {
          if (type === 'matching' || type === 'categorise') await answerByMouse(page, m.q, false);
          else if (type === 'ordering') {
            // Any order but the right one (a move could happen to make it right).
            const right = (o) => o.every((item, at) => item === at);
            if (right(await orderOnScreen(page, m.q))) await answerPartlyWrong(page, m, type);
          } else await answerPartlyWrong(page, m, type);
          await page.getByRole('button', { name: 'Check answer' }).click();
          await waitFocus(page, 'feedback-heading', `${type}: check ${i}`);
          assert.notEqual(await spokenText(page, '#feedback-heading'), 'Correct', `${type}: check ${i} is wrong`);
          if (i < tries) {
            assert.equal(await page.locator('#tries-used').count(), 0, `${type}: a try is left after ${i}`);
            await page.getByRole('button', { name: 'Try again' }).click();
          }
        }
        assert.equal(await spokenText(page, '#feedback-heading'), 'The answer', `${type}: the answer is shown`);
        assert.equal(await textOf(page, '#tries-used'), used, `${type}: shown, not only said`);
        assert.ok(await page.isVisible('#tries-used'));
        const said = await textOf(page, '#announcer');
        assert.ok(said.includes(` ${used} The answer: `), `${type}: said in the live region: "${said}"`);
        for (const name of ['Try again', 'Show the answer', 'Check answer']) {
          assert.equal(await page.getByRole('button', { name }).count(), 0, `${type}: no "${name}" once out of tries`);
        }
        await assertTreeMirrorsPage(page, cdp, `${type}, out of tries`);
        const controls = 'form.question #answer input, form.question #answer select, form.question #answer button';
        if (await page.locator(controls).count() > 0) await assertLockedInTree(page, cdp, controls, `${type}, out of tries`);
        await assertAxeClean(page, `${type}, out of tries at ${width} px`);
      });
    }
  });
}
