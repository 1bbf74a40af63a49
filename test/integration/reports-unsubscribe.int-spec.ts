import { signUnsubscribeToken } from '../../apps/api/src/reports/unsubscribe-token';
import { PUBLISHED_SECRETS } from '../../apps/api/src/platform/config/secrets';
import { TEST_JWT_SECRET } from '../setup/test-env';
import { headerLine, htmlUnsubscribeUrl, listUnsubscribeUrl, mailTo, pathOf, useReportsWorld } from './report-mails';

const UNSUBSCRIBE = '/api/report-subscriptions/unsubscribe';

/** The same signed link with one character of the signature changed. */
const tamperSignature = (path: string): string => path.replace(/\.([A-Za-z0-9_-])/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`);

/** The same signature over another recipient's claims: a forged token. */
const swapRecipient = (path: string, recipient: string): string => {
  const token = new URLSearchParams(path.split('?')[1]).get('token')!;
  const [payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, string>;
  return `${UNSUBSCRIBE}?token=${Buffer.from(JSON.stringify({ ...claims, r: recipient })).toString('base64url')}.${signature}`;
};

describe('report unsubscribe link (GET confirms, POST unsubscribes; RFC 8058 one-click)', () => {
  const worldOf = useReportsWorld();

  const recipientsOf = async (id: string): Promise<string[]> =>
    (await worldOf().http().get(`/api/report-subscriptions/${id}`).set(worldOf().director).expect(200)).body.recipients as string[];
  const unsubscribeAudits = async (id: string): Promise<number> =>
    (await worldOf().ds.query(`SELECT count(*)::int AS count FROM audit_log WHERE action = 'report-subscription.unsubscribe' AND entity_id = $1`, [id]))[0]
      .count as number;

  /** Subscribes the recipients, sends a preview and returns each recipient's signed link (the HTML one). */
  const sendTo = async (body: Record<string, unknown>): Promise<{ id: string; links: Map<string, string> }> => {
    const id = await worldOf().subscribe({ orgUnits: ['VALMONT-NORD'], formats: [], ...body });
    await worldOf().sendNow(id, '2024-12');
    const recipients = body.recipients as string[];
    const mails = await worldOf().smtp.waitFor(recipients.length);
    return { id, links: new Map(recipients.map((r) => [r, htmlUnsubscribeUrl(mailTo(mails, r))])) };
  };

  it('puts the one-click headers on every message, with the same signed link as the body', async () => {
    const { links } = await sendTo({ name: 'En-têtes', recipients: ['maire@valmont.test', 'adjoint@valmont.test'] });
    for (const [recipient, link] of links) {
      const mail = mailTo(worldOf().smtp.messages, recipient);
      expect(listUnsubscribeUrl(mail)).toBe(link);
      expect(headerLine(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    }
    expect(links.get('maire@valmont.test')).not.toBe(links.get('adjoint@valmont.test'));
  });

  it('shows a French confirmation page on GET and changes nothing, as a link scanner would see it; the button’s POST unsubscribes', async () => {
    const { id, links } = await sendTo({ name: 'Élus', recipients: ['maire@valmont.test', 'adjoint@valmont.test'] });
    const path = pathOf(links.get('adjoint@valmont.test')!);

    for (let scan = 0; scan < 2; scan += 1) {
      const page = await worldOf().http().get(path).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain('<html lang="fr">');
      expect(page.text).toContain('Confirmer le désabonnement');
      expect(page.text).toContain('adjoint@valmont.test ne recevra plus le rapport « Élus » une fois le désabonnement confirmé.');
      const action = /<form method="post" action="([^"]+)">/.exec(page.text)![1].replace(/&amp;/g, '&');
      expect(action).toBe(path);
    }
    await worldOf().http().head(path).expect(200);
    expect(await recipientsOf(id)).toEqual(['maire@valmont.test', 'adjoint@valmont.test']);
    expect(await unsubscribeAudits(id)).toBe(0);

    // the confirmation form: a plain browser POST, no login, no CSRF header
    const done = await worldOf().http().post(path).type('form').send({ 'List-Unsubscribe': 'One-Click' }).expect(200);
    expect(done.text).toContain('Désabonnement confirmé');
    expect(done.text).toContain('adjoint@valmont.test ne recevra plus le rapport « Élus ».');
    expect(done.text).not.toContain('<form');
    expect(await recipientsOf(id)).toEqual(['maire@valmont.test']);

    // idempotent: a second POST and a later GET say it is done, without a button
    expect((await worldOf().http().post(path).type('form').send({ 'List-Unsubscribe': 'One-Click' }).expect(200)).text).toContain('(C’était déjà fait.)');
    const later = await worldOf().http().get(path).expect(200);
    expect(later.text).toContain('(C’était déjà fait.)');
    expect(later.text).not.toContain('<form');
    expect(await unsubscribeAudits(id)).toBe(1);

    worldOf().smtp.messages.length = 0;
    await worldOf().sendNow(id, '2024-11');
    await worldOf().smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(worldOf().smtp.messages.map((m) => m.to)).toEqual([['maire@valmont.test']]);
  });

  it('unsubscribes on the RFC 8058 one-click POST to the List-Unsubscribe URL, form-encoded or multipart, with English pages', async () => {
    const { id } = await sendTo({ name: 'Board', language: 'en', recipients: ['mayor@valmont.test', 'deputy@valmont.test', 'clerk@valmont.test'] });
    const headerPath = (r: string): string => pathOf(listUnsubscribeUrl(mailTo(worldOf().smtp.messages, r)));

    const confirm = await worldOf().http().get(headerPath('deputy@valmont.test')).expect(200);
    expect(confirm.text).toContain('<html lang="en">');
    expect(confirm.text).toContain('Confirm unsubscribing');
    expect(confirm.text).toContain('deputy@valmont.test will no longer receive the report “Board” once you confirm.');
    expect(confirm.text).toContain('>Unsubscribe me</button>');

    // what Gmail or Outlook send: no cookie, no Authorization, no X-Requested-With
    const oneClick = await worldOf()
      .http()
      .post(headerPath('deputy@valmont.test'))
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(oneClick.text).toContain('Unsubscribed');
    expect(oneClick.text).toContain('deputy@valmont.test will no longer receive the report “Board”. You can close this page.');
    expect(await recipientsOf(id)).toEqual(['mayor@valmont.test', 'clerk@valmont.test']);

    await worldOf().http().post(headerPath('clerk@valmont.test')).field('List-Unsubscribe', 'One-Click').expect(200);
    expect(await recipientsOf(id)).toEqual(['mayor@valmont.test']);
    expect(await unsubscribeAudits(id)).toBe(2);
  });

  it('refuses a tampered, forged or missing token with a French page and changes nothing', async () => {
    const { id, links } = await sendTo({ name: 'Intact', language: 'en', recipients: ['maire@valmont.test', 'adjoint@valmont.test'] });
    const path = pathOf(links.get('adjoint@valmont.test')!);
    for (const bad of [tamperSignature(path), swapRecipient(path, 'maire@valmont.test'), `${UNSUBSCRIBE}?token=abc`, UNSUBSCRIBE]) {
      const get = await worldOf().http().get(bad).expect(400);
      expect(get.text).toContain('<html lang="fr">');
      expect(get.text).toContain('Lien invalide');
      expect(get.text).not.toContain('<form');
      const post = await worldOf().http().post(bad).type('form').send('List-Unsubscribe=One-Click').expect(400);
      expect(post.text).toContain('Lien invalide');
    }
    expect(await recipientsOf(id)).toEqual(['maire@valmont.test', 'adjoint@valmont.test']);
    expect(await unsubscribeAudits(id)).toBe(0);
  });

  it('refuses links signed with the access-token key or a published key: unsubscribe links have a key of their own', async () => {
    const { id, links } = await sendTo({ name: 'Clé propre', recipients: ['maire@valmont.test'] });
    const token = new URLSearchParams(pathOf(links.get('maire@valmont.test')!).split('?')[1]).get('token')!;
    const claims = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as { o: string; s: string; r: string };
    for (const key of [TEST_JWT_SECRET, ...PUBLISHED_SECRETS]) {
      const forged = `${UNSUBSCRIBE}?token=${encodeURIComponent(signUnsubscribeToken(key, claims))}`;
      expect((await worldOf().http().post(forged).type('form').send('List-Unsubscribe=One-Click').expect(400)).text).toContain('Lien invalide');
    }
    expect(await recipientsOf(id)).toEqual(['maire@valmont.test']);
  });
});
