import { Sip2Error } from '@bibwire/sip2';
import { parseSipConfigXml } from '@bibwire/sip2/server';
import { describe, expect, it } from 'vitest';

// The shape of Koha's etc/SIPconfig.xml (namespaced root, server-params, three kinds of service).
const koha = `<acsconfig xmlns="http://openncip.org/acs-config/1.0/">
<error-detect enabled="true" />
<server-params min_servers='1' min_spare_servers='0' />
<listeners>
  <service port="0:8080/tcp" transport="http" protocol="NCIP/1.0" />
  <service port="8023/tcp" transport="telnet" protocol="SIP/1.00" timeout="60" />
  <service port="127.0.0.1:6001/tcp" transport="RAW" protocol="SIP/2.00" client_timeout="600" timeout="60" />
</listeners>
<accounts>
  <login id="term1" password="term1" delimiter="|" error-detect="enabled" institution="CPL" encoding="ascii" checked_in_ok="1" />
  <login id="koha" password="koha" institution="kohalibrary" encoding="utf8" terminator="CRLF" />
  <login id="koha2" password="koha" institution="kohalibrary" error-detect="disabled" />
</accounts>
<institutions>
  <institution id="CPL" implementation="ILS" parms="">
    <policy checkin="true" renewal="false" checkout="true" status_update="false" offline="false" timeout="25" retries="5" />
  </institution>
  <institution id="kohalibrary" implementation="C4::SIP::ILS" parms="">
    <policy checkin="true" renewal="true" checkout="true" timeout="100" retries="5" />
  </institution>
</institutions>
</acsconfig>`;

describe('parseSipConfigXml', () => {
  it('reads listeners, accounts and institution policy as Koha writes them', () => {
    const c = parseSipConfigXml(koha);
    expect(c.listeners.map((l) => [l.host, l.port, l.transport])).toEqual([
      ['0.0.0.0', 8080, 'http'],
      ['0.0.0.0', 8023, 'telnet'],
      ['127.0.0.1', 6001, 'RAW'],
    ]);
    expect(c.listeners[2]).toMatchObject({ idleTimeoutMs: 600_000, loginTimeoutMs: 60_000 });
    expect(c.accounts[0]).toMatchObject({
      loginId: 'term1',
      institutionId: 'CPL',
      charset: 'ascii',
      errorDetection: 'on',
    });
    expect(c.accounts[1]).toMatchObject({ terminator: '\r\n', charset: 'utf-8', errorDetection: 'auto' });
    expect(c.accounts[2]?.errorDetection).toBe('off');
    expect(c.institutions[0]).toMatchObject({
      id: 'CPL',
      policy: { renewal: false, timeout: 25, retries: 5 },
    });
  });

  it.each([
    [
      '<acsconfig><accounts><login id="a" password="b" institution="NONE"/></accounts></acsconfig>',
      /NONE is not defined/,
    ],
    [
      '<acsconfig><accounts><login id="a" institution="X" terminator="TAB"/></accounts><institutions><institution id="X"/></institutions></acsconfig>',
      /terminator/,
    ],
    ['<wrong/>', /root element/],
    ['<acsconfig><login', /not well-formed/],
    ['', /empty|not well-formed/],
  ])('rejects %s with a clear INVALID_CONFIG error', (xml, message) => {
    try {
      parseSipConfigXml(xml);
      expect.unreachable();
    } catch (e) {
      expect(Sip2Error.is(e) && e.code).toBe('INVALID_CONFIG');
      expect((e as Error).message).toMatch(message);
    }
  });

  describe('delimiter', () => {
    const doc = (root: string, login: string, extra = '') =>
      `<acsconfig xmlns="http://openncip.org/acs-config/1.0/"${root}>${extra}
<accounts>
  <login id="a" password="p" institution="X"${login} />
  <login id="b" password="p" institution="X" />
</accounts>
<institutions><institution id="X" /></institutions>
</acsconfig>`;

    it('reads the per-account delimiter and leaves others at the default', () => {
      const c = parseSipConfigXml(doc('', ' delimiter="^"'));
      expect(c.accounts[0]?.delimiter).toBe('^');
      expect(c.accounts[1]?.delimiter).toBeUndefined();
      expect(c.delimiter).toBeUndefined();
    });

    it('reads the global delimiter as Koha does: an attribute of <acsconfig> or an element', () => {
      expect(parseSipConfigXml(doc(' delimiter="~"', '')).delimiter).toBe('~');
      expect(parseSipConfigXml(doc('', '', '\n<delimiter> ^ </delimiter>')).delimiter).toBe('^');
    });

    it.each([
      [doc('', ' delimiter="A"'), /line 3.*letters and digits/],
      [doc('', ' delimiter="||"'), /line 3.*exactly one character/],
      [doc(' delimiter="."', ''), /line 1.*fixed fields/],
      [doc('', '', '\n<delimiter>ab</delimiter>'), /line 2.*exactly one character/],
    ])('refuses an unusable delimiter with INVALID_CONFIG and its line', (xml, message) => {
      try {
        parseSipConfigXml(xml);
        expect.unreachable();
      } catch (e) {
        expect(Sip2Error.is(e) && e.code).toBe('INVALID_CONFIG');
        expect((e as Error).message).toMatch(message);
      }
    });

    it('a parsed config with delimiters starts a server', async () => {
      const { createSipServer, MemoryIls } = await import('@bibwire/sip2/server');
      const c = parseSipConfigXml(doc(' delimiter="~"', ' delimiter="^"'));
      const server = createSipServer({
        ils: new MemoryIls({ patrons: [], items: [] }),
        accounts: c.accounts,
        institutions: c.institutions,
        ...(c.delimiter ? { delimiter: c.delimiter } : {}),
      });
      expect(server.connections()).toEqual([]);
    });
  });
});
