/**
 * Run the HTTP API on a store file. Read-only unless a token is given (then POST /api/ingest is enabled).
 */
import { serve as honoServe } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { Store, defaultDbPath } from "../store/store.js";
import { createApp } from "./app.js";
import { defaultWebRoot } from "./web.js";

export interface ServeOptions {
  db?: string;
  port?: number;
  host?: string;
  /** enables POST /api/ingest (Bearer); default RASD_TOKEN */
  token?: string | null;
  /** CORS origin; off when unset */
  cors?: string | null;
  /** directory of the built dashboard served at `/` (default: dist/web); null: API only */
  web?: string | null;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  close: () => Promise<void>;
}

export async function serve(opts: ServeOptions = {}): Promise<RunningServer> {
  const db = opts.db ?? defaultDbPath();
  const token = opts.token === undefined ? process.env.RASD_TOKEN ?? null : opts.token;
  // Create/migrate the file once, then keep it read-only unless ingest is enabled.
  if (!token) Store.open(db, { checkIndex: false }).close();
  const store = Store.open(db, { readonly: !token });
  const app = createApp(store, { token, cors: opts.cors ?? null, web: opts.web === undefined ? defaultWebRoot() : opts.web });
  const host = opts.host ?? "127.0.0.1";
  return new Promise((resolve) => {
    const server = honoServe({ fetch: app.fetch, port: opts.port ?? 8787, hostname: host }, (info: AddressInfo) => {
      const h = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${h}:${info.port}`,
        port: info.port,
        store,
        close: () => new Promise<void>((res) => {
          server.close(() => { store.close(); res(); });
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
      });
    });
  });
}
