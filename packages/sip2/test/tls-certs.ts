// Certificates made at test time with the openssl CLI, in a temp dir: a CA, the ACS's certificate,
// client certificates it signed (one per kiosk, one expired) and one signed by another CA.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Pem {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly certFile: string;
  readonly keyFile: string;
}

export interface TestPki {
  readonly dir: string;
  readonly ca: Pem;
  readonly server: Pem;
  readonly kiosk1: Pem;
  readonly sorter: Pem;
  readonly stranger: Pem;
  readonly expired: Pem;
  readonly otherCaClient: Pem;
  remove(): void;
}

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: 'pipe' });
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function read(dir: string, name: string): Pem {
  const certFile = join(dir, `${name}.pem`);
  const keyFile = join(dir, `${name}.key`);
  return { cert: readFileSync(certFile), key: readFileSync(keyFile), certFile, keyFile };
}

function selfSignedCa(dir: string, name: string, cn: string): void {
  openssl(
    ['req', '-x509', ...EC, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', cn],
    dir,
  );
}

/** A certificate for `subject` signed by CA `ca`; `ext` lines go into its v3 extensions. */
function signed(dir: string, name: string, subject: string, ca: string, ext: string[]): void {
  openssl(['req', '-new', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject], dir);
  writeFileSync(join(dir, `${name}.ext`), `${['basicConstraints=CA:FALSE', ...ext].join('\n')}\n`);
  openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${ca}.pem`,
      '-CAkey',
      `${ca}.key`,
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    ],
    dir,
  );
}

/** A certificate signed by `ca` whose validity ended in 2020 (`openssl ca` takes explicit dates). */
function expired(dir: string, name: string, subject: string, ca: string): void {
  openssl(['req', '-new', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject], dir);
  mkdirSync(join(dir, 'issued'), { recursive: true });
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      `database = ${join(dir, 'index.txt')}`,
      `new_certs_dir = ${join(dir, 'issued')}`,
      `serial = ${join(dir, 'serial')}`,
      'default_md = sha256',
      'policy = any_name',
      'unique_subject = no',
      '[any_name]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  openssl(
    [
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      `${ca}.pem`,
      '-keyfile',
      `${ca}.key`,
      '-in',
      `${name}.csr`,
      '-out',
      `${name}.pem`,
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20200201000000Z',
      '-notext',
    ],
    dir,
  );
}

export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'sip2-pki-'));
  selfSignedCa(dir, 'ca', '/CN=Test Library CA');
  selfSignedCa(dir, 'other-ca', '/CN=Somebody Else CA');
  signed(dir, 'server', '/CN=localhost', 'ca', ['subjectAltName=IP:127.0.0.1,DNS:localhost']);
  signed(dir, 'kiosk1', '/O=Test Library/CN=kiosk1', 'ca', ['extendedKeyUsage=clientAuth']);
  signed(dir, 'sorter', '/O=Test Library/CN=sorter', 'ca', ['extendedKeyUsage=clientAuth']);
  signed(dir, 'stranger', '/O=Test Library/CN=stranger', 'ca', ['extendedKeyUsage=clientAuth']);
  signed(dir, 'other-client', '/CN=kiosk1', 'other-ca', ['extendedKeyUsage=clientAuth']);
  expired(dir, 'expired', '/CN=kiosk1', 'ca');
  return {
    dir,
    ca: read(dir, 'ca'),
    server: read(dir, 'server'),
    kiosk1: read(dir, 'kiosk1'),
    sorter: read(dir, 'sorter'),
    stranger: read(dir, 'stranger'),
    expired: read(dir, 'expired'),
    otherCaClient: read(dir, 'other-client'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
