/**
 * An in-process SMTP receiver for the browser tests: the product's worker sends the report e-mails here
 * (`SMTP_URL`), each message is saved as `<folder>/<n>.eml` with a JSON envelope next to it, so the journeys
 * (which run in another process than the global setup) can read what arrived.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface SmtpReceiver {
  server: SMTPServer;
  port: number;
  folder: string;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

export const startSmtp = async (folder: string): Promise<SmtpReceiver> => {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        count += 1;
        const name = String(count).padStart(4, '0');
        writeFileSync(path.join(folder, `${name}.eml`), Buffer.concat(chunks));
        writeFileSync(
          path.join(folder, `${name}.json`),
          JSON.stringify({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null, to: session.envelope.rcptTo.map((r) => r.address) }),
        );
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, port, folder };
};

export const stopSmtp = (receiver: SmtpReceiver): Promise<void> => new Promise((resolve) => receiver.server.close(() => resolve()));

export interface ReceivedMail {
  to: string[];
  subject: string;
  raw: string;
}

/** The messages received so far (read from the folder). */
export const receivedMail = (folder: string): ReceivedMail[] => {
  let files: string[] = [];
  try {
    files = readdirSync(folder).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  return files.sort().map((f) => {
    const raw = readFileSync(path.join(folder, f), 'utf8');
    const envelope = JSON.parse(readFileSync(path.join(folder, f.replace(/\.eml$/, '.json')), 'utf8')) as { to: string[] };
    return { to: envelope.to, subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? '', raw };
  });
};
