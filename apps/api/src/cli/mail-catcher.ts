import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP catcher for the demo (the docker compose setup uses Mailpit instead): every message sent to
 * 127.0.0.1:<port> is saved as an .eml file and announced on the console. Development only.
 */
export const startMailCatcher = async (port: number, folder: string, log: (s: string) => void): Promise<SMTPServer | null> => {
  mkdirSync(folder, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const subject = /^Subject: (.*)$/m.exec(raw.toString('utf8'))?.[1] ?? '(sans objet)';
        const file = path.join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${session.id}.eml`);
        writeFileSync(file, raw);
        log(`E-mail reçu pour ${session.envelope.rcptTo.map((r) => r.address).join(', ')} : « ${subject} » → ${file}`);
        callback();
      });
    },
  });
  return new Promise((resolve) => {
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
};
