// The web site in a real browser (Debian's chromium through
// playwright-core): axe-core on every page type at WCAG 2.1 A and AA,
// desktop and phone width; the skip link and a visible focus; no
// sideways scrolling on a phone; and a reader's path, with JavaScript
// off, from the start page to a meeting, to an item, to its PDF, and
// from the start page to the noticeboard's notice, to the decisions,
// to the protocol's PDF.
//
// usage: node site.test.mjs SITE-FOLDER
// Prints one line per check and "N passed, N failed"; exit 1 on failure.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const site = path.resolve(process.argv[2] || '../../out/site');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

let passed = 0, failed = 0;
function check(ok, what, detail) {
	if (ok) {
		passed++;
		console.log(`ok   ${what}`);
	} else {
		failed++;
		console.log(`FAIL ${what}${detail ? '\n     ' + detail : ''}`);
	}
}

const types = {
	'.html': 'text/html; charset=utf-8', '.css': 'text/css',
	'.pdf': 'application/pdf', '.json': 'application/json',
	'.csv': 'text/csv; charset=utf-8', '.atom': 'application/atom+xml',
	'.js': 'text/javascript; charset=utf-8', '.png': 'image/png',
};

// A static file server on the loopback address, as any web server
// would serve the folder.
const server = createServer(async (req, res) => {
	try {
		const u = decodeURIComponent(new URL(req.url, 'http://x').pathname);
		let f = path.join(site, path.normalize(u));
		if (!f.startsWith(site)) throw new Error('outside');
		if ((await stat(f)).isDirectory()) f = path.join(f, 'index.html');
		const body = await readFile(f);
		res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' });
		res.end(body);
	} catch {
		res.writeHead(404, { 'content-type': 'text/plain' });
		res.end('not found');
	}
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
	executablePath: chromiumPath,
	args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

// The check itself: on a copy of the site made worse on purpose (grey
// text, no lang), axe must find violations on the start page.
if (process.argv[3] === '--expect-violations') {
	const page = await (await browser.newContext()).newPage();
	await page.goto(base + 'index.html');
	await page.addScriptTag({ path: axePath });
	const ids = await page.evaluate(async () => (await axe.run(document, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
	})).violations.map((v) => v.id));
	await browser.close();
	server.close();
	const ok = ids.includes('color-contrast') && ids.includes('html-has-lang');
	console.log(`browser: axe on a spoilt start page finds ${ids.join(', ') || 'nothing'}`);
	process.exit(ok ? 0 : 1);
}

// One page of each type.
const pages = {
	'start page': 'index.html',
	'body page': 'regionstyrelsen/index.html',
	'meeting page': 'regionstyrelsen/2026-12-08/index.html',
	'item page': 'regionstyrelsen/2026-12-08/arende-5.html',
	'item page with a register': 'regionstyrelsen/2026-12-08/arende-14.html',
	'document page': 'regionstyrelsen/2026-12-08/handling-1.html',
	'register of cases': 'register/arenden.html',
	'register of cases, a year': 'register/arenden-2026.html',
	'open data page': 'oppna-data.html',
	'noticeboard': 'anslagstavla.html',
	'decisions of a meeting': 'regionstyrelsen/2026-12-08/protokoll.html',
	'register of incoming documents, a year': 'register/inkomna-handlingar-2026.html',
	'register of delegation decisions, a year': 'register/delegationsbeslut-2026.html',
	'search page': 'sok.html',
};

try {
	for (const [width, height, label] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
		const ctx = await browser.newContext({ viewport: { width, height } });
		const page = await ctx.newPage();
		for (const [name, rel] of Object.entries(pages)) {
			const resp = await page.goto(base + rel);
			if (!resp || resp.status() !== 200) {
				check(false, `${label} ${name}: loads`, `${rel}: ${resp && resp.status()}`);
				continue;
			}
			await page.addScriptTag({ path: axePath });
			const r = await page.evaluate(async () => await axe.run(document, {
				runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			}));
			const v = r.violations.map((x) => `${x.id} (${x.nodes.length}): ${x.nodes[0].target.join(' ')}`);
			check(v.length === 0, `${label} ${name}: axe, ${r.passes.length} rules pass, 0 violations`, v.join('\n     '));
			const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			check(wide <= 0, `${label} ${name}: no sideways scrolling`, `${wide} px too wide`);
			// A register fits whole: no element reaches past the
			// viewport, not even inside a scrolling region (on a
			// phone its rows are stacked, each cell named).
			if (rel.startsWith('register/') && rel.includes('-20')) {
				const over = await page.evaluate(() => {
					const vw = document.documentElement.clientWidth;
					return [...document.querySelectorAll('body *')].filter((e) => {
						const r = e.getBoundingClientRect();
						return r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5);
					}).map((e) => `${e.tagName.toLowerCase()} ${Math.round(e.getBoundingClientRect().right)}`);
				});
				check(over.length === 0, `${label} ${name}: no element wider than the viewport`,
				    `${over.length}: ${over.slice(0, 4).join(', ')}`);
				const cut = await page.evaluate(() => [...document.querySelectorAll('main .scroll')]
				    .filter((e) => e.scrollWidth > e.clientWidth).map((e) => `${e.scrollWidth} > ${e.clientWidth}`));
				check(cut.length === 0, `${label} ${name}: the table needs no scrolling of its own`, cut.join(', '));
				if (label === 'phone') {
					const lab = await page.evaluate(() => {
						const row = document.querySelector('main table tbody tr');
						return [...row.children].map((c) => getComputedStyle(c, '::before').content);
					});
					check(lab.length >= 4 && lab.every((c) => /^".+: "$/.test(c)),
					    `${label} ${name}: each cell of a stacked row says its column`, lab.join(' '));
				}
			}
			const h = await page.evaluate(() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((e) => +e.tagName[1]));
			const jump = h.findIndex((lv, i) => i > 0 && lv > h[i - 1] + 1);
			// The noticeboard is official: every page leads to it.
			const nb = await page.locator('nav[aria-label="Webbplatsen"] a[href$="anslagstavla.html"]').count();
			check(nb === 1, `${label} ${name}: the site's navigation leads to the noticeboard`, `${nb} links`);
			check(h[0] === 1 && h.filter((x) => x === 1).length === 1 && jump < 0,
			    `${label} ${name}: one h1 first, no heading level skipped`, JSON.stringify(h));
		}
		// The first Tab reaches the skip link, which shows, with a focus
		// ring; Enter moves to the main content.
		await page.goto(base + pages['meeting page']);
		await page.keyboard.press('Tab');
		const skip = await page.evaluate(() => {
			const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
			return { cls: e.className, outline: s.outlineStyle + ' ' + s.outlineWidth, top: r.top, h: r.height };
		});
		check(skip.cls === 'skip' && skip.top >= 0 && skip.h > 0 && !skip.outline.startsWith('none'),
		    `${label} skip link: first in tab order, visible, focus ring`, JSON.stringify(skip));
		await page.keyboard.press('Enter');
		const at = await page.evaluate(() => document.activeElement.id);
		check(at === 'innehall', `${label} skip link: leads to the main content`, `focus on #${at}`);
		await page.keyboard.press('Tab');
		const ring = await page.evaluate(() => {
			const s = getComputedStyle(document.activeElement);
			return document.activeElement.tagName + ' ' + s.outlineStyle + ' ' + s.outlineWidth;
		});
		check(/^A solid [1-9]/.test(ring), `${label} focus: the next link shows a ring`, ring);
		await ctx.close();
	}

	// Charts: a figure placed as a chart is an SVG image named by its
	// text alternative, drawn with the pack's colours and shapes, its
	// numbers once as the table under it, and no table twice.
	{
		const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await ctx.newPage();
		for (const [rel, kind, shapes] of [
			[pages['item page'], 'Stapeldiagram', 'rect'],
			[pages['document page'], 'Linjediagram', 'polyline'],
		]) {
			await page.goto(base + rel);
			const c = await page.evaluate((shapes) => {
				const fig = document.querySelector('main figure.chart');
				if (!fig) return null;
				const svg = fig.querySelector('svg[role=img]');
				const ids = (svg && svg.getAttribute('aria-labelledby') || '').split(' ');
				const name = ids.map((i) => (document.getElementById(i) || {}).textContent || '').join(' ');
				let next = fig.nextElementSibling;
				const table = next && next.querySelector('table');
				const bodies = [...document.querySelectorAll('main table tbody')].map((t) => t.innerText.trim());
				const r = svg.getBoundingClientRect();
				return {
					name, shapes: svg.querySelectorAll(shapes).length,
					legend: [...fig.querySelectorAll('.legend li')].map((l) => l.innerText.trim()),
					caption: table ? table.caption.innerText : '',
					rows: table ? table.tBodies[0].rows.length : 0,
					dup: bodies.length - new Set(bodies).size,
					w: r.width, h: r.height,
				};
			}, shapes);
			check(c !== null, `chart on ${rel}: a figure with an SVG image`);
			if (!c) continue;
			check(c.name.startsWith(kind + ':') && c.name.includes('Värdena står i tabellen nedan'),
			    `chart on ${rel}: the image's name is its text alternative`, c.name);
			check(c.shapes >= 3 && c.legend.length >= 2 && c.w > 300 && c.h > 150,
			    `chart on ${rel}: ${c.shapes} ${shapes} drawn, legend ${c.legend.join(', ')}, ${Math.round(c.w)}x${Math.round(c.h)} px`,
			    JSON.stringify(c));
			check(c.caption.startsWith('Värdena i diagrammet') && c.rows >= 3,
			    `chart on ${rel}: its numbers follow as a table (${c.rows} rows)`, c.caption);
			check(c.dup === 0, `chart on ${rel}: no table twice on the page`, `${c.dup} repeated`);
		}
		await ctx.close();
	}

	// Search without a server: a word of a case's text (any case,
	// a prefix), its dnr, and å, ä, ö as letters of their own; the
	// results link the item.  Each query loads only the index files
	// of its words.
	for (const [width, label] of [[1280, 'desktop'], [390, 'phone']]) {
		const ctx = await browser.newContext({ viewport: { width, height: 900 } });
		const page = await ctx.newPage();
		const loaded = [];
		page.on('request', (r) => { if (r.url().includes('/sok/')) loaded.push(r.url().replace(/.*\/sok\//, '')); });
		await page.goto(base + 'sok.html');
		const find = async (q) => {
			loaded.length = 0;
			await page.fill('#sok-q', q);
			await page.click('#sok-form button');
			await page.waitForFunction(() => /träff/.test(document.getElementById('sok-status').textContent));
			return page.evaluate(() => ({
				status: document.getElementById('sok-status').textContent,
				hits: [...document.querySelectorAll('#sok-traffar a')].map((a) => a.getAttribute('href')),
			}));
		};
		const item19 = 'regionstyrelsen/2026-12-08/arende-19.html';
		let r = await find('Högkostnadsskyddet');
		check(r.hits.includes(item19), `${label} search: a word of a case's text finds it (${r.status})`, JSON.stringify(r));
		check(loaded.length >= 1 && loaded.every((f) => f === 't-68c3b667.json' || /^d-\d+\.json$/.test(f)),
		    `${label} search: the query loads only its word's file and the titles (${loaded.join(', ')})`);
		r = await find('HÖGKOSTNAD avgifter');
		check(r.hits.includes(item19), `${label} search: a prefix and two words, in capitals, find it`, JSON.stringify(r));
		r = await find('HSN/875/2026');
		check(r.hits.length >= 1 && r.hits[0] === item19, `${label} search: its dnr finds it (${r.status})`, JSON.stringify(r));
		r = await find('hogkostnadsskyddet');
		check(!r.hits.includes(item19), `${label} search: o is not ö`, JSON.stringify(r));
		const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		check(wide <= 0, `${label} search: no sideways scrolling with results`, `${wide} px`);
		await page.addScriptTag({ path: axePath });
		const v = await page.evaluate(async () => (await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
		})).violations.map((x) => x.id));
		check(v.length === 0, `${label} search: axe with results, 0 violations`, v.join(', '));
		await ctx.close();
	}
	{
		const ctx = await browser.newContext({ javaScriptEnabled: false });
		const page = await ctx.newPage();
		await page.goto(base + 'sok.html');
		const nojs = await page.evaluate(() => ({
			msg: getComputedStyle(document.getElementById('sok-nojs')).display !== 'none',
			form: getComputedStyle(document.getElementById('sok-form')).display === 'none',
			links: [...document.querySelectorAll('#sok-nojs a')].map((a) => a.getAttribute('href')),
		}));
		check(nojs.msg && nojs.form && nojs.links.includes('register/arenden.html') && nojs.links.includes('index.html'),
		    'search without JavaScript: says so and links the register and the meetings', JSON.stringify(nojs));
		await ctx.close();
	}

	// The organisation in the header (its logo, named) and in every
	// title: "Item – Meeting – Organisation".
	{
		const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await ctx.newPage();
		await page.goto(base + pages['item page']);
		const hd = await page.evaluate(() => {
			const img = document.querySelector('header.site a.name img');
			return {
				title: document.title,
				alt: img && img.alt, loaded: img && img.complete && img.naturalWidth > 0,
				h: img && img.getBoundingClientRect().height,
			};
		});
		check(hd.title === '5. Månadsrapport oktober 2026 – Regionstyrelsen 2026-12-08 – Region Norrbacka',
		    'item page: its title names the item, the meeting and the organisation', hd.title);
		check(hd.alt === 'Region Norrbacka' && hd.loaded && hd.h > 20 && hd.h < 80,
		    'header: the organisation\'s logo, named', JSON.stringify(hd));
		await page.goto(base + pages['start page']);
		check((await page.title()).endsWith(' – Region Norrbacka'), 'start page: its title names the organisation', await page.title());
		await ctx.close();
	}

	// The program of the day on the meeting page: the notice to the
	// public, the slots with their times, the open and the closed part.
	{
		const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await ctx.newPage();
		await page.goto(base + pages['meeting page']);
		const p = await page.evaluate(() => {
			const sec = document.querySelector('main section#dagens-program');
			if (!sec) return null;
			const r = sec.getBoundingClientRect();
			return {
				name: document.getElementById(sec.getAttribute('aria-labelledby')).innerText,
				notice: (sec.querySelector('p strong') || {}).innerText,
				parts: [...sec.querySelectorAll('h3')].map((x) => x.innerText),
				times: [...sec.querySelectorAll('.time')].map((x) => x.innerText),
				closed: [...sec.querySelectorAll('h3 ~ ul')].pop().innerText,
				right: r.right,
			};
		});
		check(p !== null && p.name === 'Program för sammanträdesdagen', 'meeting page: the program of the day', JSON.stringify(p));
		if (p) {
			check(p.notice === 'Till allmänheten:', 'meeting page: the program\'s notice to the public', p.notice);
			check(p.parts.join('|') === 'Öppen del|Inom stängda dörrar', 'meeting page: the program\'s open and closed parts', p.parts.join('|'));
			check(p.times.length >= 8 && p.times[0] === '08.30' && p.closed.includes('13.00'),
			    `meeting page: ${p.times.length} times of the program, the closed part from 13.00`, p.times.join(' '));
			check(p.right <= 390, 'meeting page: the program fits a phone', String(p.right));
		}
		await ctx.close();
	}

	// Figure tables: numbers right-aligned, the total row marked (its
	// role in the figure) and bold, the other rows' labels not.
	{
		const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await ctx.newPage();
		await page.goto(base + pages['item page']);
		const t = await page.evaluate(() => {
			const table = [...document.querySelectorAll('main table')].find((x) => x.querySelector('tr.total'));
			if (!table) return null;
			const w = (e) => +getComputedStyle(e).fontWeight;
			const data = [...table.tBodies[0].rows].filter((r) => !r.className);
			return {
				total: w(table.querySelector('tr.total th')),
				labels: data.map((r) => w(r.cells[0])),
				nums: [...table.querySelectorAll('td.num')].map((c) => getComputedStyle(c).textAlign),
			};
		});
		check(t !== null && t.total >= 600 && t.labels.length > 0 && t.labels.every((x) => x < 600),
		    'figure table: the total row is bold, the other row labels are not', JSON.stringify(t));
		check(t !== null && t.nums.length > 0 && t.nums.every((a) => a === 'right'),
		    `figure table: ${t ? t.nums.length : 0} numbers right-aligned`);
		await ctx.close();
	}

	// A reader's path, with JavaScript off: start page -> meeting ->
	// item -> the pack PDF.
	const ctx = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
	const page = await ctx.newPage();
	await page.goto(base + 'index.html');
	await page.getByRole('link', { name: 'tisdag 8 december 2026', exact: true }).first().click();
	check(page.url().endsWith('/regionstyrelsen/2026-12-08/index.html'), 'path: start page to the meeting', page.url());
	await page.getByRole('link', { name: 'Samarbetsavtal med Fjellmark fylkeskommune och Helse Nordfjell HF 2027–2030' }).first().click();
	check(page.url().endsWith('/arende-8.html'), 'path: meeting to item 8', page.url());
	const h1 = await page.locator('h1').innerText();
	check(h1.includes('8. Samarbetsavtal med Fjellmark fylkeskommune'), 'path: the item page says what it is', h1);
	const link = page.getByRole('link', { name: /Kallelse med handlingar.*PDF/ });
	check(await link.count() === 1, 'path: the item page links the pack');
	// The click either opens chromium's PDF viewer or downloads the
	// file; either way the address is the pack, served as a PDF.
	const [got] = await Promise.all([
		Promise.race([
			page.waitForEvent('download').then((d) => ({ url: d.url(), type: 'download' })),
			page.waitForResponse((r) => r.url().endsWith('.pdf')).then((r) => ({
				url: r.url(), type: r.headers()['content-type'], status: r.status(),
			})),
		]),
		link.click(),
	]);
	const body = await (await ctx.request.get(got.url)).body();
	check((got.type === 'download' || (got.status === 200 && got.type === 'application/pdf')) &&
	    body.subarray(0, 5).toString() === '%PDF-' && body.length > 10000,
	    `path: the link gives the pack, ${body.length} bytes of PDF`, JSON.stringify(got));

	// The noticeboard, the day after the notice was posted: from the
	// start page to the notice of the approved protocol, its dates, and
	// on to the decisions and the public protocol's PDF.
	await page.goto(base + 'index.html');
	await page.getByRole('link', { name: 'Anslagstavla', exact: true }).first().click();
	check(page.url().endsWith('/anslagstavla.html'), 'noticeboard: the start page links it', page.url());
	const notices = page.locator('article.notice');
	check(await notices.count() === 1, 'noticeboard: one notice is up', `${await notices.count()} notices`);
	const facts = await notices.first().innerText().catch(() => '');
	check(/Tillkännagivande av justerat protokoll/.test(facts) && /Regionstyrelsen/.test(facts) &&
	    /Anslaget uppsatt\s+2026-12-16/.test(facts) && /Sista dag för överklagande\s+2027-01-07/.test(facts) &&
	    /Anslaget tas ned\s+2027-01-08/.test(facts) && /Förvaringsplats för protokollet\s+Regionkansliet/.test(facts),
	    'noticeboard: the notice gives body, posted, last day of appeal, down, where kept', facts.replace(/\s+/g, ' '));
	const to = notices.first().getByRole('link', { name: /Protokollets beslut, Regionstyrelsen 2026-12-08/ });
	if (await to.count() === 1)
		await to.click();
	check(page.url().endsWith('/regionstyrelsen/2026-12-08/protokoll.html'), 'noticeboard: the notice leads to the decisions', page.url());
	const sections = await page.locator('main section h2').allInnerTexts();
	check(sections.length > 0 && sections[0].startsWith('§ 128'), 'decisions: each § with its number', JSON.stringify(sections.slice(0, 2)));
	const prot = page.getByRole('link', { name: 'Protokollet (PDF)' });
	check(await prot.count() === 1, 'decisions: they link the public protocol');
	const pdf = await prot.count() === 1 ? await (await ctx.request.get(
	    new URL(await prot.getAttribute('href'), page.url()).href)).body() : Buffer.alloc(0);
	check(pdf.subarray(0, 5).toString() === '%PDF-', `decisions: the protocol link gives ${pdf.length} bytes of PDF`);
	await ctx.close();
} finally {
	await browser.close();
	server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
