/**
 * Serving the built dashboard (dist/web, made by `npm run build`: vite) next to the API.
 * index.html at `/` (never cached, so a new build is picked up), hashed files under /assets cached for a year.
 * Every page response carries a strict Content-Security-Policy: scripts only from this origin, no inline script,
 * no plugins — article text is untrusted, this is the second line of defence after rendering it as text only.
 */
import { serveStatic } from "@hono/node-server/serve-static";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";

/** dist/web beside dist/api (works from src/api via tsx and from dist/api). */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL("../../dist/web/", import.meta.url));
}

export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
].join("; ");

export const MISSING_BUILD = "The Rasd dashboard is not built (dist/web is missing): run `npm run build`. The API is at /api.";

/** Mount the dashboard on `app` (after the /api routes). `root`: the directory with index.html and assets/. */
export function mountWeb(app: Hono, root: string): void {
  const built = existsSync(`${root}/index.html`);
  if (!built) {
    app.get("/", (c) => c.text(MISSING_BUILD, 503));
    return;
  }
  const onFound = (path: string, c: { header: (k: string, v: string) => void }) => {
    // Rule `hashed-assets-immutable`: vite names built assets by content hash.
    const hashed = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(path);
    c.header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    c.header("X-Content-Type-Options", "nosniff");
    if (path.endsWith(".html")) {
      c.header("Content-Security-Policy", CSP);
      c.header("Referrer-Policy", "no-referrer");
    }
  };
  const assets = serveStatic({ root, onFound });
  app.get("/", serveStatic({ root, path: "index.html", onFound }));
  app.get("/assets/*", assets);
  app.get("/favicon.svg", assets);
}
