import { useEffect, useState, type DependencyList } from "react";

export type AsyncState<T> = { status: "loading" } | { status: "error"; error: Error } | { status: "ok"; data: T };

/** Run `load` when deps change; a newer run aborts the previous one (typing, paging). */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: "loading" });
  useEffect(() => {
    const ac = new AbortController();
    setState((s) => (s.status === "loading" ? s : { status: "loading" }));
    load(ac.signal).then(
      (data) => { if (!ac.signal.aborted) setState({ status: "ok", data }); },
      (error: unknown) => { if (!ac.signal.aborted) setState({ status: "error", error: error instanceof Error ? error : new Error(String(error)) }); },
    );
    return () => ac.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
