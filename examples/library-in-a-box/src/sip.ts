// The demo's SIP2 accounts and institutions (documented in the README).
import type { SipAccount, SipInstitution } from '@bibwire/sip2/server';

export const DEMO_ACCOUNTS: readonly SipAccount[] = [
  { loginId: 'kiosk', password: 'kiosk', institutionId: 'MAIN', charset: 'utf-8' },
  { loginId: 'kiosk-crlf', password: 'kiosk', institutionId: 'MAIN', terminator: '\r\n', charset: 'ascii' },
  { loginId: 'sorter', password: 'sorter', institutionId: 'EAST', errorDetection: 'on' },
];

export const DEMO_INSTITUTIONS: readonly SipInstitution[] = [
  {
    id: 'MAIN',
    name: 'Main library',
    policy: { checkin: true, checkout: true, renewal: true, statusUpdate: true },
  },
  { id: 'EAST', name: 'East branch', policy: { checkin: true, checkout: true, renewal: true } },
];
