// The gateway: a SIP2 ACS whose back end is Koha's REST API. Kiosks log in with the SIP accounts
// given here; the gateway itself talks to Koha as one API client (OAuth2 client credentials).
import { clientCredentials, KohaClient } from '@bibwire/koha-client';
import { createSipServer, type SipAccount, type SipServer, type SipServerLogger } from '@bibwire/sip2/server';
import { createKohaIls, type KohaIlsOptions } from './koha-ils.js';

export interface GatewayOptions extends KohaIlsOptions {
  readonly kohaUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** SIP logins of the kiosks; institutionId is the Koha library code they check out at. */
  readonly accounts: readonly SipAccount[];
  readonly logger?: SipServerLogger;
  readonly fetch?: typeof fetch;
}

export function createGateway(options: GatewayOptions): SipServer {
  const koha = new KohaClient({
    baseUrl: options.kohaUrl,
    auth: clientCredentials({ clientId: options.clientId, clientSecret: options.clientSecret }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const institutions = [...new Set(options.accounts.map((a) => a.institutionId))].map((id) => ({
    id,
    // Renewal through Koha's renewal route; check-in through /checkins unless turned off (koha-checkin.ts).
    policy: {
      checkin: options.checkin !== 'off',
      checkout: true,
      renewal: true,
      statusUpdate: false,
      offline: false,
    },
  }));
  return createSipServer({
    ils: createKohaIls(koha, options),
    accounts: options.accounts,
    institutions,
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
