// The question bank the build writes into dist/, read back by independent readers and compared
// with the compiled course (target/course.json), question for question: the GIFT file by the
// npm package gift-pegjs, the Moodle XML by fast-xml-parser against Moodle's question format.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DIST, courseJson } from './helpers.mjs';

const require = createRequire(import.meta.url);
const { parse: parseGift } = require('gift-pegjs');

const course = courseJson();
const sources = new Map(course.sources.map((s) => [s.id, s.short]));
const quizzes = new Map(course.quizzes.map((q) => [q.id, q]));

/** Rich text as the exporters write it: citations as "(Short, locator)", spaces collapsed. */
function plain(runs) {
  return runs
    .map((r) => (typeof r === 'string' ? r : `(${sources.get(r.cite)}${r.locator ? `, ${r.locator}` : ''})`))
    .join('')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}
const sourceLine = (q) =>
  q.cites.length ? `Source: ${q.cites.map((c) => `${sources.get(c.cite)}${c.locator ? `, ${c.locator}` : ''}`).join('; ')}.` : '';

function read(name) {
  const file = path.join(DIST, name);
  assert.ok(fs.existsSync(file), `${file} is missing: the release build writes it (Trunk's post-build hook runs export-bank)`);
  return fs.readFileSync(file, 'utf8');
}

const units = course.units.map((u) => ({ unit: u, questions: quizzes.get(u.quiz).questions }));
const all = units.flatMap((u) => u.questions);

test('the GIFT bank, parsed by gift-pegjs, holds every question it can express, answers and feedback included', () => {
  const text = read('question-bank.gift');
  const parsed = parseGift(text);
  const ordering = all.filter((q) => q.kind === 'ordering');
  // The header lists what is left out, and nothing else is.
  const listed = [...text.matchAll(/^\/\/ {3}([\w-]+): GIFT has no ordering question$/gm)].map((m) => m[1]);
  assert.deepEqual(listed, ordering.map((q) => q.id));
  let at = 0;
  for (const { unit, questions } of units) {
    const cat = parsed[at++];
    assert.equal(cat.type, 'Category');
    assert.ok(cat.title.endsWith(`/Unit ${course.units.indexOf(unit) + 1}: ${unit.title}`), cat.title);
    for (const q of questions.filter((x) => x.kind !== 'ordering')) {
      const g = parsed[at++];
      assert.ok(g, `question ${q.id} is in the file`);
      assert.equal(g.title, q.id, 'titles are the ids, in order');
      assert.equal(g.stem.text, plain(q.prompt), `${q.id}: prompt`);
      const general = g.globalFeedback?.text ?? '';
      assert.ok(general.endsWith(sourceLine(q)), `${q.id}: the sources in the general feedback: ${general}`);
      switch (q.kind) {
        case 'single':
        case 'multiple': {
          assert.equal(g.type, 'MC');
          assert.deepEqual(g.choices.map((c) => c.text.text), q.options.map((o) => plain(o.label)), `${q.id}: options`);
          assert.deepEqual(g.choices.map((c) => c.feedback.text), q.options.map((o) => plain(o.feedback)), `${q.id}: feedback`);
          if (q.kind === 'single') {
            assert.deepEqual(g.choices.map((c) => c.isCorrect), q.options.map((o) => o.correct));
          } else {
            const plus = g.choices.filter((c) => c.weight > 0).reduce((s, c) => s + c.weight, 0);
            assert.ok(Math.abs(plus - 100) < 0.01, `${q.id}: positive weights sum to 100 (${plus})`);
            assert.deepEqual(g.choices.map((c) => c.weight > 0), q.options.map((o) => o.correct));
          }
          break;
        }
        case 'truefalse': {
          assert.equal(g.type, 'TF');
          assert.equal(g.isTrue, q.options[0].correct);
          // GIFT gives the feedback for a wrong answer first, then for a right one (gift-pegjs
          // names them by position).
          const right = q.options.find((o) => o.correct);
          const wrong = q.options.find((o) => !o.correct);
          assert.equal(g.trueFeedback.text, plain(wrong.feedback), `${q.id}: feedback for a wrong answer`);
          assert.equal(g.falseFeedback.text, plain(right.feedback), `${q.id}: feedback for a right answer`);
          break;
        }
        case 'matching':
        case 'categorise': {
          assert.equal(g.type, 'Matching');
          const [items, targets, key] = q.kind === 'matching' ? [q.pairs, q.targets, 'match'] : [q.statements, q.groups, 'group'];
          assert.deepEqual(
            g.matchPairs.map((p) => [p.subquestion.text, p.subanswer]),
            items.map((i) => [plain(i.label), targets[i[key]]]),
            `${q.id}: pairs`,
          );
          break;
        }
        case 'numeric': {
          assert.equal(g.type, 'Numerical');
          const c = g.choices[0];
          assert.equal(c.text.number, Number(q.answer), `${q.id}: the number`);
          assert.equal(c.text.range ?? 0, Number(q.tolerance), `${q.id}: the tolerance`);
          assert.equal(c.feedback.text, plain(q.feedback));
          break;
        }
        case 'text': {
          assert.equal(g.type, 'Short');
          const right = g.choices.filter((c) => c.text.text !== '*');
          assert.deepEqual(right.map((c) => c.text.text), q.accepts.map((a) => a.text), `${q.id}: accepted answers`);
          assert.deepEqual(right.map((c) => c.feedback.text), q.accepts.map((a) => plain(a.feedback)));
          break;
        }
        default:
          assert.fail(`unknown kind ${q.kind}`);
      }
    }
  }
  assert.equal(at, parsed.length, 'nothing else in the file');
});

