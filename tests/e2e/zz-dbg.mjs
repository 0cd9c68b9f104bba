import { startServer, launchBrowser } from './helpers.mjs';
const s = await startServer();
const b = await launchBrowser();
let fails = 0;
for (let i = 0; i < 40; i++) {
  const ctx = await b.newContext();
  const p = await ctx.newPage();
  p.on('requestfailed', (r) => { fails++; });
  await p.goto(`${s.url}#/`);
  await p.waitForSelector('#app[data-started] #view-heading');
  await ctx.close();
}
console.log('direct pipe fails', fails);
await b.close(); await s.close();
