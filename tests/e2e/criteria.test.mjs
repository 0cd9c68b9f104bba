// WCAG 2.2 criteria that axe-core cannot check, measured in the browser on a representative set of
// views and states (home, a unit with its lecturer prompts open, a lesson, a choice question with
// its sureness radios, the same refused and then answered wrong, a matching and an ordering
// question, the glossary, the timeline, the progress page and the lecturers' page):
//   1.4.10 reflow: 1280 px at 400% zoom (320 CSS px, device scale 4): no sideways scrolling, no
//          text cut off at the right or by a box that hides its overflow;
//   1.4.12 text spacing: the text spacing bookmarklet's styles, at 320 and 1280 px: no text clipped;
//   forced colours (Windows high contrast): every control keeps a boundary or its text, the focus
//          ring survives, and the refused check's error text is shown;
//   prefers-reduced-motion: no animation, transition or smooth scrolling;
//   2.4.11 focus not obscured and the focus indicator: the first 40 tab stops of a lesson and of
//          the glossary, at 320 and 1280 px, light and dark: on screen, not under a fixed or sticky
//          element, a ring at least 2 px with 3:1 contrast against what lies behind it.

import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import {
  setup, e2eTest, openApp, waitForApp, goHash, waitFocus, quizSeed, questionOnScreen, quizOrderOnScreen, fixRandom,
} from './helpers.mjs';

const env = setup();
before(env.start);
after(env.stop);

const quiz = quizSeed();
// Every page of this file sees this Math.random, so every learner here has the same question order.
const RANDOM = 0.25;

/* ------------------------------------------------------------------ measuring, in the page */

/**
 * Installed in every page (an init script) as window.__criteria: colour arithmetic (WCAG 2.2
 * relative luminance and contrast ratio), the background behind an element, the visible text, and
 * the measurements each test asserts on. It reads the page and changes nothing.
 */
