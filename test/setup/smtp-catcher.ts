import type { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  parsed: ParsedMail;
  raw: Buffer;
}

export interface SmtpCatcher {
  /** `smtp://127.0.0.1:<port>` for SMTP_URL. */
  url: string;
  messages: CaughtMail[];
  /** Resolves once `count` messages arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<CaughtMail[]>;
  /** Refuse the next `n` messages with an SMTP error: 451 (temporary, the default) to exercise retries, 5xx (permanent). */
  failNext(n: number, code?: number): void;
  /** Runs when a message has arrived, before the server answers 250: a test can act at that instant (take a lock, kill). */
  beforeAccept(hook: ((mail: CaughtMail) => Promise<void>) | null): void;
  close(): Promise<void>;
}

/** A real SMTP server in the test process (no TLS, no auth, port 0), parsing what arrives with mailparser. */
export const startSmtpCatcher = async (): Promise<SmtpCatcher> => {
  const messages: CaughtMail[] = [];
  let failures = 0;
  let failureCode = 451;
  let hook: ((mail: CaughtMail) => Promise<void>) | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failures > 0) {
          failures -= 1;
          const text = failureCode >= 500 ? 'Boîte aux lettres inconnue' : 'Boîte temporairement indisponible';
          const err = new Error(text) as Error & { responseCode: number };
          err.responseCode = failureCode;
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw, { keepCidLinks: true })
          .then(async (parsed) => {
            const mail = { to: session.envelope.rcptTo.map((r) => r.address), parsed, raw };
            messages.push(mail);
            if (hook) await hook(mail);
            callback();
          })
          .catch((err: Error) => callback(err));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext(n: number, code = 451) {
      failures = n;
      failureCode = code;
    },
    beforeAccept(next) {
      hook = next;
    },
    async waitFor(count: number, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`SMTP : ${messages.length} message(s) reçu(s) sur ${count} attendu(s) en ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
