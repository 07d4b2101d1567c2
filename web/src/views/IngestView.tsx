/**
 * Ingest: drop files (or pick them), each is read as bytes in the browser and posted on its own, so the server's
 * decoder handles its encoding (windows-1256, UTF-16 …) and kind (.txt .html .json .jsonl). A per-file list shows
 * queued → uploading → done (N articles) or the errors. Needs the server's token (kept for this tab only).
 */
import { useCallback, useId, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import { ApiError, api } from "../api";
import { Card, ErrorState, Loading } from "../components/common";
import { useI18n, type MessageKey } from "../i18n";
import { hrefOf } from "../lib/route";
import { useAsync } from "../lib/useAsync";

const TOKEN_KEY = "rasd.token";
/** Fired on window after a file was stored (the header's store counts refresh). */
export const STORED_EVENT = "rasd:stored";
const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = ".txt,.html,.htm,.json,.jsonl,.ndjson";

type Item =
  | { key: number; name: string; size: number; state: "queued" | "uploading" }
  | { key: number; name: string; size: number; state: "done"; ids: string[]; inserted: number; updated: number; unchanged: number; errors: string[] }
  | { key: number; name: string; size: number; state: "failed"; errors: string[] };

/** Bytes → base64 in chunks (String.fromCharCode on a whole file overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function readToken(): string {
  try { return sessionStorage.getItem(TOKEN_KEY) ?? ""; } catch { return ""; }
}

export function IngestView() {
  const { t, num } = useI18n();
  const stats = useAsync((signal) => api.stats(signal), []);
  const [token, setToken] = useState(readToken);
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const keyRef = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  const ids = { token: useId(), files: useId(), help: useId() };

  const update = (key: number, next: Item) => setItems((xs) => xs.map((x) => (x.key === key ? next : x)));
  const saveToken = (v: string) => {
    setToken(v);
    try { sessionStorage.setItem(TOKEN_KEY, v); } catch { /* storage off */ }
  };

  const addFiles = useCallback((files: FileList | File[]) => {
    const list = [...files];
    const added: Item[] = list.map((f) => ({ key: ++keyRef.current, name: f.name, size: f.size, state: "queued" }));
    setItems((xs) => [...added, ...xs]);
    list.forEach((file, i) => {
      const it = added[i]!;
      // One file at a time, in order: progress stays readable and the server is not flooded.
      queue.current = queue.current.then(async () => {
        const base = { key: it.key, name: it.name, size: it.size };
        if (file.size > MAX_BYTES) { update(it.key, { ...base, state: "failed", errors: [t("ingest.tooLarge", { mb: MAX_BYTES / 1048576 })] }); return; }
        update(it.key, { ...base, state: "uploading" });
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const r = await api.ingestFile(readToken(), file.name, toBase64(bytes));
          const errors = r.errors.map((e) => e.error);
          if (r.ids.length === 0) update(it.key, { ...base, state: "failed", errors: errors.length ? errors : [t("ingest.nothing")] });
          else {
            update(it.key, { ...base, state: "done", ids: r.ids, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, errors });
            window.dispatchEvent(new Event(STORED_EVENT));
          }
        } catch (e) {
          const msg = e instanceof ApiError && e.status === 401 ? t("ingest.badToken") : (e as Error).message;
          update(it.key, { ...base, state: "failed", errors: [msg] });
        }
      });
    });
  }, [t]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (e.dataTransfer.files.length) addFiles(e.dataTransfer.files);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.current?.click(); }
  };

  if (stats.status === "loading") return <Loading />;
  if (stats.status === "error") return <ErrorState error={stats.error} />;
  if (!stats.data.ingest) {
    return (
      <Card title={t("ingest.title")} className="narrow">
        <p className="notice" role="note">{t("ingest.disabled")}</p>
        <pre className="cmd" dir="ltr">rasd serve --token YOUR-SECRET</pre>
        <p className="muted small">{t("ingest.disabledHint")}</p>
      </Card>
    );
  }
  const done = items.filter((i) => i.state === "done").length;
  return (
    <div className="layout-ingest">
      <Card title={t("ingest.title")}>
        <div className="field">
          <label htmlFor={ids.token}>{t("ingest.token")}</label>
          <input id={ids.token} type="password" autoComplete="off" value={token} onChange={(e) => saveToken(e.target.value)} dir="ltr" aria-describedby={ids.help} />
          <p id={ids.help} className="muted small">{t("ingest.tokenHelp")} <code dir="ltr">rasd serve --token …</code></p>
        </div>
        <div
          className={`dropzone ${over ? "over" : ""}`} role="button" tabIndex={0} aria-describedby={ids.files}
          onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}
          onClick={() => input.current?.click()} onKeyDown={onKey}
        >
          <span className="drop-icon" aria-hidden="true">⇪</span>
          <strong>{t("ingest.drop")}</strong>
          <span id={ids.files} className="muted small">{t("ingest.kinds")}</span>
        </div>
        <input ref={input} type="file" multiple accept={ACCEPT} className="sr-only" data-testid="file-input" tabIndex={-1}
          aria-label={t("ingest.pick")} onChange={(e) => { if (e.target.files?.length) addFiles(e.target.files); e.target.value = ""; }} />
      </Card>
      {items.length ? (
        <Card title={t("ingest.progress", { done: num(done), n: num(items.length) })}>
          <ul className="files" aria-live="polite">
            {items.map((it) => (
              <li key={it.key} className={`file state-${it.state}`} data-state={it.state}>
                <div className="file-head">
                  <span className="file-name" dir="auto">{it.name}</span>
                  <span className="muted small">{num(Math.max(1, Math.round(it.size / 1024)))} KB</span>
                  <span className={`badge file-${it.state}`}>{t(`ingest.state.${it.state}` as MessageKey)}</span>
                </div>
                {it.state === "uploading" ? <div className="bar-progress" aria-hidden="true"><span /></div> : null}
                {it.state === "done" ? (
                  <p className="small">
                    {t("ingest.result", { n: num(it.ids.length), inserted: num(it.inserted), updated: num(it.updated), unchanged: num(it.unchanged) })}{" "}
                    {it.ids.slice(0, 5).map((id) => <a key={id} className="chip-link" href={hrefOf({ view: "article", id })}>{id}</a>)}
                  </p>
                ) : null}
                {(it.state === "done" || it.state === "failed") && it.errors.length ? (
                  <ul className="errors">{it.errors.map((e, k) => <li key={k}>{e}</li>)}</ul>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
