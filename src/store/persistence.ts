import { STORAGE_KEY } from "./slices/editorSlice";

/** localStorage, when there is one and it works (private windows, tests in Node). */
function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** The editor's text from the last visit, or null. */
export function loadSavedManifest(): string | null {
  try {
    return storage()?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function saveManifest(text: string): void {
  try {
    storage()?.setItem(STORAGE_KEY, text);
  } catch {
    /* full or denied: the editor still works, it just forgets */
  }
}
