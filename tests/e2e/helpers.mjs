// Shared helpers for the real-browser end-to-end tests: a static server for dist/, headless
// Chromium through playwright-core, error capture, axe-core, keyboard focus helpers, and the
// course as the compiler reads it (target/course.json), so that the tests follow the content
// instead of copying it, and play the scenario by its rules independently of the Rust engine.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
// E2E_DIST serves another build (for example a deliberately broken copy, to see the suite fail).
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist');
const SEEDS = path.join(ROOT, 'seeds');
const AXE_PATH = path.join(ROOT, 'tests', 'node_modules', 'axe-core', 'axe.min.js');

/* ------------------------------------------------------------------ static server */

// HTML goes without a charset, as nginx and Apache send it unless told otherwise, so that the page's
// own <meta charset="windows-1252"> holds (src/dist/copy.rs); lms.mjs, like some VLEs, labels it
// UTF-8, which makes the loader read the page's bytes itself.
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves dist/ on 127.0.0.1 at a free port, with any extra response headers. Resolves to { url, close() }. */
export async function startServer(dir = DIST, extraHeaders = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(
      `${dir}/index.html is missing: build the app first with ` +
        '`PATH=$PWD/tests/node_modules/.bin:$PATH trunk build --release --offline` in the project root',
    );
  }
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(root, '.' + pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        // As GitHub Pages and most static hosts send: lets the module load inside a sandboxed
        // iframe, whose opaque origin makes every request cross-origin.
        'access-control-allow-origin': '*',
        ...extraHeaders,
      });
      res.end(body);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/* ------------------------------------------------------------------ browser */

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Starts the server and the browser for one test file. Use with before/after:
 *   const env = setup(); before(env.start); after(env.stop);
 * and env.page() for a fresh page (own context, so own localStorage) that records errors.
 */
export function setup() {
  const env = {
    server: null,
    browser: null,
    contexts: [],
    async start() {
      env.server = await startServer();
      env.browser = await launchBrowser();
    },
    async stop() {
      for (const c of env.contexts) await c.close().catch(() => {});
      await env.browser?.close();
      await env.server?.close();
    },
    /** A fresh page in a new browser context; `page.errors` collects page and console errors. */
    async page(options = {}) {
      const context = await env.browser.newContext({ viewport: { width: 1024, height: 768 }, ...options });
      env.contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      watchErrors(page);
      page.base = env.server.url;
      return page;
    },
  };
  return env;
}

/** The browser's own fetch of the page icon (ours is icon.svg), which a navigation can cut off. */
function isFavicon(url) {
  return /\/(favicon\.ico|icon\.svg)(\?|$)/.test(url || '');
}

/** Records uncaught exceptions and console errors (other than the page icon) on page.errors. */
export function watchErrors(page) {
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(`pageerror: ${err.stack || err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (isFavicon(msg.location()?.url)) return;
    page.errors.push(`console.error: ${msg.text()} (${msg.location()?.url ?? ''})`);
  });
  page.on('requestfailed', (req) => {
    if (isFavicon(req.url())) return;
    page.errors.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !isFavicon(res.url())) {
      page.errors.push(`HTTP ${res.status()} for ${res.url()}`);
    }
  });
  return page;
}

/** Fails when the page has recorded any error. Call at the end of every test (and in afterEach). */
export function assertNoErrors(page) {
  assert.deepEqual(page.errors, [], `the page reported errors:\n${page.errors.join('\n')}`);
}

/**
 * A test that gets fresh pages from `open(options)`; when it ends, it fails if any of those pages
 * reported a page error or a console error, and closes them. Every test must pass: no skip, no todo.
 */
export function e2eTest(env, name, fn) {
  return test(name, async (t) => {
    const pages = [];
    const open = async (options) => {
      const p = await env.page(options);
      pages.push(p);
      return p;
    };
    try {
      await fn(open, t);
    } catch (err) {
      const errors = pages.flatMap((p) => p.errors);
      if (errors.length) err.message += `\n(the page also reported errors:\n${errors.join('\n')})`;
      throw err;
    } finally {
      for (const p of pages) await p.context().close().catch(() => {});
    }
    for (const p of pages) assertNoErrors(p);
  });
}

/** Loads the app at a hash route in this page and waits until the view is rendered. */
export async function openApp(page, hash = '#/') {
  await page.goto(page.base + hash, { waitUntil: 'load' });
  await waitForApp(page);
}

/** Waits until the app (not the loading placeholder) shows a view heading and the whole view. */
export async function waitForApp(page) {
  await page.waitForSelector('#app[data-started] #view-heading', { state: 'attached' });
  await waitFilled(page);
}

/**
 * Waits until a long view (glossary, timeline, lesson, lecturers) shows all its parts: it shows
 * them a step at a time, marking the page `<html data-filling="true">` until the last.
 */
export async function waitFilled(page) {
  await page.waitForFunction(() => document.documentElement.dataset.filling !== 'true');
}

/**
 * Changes the route the way a link would (the hash set, no reload) and waits for the new view:
 * the app moves focus to the view's heading on every view change.
 */
export async function goHash(page, hash) {
  await page.evaluate((h) => {
    document.activeElement?.blur();
    location.hash = h;
  }, hash);
  await page.waitForFunction((h) => location.hash === h, hash);
  await waitFocus(page, 'view-heading', `after going to ${hash}:`);
  await waitFilled(page);
}

/* ------------------------------------------------------------------ focus and keyboard */

/** A short description of the focused element, for failure messages. */
export async function describeActive(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    const id = el.id ? `#${el.id}` : '';
    const cls = el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
    return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
  });
}

