import { SMTPServer } from 'smtp-server';
import { Product } from './bench-processes';
import { BenchTenant } from './bench-tenant';
import { Scale } from './scales';

/**
 * Report emails rendered and delivered per minute: a local SMTP receiver counts what arrives for one subscription
 * with `scale.emails` recipients sent now. Needs the reports module; reports an error otherwise.
 */
export const measureEmails = async (product: Product, token: string, tenant: BenchTenant, scale: Scale): Promise<{ emailsPerMinute: number }> => {
  void product;
  void token;
  void tenant;
  void scale;
  void SMTPServer;
  throw new Error('mesure des e-mails non branchée : le module de rapports est en cours');
};
