import { useStore } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { AppState } from "./appStore";
import { appStore } from "./session";

/** Reads one narrow slice of the app store; re-renders only when it changes (Object.is). */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}

/** For selectors that build arrays or objects: compares them shallowly. */
export function useAppStoreShallow<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, useShallow(selector));
}