/**
 * Whether document.activeElement satisfies `pred`, a function (el, arg) => boolean that runs in
 * the page (it must not close over test variables: pass them in `arg`).
 */
export async function activeMatches(page, pred, arg = null) {
  return page.evaluate(
    `(${pred.toString()})(document.activeElement, ${JSON.stringify(arg)})`,
  );
}

/**
 * Presses Tab (or Shift+Tab with { back: true }) until the focused element satisfies `pred`.
 * Fails after `max` presses, listing every element visited, instead of looping forever.
 */
export async function tabTo(page, pred, arg = null, { max = 40, back = false } = {}) {
  const trail = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await activeMatches(page, pred, arg)) return;
    trail.push(await describeActive(page));
  }
  assert.fail(
    `no element matching ${pred.toString()} ${JSON.stringify(arg)} after ${max} ${back ? 'Shift+Tab' : 'Tab'} presses; visited:\n  ${trail.join('\n  ')}`,
  );
}

/** Predicates for tabTo / activeMatches (they run in the page). */
export const is = {
  id: (el, id) => el.id === id,
  /** A button or link whose visible text is exactly `text` (whitespace collapsed). */
  control: (el, text) =>
    (el.tagName === 'BUTTON' || el.tagName === 'A') && el.textContent.replace(/\s+/g, ' ').trim() === text,
  /** A button or link whose visible text, normalised like norm(), equals `text`. */
  controlNorm: (el, text) =>
    (el.tagName === 'BUTTON' || el.tagName === 'A') &&
    el.textContent.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() === text,
  /** An option input of the question. */
  option: (el) => el.tagName === 'INPUT' && /^option-\d+$/.test(el.id),
  /** A button whose aria-label, normalised like norm(), equals `text`. */
  labelled: (el, text) =>
    el.tagName === 'BUTTON' && (el.getAttribute('aria-label') || '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() === text,
};

/**
 * Like tabTo, but first works out from the document order whether the element is after the
 * focused one (Tab) or before it (Shift+Tab). Only reads the page; focus moves by keyboard alone.
 */
export async function tabToward(page, pred, arg = null, { max = 40 } = {}) {
  if (await activeMatches(page, pred, arg)) return;
  const where = await page.evaluate(`(() => {
    const pred = (${pred.toString()});
    const arg = ${JSON.stringify(arg)};
    const target = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].find((el) => pred(el, arg));
    if (!target) return 'missing';
    const active = document.activeElement;
    if (!active || active === document.body) return 'after';
    return active.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
  })()`);
  assert.notEqual(where, 'missing', `no element on the page matches ${pred.toString()} ${JSON.stringify(arg)}`);
  await tabTo(page, pred, arg, { max, back: where === 'before' });
}

/** Waits (briefly) until the element with this id has focus; fails saying where focus is instead. */
export async function waitFocus(page, id, message = '') {
  try {
    await page.waitForFunction((i) => document.activeElement?.id === i, id, { timeout: 5000 });
  } catch {
    assert.fail(`${message} expected #${id} to get focus, but focus is on ${await describeActive(page)}`);
  }
}

/** Asserts that the element with this id has focus. */
export async function assertFocused(page, id, message = '') {
  const ok = await page.evaluate((i) => document.activeElement?.id === i, id);
  assert.ok(ok, `${message} expected #${id} to have focus, but focus is on ${await describeActive(page)}`);
}

/* ------------------------------------------------------------------ axe-core */

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on the whole document; returns the violations (empty when clean). */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  return page.evaluate(
    (values) =>
      window.axe
        .run(document, { runOnly: { type: 'tag', values } })
        .then((r) =>
          r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            targets: v.nodes.map((n) => n.target.join(' ')),
            summaries: v.nodes.map((n) => n.failureSummary),
          })),
        ),
    AXE_TAGS,
  );
}

