/**
 * UI language: strings from ar.json / en.json (same keys), Arabic right-to-left by default, the choice kept in
 * localStorage. Switching flips <html lang dir>. PLOVER labels come from data/plover.json.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import plover from "../data/plover.json";
import { formatDateValue, formatNumber, formatSigned, type Lang } from "../lib/format";
import ar from "./ar.json";
import en from "./en.json";

export type { Lang };
export type MessageKey = keyof typeof ar;
const messages: Record<Lang, Record<MessageKey, string>> = { ar, en };
const STORAGE_KEY = "rasd.lang";

export function initialLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === "ar" || v === "en") return v;
  } catch { /* storage off */ }
  return "ar";
}

export function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  document.title = messages[lang]["app.title"];
}

export interface I18n {
  lang: Lang;
  dir: "rtl" | "ltr";
  setLang: (l: Lang) => void;
  /** a UI string; {name} placeholders filled from vars */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  num: (n: number, digits?: number) => string;
  /** a signed score, sign always in front */
  signed: (n: number) => string;
  date: (v: string | null | undefined) => string;
  typeLabel: (type: string) => string;
  quadOf: (type: string) => string | null;
  modeLabel: (mode: string | null | undefined) => string;
}

const Ctx = createContext<I18n | null>(null);

type Labels = Record<string, { ar: string; en: string; quad?: string }>;
const types = plover.types as Labels;
const modes = plover.modes as Labels;
const quads = plover.quads as Labels;

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => applyLang(lang), [lang]);
  const setLang = useCallback((l: Lang) => {
    try { localStorage.setItem(STORAGE_KEY, l); } catch { /* storage off */ }
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const m = messages[lang];
    return {
      lang, dir: lang === "ar" ? "rtl" : "ltr", setLang,
      t: (key, vars) => {
        let s = m[key] ?? key;
        if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(typeof v === "number" ? formatNumber(lang, v) : v);
        return s;
      },
      num: (n, digits) => formatNumber(lang, n, digits),
      signed: (n) => formatSigned(lang, n),
      date: (v) => formatDateValue(lang, v, (monday) => m["date.weekOf"].split("{date}").join(monday)),
      typeLabel: (type) => types[type]?.[lang] ?? type,
      quadOf: (type) => {
        const q = types[type]?.quad;
        return q ? quads[q]?.[lang] ?? q : null;
      },
      modeLabel: (mode) => (mode ? modes[mode]?.[lang] ?? mode : ""),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error("useI18n outside I18nProvider");
  return v;
}

/** PLOVER types in the order of the spec (for filters). */
export const PLOVER_TYPE_CODES = Object.keys(types);
/** Whether a type is on the cooperation side (its quad). */
export const isCooperative = (type: string): boolean => (types[type]?.quad ?? "").endsWith("cooperation");
