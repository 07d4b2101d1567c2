/** Shared small components: states, badges, labels, marked snippets, pager. All text is rendered as text nodes. */
import type { ReactNode } from "react";
import { isCooperative, useI18n, type MessageKey } from "../i18n";
import { parseMarked } from "../lib/marked";
import type { Actor, EventStatus } from "../types";

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return <div className="state state-loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" />{label ?? t("state.loading")}</div>;
}

export function ErrorState({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <div className="state state-error" role="alert">
      <strong>{t("state.error")}</strong>
      <span className="muted">{error.message}</span>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

export function StatusBadge({ status }: { status: EventStatus }) {
  const { t } = useI18n();
  return <span className={`badge status-${status}`}>{t(`status.${status}` as MessageKey)}</span>;
}

export function TypeLabel({ type, mode }: { type: string; mode?: string | null }) {
  const { typeLabel, modeLabel, quadOf } = useI18n();
  const quad = quadOf(type);
  const cls = quad ? (isCooperative(type) ? "coop" : "conf") : "";
  return (
    <span className={`type-label ${cls}`} title={[type, quad].filter(Boolean).join(" · ")}>
      {typeLabel(type)}
      {mode ? <span className="mode"> · {modeLabel(mode)}</span> : null}
    </span>
  );
}

/** An actor as its code (country ISO3 / IGO / entity id) with the sector. */
export function actorText(a: Actor | null | undefined): string {
  if (!a) return "—";
  const base = a.country ?? a.igo ?? a.entity ?? "?";
  return a.sector && a.sector !== base ? `${base}·${a.sector}` : base;
}

export function Dyad({ source, target }: { source: Actor | null; target: Actor | null }) {
  const { dir } = useI18n();
  return (
    <span className="dyad" dir="ltr">
      <code>{actorText(source)}</code>
      <span aria-hidden="true" className="arrow">{dir === "rtl" ? " → " : " → "}</span>
      <code>{actorText(target)}</code>
    </span>
  );
}

/** A search snippet: text pieces, hits inside <mark> (never HTML). */
export function Marked({ text }: { text: string }) {
  return <>{parseMarked(text).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

export function Pager({ total, limit, offset, onPage }: { total: number; limit: number; offset: number; onPage: (offset: number) => void }) {
  const { t, num } = useI18n();
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1, pages = Math.ceil(total / limit);
  return (
    <nav className="pager" aria-label={t("pager.label")}>
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>{t("pager.prev")}</button>
      <span>{t("pager.page", { page: num(page), pages: num(pages) })}</span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onPage(offset + limit)}>{t("pager.next")}</button>
    </nav>
  );
}

export function Card({ title, children, className, actions }: { title?: ReactNode; children: ReactNode; className?: string; actions?: ReactNode }) {
  return (
    <section className={`card ${className ?? ""}`}>
      {title || actions ? <header className="card-head">{title ? <h2>{title}</h2> : null}{actions}</header> : null}
      {children}
    </section>
  );
}