export function formatViolations(violations) {
  return violations
    .map(
      (v) =>
        `  [${v.impact}] ${v.id}: ${v.help}\n` +
        v.targets.map((t, i) => `      ${t}\n        ${(v.summaries[i] || '').replace(/\n/g, '\n        ')}`).join('\n'),
    )
    .join('\n');
}

/** Fails with rule id, impact and target selectors when axe finds any violation. */
export async function assertAxeClean(page, label) {
  const violations = await axeViolations(page);
  assert.equal(
    violations.length,
    0,
    `axe-core found ${violations.length} violation(s) on "${label}" (${page.url()}):\n${formatViolations(violations)}`,
  );
}

/**
 * ID problems axe does not report as violations: duplicate ids, and aria-labelledby,
 * aria-describedby, aria-controls and label[for] references that point at no element.
 */
export async function idrefProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const counts = new Map();
    for (const el of document.querySelectorAll('[id]')) counts.set(el.id, (counts.get(el.id) || 0) + 1);
    for (const [id, n] of counts) if (n > 1) problems.push(`duplicate id "${id}" (${n} elements)`);
    const where = (el) => `<${el.tagName.toLowerCase()}${el.className ? ' class="' + el.className + '"' : ''}>`;
    for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls']) {
      for (const el of document.querySelectorAll(`[${attr}]`)) {
        for (const ref of el.getAttribute(attr).split(/\s+/).filter(Boolean)) {
          if (!document.getElementById(ref)) problems.push(`${attr}="${ref}" on ${where(el)} points at no element`);
        }
      }
    }
    for (const l of document.querySelectorAll('label[for]')) {
      if (!document.getElementById(l.htmlFor)) problems.push(`label for="${l.htmlFor}" points at no element`);
    }
    return problems;
  });
}

export async function assertIdrefsValid(page, label) {
  const problems = await idrefProblems(page);
  assert.deepEqual(problems, [], `broken id references on "${label}" (${page.url()}):\n  ${problems.join('\n  ')}`);
}

/* ------------------------------------------------------------------ the compiled course */

/*
 * The tests read the course as the compiler reads it: `check-seeds --json` writes the compiled
 * course (the shape is described in src/compiler/json.rs), and .ci/test does so before the browser
 * tests. No test parses seeds/ itself. E2E_COURSE=/path reads another file.
 */
export const COURSE_JSON = process.env.E2E_COURSE
  ? path.resolve(process.env.E2E_COURSE)
  : path.join(ROOT, 'target', 'course.json');
const WRITE_COURSE_JSON = 'cargo run --bin check-seeds -- --json target/course.json';

/** A file under `dir` changed after `time` (ms), or null. seeds/README.md, the format's description, does not count. */
function changedAfter(dir, time) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (file === path.join(SEEDS, 'README.md')) continue;
    if (entry.isDirectory()) {
      const found = changedAfter(file, time);
      if (found) return found;
    } else if (fs.statSync(file).mtimeMs > time) {
      return file;
    }
  }
  return null;
}

let compiled = null;

/**
 * The compiled course, as `check-seeds --json` wrote it. Fails, saying how to write it, when the
 * file is missing or older than a file in seeds/ (the build in dist/ would then show other content).
 */
export function courseJson() {
  if (compiled) return compiled;
  const rel = COURSE_JSON.startsWith(ROOT + path.sep) ? path.relative(ROOT, COURSE_JSON) : COURSE_JSON;
  if (!fs.existsSync(COURSE_JSON)) {
    throw new Error(
      `${rel} is missing: the browser tests read the compiled course from it. Write it first with ` +
        `\`${WRITE_COURSE_JSON}\` in the project root (.ci/test does this before the browser tests).`,
    );
  }
  const newer = changedAfter(SEEDS, fs.statSync(COURSE_JSON).mtimeMs);
  if (newer) {
    throw new Error(
      `${rel} is older than ${path.relative(ROOT, newer)}: write it again with \`${WRITE_COURSE_JSON}\` ` +
        'in the project root (and rebuild dist/, so that both show the same content).',
    );
  }
  const course = JSON.parse(fs.readFileSync(COURSE_JSON, 'utf8'));
  assert.equal(course.schema, 1, `${rel} is written for seed schema 1`);
  compiled = course;
  return compiled;
}

