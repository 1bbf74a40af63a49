import { startProduct, type Product } from './product';

/** Starts the product once for every browser test file; the tests read its URL from BROWSER_BASE_URL. */
export default async function globalSetup(): Promise<void> {
  const product = await startProduct();
  (globalThis as unknown as { __levierProduct: Product }).__levierProduct = product;
  process.env.BROWSER_BASE_URL = product.baseUrl;
}
