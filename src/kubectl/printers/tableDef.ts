/**
 * A printer's column set and row function: the shape of a server-side Table
 * (metav1.TableColumnDefinition + TableRow.Cells). Priority-1 columns show with `-o wide` only.
 */
import type { AnyObject, KubeObject } from "../../sim/api/types";

export interface ColumnDef {
  /** Name as printers.go declares it ("Nominated Node"); printed upper-cased. */
  name: string;
  /** Priority 1 (only with -o wide). */
  wide?: boolean;
  /** Format "name": the column that gets the `kind/` prefix when several kinds print together. */
  isName?: boolean;
}

export interface TableDef<T extends KubeObject = AnyObject> {
  columns: readonly ColumnDef[];
  /** One cell per column, wide ones included. */
  row(obj: T, now: number): string[];
}

export const NAME: ColumnDef = { name: "Name", isName: true };
export const AGE: ColumnDef = { name: "Age" };

/** printers.go layoutContainerCells: names and images joined by ",". */
export function containerCells(containers: readonly { name: string; image: string }[]): [string, string] {
  return [containers.map((c) => c.name).join(","), containers.map((c) => c.image).join(",")];
}
