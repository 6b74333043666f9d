import {
  build,
  buildMessage,
  decode,
  encodeToString,
  formatSip2Date,
  MESSAGE_SPECS,
  parsePatronStatus,
  parseSupportedMessages,
  readFields,
  SIP2_CODES,
  SIP2_FIELDS,
  type Sip2Code,
  Sip2Error,
} from '@bibwire/sip2';
import { describe, expect, it } from 'vitest';

const DATE = '20261123    101112';

describe('builders', () => {
  it('login: 9300 with CN/CO/CP and AY/AZ stamped (the spec example)', () => {
    const login = build.login({
      loginUserId: 'scclient',
      loginPassword: 'clientpwd',
      locationCode: 'UWOLS',
      sequence: 0,
    });
    expect(encodeToString(login)).toBe('9300CNscclient|COclientpwd|CPUWOLS|AY0AZF1EC\r');
  });

  it('scStatus and acsStatus defaults', () => {
    expect(encodeToString(build.scStatus({ maxPrintWidth: 40 }))).toBe('990040 2.00\r'.replace(' ', ''));
    const acs = build.acsStatus({
      institutionId: 'MAIN',
      dateTimeSync: DATE,
      timeoutPeriod: 30,
      retriesAllowed: 3,
    });
    expect(encodeToString(acs)).toBe(`98YYYYNN030003${DATE}2.00AOMAIN|BXYYYYYYYYYYYYYYYY|\r`);
    const some = build.acsStatus({ institutionId: 'M', supportedMessages: ['23', '11', '09', '93', '99'] });
    const bx = some.fields.find(([id]) => id === 'BX')?.[1] ?? '';
    expect(bx).toBe('YYYNY.Y.........'.replace(/\./g, 'N'));
    expect(parseSupportedMessages(bx)).toEqual(['23', '11', '09', '99', '93']);
  });

  it('checkout: flags, blank no-block date, required fields, optional flags', () => {
    const m = build.checkout({
      institutionId: 'MAIN',
      patronIdentifier: 'P1',
      itemIdentifier: 'I1',
      transactionDate: DATE,
      scRenewalPolicy: true,
      feeAcknowledged: false,
    });
    expect(encodeToString(m)).toBe(`11YN${DATE}${' '.repeat(18)}AOMAIN|AAP1|ABI1|AC|BON|\r`);
    expect(() =>
      build.checkout({ institutionId: 'MAIN', patronIdentifier: 'P1' } as unknown as Parameters<
        typeof build.checkout
      >[0]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'AB' }));
  });

  it('patron information response: status flags, counts, lists, limits, amounts, extensions', () => {
    const m = build.patronInformationResponse({
      patronStatus: { chargePrivilegesDenied: true, excessiveOutstandingFines: true },
      language: 1,
      transactionDate: DATE,
      chargedItemsCount: 2,
      fineItemsCount: null,
      institutionId: 'MAIN',
      patronIdentifier: '2352',
      personalName: 'Doe, Jane',
      holdItemsLimit: 5,
      feeAmount: 2.5,
      chargedItems: ['I1', 'I2'],
      patronClass: 'ADULT',
      screenMessage: ['Hello', 'Fines due'],
      extraFields: [['ZZ', 'vendor']],
    });
    expect(encodeToString(m)).toBe(
      `64Y         Y   001${DATE}000000000002    00000000AOMAIN|AA2352|AEDoe, Jane|BZ0005|BV2.50|AUI1|AUI2|PCADULT|AFHello|AFFines due|ZZvendor|\r`,
    );
    if (m.code !== '64') throw new Error('64 expected');
    expect(parsePatronStatus(m.fixed.patronStatus).excessiveOutstandingFines).toBe(true);
  });

  it('dates from Date objects are written in local time; hold modes have names', () => {
    const when = new Date(2026, 10, 23, 10, 11, 12);
    const m = build.hold({
      holdMode: 'add',
      transactionDate: when,
      expirationDate: { year: 2027, month: 1, day: 2, hour: 3, minute: 4, second: 5, offsetMinutes: 0 },
      institutionId: 'MAIN',
      patronIdentifier: 'P',
      titleIdentifier: 'T',
    });
    expect(encodeToString(m)).toBe(`15+${DATE}BW20270102   Z030405|AOMAIN|AAP|AJT|\r`);
    expect(() => build.hold({ holdMode: 'x' as 'add', institutionId: 'M', patronIdentifier: 'P' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'holdMode' }),
    );
  });

  it('the current time is the default transaction date', () => {
    const before = formatSip2Date(new Date());
    const m = build.endPatronSession({ institutionId: 'M', patronIdentifier: 'P' });
    if (m.code !== '35') throw new Error('35 expected');
    expect(m.fixed.transactionDate >= before.slice(0, 8)).toBe(true);
    expect(m.fixed.transactionDate.slice(8, 12)).toBe('    ');
  });

  it('rejects values wider than their fixed field', () => {
    expect(() =>
      build.feePaid({ currencyType: 'EURO', feeAmount: 1, institutionId: 'M', patronIdentifier: 'P' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'currencyType' }));
    expect(() =>
      build.patronInformationResponse({
        institutionId: 'M',
        patronIdentifier: 'P',
        chargedItemsCount: 10000,
      }),
    ).toThrow(Sip2Error);
  });

  // Minimal parameters per message: the required ones.
  const required: Record<Sip2Code, Record<string, unknown>> = Object.fromEntries(
    SIP2_CODES.map((code) => {
      const spec = MESSAGE_SPECS[code];
      const params: Record<string, unknown> = {};
      for (const f of spec.fixed)
        if (f.length === 3) params[f[0]] = f[2] === 'holdMode' ? '+' : f[1] === 3 ? 'USD' : true;
      for (const [name, , kind, presence] of spec.fields) {
        if (presence === 'R') params[name] = kind === 'amount' ? 1 : 'x';
      }
      return [code, params];
    }),
  ) as Record<Sip2Code, Record<string, unknown>>;

  it.each(SIP2_CODES)('%s: the builder output decodes strictly without warnings', (code) => {
    const m = buildMessage(code, { ...required[code], sequence: 4 } as never);
    const decoded = decode(encodeToString(m), { mode: 'strict', errorDetection: 'required' });
    expect(decoded.message).toEqual(m);
    expect(decoded.warnings).toEqual([]);
    expect(decoded.message.code).toBe(code);
  });

  it('every message has a builder named after it', () => {
    for (const code of SIP2_CODES) expect(typeof build[MESSAGE_SPECS[code].name]).toBe('function');
    expect(Object.keys(build)).toHaveLength(SIP2_CODES.length);
  });
});

