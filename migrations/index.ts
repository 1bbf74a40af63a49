/** Every migration, in order. Generate one with `npm run migration:generate -- Name`, review its SQL, list it here. */
import { CreateSchema1795673332455 } from './1795673332455-CreateSchema';

export const MIGRATIONS = [CreateSchema1795673332455];