/**
 * Stands where rich text has a citation, which the app shows as "(Short, locator)": phrases
 * compared with the page split there.
 */
export const CITE = '\u0000';

/** Rich text from the compiled course (runs of words and citations) as one string, CITE at each citation. */
export function richText(runs) {
  assert.ok(Array.isArray(runs), `rich text is an array of runs: ${JSON.stringify(runs)}`);
  return runs
    .map((run) => {
      if (typeof run === 'string') return run;
      assert.ok(run && typeof run.cite === 'string', `a rich text run is words or a citation: ${JSON.stringify(run)}`);
      return CITE;
    })
    .join('');
}

/** Several paragraphs of rich text as one string, with a blank line between paragraphs. */
export function parasText(paras) {
  return paras.map(richText).join('\n\n');
}

export function courseSeed() {
  const c = courseJson();
  return { id: c.id, title: c.title };
}

/** The question types whose answer is a choice among options. */
export const CHOICE_TYPES = new Set(['single', 'multiple', 'truefalse']);

/** A compiled record of this id, failing clearly when there is none. */
function byId(list, id, what) {
  const found = list.find((x) => x.id === id);
  assert.ok(found, `the compiled course has the ${what} "${id}"`);
  return found;
}

/**
 * A unit's quiz (unit 1's unless told): { id, title, pass, confidence, shuffle, bands: [{ min, text }],
 * questions: [{ id, type, prompt, ...by type }] }. Rich text is a string (see richText). Every
 * question has all the fields below; those of other types are empty:
 *   single, multiple, truefalse: options: [{ label, correct, feedback }]
 *   ordering:   items: [{ label, feedback }] (in the right order)
 *   matching:   targets: [label], pairs: [{ label, match (a target's label), feedback }]
 *   categorise: groups: [label], statements: [{ label, group (a group's label), feedback }]
 *   numeric:    answer, tolerance (strings), units: [word], feedback, otherwise
 *   text:       accepts: [{ text, feedback }], otherwise
 */
export function quizSeed(unit = 0) {
  const c = courseJson();
  const q = byId(c.quizzes, c.units[unit].quiz, 'quiz');
  const rich = (r) => (r == null ? null : richText(r));
  const pick = (list, i, what, id) => {
    assert.ok(Number.isInteger(i) && i >= 0 && i < list.length, `${id}: ${what} ${i} is one of ${JSON.stringify(list)}`);
    return list[i];
  };
  return {
    id: q.id,
    title: q.title,
    pass: q.pass,
    confidence: q.confidence,
    shuffle: q.shuffle,
    bands: q.bands.map((b) => ({ min: b.min, text: richText(b.text) })),
    questions: q.questions.map((x) => ({
      id: x.id,
      type: x.kind,
      prompt: richText(x.prompt),
      options: (x.options ?? []).map((o) => ({ label: richText(o.label), correct: o.correct, feedback: richText(o.feedback) })),
      items: (x.items ?? []).map((i) => ({ label: richText(i.label), feedback: richText(i.feedback) })),
      targets: x.targets ?? [],
      pairs: (x.pairs ?? []).map((p) => ({
        label: richText(p.label),
        match: pick(x.targets, p.match, 'target', x.id),
        feedback: richText(p.feedback),
      })),
      groups: x.groups ?? [],
      statements: (x.statements ?? []).map((st) => ({
        label: richText(st.label),
        group: pick(x.groups, st.group, 'group', x.id),
        feedback: richText(st.feedback),
      })),
      answer: x.answer == null ? null : String(x.answer),
      tolerance: x.tolerance == null ? null : String(x.tolerance),
      units: x.units ?? [],
      feedback: rich(x.feedback),
      otherwise: rich(x.otherwise),
      accepts: (x.accepts ?? []).map((a) => ({ text: a.text, feedback: richText(a.feedback) })),
    })),
  };
}

/** Whether a compiled condition always holds: one of its alternatives has no test. */
function alwaysHolds(condition) {
  return condition.some((group) => group.length === 0);
}

/**
 * A unit's first scenario (unit 1's unless told): { id, title, start, vars: Map(id → { label, start, min, max }),
 * score: { label, terms: [{ var, times }] } or null,
 * nodes: Map(id → { text, choices: [{ label, if, gotos: [{ to, if }], goto, consequence, effects: [{ var, delta }] }] }),
 * endings: Map(id → { title, text, debrief }) }. A choice's `if` is null when it is always offered.
 */
