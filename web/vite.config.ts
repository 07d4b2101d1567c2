/**
 * The dashboard build: `vite build --config web/vite.config.ts` → dist/web (served by `rasd serve` at /).
 * Dev: `npm run dev:web` proxies /api to a running `rasd serve` on :8787.
 */
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  base: "/",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    // Fonts stay files (woff2 in assets/, loaded per unicode-range), never inlined.
    assetsInlineLimit: 0,
    target: "es2022",
    reportCompressedSize: false,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8787" } },
});