function installCriteria() {
  const C = {};
  /** 'rgb(1, 2, 3)' / 'rgba(1, 2, 3, 0.5)' / 'rgb(1 2 3 / 50%)' → { r, g, b, a }; null otherwise. */
  C.parse = (s) => {
    const m = /^rgba?\(([^)]*)\)$/.exec(String(s).trim());
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean);
    const n = p.map((x) => (x.endsWith('%') ? parseFloat(x) / 100 : parseFloat(x)));
    return { r: n[0], g: n[1], b: n[2], a: p.length > 3 ? n[3] : 1 };
  };
  C.css = (c) => `rgb(${Math.round(c.r)}, ${Math.round(c.g)}, ${Math.round(c.b)})`;
  /** WCAG 2.2 relative luminance of an opaque colour. */
  C.luminance = (c) => {
    const lin = (v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  };
  C.contrast = (a, b) => {
    const [x, y] = [C.luminance(a), C.luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  /** `top` (possibly translucent) painted over the opaque `bottom`. */
  C.over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  /**
   * The opaque colour an element's content is painted on: its own background-color and its
   * ancestors', walking up until one is opaque and compositing the translucent ones over it.
   */
  C.backgroundOf = (el) => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = C.parse(getComputedStyle(e).backgroundColor);
      if (!c) throw new Error(`background colour not understood: ${getComputedStyle(e).backgroundColor}`);
      if (c.a > 0) layers.push(c);
      if (c.a >= 1) break;
    }
    // Nothing opaque: the canvas, white (every view here paints the body, so this is a fallback).
    let color = layers.length && layers[layers.length - 1].a >= 1 ? layers.pop() : { r: 255, g: 255, b: 255, a: 1 };
    while (layers.length) color = C.over(layers.pop(), color);
    return color;
  };
  C.describe = (el) => {
    if (!el || el.nodeType !== 1) return String(el);
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    const text = (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
  };
  /** Text meant only for screen readers (clipped to 1 px on purpose). */
  C.srOnly = (el) => !!el.closest('.visually-hidden, .sr-only');
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'OPTION', 'OPTGROUP', 'SELECT', 'TEXTAREA']);
  /** Every text node a sighted reader sees: [{ node, el (its parent), rects }]. */
  C.visibleText = () => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.data.trim()) continue;
      const el = node.parentElement;
      if (!el || el.closest('script, style, noscript, template, option, select, textarea') || SKIP.has(el.tagName)) continue;
      if (C.srOnly(el)) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility !== 'visible') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
      if (rects.length) out.push({ node, el, rects });
    }
    return out;
  };
  /** Whether this box clips what overflows it, sideways (x) and downwards (y). */
  const clips = (e) => {
    const cs = getComputedStyle(e);
    const paint = /paint|strict|content/.test(cs.contain) || cs.contentVisibility === 'auto';
    // content-visibility: auto adds paint containment (it clips both ways), but sizes an element
    // from its content whenever it is drawn, so it can cut text off only sideways.
    return {
      x: /hidden|clip/.test(cs.overflowX) || paint,
      y: /hidden|clip/.test(cs.overflowY) || (paint && cs.contentVisibility !== 'auto'),
      scrollX: /auto|scroll/.test(cs.overflowX),
    };
  };
  /**
   * Text cut off: a line box of visible text beyond the right or left of the viewport, or beyond
   * the padding box of an ancestor that clips its overflow.
   */
  C.clippedText = () => {
    const vw = document.documentElement.clientWidth;
    const problems = [];
    const boxes = new Map();
    for (const { el, rects, node } of C.visibleText()) {
      const what = `${C.describe(el)} text "${node.data.replace(/\s+/g, ' ').trim().slice(0, 30)}"`;
      for (const r of rects) {
        if (r.right > vw + 1 || r.left < -1) {
          problems.push(`${what}: runs from x=${Math.round(r.left)} to x=${Math.round(r.right)}, outside the ${vw}px viewport`);
          break;
        }
      }
      for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
        if (!boxes.has(a)) boxes.set(a, clips(a));
        const k = boxes.get(a);
        if (!k.x && !k.y) continue;
        const b = a.getBoundingClientRect();
        const left = b.left + a.clientLeft;
        const top = b.top + a.clientTop;
        const cut = rects.find((r) =>
          (k.x && (r.right > left + a.clientWidth + 1 || r.left < left - 1)) ||
          (k.y && (r.bottom > top + a.clientHeight + 1 || r.top < top - 1)));
        if (cut) {
          problems.push(`${what}: cut off by ${C.describe(a)} (its box ${Math.round(left)},${Math.round(top)} ${a.clientWidth}x${a.clientHeight}, the text at ${Math.round(cut.left)},${Math.round(cut.top)} ${Math.round(cut.width)}x${Math.round(cut.height)})`);
          break;
        }
      }
    }
    return problems;
  };
  /**
   * Boxes that hide their overflow (overflow hidden or clip) and hold visible text: the content must
   * fit, scrollHeight <= clientHeight + 1 and scrollWidth <= clientWidth + 1. Those with
   * content-visibility: auto are measured sideways only (see clips()). Screen-reader-only text is
   * clipped on purpose and left out.
   */
  C.overflowingBoxes = () => {
    const problems = [];
    for (const e of document.body.querySelectorAll('*')) {
      if (C.srOnly(e) || e.closest('select, textarea, option')) continue;
      const k = clips(e);
      if (!k.x && !k.y) continue;
      if (!e.textContent.trim() || e.getClientRects().length === 0) continue;
      if (k.y && e.scrollHeight > e.clientHeight + 1) problems.push(`${C.describe(e)}: content ${e.scrollHeight}px tall in a ${e.clientHeight}px box that hides overflow`);
      if (k.x && e.scrollWidth > e.clientWidth + 1) problems.push(`${C.describe(e)}: content ${e.scrollWidth}px wide in a ${e.clientWidth}px box that hides overflow`);
    }
    return problems;
  };
  /** The document's scroll width and client width, and what sticks out to the right. */
  C.sideways = () => {
    const root = document.documentElement;
    const vw = root.clientWidth;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((e) => {
        const b = e.getBoundingClientRect();
        return b.width > 0 && b.right > vw + 1 && !C.srOnly(e);
      })
      .slice(0, 8)
      .map((e) => `${C.describe(e)} right=${Math.round(e.getBoundingClientRect().right)}`);
    // Boxes that scroll sideways inside the page: two-dimensional scrolling, which 1.4.10 rules out
    // for text.
    const scrollers = [...document.body.querySelectorAll('*')]
      .filter((e) => clips(e).scrollX && e.scrollWidth > e.clientWidth + 1 && e.tagName !== 'TEXTAREA' && !C.srOnly(e))
      .map((e) => `${C.describe(e)} scrolls sideways (${e.scrollWidth} in ${e.clientWidth})`);
    return { scrollWidth: root.scrollWidth, clientWidth: vw, bodyScrollWidth: document.body.scrollWidth, wide, scrollers };
  };
  /** Controls (and images, frames) whose box reaches past the viewport's right or left edge. */
  C.controlsOutside = () => {
    const vw = document.documentElement.clientWidth;
    return [...document.body.querySelectorAll('input, select, textarea, button, img, svg, iframe, video, meter, progress')]
      .filter((e) => {
        if (C.srOnly(e)) return false;
        const b = e.getBoundingClientRect();
        return b.width > 0 && (b.right > vw + 1 || b.left < -1);
      })
      .map((e) => `${C.describe(e)} from x=${Math.round(e.getBoundingClientRect().left)} to ${Math.round(e.getBoundingClientRect().right)}`);
  };
  /** Every element's and pseudo-element's transitions and animations longer than 10 ms. */
  C.motion = () => {
    const secs = (list) => Math.max(0, ...String(list).split(',').map((d) => {
      const v = parseFloat(d);
      return /ms\s*$/.test(d) ? v / 1000 : v;
    }).filter((v) => !Number.isNaN(v)));
    const out = [];
    for (const e of [document.documentElement, ...document.documentElement.querySelectorAll('*')]) {
      for (const pseudo of [null, '::before', '::after', '::marker']) {
        const cs = getComputedStyle(e, pseudo);
        if (pseudo && (cs.content === 'none' || cs.content === 'normal') && pseudo !== '::marker') continue;
        const t = secs(cs.transitionDuration) + Math.max(0, secs(cs.transitionDelay));
        if (t > 0.01 && cs.transitionProperty !== 'none') out.push(`${C.describe(e)}${pseudo ?? ''}: transition ${cs.transitionProperty} ${cs.transitionDuration}`);
        if (cs.animationName !== 'none' && secs(cs.animationDuration) > 0.01) out.push(`${C.describe(e)}${pseudo ?? ''}: animation ${cs.animationName} ${cs.animationDuration}`);
        if (!pseudo && cs.scrollBehavior === 'smooth') out.push(`${C.describe(e)}: scroll-behavior smooth`);
      }
    }
    const running = document.getAnimations()
      .filter((a) => a.playState === 'running' || a.playState === 'pending')
      .filter((a) => {
        const t = a.effect?.getComputedTiming();
        return !t || !(t.activeDuration <= 10);
      })
      .map((a) => `${a.constructor.name} ${a.animationName ?? a.transitionProperty ?? a.id ?? ''} on ${C.describe(a.effect?.target)} (${a.effect?.getComputedTiming().activeDuration} ms)`);
    return { styles: out, running, htmlScroll: getComputedStyle(document.documentElement).scrollBehavior };
  };
  /** An element's box-shadows that are not inset: [{ color, spread }]. */
  C.shadows = (cs) => {
    if (cs.boxShadow === 'none') return [];
    return cs.boxShadow.split(/,(?![^(]*\))/).map((s) => s.trim()).filter((s) => !/\binset\b/.test(s)).map((s) => {
      const color = C.parse((/rgba?\([^)]*\)/.exec(s) || [''])[0]);
      const lengths = s.replace(/rgba?\([^)]*\)/, '').trim().split(/\s+/).map(parseFloat).filter((v) => !Number.isNaN(v));
      return { color, spread: lengths[3] ?? 0 };
    });
  };
  /**
   * The opaque colour at the middle of each side of the box `d` px outside an element's border
   * box (where an outline with offset + width / 2 = d is drawn; inside the box when d < 0): the
   * first element there, from the top, that is neither the element nor inside it (for d >= 0),
   * and its background by backgroundOf. Sides outside the viewport are left out.
   */
  C.around = (el, d) => {
    const b = el.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const points = {
      top: [b.left + b.width / 2, b.top - d],
      right: [b.right + d, b.top + b.height / 2],
      bottom: [b.left + b.width / 2, b.bottom + d],
      left: [b.left - d, b.top + b.height / 2],
    };
    const out = [];
    for (const [side, [x, y]] of Object.entries(points)) {
      if (x < 0 || y < 0 || x >= vw || y >= vh) continue;
      const under = document.elementsFromPoint(x, y).find((e) => (d < 0 ? el.contains(e) : e !== el && !el.contains(e)));
      if (under) out.push({ side, under, color: C.backgroundOf(under) });
    }
    return out;
  };
  /**
   * The focus indicator of the focused element: an outline at least 2 px wide whose colour has
   * 3:1 contrast with the background on every side of it, or (when there is no outline) a
   * box-shadow spreading at least 2 px with that contrast. Returns a list of problems.
   */
  C.indicatorProblems = (el) => {
    const cs = getComputedStyle(el);
    const problems = [];
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = C.shadows(cs).filter((s) => s.color && s.color.a > 0).sort((p, q) => q.spread - p.spread)[0];
    if (outline) {
      const width = parseFloat(cs.outlineWidth);
      if (width < 2) problems.push(`outline ${cs.outlineWidth} is under 2px`);
      const color = C.parse(cs.outlineColor);
      const offset = parseFloat(cs.outlineOffset) || 0;
      if (width > 0 && -offset >= Math.min(el.offsetWidth, el.offsetHeight) / 2) problems.push(`outline offset ${cs.outlineOffset} folds it away inside the element`);
      const around = C.around(el, offset + width / 2);
      if (!around.length) problems.push('no side of the outline is on screen');
      for (const a of around) {
        const bg = a.color;
        const ratio = C.contrast(C.over(color, bg), bg);
        if (ratio < 3) problems.push(`outline ${cs.outlineColor} on ${C.css(bg)} (${a.side}, over ${C.describe(a.under)}): ${ratio.toFixed(2)}:1`);
      }
    } else if (shadow && shadow.spread >= 2) {
      const around = C.around(el, shadow.spread / 2);
      if (!around.length) problems.push('no side of the ring is on screen');
      for (const a of around) {
        const ratio = C.contrast(C.over(shadow.color, a.color), a.color);
        if (ratio < 3) problems.push(`ring ${C.css(shadow.color)} on ${C.css(a.color)} (${a.side}): ${ratio.toFixed(2)}:1`);
      }
    } else {
      problems.push(`no focus indicator: outline ${cs.outlineStyle} ${cs.outlineWidth}, box-shadow ${cs.boxShadow}`);
    }
    return problems;
  };
  /**
   * The focused element: where it is, whether it is on screen, which position: fixed or sticky
   * elements there are and whether one of them covers it entirely, and its indicator's problems.
   */
  C.focusReport = () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const b = el.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    // Found once per document (reading every element's style on every Tab is slow on long pages).
    C.fixedOrSticky ??= [...document.querySelectorAll('body *')].filter((e) => /fixed|sticky/.test(getComputedStyle(e).position));
    const fixed = C.fixedOrSticky.filter((e) => e.isConnected);
    // Hidden behind one: its box covers the focused element's box entirely, and it is painted
    // above it (the first of the two in elementsFromPoint at the middle of the focused element;
    // one that lets pointer events through, so is not listed there, is taken to be above).
    const [cx, cy] = [b.left + b.width / 2, b.top + b.height / 2];
    const stack = cx >= 0 && cy >= 0 && cx < vw && cy < vh ? document.elementsFromPoint(cx, cy) : [];
    const above = (f) => {
      if (getComputedStyle(f).pointerEvents === 'none') return true;
      const fAt = stack.findIndex((e) => f.contains(e));
      const elAt = stack.findIndex((e) => e === el || el.contains(e));
      return fAt >= 0 && (elAt < 0 || fAt < elAt);
    };
    const covering = fixed
      .filter((f) => !f.contains(el) && f.getClientRects().length)
      .filter((f) => {
        const r = f.getBoundingClientRect();
        return r.left <= b.left + 0.5 && r.top <= b.top + 0.5 && r.right >= b.right - 0.5 && r.bottom >= b.bottom - 0.5;
      })
      .filter(above)
      .map((f) => C.describe(f));
    const fits = b.width <= vw && b.height <= vh;
    const inside = fits
      ? b.left >= -0.5 && b.top >= -0.5 && b.right <= vw + 0.5 && b.bottom <= vh + 0.5
      : b.right > 0 && b.bottom > 0 && b.left < vw && b.top < vh;
    return {
      what: C.describe(el),
      box: `${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.width)}x${Math.round(b.height)} in ${vw}x${vh}`,
      size: b.width > 0 && b.height > 0,
      inside,
      fixed: fixed.map((f) => C.describe(f)),
      covering,
      indicator: C.indicatorProblems(el),
    };
  };
  window.__criteria = C;
}