export function scenarioSeed(unit = 0) {
  const c = courseJson();
  const s = byId(c.scenarios, c.units[unit].scenarios[0], 'scenario');
  const vars = new Map(s.variables.map((v) => [v.id, { label: v.label, start: v.start, min: v.min, max: v.max }]));
  const score = s.score ? { label: s.score.label, terms: s.score.terms } : null;
  const nodes = new Map();
  const endings = new Map();
  for (const n of s.nodes) {
    if (n.ending) {
      endings.set(n.id, { title: n.ending.title, text: parasText(n.text), debrief: parasText(n.ending.debrief) });
      continue;
    }
    nodes.set(n.id, {
      text: parasText(n.text),
      choices: n.choices.map((ch) => ({
        label: richText(ch.label),
        if: alwaysHolds(ch.if) ? null : ch.if,
        gotos: ch.goto,
        goto: ch.goto[0].to,
        consequence: richText(ch.consequence),
        effects: ch.effects,
      })),
    });
  }
  return { id: s.id, title: s.title, start: s.start, vars, score, nodes, endings };
}

/* The scenario rules of seeds/README.md, worked independently of the Rust engine. */

const CMP = { '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b, '=': (a, b) => a === b, '!=': (a, b) => a !== b };

/**
 * Whether a condition holds: null always does; otherwise one of its alternatives (or) has every
 * test (and) true: { var, op, value } compares a variable, { visited } and { not_visited } ask
 * whether a node has been visited.
 */
export function conditionHolds(condition, vars, visited) {
  if (condition == null) return true;
  return condition.some((group) => group.every((t) => {
    if ('visited' in t) return visited.has(t.visited);
    if ('not_visited' in t) return !visited.has(t.not_visited);
    if (t.var in vars && CMP[t.op]) return CMP[t.op](vars[t.var], t.value);
    throw new Error(`condition test not understood: ${JSON.stringify(t)}`);
  }));
}

/** A score for these values: the sum of each term's `times` × its variable. */
export function scoreOf(score, vars) {
  return score.terms.reduce((total, t) => {
    assert.ok(t.var in vars, `the score's variable ${t.var} is a variable of the scenario`);
    return total + t.times * vars[t.var];
  }, 0);
}

/**
 * Every path from the scenario's start to an ending without revisiting nodes, playing by the rules:
 * only choices whose `if` holds are offered; effects clamp; the first `goto` whose condition holds
 * (after the effects) is taken. Each step: { node, index (among the choices on screen), choice
 * (among all the node's choices), offered (labels on screen), vars (after), ...the choice }.
 * Each path: { steps, ending, vars, score }.
 */
export function scenarioPaths(sc) {
  const out = [];
  const walk = (nodeId, steps, visited, vars) => {
    if (sc.endings.has(nodeId)) {
      out.push({ steps, ending: nodeId, vars, score: sc.score ? scoreOf(sc.score, vars) : null });
      return;
    }
    const node = sc.nodes.get(nodeId);
    if (!node || steps.some((s) => s.node === nodeId)) return;
    const seen = new Set([...visited, nodeId]);
    const shown = node.choices.map((c, i) => ({ c, i })).filter(({ c }) => conditionHolds(c.if, vars, seen));
    shown.forEach(({ c, i }, at) => {
      const next = { ...vars };
      for (const e of c.effects) {
        const v = sc.vars.get(e.var);
        assert.ok(v, `effect on ${e.var}, a variable of the scenario`);
        next[e.var] = Math.min(v.max, Math.max(v.min, next[e.var] + e.delta));
      }
      const route = c.gotos.find((g) => conditionHolds(g.if, next, seen));
      assert.ok(route, `a route of choice ${i} at ${nodeId} holds`);
      const step = { node: nodeId, index: at, choice: i, offered: shown.map((x) => x.c.label), vars: next, ...c };
      walk(route.to, [...steps, step], seen, next);
    });
  };
  walk(sc.start, [], new Set(), Object.fromEntries([...sc.vars].map(([id, v]) => [id, v.start])));
  return out;
}

export function glossarySeed() {
  return courseJson().terms.map((t) => ({ id: t.id, name: t.name }));
}

export function sourcesSeed() {
  return courseJson().sources.map((t) => ({ id: t.id, short: t.short }));
}

/** Lower case letters and digits only, single-spaced: compares course text with rendered text. */
export function norm(s) {
  return String(s).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * The runs of words in a piece of rich text (a string from richText), normalised, each long
 * enough to be telling: citations (rendered as "(Short, locator)") split the runs.
 */
export function seedPhrases(text, min = 20) {
  return String(text)
    .split(CITE)
    .map(norm)
    .filter((p) => p.length >= min);
}


/* ------------------------------------------------------------------ quiz questions on screen */

/** A piece of rich text (a string from richText) as plain words, normalised like norm() (citations dropped). */
export function plainSeed(text) {
  return seedPhrases(text, 1).join(' ');
}

/**
 * Which seed question is on screen. For choice questions, also which rendered option is which seed
 * option: { q, type: 'radio' | 'checkbox', dom, correct, wrong, seedAt }. For the other types,
 * { q, type: q.type }, after checking that the controls on screen are the ones the seed describes.
 */
export async function questionOnScreen(page, quiz = quizSeed()) {
  const legend = norm(await textOf(page, 'form.question legend'));
  const matches = quiz.questions.filter((q) => seedPhrases(q.prompt, 10).every((p) => legend.includes(p)));
  assert.equal(matches.length, 1, `exactly one prompt in quiz.txt matches the question on screen: "${legend}"`);
  const q = matches[0];
  if (!CHOICE_TYPES.has(q.type)) return otherQuestionOnScreen(page, q);
  const rendered = await page.$$eval('form.question input[id^="option-"]', (inputs) =>
    inputs.map((i) => ({ id: i.id, type: i.type, label: document.querySelector(`label[for="${i.id}"]`)?.textContent ?? '' })),
  );
  assert.equal(rendered.length, q.options.length, `question ${q.id} shows all its options`);
  rendered.forEach((r, i) => assert.equal(r.id, `option-${i}`));
  const dom = q.options.map((o) => {
    const want = plainSeed(o.label);
    const at = rendered.findIndex((r) => norm(r.label) === want);
    assert.ok(at >= 0, `option "${o.label}" of ${q.id} is on screen`);
    return at;
  });
  assert.equal(new Set(dom).size, dom.length, 'each seed option maps to its own input');
  const type = q.type === 'multiple' ? 'checkbox' : 'radio';
  assert.ok(rendered.every((r) => r.type === type), `${q.id} (${q.type}) uses ${type} inputs`);
  return {
    q,
    type,
    dom,
    correct: q.options.flatMap((o, i) => (o.correct ? [dom[i]] : [])),
    wrong: q.options.flatMap((o, i) => (o.correct ? [] : [dom[i]])),
    seedAt: (domIndex) => q.options[dom.indexOf(domIndex)],
  };
}

async function otherQuestionOnScreen(page, q) {
  if (q.type === 'ordering') {
    const order = await orderOnScreen(page, q);
    assert.deepEqual([...order].sort((a, b) => a - b), q.items.map((_, i) => i), `${q.id} shows every item once`);
  } else if (q.type === 'matching') {
    // One labelled select per pair, in seed order, offering a placeholder and then every target.
    const shown = await page.$$eval('form.question ul.assign select', (sels) =>
      sels.map((s) => ({
        id: s.id,
        label: document.querySelector(`label[for="${s.id}"]`)?.textContent ?? '',
        options: [...s.options].map((o) => o.textContent.trim()),
      })),
    );
    assert.equal(shown.length, q.pairs.length, `${q.id} has a select for every pair`);
    shown.forEach((s, i) => {
      assert.equal(s.id, `option-${i}`);
      assert.equal(norm(s.label), plainSeed(q.pairs[i].label), `select ${i} of ${q.id} is labelled with its pair`);
      assert.deepEqual(s.options.slice(1), q.targets, `select ${i} of ${q.id} offers every target, in seed order`);
    });
  } else if (q.type === 'categorise') {
    // One fieldset per statement, its legend the statement, with a radio per group.
    const shown = await page.$$eval('form.question fieldset.statement', (fss) =>
      fss.map((f) => ({
        legend: f.querySelector('legend')?.textContent ?? '',
        radios: [...f.querySelectorAll('input[type="radio"]')].map((r) => ({
          id: r.id,
          label: document.querySelector(`label[for="${r.id}"]`)?.textContent.trim() ?? '',
        })),
      })),
    );
    assert.equal(shown.length, q.statements.length, `${q.id} has a fieldset for every statement`);
    shown.forEach((f, i) => {
      assert.equal(norm(f.legend), plainSeed(q.statements[i].label), `fieldset ${i} of ${q.id} has its statement as legend`);
      assert.deepEqual(f.radios.map((r) => r.label), q.groups, `fieldset ${i} offers every group`);
      assert.deepEqual(f.radios.map((r) => r.id), q.groups.map((_, g) => (g === 0 ? `option-${i}` : `option-${i}-${g}`)));
    });
  } else if (q.type === 'numeric' || q.type === 'text') {
    const inputs = await page.$$eval('form.question #answer input', (ins) => ins.map((i) => ({ id: i.id, type: i.type })));
    assert.deepEqual(inputs, [{ id: 'option-0', type: 'text' }], `${q.id} has one text box`);
    assert.ok(await page.$('label[for="option-0"]'), `the text box of ${q.id} has a label`);
  } else {
    assert.fail(`question type "${q.type}" of ${q.id} is not known to the tests`);
  }
  return { q, type: q.type };
}

/** The seed indices of an ordering question's items, in the order they are shown. */
export async function orderOnScreen(page, q) {
  const labels = await page.$$eval('form.question ol.order > li .order-label', (els) => els.map((e) => e.textContent));
  return labels.map((l) => {
    const at = q.items.findIndex((i) => plainSeed(i.label) === norm(l));
    assert.ok(at >= 0, `item "${l}" on screen is an item of ${q.id}`);
    return at;
  });
}

/**
 * The live region's text once `ok(text)` holds (polling briefly, since it is written by an effect
 * after the render); returns the last text seen either way, for the caller to assert on.
 */
export async function announcement(page, ok, timeout = 3000) {
  const end = Date.now() + timeout;
  let text;
  do {
    text = await textOf(page, '#announcer');
    if (ok(text)) return text;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < end);
  return text;
}

/**
 * WCAG 3.3.1 and 3.3.3, the GOV.UK error pattern: a refusal is shown as visible text `Error: …`
 * (the prefix for screen readers only) with the id `id`, and the control `control` names it in its
 * `aria-describedby` (and, when `invalid`, is marked `aria-invalid`). Returns the words shown.
 */
export async function assertErrorShown(page, control, id, { invalid = true } = {}) {
  await page.waitForSelector(`#${id}`, { state: 'visible' });
  const shown = await page.$eval(`#${id}`, (el) => {
    const r = el.getBoundingClientRect();
    return { text: el.textContent.replace(/\s+/g, ' ').trim(), w: r.width, h: r.height };
  });
  assert.ok(shown.w > 0 && shown.h > 0, `#${id} takes room on the page`);
  assert.match(shown.text, /^Error: \S/, `#${id} starts with "Error: " and says why`);
  const described = (await page.getAttribute(control, 'aria-describedby')) ?? '';
  assert.ok(described.split(' ').includes(id), `${control} is described by #${id} (has "${described}")`);
  assert.equal(await page.getAttribute(control, 'aria-invalid'), invalid ? 'true' : null, `${control} aria-invalid`);
  return shown.text.slice('Error: '.length);
}

/** The refusal `id` is gone and `control` no longer points at it or claims to be invalid. */
export async function assertErrorGone(page, control, id) {
  assert.equal(await page.locator(`#${id}`).count(), 0, `#${id} is gone`);
  const described = (await page.getAttribute(control, 'aria-describedby')) ?? '';
  assert.ok(!described.split(' ').includes(id), `${control} no longer points at #${id}`);
  assert.equal(await page.getAttribute(control, 'aria-invalid'), null, `${control} is no longer invalid`);
}

/** Text of a selector without its aria-hidden parts (what a screen reader reads), whitespace collapsed. */
export async function spokenText(page, selector) {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) return '';
    const copy = el.cloneNode(true);
    copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }, selector);
}

