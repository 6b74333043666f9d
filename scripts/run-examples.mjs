// CI: runs every example's one start command (each is self-contained on 127.0.0.1 and exits 0),
// then starts the demo (`pnpm demo`'s program) on free ports, checks each service answers, and
// stops it with SIGINT as a person would with Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { checklist, root } from './lib.mjs';

const list = checklist('examples');
const examplesDir = join(root, 'examples');

for (const dir of readdirSync(examplesDir).sort()) {
  const pkgFile = join(examplesDir, dir, 'package.json');
  if (!existsSync(pkgFile) || dir === 'library-in-a-box') continue;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  if (!pkg.scripts?.start || !existsSync(join(examplesDir, dir, 'src', 'main.ts'))) continue;
  const r = spawnSync('pnpm', ['--filter', pkg.name, 'start'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  r.status === 0
    ? list.pass(`${dir}: start`)
    : list.fail(`${dir}: start`, `exit ${r.status}\n${(r.stdout + r.stderr).slice(-3000)}`);
}

// The demo.
// The demo's start script is `tsx src/main.ts`; run it directly so Ctrl-C reaches it as from a terminal.
const demo = spawn(
  join(root, 'node_modules', '.bin', 'tsx'),
  ['src/main.ts', '--http-port', '0', '--sip-port', '0'],
  {
    cwd: join(examplesDir, 'library-in-a-box'),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  },
);
let out = '';
demo.stdout.on('data', (d) => (out += d));
demo.stderr.on('data', (d) => (out += d));
const started = Date.now();
while (!/Ctrl-C stops everything/.test(out) && Date.now() - started < 90_000 && demo.exitCode === null) {
  await new Promise((r) => setTimeout(r, 200));
}
const web = /web page\s+(http:\/\/\S+)\//.exec(out)?.[1];
const sipPort = Number(/SIP2 ACS\s+[\d.]+:(\d+)/.exec(out)?.[1]);
if (!web || !sipPort) list.fail('demo: starts and prints its banner', out.slice(-3000));
else {
  list.pass('demo: starts and prints its banner');
  for (const [what, path, expect] of [
    ['web page', '/', 'library in a box'],
    ['OAI-PMH Identify', '/oai?verb=Identify', '<Identify>'],
    ['SRU Explain', '/sru', 'explainResponse'],
    ['SRU search', '/sru?version=2.0&operation=searchRetrieve&query=dc.title%3Datlas', 'numberOfRecords'],
    ['barcode', '/svc/barcode?barcode=390000010&type=Code39&format=svg', '<svg'],
  ]) {
    try {
      const body = await (await fetch(web + path)).text();
      body.includes(expect) ? list.pass(`demo: ${what}`) : list.fail(`demo: ${what}`, body.slice(0, 500));
    } catch (e) {
      list.fail(`demo: ${what}`, e);
    }
  }
  const reply = await new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port: sipPort }, () => s.write('9300CNkiosk|COkiosk|CPMAIN|\r'));
    let data = '';
    s.on('data', (d) => {
      data += d;
      if (data.includes('\r')) {
        s.destroy();
        resolve(data);
      }
    });
    s.on('error', (e) => resolve(String(e)));
    setTimeout(() => resolve(data), 5000);
  });
  String(reply).startsWith('941') ? list.pass('demo: SIP2 login') : list.fail('demo: SIP2 login', reply);
}
const signal = (sig) => {
  try {
    process.kill(-demo.pid, sig);
  } catch {
    // already gone
  }
};
signal('SIGINT');
const code = await new Promise((r) => {
  if (demo.exitCode !== null) r(demo.exitCode);
  demo.once('exit', (c, sig) => r(c ?? sig));
  setTimeout(() => r('timeout'), 10_000);
});
code === 0
  ? list.pass('demo: Ctrl-C stops it cleanly')
  : list.fail('demo: Ctrl-C stops it cleanly', `exit ${code}`);
if (code === 'timeout') signal('SIGKILL');
list.finish();
