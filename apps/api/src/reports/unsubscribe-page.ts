import type { UnsubscribeOutcome } from './report-deliveries.service';
import { escapeHtml } from './report-email.template';
import { reportMessages } from './report-i18n';

const STYLE =
  'body{font-family:Arial,Helvetica,sans-serif;background:#f4f5f7;color:#222;margin:0;padding:2rem}main{max-width:36rem;margin:auto;background:#fff;padding:1.5rem 2rem;border-radius:6px}h1{color:#1f3a5f;font-size:1.4rem}' +
  'button{font:inherit;font-size:1rem;background:#1f3a5f;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;cursor:pointer}button:focus-visible{outline:3px solid #f0b429;outline-offset:2px}.note{color:#555;font-size:.9rem}';

/**
 * The small page the signed unsubscribe link answers with, in the subscription's language (French when the link is
 * invalid: no subscription is known then). `pending` (the GET a person or a mail scanner makes) only asks for
 * confirmation, with a button that POSTs to `confirmAction`, the same signed URL; nothing changes before that POST.
 */
export const unsubscribePage = (outcome: UnsubscribeOutcome, confirmAction: string): string => {
  const m = reportMessages(outcome.kind === 'invalid' ? 'fr' : outcome.language).unsubscribe;
  const [title, content] =
    outcome.kind === 'invalid'
      ? [m.invalidTitle, `<p>${escapeHtml(m.invalidBody)}</p>`]
      : outcome.kind === 'pending'
        ? [
            m.confirmTitle,
            `<p>${escapeHtml(m.confirmBody(outcome.recipient, outcome.subscriptionName))}</p>
<form method="post" action="${escapeHtml(confirmAction)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(m.confirmButton)}</button></form>
<p class="note">${escapeHtml(m.confirmNote)}</p>`,
          ]
        : [m.doneTitle, `<p>${escapeHtml(m.doneBody(outcome.recipient, outcome.subscriptionName, outcome.kind === 'already'))}</p>`];
  return `<!doctype html>
<html lang="${outcome.kind === 'invalid' ? 'fr' : outcome.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} — Levier</title>
<style>${STYLE}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${content}</main></body></html>`;
};