/** Text content of a selector, whitespace collapsed ('' when absent). */
export async function textOf(page, selector) {
  return page.evaluate((s) => document.querySelector(s)?.textContent.replace(/\s+/g, ' ').trim() ?? '', selector);
}

/* ------------------------------------------------------------------ sureness, bands and order */

/** The sureness levels as the quiz shows them, in order (radios sure-0, sure-1, sure-2). */
export const SURENESS = ['Not sure', 'Fairly sure', 'Very sure'];

/** Certainty-based marking as seeds/README.md describes it: right 1, 2, 3; wrong 0, -2, -6. */
export function cbmMark(right, level) {
  return right ? [1, 2, 3][level] : [0, -2, -6][level];
}

/** "You said: Very sure. Certainty-based mark: +3." as the card shows it after a check. */
export function saidLine(right, level) {
  const mark = cbmMark(right, level);
  return `You said: ${SURENESS[level]}. Certainty-based mark: ${mark > 0 ? '+' : ''}${mark}.`;
}

/**
 * Plays scenario `sc` from its introduction along `route` (one of scenarioPaths(sc), the first by
 * default) to its ending, by clicking the choices.
 */
export async function playScenario(page, sc, route = scenarioPaths(sc)[0]) {
  await goHash(page, `#/scenario/${sc.id}`);
  await page.getByRole('button', { name: 'Start the scenario' }).click();
  await waitFocus(page, 'scenario-step');
  for (const step of route.steps) {
    await page.locator('ul.choices button').nth(step.index).click();
    await waitFocus(page, 'scenario-happened');
  }
  await page.waitForSelector('#ending-heading');
}

