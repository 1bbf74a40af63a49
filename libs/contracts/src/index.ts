/**
 * @levier/contracts: what the API answers and accepts, for its clients (the admin, the reports). Pure data and types:
 * no framework, nothing of apps/. The JSON files under generated/ and openapi.json are written from the API's code by
 * `npm run build` (apps/api/src/contracts); apps/api/src/contracts/contract.spec.ts fails when they are stale.
 */
export * from './indicators';
export * from './integer';
export * from './route-policy';
export * from './writable-fields';
