import { stopProduct, type Product } from './product';
import { stopSmtp, type SmtpReceiver } from './smtp';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as unknown as { __levierProduct?: Product; __levierSmtp?: SmtpReceiver };
  if (state.__levierProduct) await stopProduct(state.__levierProduct);
  if (state.__levierSmtp) await stopSmtp(state.__levierSmtp);
}
