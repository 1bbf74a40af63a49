import type { UnsubscribeOutcome } from './report-deliveries.service';
import { escapeHtml } from './report-email.template';

/** The small French page the unsubscribe link answers with. */
export const unsubscribePage = (outcome: UnsubscribeOutcome): string => {
  const [title, body] =
    outcome.kind === 'invalid'
      ? [
          'Lien invalide',
          'Ce lien de désabonnement est invalide ou incomplet. Copiez le lien entier depuis le courriel, ou demandez à la direction de votre CCAS de vous retirer de la liste.',
        ]
      : [
          'Désabonnement confirmé',
          `${escapeHtml(outcome.recipient)} ne recevra plus le rapport${outcome.subscriptionName ? ` « ${escapeHtml(outcome.subscriptionName)} »` : ''}.${outcome.kind === 'already' ? ' (C’était déjà fait.)' : ''} Vous pouvez fermer cette page.`,
        ];
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — Levier</title>
<style>body{font-family:Arial,Helvetica,sans-serif;background:#f4f5f7;color:#222;margin:0;padding:2rem}main{max-width:36rem;margin:auto;background:#fff;padding:1.5rem 2rem;border-radius:6px}h1{color:#1f3a5f;font-size:1.4rem}</style>
</head><body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
};
