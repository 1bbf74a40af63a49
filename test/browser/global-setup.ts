import path from 'node:path';
import { ARTIFACTS, startProduct, type Product } from './product';
import { startSmtp, type SmtpReceiver } from './smtp';

/**
 * Starts an SMTP receiver and the product once for every browser test file; the tests read the product's URL from
 * BROWSER_BASE_URL and the received e-mails from BROWSER_MAIL_DIR.
 */
export default async function globalSetup(): Promise<void> {
  const smtp = await startSmtp(path.join(ARTIFACTS, 'mail'));
  const product = await startProduct({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  const state = globalThis as unknown as { __levierProduct: Product; __levierSmtp: SmtpReceiver };
  state.__levierProduct = product;
  state.__levierSmtp = smtp;
  process.env.BROWSER_BASE_URL = product.baseUrl;
  process.env.BROWSER_MAIL_DIR = smtp.folder;
}