/* ------------------------------------------------------------------ the views and states */

let order = null;
/** The learner's question order under RANDOM (the same for every page of this file), found once. */
async function questionOrder(page) {
  order ??= await quizOrderOnScreen(page, quiz);
  return order;
}
const placeOfType = (ids, type) => {
  const q = quiz.questions.find((x) => x.type === type);
  assert.ok(q, `the quiz has a ${type} question`);
  const n = ids.indexOf(q.id) + 1;
  assert.ok(n > 0, `question ${q.id} is on screen`);
  return n;
};

/** A page with the measuring code and this file's Math.random, before the app is opened. */
async function prepare(open, options = {}) {
  const page = await open(options);
  await page.context().addInitScript(installCriteria);
  await fixRandom(page, RANDOM);
  return page;
}

/**
 * Opens the app and goes through the views and states, calling `check(name)` on each: the home
 * page, a unit with its lecturer prompts open, a lesson, a single-choice question (its options
 * and sureness radios), the same after "Check answer" with nothing chosen (the error message),
 * then checked wrong (feedback), a matching and an ordering question, the glossary, the timeline
 * filtered by decade, the progress page and the lecturers' page. `afterLoad(page)` runs once the
 * app has started (the text spacing styles go in there; they last through the view changes).
 */
async function tour(page, check, afterLoad = async () => {}) {
  await openApp(page, '#/');
  if (!order) {
    await questionOrder(page);
    await goHash(page, '#/');
  }
  const ids = order;
  await afterLoad(page);
  const names = [];
  const at = async (name) => {
    names.push(name);
    await check(name);
  };
  await at('home');
  await goHash(page, '#/unit/meaning');
  await page.click('details.lecturer summary');
  await page.waitForFunction(() => document.querySelector('details.lecturer')?.open);
  await at('unit, lecturer prompts open');
  await goHash(page, '#/lesson/meaning-lesson');
  await at('lesson');
  await goHash(page, `#/quiz/${quiz.id}/${placeOfType(ids, 'single')}`);
  const m = await questionOnScreen(page, quiz);
  assert.ok(await page.locator('input#sure-0').count(), 'the question has its sureness radios');
  await at('question');
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.waitForSelector('#answer-error');
  await at('question, check refused');
  await page.click(`label[for="option-${m.wrong[0]}"]`);
  await page.click('label[for="sure-2"]');
  await page.getByRole('button', { name: 'Check answer' }).click();
  await waitFocus(page, 'feedback-heading');
  await at('question answered wrong, with feedback');
  await goHash(page, `#/quiz/${quiz.id}/${placeOfType(ids, 'matching')}`);
  await at('matching question');
  await goHash(page, `#/quiz/${quiz.id}/${placeOfType(ids, 'ordering')}`);
  await at('ordering question');
  await goHash(page, '#/glossary');
  await at('glossary');
  await goHash(page, '#/timeline');
  await page.selectOption('#tl-decade', { index: 1 });
  await page.waitForFunction(() => /^\d+ of \d+ events shown\.$/.test(document.getElementById('tl-count')?.textContent ?? ''));
  await at('timeline, one decade');
  await goHash(page, '#/progress');
  await at('progress');
  await goHash(page, '#/lecturers');
  await at('lecturers');
  assert.equal(names.length, 12, 'every state was checked');
}

