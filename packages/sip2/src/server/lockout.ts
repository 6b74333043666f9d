// Failed-login lockout per client address with exponential backoff, in bounded memory.
import type { SipServerLimits } from './config.js';

interface Entry {
  failures: number;
  lockedUntil: number;
  lockMs: number;
}

const MAX_TRACKED = 10_000;

export class LoginLockout {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly limits: Pick<SipServerLimits, 'maxFailedLogins' | 'lockoutMs' | 'lockoutMaxMs'>,
    private readonly now: () => number = Date.now,
  ) {}

  allowed(address: string): boolean {
    const e = this.entries.get(address);
    return !e || e.lockedUntil <= this.now();
  }

  success(address: string): void {
    this.entries.delete(address);
  }

  /** Records a failure; returns the lockout end time when this failure starts or extends one. */
  failure(address: string): number | undefined {
    let e = this.entries.get(address);
    if (!e) {
      if (this.entries.size >= MAX_TRACKED) this.entries.delete(this.entries.keys().next().value!);
      e = { failures: 0, lockedUntil: 0, lockMs: 0 };
      this.entries.set(address, e);
    }
    e.failures++;
    if (e.failures < this.limits.maxFailedLogins) return undefined;
    e.lockMs = e.lockMs === 0 ? this.limits.lockoutMs : Math.min(e.lockMs * 2, this.limits.lockoutMaxMs);
    e.lockedUntil = this.now() + e.lockMs;
    return e.lockedUntil;
  }
}
