// The demo's web page: plain HTML and a little script, no build step. It searches the catalogue
// through SRU (DC records), opens a record as MARC (MARCXML over SRU, shown in MARCBreaker style)
// and as Dublin Core, shows each item's barcode from /svc/barcode, and a patron card.
import type { DemoOptions } from './app.js';

const style = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1f3a5f;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;opacity:.85;font-size:13px}header a{color:#cfe3ff}
main{display:grid;grid-template-columns:minmax(280px,1fr) 2fr;gap:18px;padding:18px 24px}
section{background:#fff;border:1px solid #dde2ea;border-radius:8px;padding:14px}
h2{font-size:16px;margin:0 0 10px}form{display:flex;gap:8px}input,select{flex:1;padding:7px;font:inherit}
button{padding:7px 12px;font:inherit;cursor:pointer}ol{padding-left:20px}li button{all:unset;cursor:pointer;color:#1f4f99}
li button:hover{text-decoration:underline}pre{background:#f3f4f6;padding:10px;overflow:auto;font-size:12.5px;white-space:pre-wrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:13.5px}dt{font-weight:600}
.items{display:flex;flex-wrap:wrap;gap:12px}.item{border:1px solid #dde2ea;border-radius:6px;padding:8px;font-size:12.5px}
.card{border:2px solid #1f3a5f;border-radius:10px;padding:12px;max-width:360px;background:linear-gradient(#fff,#eef3fa)}
.muted{color:#667}`;

const script = `
const SRU = '/sru?version=2.0&operation=searchRetrieve';
const $ = (id) => document.getElementById(id);
const byTag = (node, name) => Array.from(node.getElementsByTagNameNS('*', name));
const text = (node, name) => byTag(node, name).map((n) => n.textContent.trim()).filter(Boolean);
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
async function sru(query, schema, max) {
  const res = await fetch(SRU + '&recordSchema=' + schema + '&maximumRecords=' + max + '&query=' + encodeURIComponent(query));
  const doc = new DOMParser().parseFromString(await res.text(), 'application/xml');
  const diag = text(doc, 'message')[0];
  return { doc, diag, count: Number(text(doc, 'numberOfRecords')[0] || 0), records: byTag(doc, 'record').filter((r) => byTag(r, 'recordData').length) };
}
function toCql(q) {
  q = q.trim();
  if (!q) return 'cql.allRecords=1';
  if (/[=<>]|\\b(and|or|not|prox)\\b/i.test(q)) return q;
  return 'cql.serverChoice all "' + q.replace(/["\\\\]/g, '\\\\$&') + '"';
}
async function search(event) {
  event?.preventDefault();
  const q = $('q').value;
  $('results').innerHTML = '<p class="muted">Searching…</p>';
  const { records, count, diag } = await sru(toCql(q), 'marcxml', 20);
  if (diag) { $('results').innerHTML = '<p>SRU diagnostic: ' + esc(diag) + '</p>'; return; }
  $('count').textContent = count + ' record' + (count === 1 ? '' : 's');
  $('results').innerHTML = '<ol>' + records.map((r) => {
    const id = controlValue(r, '001');
    const title = subfields(r, /^(245|200)$/, 'ab') || '(no title)';
    const who = subfields(r, /^(100|110|700|710)$/, 'a');
    return '<li><button data-id="' + esc(id) + '" class="hit">' + esc(title) + '</button> <span class="muted">' + esc(who) + '</span></li>';
  }).join('') + '</ol>';
  for (const b of document.querySelectorAll('.hit')) b.addEventListener('click', () => openRecord(b.dataset.id));
}
function controlValue(record, tag) {
  return byTag(record, 'controlfield').find((f) => f.getAttribute('tag') === tag)?.textContent ?? '';
}
function subfields(record, tags, codes) {
  const field = byTag(record, 'datafield').find((f) => tags.test(f.getAttribute('tag')));
  if (!field) return '';
  return byTag(field, 'subfield').filter((s) => codes.includes(s.getAttribute('code'))).map((s) => s.textContent).join(' ').replace(/\\s*[/:;,.]\\s*$/, '');
}
function mrk(record) {
  const lines = ['=LDR  ' + (text(record, 'leader')[0] || '')];
  for (const f of Array.from(record.children)) {
    const tag = f.getAttribute('tag');
    if (f.localName === 'controlfield') lines.push('=' + tag + '  ' + f.textContent.replaceAll(' ', '\\\\'));
    if (f.localName === 'datafield') {
      const ind = (f.getAttribute('ind1') || ' ') + (f.getAttribute('ind2') || ' ');
      lines.push('=' + tag + '  ' + ind.replaceAll(' ', '\\\\') + byTag(f, 'subfield').map((s) => '$' + s.getAttribute('code') + s.textContent).join(''));
    }
  }
  return lines.join('\\n');
}
async function openRecord(id) {
  $('record').hidden = false;
  $('recordId').textContent = id;
  const q = 'rec.id="' + id + '"';
  const [marc, dc, items] = await Promise.all([sru(q, 'marcxml', 1), sru(q, 'dc', 1), fetch('/api/records/' + encodeURIComponent(id) + '/items').then((r) => r.json())]);
  const m = marc.records[0] && byTag(marc.records[0], 'record').find((n) => n.namespaceURI === 'http://www.loc.gov/MARC21/slim');
  $('marc').textContent = m ? mrk(m) : '(no MARC)';
  const d = dc.records[0] ? byTag(dc.records[0], 'recordData')[0] : undefined;
  const entries = d ? Array.from(d.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', '*')) : [];
  $('dc').innerHTML = entries.map((e) => '<dt>' + esc(e.localName) + '</dt><dd>' + esc(e.textContent) + '</dd>').join('');
  $('items').innerHTML = items.map((i) => '<div class="item"><img alt="barcode ' + esc(i.barcode) + '" data-barcode="' + esc(i.barcode) + '" src="/svc/barcode?type=Code39&barcode=' + encodeURIComponent(i.barcode) + '"><br>' + esc(i.callNumber) + ' · ' + esc(i.branch) + '</div>').join('') || '<p class="muted">No items.</p>';
}
async function patrons() {
  const list = await fetch('/api/patrons').then((r) => r.json());
  $('patron').innerHTML = list.map((p) => '<option value="' + esc(p.cardnumber) + '">' + esc(p.name) + '</option>').join('');
  const show = () => {
    const p = list.find((x) => x.cardnumber === $('patron').value);
    $('card').innerHTML = '<strong>' + esc(p.name) + '</strong><br><span class="muted">' + esc(p.branch) + ' · card ' + esc(p.cardnumber) + '</span><br><img alt="patron card barcode" src="/svc/barcode?type=Code128&barcode=' + encodeURIComponent(p.cardnumber) + '">';
  };
  $('patron').addEventListener('change', show);
  show();
}
$('search').addEventListener('submit', search);
patrons();
search();`;

export function pageHtml(o: DemoOptions): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>bibwire: library in a box</title><style>${style}</style></head>
<body>
<header><h1>bibwire: library in a box</h1>
<p>SIP2 ACS on 127.0.0.1:${o.sipPort} · <a href="/oai?verb=Identify">OAI-PMH</a> · <a href="/sru">SRU Explain</a> ·
<a href="/svc/barcode?barcode=HELLO&amp;type=Code39">/svc/barcode</a></p></header>
<main>
<div>
<section><h2>Search the catalogue <span id="count" class="muted"></span></h2>
<form id="search"><input id="q" name="q" placeholder="words, or CQL such as dc.title = atlas" aria-label="search"><button>Search</button></form>
<div id="results"></div></section>
<section style="margin-top:18px"><h2>Patron card</h2><select id="patron" aria-label="patron"></select><div id="card" class="card" style="margin-top:10px"></div></section>
</div>
<section id="record" hidden><h2>Record <span id="recordId"></span></h2>
<h3>Items</h3><div id="items" class="items"></div>
<h3>Dublin Core</h3><dl id="dc"></dl>
<h3>MARC</h3><pre id="marc"></pre></section>
</main>
<script type="module">${script}</script>
</body></html>`;
}
