/** Manual checks: starts the product like the browser tests do and keeps it running until Ctrl-C. */
import { startProduct, stopProduct } from './product';

const main = async (): Promise<void> => {
  const product = await startProduct();
  process.stdout.write(`${product.baseUrl}\n`);
  const stop = () => void stopProduct(product).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

void main();
