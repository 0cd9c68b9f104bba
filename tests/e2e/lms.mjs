// A learning platform for the SCORM tests: the real SCORM runtime `scorm-again` (npm) in an
// LMS-like player page, the package's files (extracted from the zip the packager wrote) in a
// frame two levels below it, as LMS players nest them, and the LMS's memory between launches.
//
// Every call the module makes to the API is recorded with its arguments, its result and the
// error code the API holds after it, so that tests can assert on the calls themselves.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { ROOT } from './helpers.mjs';

export const PACKAGES = path.join(ROOT, 'target', 'packages');
const SCORM_AGAIN = path.join(ROOT, 'tests', 'node_modules', 'scorm-again', 'dist');

/** The zip the packager writes for this version of the whole course. */
export function packageZip(version, units = 'all', dir = PACKAGES) {
  const suffix = version === '1.2' ? 'scorm12' : 'scorm2004';
  const file = path.join(dir, `integrating-care-${units}-${suffix}.zip`);
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} is missing: build the packages as .ci/test does (its "SCORM packages" step), ` +
        'or with `bash .ci/package` for the default ones',
    );
  }
  return file;
}

/** Reads every entry of a zip (CRCs checked by yauzl as each is read): { name: Buffer }. */
export function readZip(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err) return reject(err);
      const files = {};
      zip.on('error', reject);
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            files[entry.fileName] = Buffer.concat(chunks);
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Extracts a zip into `dir` (emptied first). */
export async function extractZip(file, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, body] of Object.entries(await readZip(file))) {
    const out = path.resolve(dir, name);
    if (!out.startsWith(path.resolve(dir) + path.sep)) throw new Error(`zip entry outside the folder: ${name}`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, body);
  }
  return dir;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

/** The LMS's player page: loads the runtime; `launch(options)` starts an attempt. */
const PLAYER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS player</title>
<script src="/lib/scorm12.js"></script><script src="/lib/scorm2004.js"></script></head>
<body><h1>LMS player</h1><div id="slot"></div>
<script>
window.calls = [];
window.launch = function (o) {
  const settings = { autocommit: false, logLevel: 5, lmsCommitUrl: false };
  const api = o.version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  if (o.kept) api.loadFromJSON(o.kept);
  const wrapped = {};
  for (const name of o.methods) {
    wrapped[name] = function (...args) {
      let result;
      const errorName = o.version === '1.2' ? 'LMSGetLastError' : 'GetLastError';
      if (o.failSet && /SetValue$/.test(name)) {
        // An LMS that refuses every update: false, and an error code to say why.
        result = 'false';
        window.failCode = '351';
      } else if (name === errorName || /ErrorString$|Diagnostic$/.test(name)) {
        result = api[name](...args);
      } else {
        window.failCode = null;
        result = api[name](...args);
      }
      if (name !== errorName && !/ErrorString$|Diagnostic$/.test(name)) {
        const error = window.failCode ?? String(api[errorName]());
        window.calls.push({ name, args, result: String(result), error });
      }
      if (window.failCode && name === errorName) return window.failCode;
      if (window.failCode && /ErrorString$/.test(name)) return 'General exception: the update was refused';
      return result;
    };
  }
  window.lmsApi = api;
  if (o.apiIn !== 'none') window[o.version === '1.2' ? 'API' : 'API_1484_11'] = wrapped;
  window.wrappedApi = wrapped;
  if (o.apiIn !== 'opener') {
    const frame = document.createElement('iframe');
    frame.id = 'content-frame';
    frame.title = 'Course content';
    frame.style.cssText = 'width:1100px;height:900px;border:0';
    frame.src = '/lms/frame.html?sco=' + encodeURIComponent(o.sco);
    document.getElementById('slot').append(frame);
  }
};
window.cmiJson = () => window.lmsApi.renderCMIToJSONObject();
</script></body></html>`;

/** The frame set between the player and the content, as LMS players have. */
const FRAME = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Frame</title></head>
<body style="margin:0"><iframe id="sco" title="Course" style="width:1080px;height:880px;border:0"></iframe>
<script>document.getElementById('sco').src = new URLSearchParams(location.search).get('sco');</script>
</body></html>`;

/** Serves the player, the runtime and each package folder (`/pkg/<name>/`). */
export async function startLms(folders) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let body = null;
    let file = null;
    if (url.pathname === '/lms/player.html') body = PLAYER;
    else if (url.pathname === '/lms/frame.html') body = FRAME;
    else if (url.pathname.startsWith('/lib/')) file = path.join(SCORM_AGAIN, path.basename(url.pathname));
    else {
      const m = /^\/pkg\/([^/]+)\/(.*)$/.exec(decodeURIComponent(url.pathname));
      if (m && folders[m[1]]) {
        const root = path.resolve(folders[m[1]]);
        const f = path.resolve(root, m[2] || 'index.html');
        if (f.startsWith(root + path.sep)) file = f;
      }
    }
    if (body !== null) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(body);
      return;
    }
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export const METHODS = {
  '1.2': ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
  2004: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
};

/**
 * What a real LMS does between two launches of one attempt: it keeps the data model, and sets
 * `entry` to `resume` when the content left with `exit` = suspend (and to "" otherwise).
 */
export function relaunchData(version, cmi) {
  const kept = JSON.parse(JSON.stringify(cmi));
  if (version === '1.2') {
    const exit = kept.core?.exit ?? '';
    kept.core = { ...kept.core, entry: exit === 'suspend' ? 'resume' : '', exit: '', session_time: '00:00:00' };
  } else {
    kept.entry = kept.exit === 'suspend' ? 'resume' : '';
    delete kept.exit;
    delete kept.session_time;
  }
  return kept;
}

/** The content frame (the module), once the page has it. */
export async function contentFrame(page, sco) {
  for (let i = 0; i < 100; i++) {
    const f = page.frames().find((fr) => fr.url().includes(sco));
    if (f) return f;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no frame loaded ${sco}`);
}