const measure = (page, fn, arg) => page.evaluate(([f, a]) => window.__criteria[f](a), [fn, arg]);

/* ------------------------------------------------------------------ 1.4.10 reflow */

e2eTest(env, 'reflow (1.4.10): at 1280 px and 400% zoom nothing scrolls sideways and no text is cut off', async (open) => {
  // 1280 px at 400% is a 320 CSS px viewport drawn at four device pixels per CSS pixel; 1024 px of
  // height at 400% is 256.
  const page = await prepare(open, { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });
  const problems = [];
  await tour(page, async (name) => {
    const s = await measure(page, 'sideways');
    assert.equal(s.clientWidth, 320, `${name}: the viewport is 320 CSS px wide`);
    assert.equal(await page.evaluate(() => window.devicePixelRatio), 4, 'drawn at 400%');
    if (s.scrollWidth > s.clientWidth + 1 || s.bodyScrollWidth > s.clientWidth + 1) {
      problems.push(`${name}: the page scrolls sideways (scrollWidth ${s.scrollWidth}, body ${s.bodyScrollWidth}, viewport ${s.clientWidth}); sticking out:\n    ${s.wide.join('\n    ')}`);
    }
    for (const p of s.scrollers) problems.push(`${name}: ${p}`);
    for (const p of await measure(page, 'clippedText')) problems.push(`${name}: ${p}`);
    for (const p of await measure(page, 'controlsOutside')) problems.push(`${name}: ${p} is outside the viewport`);
  });
  assert.deepEqual(problems, [], `reflow at 320 CSS px:\n  ${problems.join('\n  ')}`);
});

