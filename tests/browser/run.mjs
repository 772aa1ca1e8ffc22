// End-to-end test of the HTML report in a real browser (Debian's Chromium,
// driven by playwright-core). Run by .ci/run; `cargo test` does not need it.
//
//   node tests/browser/run.mjs REPORT.html REPORT.json SCREENSHOT.png
//
// Checks: one column per source with its label; clicking a sentence
// highlights exactly the sentences of its group in the other columns (read
// from the JSON report of the same run); keyboard focus does the same; the
// group's details are shown; every shared sentence carries its group tag;
// the page and the clicked column do not scroll away on a click; link scores
// are hidden without --explain. At 400 px: no horizontal overflow, no
// columns, every group listed with its members together. Saves screenshots
// (SCREENSHOT.png at 1400 px, SCREENSHOT-400.png at 400 px).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [html, json, shot] = process.argv.slice(2);
const report = JSON.parse(readFileSync(json, 'utf8'));
const labels = report.sources.map((s) => s.label);
let failures = 0;
let passes = 0;
function check(cond, what) {
  if (cond) {
    passes += 1;
    console.log(`ok - ${what}`);
  } else {
    console.log(`not ok - ${what}`);
    failures += 1;
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(html).href);

  const cols = await page.$$eval('section.col h2', (hs) => hs.map((h) => h.textContent.trim()));
  check(JSON.stringify(cols) === JSON.stringify(labels), `columns are ${labels.join(', ')} (got ${cols.join(', ')})`);

  // Pick a group shared by the most sources, and its first member.
  const size = (g) => g.members.reduce((n, m) => n + m.sentences.length, 0);
  const group = [...report.groups].sort((a, b) => size(b) - size(a) || a.id - b.id)[0];
  const first = group.members[0];
  const expected = group.members
    .flatMap((m) => m.sentences.map((id) => `${m.source}#${id}`))
    .filter((k) => k !== `${first.source}#${first.sentences[0]}`)
    .sort();
  const selector = `.s[data-source="${first.source}"][data-id="${first.sentences[0]}"]`;
  const highlighted = async () => (await page.$$eval('.s.hl', (es) => es.map((e) => `${e.dataset.source}#${e.dataset.id}`))).sort();

  // Every sentence of a shared group shows its group tag, without a click.
  const tags = await page.$$eval('.s', (es) => es.map((e) => [e.dataset.group, (e.querySelector('.gid') || {}).textContent || '']));
  const shared = new Set(report.groups.filter((g) => g.kind !== 'unique').map((g) => String(g.id)));
  check(tags.every(([g, t]) => (shared.has(g) ? t === `g${g}` : t === '')), 'every sentence of a shared group shows its group tag (and only those)');

  const before = await page.evaluate((sel) => {
    const e = document.querySelector(sel);
    return { y: window.scrollY, col: e.parentNode.scrollTop };
  }, selector);
  await page.click(selector);
  const after = await page.evaluate((sel) => {
    const e = document.querySelector(sel);
    const r = e.getBoundingClientRect();
    return { y: window.scrollY, col: e.parentNode.scrollTop, visible: r.bottom > 0 && r.top < window.innerHeight };
  }, selector);
  check(after.col === before.col && after.visible, `the clicked column does not scroll and the sentence stays visible (${JSON.stringify(before)} -> ${JSON.stringify(after)})`);
  const detailVisible = await page.$eval('#detail', (d) => { const r = d.getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0; });
  check(detailVisible, 'the details of the selected group are on screen');
  const got = await highlighted();
  check(JSON.stringify(got) === JSON.stringify(expected), `click on ${first.source}[${first.sentences[0]}] highlights exactly ${expected.join(' ')} (got ${got.join(' ')})`);
  check(await page.$eval(selector, (e) => e.classList.contains('sel')), 'the clicked sentence is marked selected');
  check(await page.$eval(`#g-${group.id}`, (e) => !e.hidden), `details of group ${group.id} are shown`);
  await page.screenshot({ path: shot, fullPage: true });

  // A unique claim highlights nothing else.
  const uniq = report.groups.find((g) => g.kind === 'unique');
  if (uniq) {
    const m = uniq.members[0];
    await page.click(`.s[data-source="${m.source}"][data-id="${m.sentences[0]}"]`);
    check((await highlighted()).length === 0, `a claim found in one report only (${m.source}[${m.sentences[0]}]) highlights nothing`);
  }

  // Keyboard: focus the group's sentence and move down with the arrow key.
  await page.focus(selector);
  check(JSON.stringify(await highlighted()) === JSON.stringify(expected), 'keyboard focus highlights the same sentences');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.dataset.id);
  check(String(focused) === String(first.sentences[0] + 1), 'ArrowDown moves to the next sentence');

  check(requests.length === 0, `the page makes no network request (${requests.length})`);
  const rawScores = await page.$$eval('#detail .group', (gs) => gs.some((g) => /score \d/.test(g.textContent)));
  check(!rawScores, 'link scores are hidden without --explain');
  const rawWords = await page.$eval('body', (b) => /according_to|quote_altered|\bnone\b ·/.test(b.innerText));
  check(!rawWords, 'no raw enum values (according_to, quote_altered) are shown');

  // A phone-sized screen: one column, groups with their members together.
  const narrow = await browser.newPage({ viewport: { width: 400, height: 800 } });
  await narrow.goto(pathToFileURL(html).href);
  const widths = await narrow.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  check(widths.page <= widths.view, `at 400 px the page is no wider than the screen (${widths.page} <= ${widths.view})`);
  const colsShown = await narrow.$eval('main.cols', (e) => getComputedStyle(e).display !== 'none');
  check(!colsShown, 'at 400 px the side-by-side columns give way to a list of groups');
  const groupsShown = await narrow.$$eval('#detail .group', (gs) => gs.filter((g) => g.getBoundingClientRect().height > 0).length);
  check(groupsShown === report.groups.length, `at 400 px all ${report.groups.length} groups are listed (${groupsShown})`);
  const members = await narrow.$eval(`#g-${group.id}`, (g) => g.querySelectorAll('li').length);
  check(members === group.members.length, `at 400 px group ${group.id} shows its ${group.members.length} members together (${members})`);
  await narrow.screenshot({ path: shot.replace(/\.png$/, '-400.png'), fullPage: true });
  await narrow.close();
} finally {
  await browser.close();
}
console.log(`browser: ${passes} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
