import { SMTPServer } from 'smtp-server';
import { BenchTenant } from './bench-tenant';
import { Scale } from './scales';

/** A local SMTP receiver that only counts what it accepts. */
export const startCountingSmtp = async (): Promise<{ port: number; received: () => number; close: () => void }> => {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { port, received: () => received, close: () => server.close() };
};

/**
 * Report emails rendered (HTML, PNG chart, CSV, XLSX and PDF attachments) and delivered per minute, through the API's
 * "send now" and the worker's queue, to the counting SMTP receiver: `scale.emails` recipients over subscriptions of 200.
 */
export const measureEmails = async (
  url: string,
  token: string,
  tenant: BenchTenant,
  scale: Scale,
  smtp: { received: () => number },
): Promise<{ emailsPerMinute: number; emails: number; seconds: number }> => {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const before = smtp.received();
  const started = Date.now();
  for (let first = 0; first < scale.emails; first += 200) {
    const recipients = Array.from({ length: Math.min(200, scale.emails - first) }, (_, i) => `destinataire${first + i}@bench.test`);
    const created = await fetch(`${url}/api/report-subscriptions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: `Bench ${first}`, recipients, orgUnits: [tenant.rootCode], schedule: '0 8 1 * *', formats: ['csv', 'xlsx', 'pdf'] }),
    });
    if (!created.ok) throw new Error(`subscription: ${created.status} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    const sent = await fetch(`${url}/api/report-subscriptions/${id}/send`, { method: 'POST', headers, body: '{}' });
    if (sent.status !== 202) throw new Error(`send: ${sent.status} ${await sent.text()}`);
  }
  const deadline = Date.now() + 15 * 60_000;
  while (smtp.received() - before < scale.emails && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const emails = smtp.received() - before;
  const seconds = (Date.now() - started) / 1000;
  return { emailsPerMinute: Math.round((emails / seconds) * 60), emails, seconds };
};