/* ------------------------------------------------------------------ 1.4.12 text spacing */

// The text spacing bookmarklet's style (WCAG 1.4.12's metrics), as testers inject it.
const TEXT_SPACING = `
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

for (const width of [320, 1280]) {
  e2eTest(env, `text spacing (1.4.12): with the bookmarklet's spacing no text is clipped, at ${width} px`, async (open) => {
    const problems = [];
    const page = await prepare(open, { viewport: { width, height: 800 } });
    await tour(page, async (name) => {
      const applied = await page.evaluate(() => {
        const cs = getComputedStyle(document.querySelector('main p') ?? document.querySelector('main'));
        const f = parseFloat(cs.fontSize);
        return Math.abs(parseFloat(cs.lineHeight) - 1.5 * f) < 0.5 && Math.abs(parseFloat(cs.letterSpacing) - 0.12 * f) < 0.1 &&
          Math.abs(parseFloat(cs.wordSpacing) - 0.16 * f) < 0.1;
      });
      assert.ok(applied, `${name}: the spacing styles apply`);
      const s = await measure(page, 'sideways');
      if (s.scrollWidth > s.clientWidth + 1) problems.push(`${name}: the page scrolls sideways (${s.scrollWidth} in ${s.clientWidth}):\n    ${s.wide.join('\n    ')}`);
      for (const p of await measure(page, 'overflowingBoxes')) problems.push(`${name}: ${p}`);
      for (const p of await measure(page, 'clippedText')) problems.push(`${name}: ${p}`);
      for (const p of await measure(page, 'controlsOutside')) problems.push(`${name}: ${p} is outside the viewport`);
    }, (p) => p.addStyleTag({ content: TEXT_SPACING }));
    assert.deepEqual(problems, [], `with the text spacing styles at ${width} px:\n  ${problems.join('\n  ')}`);
  });
}

