// The SCORM packages read by independent readers: yauzl opens each zip (checking every entry's
// CRC as it reads it) and fast-xml-parser reads imsmanifest.xml. What an LMS checks on upload:
// the manifest at the root, the SCO resource of the right version, the pass mark where each
// version carries it, every file listed and every listed file present, relative paths only, and
// the package's settings in index.html.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { courseJson } from './helpers.mjs';
import { PACKAGES, packageZip, readZip } from './lms.mjs';

const course = courseJson();
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const list = (x) => (Array.isArray(x) ? x : x == null ? [] : [x]);

const CASES = [
  { v: '1.2', units: 'all', pass: 70, meta: 'scorm=1.2; units=all; pass=70' },
  { v: '2004', units: 'all', pass: 70, meta: 'scorm=2004; units=all; pass=70' },
  { v: '1.2', units: course.units[0].id, pass: 70, meta: `scorm=1.2; units=${course.units[0].id}; pass=70` },
  { v: '2004', units: course.units[0].id, pass: 70, meta: `scorm=2004; units=${course.units[0].id}; pass=70` },
  {
    v: '2004', units: course.units[0].id, pass: null, dir: path.join(PACKAGES, 'options'),
    meta: `scorm=2004; units=${course.units[0].id}; pass=none; mode=deferred`,
  },
];

for (const c of CASES) {
  test(`package ${path.basename(packageZip(c.v, c.units, c.dir))}${c.dir ? ' (one unit, deferred, no pass mark)' : ''}`, async () => {
    const files = await readZip(packageZip(c.v, c.units, c.dir));
    const names = Object.keys(files);
    assert.ok(names.includes('imsmanifest.xml'), 'imsmanifest.xml at the root');
    for (const n of names) {
      assert.ok(!n.startsWith('/') && !n.includes('\\') && !n.split('/').includes('..'), `relative path: ${n}`);
    }
    const xml = files['imsmanifest.xml'].toString('utf8');
    assert.equal(XMLValidator.validate(xml), true, 'well-formed XML');
    const m = parser.parse(xml).manifest;
    assert.equal(m.metadata.schema, 'ADL SCORM');
    assert.equal(String(m.metadata.schemaversion), c.v === '1.2' ? '1.2' : '2004 4th Edition');
    assert.equal(m['@xmlns'], c.v === '1.2' ? 'http://www.imsproject.org/xsd/imscp_rootv1p1p2' : 'http://www.imsglobal.org/xsd/imscp_v1p1');

    const org = m.organizations.organization;
    assert.equal(m.organizations['@default'], org['@identifier'], 'the default organisation exists');
    const item = org.item;
    const resource = m.resources.resource;
    assert.equal(item['@identifierref'], resource['@identifier'], 'the item launches the resource');
    assert.equal(resource['@href'], 'index.html');
    assert.equal(resource['@type'], 'webcontent');
    const ids = [m['@identifier'], org['@identifier'], item['@identifier'], resource['@identifier']];
    for (const id of ids) assert.match(id, /^[A-Za-z_][\w.-]*$/, `an XML id: ${id}`);
    assert.equal(new Set(ids).size, ids.length, 'identifiers are unique');

    if (c.v === '1.2') {
      assert.equal(resource['@adlcp:scormtype'], 'sco');
      assert.equal(item['adlcp:masteryscore'], c.pass ?? undefined);
    } else {
      assert.equal(resource['@adlcp:scormType'], 'sco');
      const seq = item['imsss:sequencing'];
      const dc = seq['imsss:deliveryControls'];
      assert.equal(dc['@completionSetByContent'], 'true');
      assert.equal(dc['@objectiveSetByContent'], 'true');
      const primary = seq['imsss:objectives']['imsss:primaryObjective'];
      if (c.pass == null) {
        assert.equal(primary['imsss:minNormalizedMeasure'], undefined);
      } else {
        assert.equal(primary['@satisfiedByMeasure'], 'true');
        assert.equal(Number(primary['imsss:minNormalizedMeasure']), c.pass / 100);
      }
    }

    // Every file listed, every listed file present.
    const listed = list(resource.file).map((f) => f['@href']);
    const packed = names.filter((n) => n !== 'imsmanifest.xml');
    assert.deepEqual([...listed].sort(), [...packed].sort(), 'the manifest lists exactly the package\'s files');
    assert.ok(packed.some((n) => n.endsWith('.wasm')) && packed.some((n) => n.endsWith('.js')), 'the app is in it');
    const html = files['index.html'].toString('latin1');
    assert.ok(html.includes('<script type=x id=wasm-lzma '), 'the page carries the compressed wasm');
    const tags = html.match(/<meta name="hsc-package" content="([^"]*)">/g) ?? [];
    assert.equal(tags.length, 1, 'one settings tag');
    assert.equal(/content="([^"]*)"/.exec(tags[0])[1], c.meta);
    assert.ok(html.indexOf(tags[0]) < html.indexOf('</head>'), 'in the head');

    // The title names the units of a one-unit package.
    const title = String(org.title);
    if (c.units === 'all') assert.equal(title, course.title);
    else assert.ok(title.includes(course.units.find((u) => u.id === c.units).title), title);
  });
}
