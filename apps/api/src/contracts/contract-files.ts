import { ApiModule } from '../api.module';
import { apiRoutes, controllersOf } from './api-routes';
import { buildContract } from './build-contract';
import { responseSchemas, ResponseSchemas } from './response-schemas';

/** Where each part of the generated contract is written, relative to the repository root. */
export const CONTRACT_FILES = {
  openapi: 'libs/contracts/openapi.json',
  routePolicy: 'libs/contracts/src/generated/route-policy.json',
  writableFields: 'libs/contracts/src/generated/writable-fields.json',
} as const;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The contract's files (path → content) as the API's code describes it now: no application, no database. */
export const contractFiles = (root: string, version: string, responses: ResponseSchemas = responseSchemas(root)): Record<string, string> => {
  const contract = buildContract(apiRoutes(controllersOf(ApiModule)), responses, version);
  return {
    [CONTRACT_FILES.openapi]: json(contract.openapi),
    [CONTRACT_FILES.routePolicy]: json(contract.routePolicy),
    [CONTRACT_FILES.writableFields]: json({ fields: contract.writableFields, integers: contract.integerFields }),
  };
};