/* ------------------------------------------------------------------ forced colours */

/**
 * In forced colours, every visible control keeps something to see: buttons and text boxes a border
 * on every side (or their native look), radios and checkboxes their native look or a border,
 * links and summaries their text, with the text colour 4.5:1 against the background.
 */
const controlProblems = (page) => page.evaluate(() => {
  const C = window.__criteria;
  const out = [];
  const border = (cs) => ['Top', 'Right', 'Bottom', 'Left'].every((s) => cs[`border${s}Style`] !== 'none' && cs[`border${s}Style`] !== 'hidden' && parseFloat(cs[`border${s}Width`]) > 0);
  const textVisible = (el) => {
    const cs = getComputedStyle(el);
    const ratio = C.contrast(C.over(C.parse(cs.color), C.backgroundOf(el)), C.backgroundOf(el));
    return el.textContent.trim().length > 0 && ratio >= 4.5 ? null : `text "${el.textContent.trim().slice(0, 30)}" ${cs.color} on ${C.css(C.backgroundOf(el))} (${ratio.toFixed(2)}:1)`;
  };
  let n = 0;
  for (const el of document.body.querySelectorAll('a[href], button, input, select, textarea, summary')) {
    if (C.srOnly(el) || el.matches('.skip-link:not(:focus)')) continue;
    const b = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    if (b.width === 0 || b.height === 0 || cs.visibility !== 'visible') continue;
    n++;
    const tag = el.tagName;
    const type = el.getAttribute('type');
    let problem = null;
    if (tag === 'BUTTON' || (tag === 'INPUT' && ['button', 'submit', 'reset'].includes(type))) {
      if (!border(cs) && cs.outlineStyle === 'none') problem = `no border (${cs.borderStyle} ${cs.borderWidth}) and no outline`;
      else problem = textVisible(el);
    } else if (tag === 'INPUT' && ['radio', 'checkbox'].includes(type)) {
      if (cs.appearance === 'none' && !border(cs)) problem = 'appearance none and no border';
    } else if (tag === 'INPUT' && type === 'file') {
      // Drawn as a button and a file name: the button is its boundary.
      const fb = getComputedStyle(el, '::file-selector-button');
      if (fb.appearance === 'none' && !border(fb)) problem = 'its button has appearance none and no border';
    } else if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') {
      if (!border(cs)) problem = `no border (${cs.borderStyle} ${cs.borderWidth})`;
    } else if (tag === 'SUMMARY' || tag === 'A') {
      problem = textVisible(el);
    }
    if (problem) out.push(`${C.describe(el)}: ${problem}`);
  }
  return { out, n };
});

