/** The HTTP API: `createApp(store)` (a Hono app, for tests and embedding) and `serve({ db, port, host })`. */
export { createApp, schemas } from "./app.js";
export type { AppOptions } from "./app.js";
export { serve } from "./serve.js";
export type { ServeOptions, RunningServer } from "./serve.js";
export { openapi } from "./openapi.js";
