// The offline demonstration: Koha's spec-driven mock (from @bibwire/koha-client's tests) with a patron
// and an item added, the gateway in front of it, and a SipClient playing the kiosk.
import { SipClient } from '@bibwire/sip2/client';
import { startKohaMock } from '../../../packages/koha-client/test/mock/koha-mock.js';
import { createGateway } from './gateway.js';

export const DEMO = {
  clientId: 'kiosk-gateway',
  clientSecret: 'demo-only-secret',
  sipUser: 'kiosk1',
  sipPassword: 'kiosk1pass',
  library: 'CPL',
  cardnumber: '23529000000011',
  /** The demo patron's PIN (Koha password), checked through Koha's password validation. */
  pin: '4711',
  barcode: '39000000000019',
  title: 'The amazing adventures of Kavalier and Clay',
} as const;

export interface DemoExchange {
  readonly step: string;
  readonly request: string;
  readonly reply: Record<string, unknown>;
}

type Row = Record<string, unknown>;

/** `64 chargedItemsCount=0001 … | AE=Ada Lovelace | …`: the fixed part without dates, then the fields. */
export function describeReply(reply: Record<string, unknown>): string {
  const fixed = Object.entries((reply.fixed as Record<string, string> | undefined) ?? {})
    .filter(([key, value]) => key !== 'transactionDate' && key !== 'dateTimeSync' && value.trim() !== '')
    .map(([key, value]) => `${key}=${value}`);
  const fields = ((reply.fields as [string, string][] | undefined) ?? []).map(
    ([id, value]) => `${id}=${value}`,
  );
  return [[reply.code ?? '', ...fixed].join(' '), ...fields].join(' | ');
}

export async function runDemo(print: (line: string) => void): Promise<DemoExchange[]> {
  const mock = await startKohaMock({ clientId: DEMO.clientId, clientSecret: DEMO.clientSecret });
  const store = mock.store as unknown as {
    patrons: Row[];
    items: Row[];
    holds: Row[];
    passwords: Map<number, string>;
  };
  // The mock's generated sample holds sit on the demo's record and would block its renewal.
  store.holds.splice(0, store.holds.length);
  store.patrons.push({
    ...store.patrons[0],
    patron_id: 501,
    cardnumber: DEMO.cardnumber,
    userid: 'alovelace',
    firstname: 'Ada',
    surname: 'Lovelace',
    library_id: DEMO.library,
    expiry_date: '2099-12-31',
  });
  store.passwords.set(501, DEMO.pin);
  store.items.push({
    ...store.items[0],
    item_id: 501,
    biblio_id: 1,
    external_id: DEMO.barcode,
    callnumber: 'PS3553.H15 A82 2000',
    home_library_id: DEMO.library,
    holding_library_id: DEMO.library,
    lost_status: 0,
    withdrawn: 0,
  });
  const gateway = createGateway({
    kohaUrl: mock.url,
    clientId: DEMO.clientId,
    clientSecret: DEMO.clientSecret,
    accounts: [{ loginId: DEMO.sipUser, password: DEMO.sipPassword, institutionId: DEMO.library }],
  });
  const exchanges: DemoExchange[] = [];
  let client: SipClient | undefined;
  try {
    const { port } = await gateway.listen(0, '127.0.0.1');
    print(`Koha mock on ${mock.url}; SIP2 gateway on 127.0.0.1:${port}`);
    client = new SipClient({ host: '127.0.0.1', port, institutionId: DEMO.library });
    const record = (step: string, request: string, message: unknown) => {
      const reply = message as Record<string, unknown>;
      exchanges.push({ step, request, reply });
      print(`${step.padEnd(13)} → ${request}\n${' '.repeat(13)} ← ${describeReply(reply)}`);
    };
    await client.login({ user: DEMO.sipUser, password: DEMO.sipPassword });
    record('login', `93 ${DEMO.sipUser}`, { code: '94', fixed: { ok: '1' } });
    record('status', '99', await client.scStatus());
    record(
      'patron status',
      `23 ${DEMO.cardnumber} AD=****`,
      await client.patronStatus({ patronIdentifier: DEMO.cardnumber, patronPassword: DEMO.pin }),
    );
    record(
      'patron info',
      `63 ${DEMO.cardnumber} AD=****`,
      await client.patronInformation({ patronIdentifier: DEMO.cardnumber, patronPassword: DEMO.pin }),
    );
    record(
      'checkout',
      `11 ${DEMO.cardnumber} ${DEMO.barcode}`,
      await client.checkout({ patronIdentifier: DEMO.cardnumber, itemIdentifier: DEMO.barcode }),
    );
    record('item info', `17 ${DEMO.barcode}`, await client.itemInformation({ itemIdentifier: DEMO.barcode }));
    record(
      'renew',
      `29 ${DEMO.cardnumber} ${DEMO.barcode}`,
      await client.renew({ patronIdentifier: DEMO.cardnumber, itemIdentifier: DEMO.barcode }),
    );
    record(
      'renew all',
      `65 ${DEMO.cardnumber}`,
      await client.renewAll({ patronIdentifier: DEMO.cardnumber, patronPassword: DEMO.pin }),
    );
    record('checkin', `09 ${DEMO.barcode}`, await client.checkin({ itemIdentifier: DEMO.barcode }));
    record(
      'renew',
      `29 ${DEMO.cardnumber} ${DEMO.barcode}`,
      await client.renew({ patronIdentifier: DEMO.cardnumber, itemIdentifier: DEMO.barcode }),
    );
    record(
      'hold',
      `15 + ${DEMO.cardnumber} ${DEMO.barcode}`,
      await client.hold({ holdMode: '+', patronIdentifier: DEMO.cardnumber, itemIdentifier: DEMO.barcode }),
    );
    record(
      'patron info',
      `63 ${DEMO.cardnumber} AD=****`,
      await client.patronInformation({ patronIdentifier: DEMO.cardnumber, patronPassword: DEMO.pin }),
    );
    print(
      `${mock.requests.length} Koha REST requests, ${mock.tokensIssued} OAuth2 token(s), ${mock.violations.length} refused by the spec`,
    );
  } finally {
    await client?.close();
    await gateway.close();
    await mock.close();
  }
  return exchanges;
}