/** The focused element's outline in forced colours: drawn, 2 px at least, and 3:1 against what lies behind it. */
const forcedRing = (page) => page.evaluate(() => {
  const C = window.__criteria;
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el);
  const problems = [];
  if (cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) < 2) problems.push(`outline ${cs.outlineStyle} ${cs.outlineWidth} (box-shadow is dropped in forced colours)`);
  else problems.push(...C.indicatorProblems(el));
  return { what: C.describe(el), problems };
});

e2eTest(env, 'forced colours: controls keep their boundaries and text, the focus ring shows, and so does the error text', async (open) => {
  const page = await prepare(open, { viewport: { width: 1280, height: 800 }, forcedColors: 'active' });
  assert.ok(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), 'forced colours are on');
  const problems = [];
  let controls = 0;
  let rings = 0;
  await tour(page, async (name) => {
    // On the first view, from the top of a freshly loaded page: the skip link and the header's links.
    if (name === 'home') {
      await page.reload({ waitUntil: 'load' });
      await waitForApp(page);
    }
    const c = await controlProblems(page);
    controls += c.n;
    for (const p of c.out) problems.push(`${name}: ${p}`);
    // The first ten tab stops from where the view puts focus (the view's heading, or the page's
    // start on the first view), each with a ring that survives forced colours.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const r = await forcedRing(page);
      if (!r) break;
      rings++;
      for (const p of r.problems) problems.push(`${name}: focused ${r.what}: ${p}`);
    }
    if (name === 'question, check refused') {
      // The refusal is shown: the message's text can be read, and the bar beside the answers stays.
      const e = await page.evaluate(() => {
        const C = window.__criteria;
        const msg = document.querySelector('.error-message');
        if (!msg) return null;
        const cs = getComputedStyle(msg);
        const b = msg.getBoundingClientRect();
        const bg = C.backgroundOf(msg);
        const bar = msg.closest('.has-error') ?? document.querySelector('.has-error');
        const bcs = bar && getComputedStyle(bar);
        return {
          text: msg.textContent.trim(),
          shown: b.width > 0 && b.height > 0 && cs.visibility === 'visible' && Number(cs.opacity) === 1 && !C.srOnly(msg),
          ratio: C.contrast(C.over(C.parse(cs.color), bg), bg),
          color: `${cs.color} on ${C.css(bg)}`,
          bar: bcs ? { width: parseFloat(bcs.borderLeftWidth), style: bcs.borderLeftStyle, ratio: C.contrast(C.over(C.parse(bcs.borderLeftColor), C.backgroundOf(bar.parentElement)), C.backgroundOf(bar.parentElement)) } : null,
        };
      });
      assert.ok(e, 'the refused check shows an .error-message');
      assert.ok(e.text.length > 0 && e.shown, `the error message is shown: ${JSON.stringify(e)}`);
      assert.ok(e.ratio >= 4.5, `the error message can be read in forced colours: ${e.color}, ${e.ratio.toFixed(2)}:1`);
      assert.ok(e.bar && e.bar.width >= 2 && e.bar.style !== 'none' && e.bar.ratio >= 3, `the error bar stays in forced colours: ${JSON.stringify(e.bar)}`);
    }
  });
  assert.ok(controls >= 60, `${controls} controls measured`);
  assert.ok(rings >= 60, `${rings} focus rings measured`);
  assert.deepEqual(problems, [], `in forced colours:\n  ${problems.join('\n  ')}`);
});