/** The overall feedback band (from quiz.txt) for a score: the last band whose min is at most the score. */
export function bandFor(quiz, score) {
  return [...quiz.bands].reverse().find((b) => b.min <= score) ?? null;
}

/** A sureness radio of the quiz (runs in the page). */
export const isSure = (el) => el.tagName === 'INPUT' && /^sure-\d+$/.test(el.id);

/**
 * Makes every page of this context see `value` from Math.random, so the learner's shuffle seed
 * (chosen with Math.random on the first visit) is the same on every run. Call before opening the app.
 */
export async function fixRandom(page, value) {
  await page.context().addInitScript((v) => {
    Math.random = () => v;
  }, value);
}

/**
 * The quiz's questions in the order this page's learner sees them (quiz.txt ids), found by
 * visiting every question and reading its prompt. Leaves the page on the quiz's overview, so that
 * going to any question next is a real view change.
 */
export async function quizOrderOnScreen(page, quiz = quizSeed()) {
  const ids = [];
  for (let n = 1; n <= quiz.questions.length; n++) {
    await goHash(page, `#/quiz/${quiz.id}/${n}`);
    ids.push((await questionOnScreen(page, quiz)).q.id);
  }
  await goHash(page, `#/quiz/${quiz.id}`);
  return ids;
}