describe('readFields and the field dictionary', () => {
  it('reads a request by name, first value wins, lists in order', () => {
    const m = build.checkout({
      institutionId: 'MAIN',
      patronIdentifier: 'P1',
      itemIdentifier: 'I1',
      transactionDate: DATE,
      extraFields: [
        ['AA', 'second'],
        ['ZZ', 'x'],
      ],
    });
    const named = readFields(m);
    expect(named.patronIdentifier).toBe('P1');
    expect(named.itemIdentifier).toBe('I1');
    expect(named.terminalPassword).toBe('');
    expect(named.patronPassword).toBeUndefined();
    const info = build.patronInformationResponse({
      institutionId: 'M',
      patronIdentifier: 'P',
      chargedItems: ['a', 'b'],
      patronClass: 'ADULT',
    });
    const read = readFields(info);
    expect(read.chargedItems).toEqual(['a', 'b']);
    expect(read.holdItems).toEqual([]);
    expect(read.patronClass).toBe('ADULT');
  });

  it('names every id a builder uses the same way as the dictionary', () => {
    for (const code of SIP2_CODES) {
      for (const [name, id] of MESSAGE_SPECS[code].fields) {
        const info = SIP2_FIELDS[id];
        expect(info, id).toBeDefined();
        if (id !== 'AQ' || code !== '64') expect(info?.name, `${code} ${id}`).toBe(name);
      }
    }
    expect(SIP2_FIELDS.PA?.conflicts).toContain('PAC access type');
  });
});
