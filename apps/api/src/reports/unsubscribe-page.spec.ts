import { unsubscribePage } from './unsubscribe-page';

const ACTION = '/api/report-subscriptions/unsubscribe?token=abc.def';

describe(unsubscribePage.name, () => {
  it('asks for confirmation with a button that POSTs to the signed URL, in the subscription language', () => {
    const fr = unsubscribePage({ kind: 'pending', subscriptionName: 'Élus', recipient: 'maire@valmont.test', language: 'fr' }, ACTION);
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('Confirmer le désabonnement');
    expect(fr).toContain(`<form method="post" action="${ACTION}">`);
    expect(fr).toContain('<button type="submit">Me désabonner</button>');
    const en = unsubscribePage({ kind: 'pending', subscriptionName: 'Board', recipient: 'mayor@valmont.test', language: 'en' }, ACTION);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('mayor@valmont.test will no longer receive the report “Board” once you confirm.');
    expect(en).toContain('<button type="submit">Unsubscribe me</button>');
  });

  it('confirms without a form once done, and escapes what comes from the token or the subscription', () => {
    const page = unsubscribePage({ kind: 'already', subscriptionName: '<b>Élus</b>', recipient: 'a"b@valmont.test', language: 'fr' }, ACTION);
    expect(page).toContain('Désabonnement confirmé');
    expect(page).toContain('a&quot;b@valmont.test ne recevra plus le rapport « &lt;b&gt;Élus&lt;/b&gt; ». (C’était déjà fait.)');
    expect(page).not.toContain('<form');
  });

  it('answers an invalid link in French', () => {
    const page = unsubscribePage({ kind: 'invalid' }, ACTION);
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('Lien invalide');
    expect(page).not.toContain('<form');
  });
});