test('the Moodle XML bank follows Moodle\'s question format, every question included', () => {
  const xml = read('question-bank-moodle.xml');
  assert.equal(XMLValidator.validate(xml), true, 'well-formed XML');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true, isArray: (name) => ['question', 'answer', 'subquestion', 'unit'].includes(name) });
  const questions = parser.parse(xml).quiz.question;
  const htmlText = (node) => String(node?.text ?? '').replace(/^<p>|<\/p>$/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const TYPE = { single: 'multichoice', multiple: 'multichoice', truefalse: 'truefalse', ordering: 'ordering', matching: 'matching', categorise: 'matching', numeric: 'numerical', text: 'shortanswer' };
  let at = 0;
  for (const { unit, questions: qs } of units) {
    const cat = questions[at++];
    assert.equal(cat['@type'], 'category');
    assert.ok(String(cat.category.text).endsWith(`/Unit ${course.units.indexOf(unit) + 1}: ${unit.title}`));
    for (const q of qs) {
      const m = questions[at++];
      assert.equal(m['@type'], TYPE[q.kind], `${q.id}: type`);
      assert.equal(String(m.name.text), q.id);
      assert.equal(String(m.idnumber), q.id);
      assert.equal(m.questiontext['@format'], 'html');
      assert.equal(htmlText(m.questiontext), plain(q.prompt), `${q.id}: question text`);
      assert.ok(htmlText(m.generalfeedback).endsWith(sourceLine(q)), `${q.id}: sources`);
      assert.equal(Number(m.defaultgrade), 1);
      const fractions = (m.answer ?? []).map((a) => Number(a['@fraction']));
      if (q.kind === 'single' || q.kind === 'multiple') {
        assert.equal(String(m.single), q.kind === 'single' ? 'true' : 'false');
        assert.deepEqual(m.answer.map((a) => htmlText(a)), q.options.map((o) => plain(o.label)));
        assert.deepEqual(m.answer.map((a) => htmlText(a.feedback)), q.options.map((o) => plain(o.feedback)));
        const plus = fractions.filter((f) => f > 0).reduce((s, f) => s + f, 0);
        assert.ok(Math.abs(plus - 100) < 0.01, `${q.id}: fractions of the right options sum to 100 (${plus})`);
        if (q.kind === 'single') assert.deepEqual(fractions, q.options.map((o) => (o.correct ? 100 : 0)));
        else assert.deepEqual(fractions.map((f) => f > 0), q.options.map((o) => o.correct));
      } else if (q.kind === 'truefalse') {
        assert.deepEqual(m.answer.map((a) => String(a.text)), ['true', 'false']);
        assert.deepEqual(fractions, q.options[0].correct ? [100, 0] : [0, 100]);
      } else if (q.kind === 'ordering') {
        assert.deepEqual(m.answer.map((a) => htmlText(a)), q.items.map((i) => plain(i.label)), `${q.id}: items in order`);
        assert.deepEqual(fractions, q.items.map((_, i) => i + 1));
        assert.equal(m.gradingtype, 'ABSOLUTE_POSITION');
      } else if (q.kind === 'matching' || q.kind === 'categorise') {
        const [items, targets, key] = q.kind === 'matching' ? [q.pairs, q.targets, 'match'] : [q.statements, q.groups, 'group'];
        const subs = m.subquestion.filter((s) => htmlText(s) !== '');
        assert.deepEqual(subs.map((s) => [htmlText(s), String(s.answer[0].text)]), items.map((i) => [plain(i.label), targets[i[key]]]));
        const offered = new Set(m.subquestion.map((s) => String(s.answer[0].text)));
        for (const t of targets) assert.ok(offered.has(t), `${q.id}: target "${t}" offered`);
      } else if (q.kind === 'numeric') {
        assert.equal(Number(m.answer[0].text), Number(q.answer));
        assert.equal(Number(m.answer[0].tolerance), Number(q.tolerance), `${q.id}: tolerance`);
        assert.equal(fractions[0], 100);
        assert.deepEqual((m.units?.unit ?? []).map((u) => String(u.unit_name)), q.units);
      } else if (q.kind === 'text') {
        assert.deepEqual(m.answer.filter((a) => String(a.text) !== '*').map((a) => String(a.text)), q.accepts.map((a) => a.text));
        assert.equal(Number(m.usecase), 0);
      }
    }
  }
  assert.equal(at, questions.length, 'nothing else in the file');
  assert.equal(questions.filter((x) => x['@type'] !== 'category').length, all.length);
});
