/**
 * `@convergent/engine/npy`: the `.npy` format alone (header parse, dtype table, decoding whole arrays held in
 * memory), safe in a browser: the dashboard and the API's HTTP layer read arrays with it.
 */
export * from '../io/npy-format.ts';
