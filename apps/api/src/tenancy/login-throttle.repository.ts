import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TokenService } from './token.service';
import { LOGIN_FAILURE_MEMORY_MINUTES, loginDelaySeconds, MAX_LOGIN_DELAY_SECONDS } from './login-delay';

/** The key of an address in `login_throttle`: SHA-256 of the address, trimmed and lower-cased (never the address). */
export const addressHash = (email: string): string => TokenService.hash(email.trim().toLowerCase());

/**
 * Per-address login state (table `login_throttle`), the same for an address with an account and one without: failures
 * in a row and the time before which the next attempt is refused. Owner connection: it runs before any tenant is known.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Whole seconds to wait before the next attempt on this address, or 0. */
  async waitSeconds(email: string, now: Date): Promise<number> {
    const [row]: { blocked_until: Date | null }[] = await this.dataSource.query(`SELECT blocked_until FROM login_throttle WHERE address_hash = $1`, [
      addressHash(email),
    ]);
    if (!row?.blocked_until || row.blocked_until <= now) return 0;
    return Math.min(MAX_LOGIN_DELAY_SECONDS, Math.ceil((row.blocked_until.getTime() - now.getTime()) / 1000));
  }

  /** One more failure in a row (the count restarts after 15 minutes without one); returns the wait it starts, in seconds. */
  async recordFailure(email: string, now: Date): Promise<number> {
    const [row]: { failures: number }[] = await this.dataSource.query(
      `INSERT INTO login_throttle (address_hash, failures, last_failure_at) VALUES ($1, 1, $2)
       ON CONFLICT (address_hash) DO UPDATE SET
         failures = CASE WHEN login_throttle.last_failure_at < $2::timestamptz - make_interval(mins => $3) THEN 1 ELSE login_throttle.failures + 1 END,
         last_failure_at = $2
       RETURNING failures`,
      [addressHash(email), now, LOGIN_FAILURE_MEMORY_MINUTES],
    );
    const wait = loginDelaySeconds(row.failures);
    if (wait > 0) {
      await this.dataSource.query(`UPDATE login_throttle SET blocked_until = $2 WHERE address_hash = $1`, [
        addressHash(email),
        new Date(now.getTime() + wait * 1000),
      ]);
    }
    return wait;
  }

  /** A successful login forgets the address's failures. */
  async clear(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE address_hash = $1`, [addressHash(email)]);
  }

  /** The addresses among `emails` with a wait running (for the users list), read in the caller's transaction. */
  static async waiting(em: EntityManager, emails: readonly string[], now: Date): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const byHash = new Map(emails.map((e) => [addressHash(e), e]));
    const rows: { address_hash: string }[] = await em.query(`SELECT address_hash FROM login_throttle WHERE address_hash = ANY($1) AND blocked_until > $2`, [
      [...byHash.keys()],
      now,
    ]);
    return new Set(rows.map((r) => byHash.get(r.address_hash)!));
  }
}