/**
 * The place (1-based) in the quiz as this learner sees it of the first question, in quiz.txt
 * order, that satisfies `pred(q)`; found by prompt on screen, not by position in quiz.txt.
 */
export async function placeOf(page, pred, quiz = quizSeed(), order = null) {
  const ids = order ?? (await quizOrderOnScreen(page, quiz));
  const q = quiz.questions.find(pred);
  assert.ok(q, `quiz.txt has a question for ${pred.toString()}`);
  const n = ids.indexOf(q.id) + 1;
  assert.ok(n > 0, `question ${q.id} is on screen`);
  return n;
}

/**
 * Answers a question of a new type with the mouse (and fill/selectOption: this file checks
 * accessibility, not keyboard use), rightly or wrongly. An ordering question is wrong as first
 * shown; right after clicking "Move up" until every item is in place.
 */
export async function answerByMouse(page, q, right) {
  if (q.type === 'ordering') {
    if (!right) return;
    for (let want = 0; want < q.items.length; want++) {
      for (let at = (await orderOnScreen(page, q)).indexOf(want); at > want; at--) {
        const label = norm(`Move up: ${plainSeed(q.items[want].label)}`);
        const labels = await page.$$eval('ol.order button', (bs) => bs.map((b) => (b.getAttribute('aria-label') || '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()));
        await page.locator('ol.order button').nth(labels.indexOf(label)).click();
        await page.waitForFunction(
          ([sel, pos, w]) => document.querySelectorAll(sel)[pos]?.textContent.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() === w,
          ['ol.order > li .order-label', at - 1, plainSeed(q.items[want].label)],
        );
      }
    }
  } else if (q.type === 'matching') {
    // Wrong: each pair given the next pair's target.
    for (let i = 0; i < q.pairs.length; i++) {
      const pair = q.pairs[right ? i : (i + 1) % q.pairs.length];
      await page.selectOption(`#option-${i}`, String(q.targets.indexOf(pair.match)));
    }
  } else if (q.type === 'categorise') {
    // Wrong: each statement put in the next group along.
    for (let i = 0; i < q.statements.length; i++) {
      const g = (q.groups.indexOf(q.statements[i].group) + (right ? 0 : 1)) % q.groups.length;
      await page.click(`label[for="${g === 0 ? `option-${i}` : `option-${i}-${g}`}"]`);
    }
  } else if (q.type === 'numeric') {
    await page.fill('#option-0', right ? `${q.answer} ${q.units[0] ?? ''}`.trim() : String(Number(q.answer) + Number(q.tolerance) + 1));
  } else if (q.type === 'text') {
    await page.fill('#option-0', right ? q.accepts[0].text : 'no idea');
  }
}