/* ------------------------------------------------------------------ reduced motion */

e2eTest(env, 'reduced motion: no animation, transition or smooth scrolling when the system asks for less motion', async (open) => {
  const page = await prepare(open, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  assert.ok(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), 'reduced motion is on');
  const problems = [];
  await tour(page, async (name) => {
    // Something to move: hover and focus a button and a link, as a learner would.
    const control = page.locator('main button, main a[href]').first();
    await control.hover();
    await control.focus();
    const m = await measure(page, 'motion');
    assert.notEqual(m.htmlScroll, 'smooth', `${name}: scroll-behavior on html`);
    for (const p of [...m.styles, ...m.running]) problems.push(`${name}: ${p}`);
  });
  assert.deepEqual(problems, [], `with prefers-reduced-motion: reduce:\n  ${problems.join('\n  ')}`);
});

/* ------------------------------------------------------------------ 2.4.11 focus not obscured, focus appearance */

for (const colorScheme of ['light', 'dark']) {
  for (const viewport of [{ width: 320, height: 640 }, { width: 1280, height: 800 }]) {
    e2eTest(env, `focus (2.4.11), ${colorScheme} theme at ${viewport.width} px: the first 40 tab stops of a lesson and the glossary are on screen, uncovered, with a 2 px 3:1 ring`, async (open, t) => {
      const problems = [];
      for (const hash of ['#/lesson/meaning-lesson', '#/glossary']) {
        // A page of its own, loaded at this view: the first Tab is the page's first tab stop.
        const page = await prepare(open, { viewport, colorScheme });
        await openApp(page, hash);
        assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark', `${hash}: theme`);
        const seen = [];
        let withFixed = 0;
        for (let i = 0; i < 40; i++) {
          await page.keyboard.press('Tab');
          const r = await measure(page, 'focusReport');
          if (!r) break; // focus has left the page's last control
          seen.push(r.what);
          if (r.fixed.length) withFixed++;
          if (!r.size) problems.push(`${hash}: ${r.what} has no size`);
          if (!r.inside) problems.push(`${hash}: ${r.what} at ${r.box} is not on screen when focused`);
          if (r.covering.length) problems.push(`${hash}: ${r.what} at ${r.box} is hidden behind ${r.covering.join(', ')}`);
          for (const p of r.indicator) problems.push(`${hash}: ${r.what}: ${p}`);
        }
        assert.ok(seen.length >= 20, `${hash}: ${seen.length} tab stops reached`);
        assert.ok(seen[0].includes('skip-link'), `${hash}: the first tab stop is the skip link, not ${seen[0]}`);
        // Nothing is position: fixed or sticky in this app today, so nothing can cover the focus,
        // which must still be scrolled on screen (above); should one appear, `covering` checks it.
        t.diagnostic(`${hash}: ${seen.length} tab stops, ${withFixed} of them with a fixed or sticky element on the page`);
      }
      assert.deepEqual(problems, [], `focus, ${colorScheme} theme at ${viewport.width} px:\n  ${problems.join('\n  ')}`);
    });
  }
}
