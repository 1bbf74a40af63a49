import { stopProduct, type Product } from './product';

export default async function globalTeardown(): Promise<void> {
  const product = (globalThis as unknown as { __levierProduct?: Product }).__levierProduct;
  if (product) await stopProduct(product);
}
