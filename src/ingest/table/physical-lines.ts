import type {Location} from '../../model/document.js';

// The shape in which readers of physical lines (tab-separated text, space-aligned layout text, PDF text
// positions) hand a table to the one routine that turns lines into logical rows and cells
// (`physicalTable` in physical-table.ts). Readers only find lines and columns; deciding where a cell's
// text wraps, where a row ends and which label spans which rows happens once, for every format.

/** Text in one column on one physical line. */
export interface LinePiece {
  /** The text, without a leading bullet or list number (that is in `marker`). */
  readonly text: string;
  /** The bullet or list number printed before the text ("•", "1.", "(a)"). */
  readonly marker?: string;
  readonly at: Location;
  /**
   * Horizontal extent, in the reader's unit (PDF points; characters for text). Used to tell a wrapped
   * line (it reached the column's right edge) from a line that ended early (the next word would have fit).
   */
  readonly x0: number;
  readonly x1: number;
}

/** One physical line of a table: one slot per column. */
export interface PhysicalLine {
  /** One slot per column, `undefined` where the column is empty on this line. */
  readonly pieces: readonly (LinePiece | undefined)[];
  readonly at: Location;
  /**
   * The vertical gap above the line in units of the table's usual line pitch: 1 for the next line of a
   * paragraph, larger where cell padding or a blank line separates rows. 0 for the first line.
   */
  readonly gapAbove: number;
  /** Drawn larger or bolder than the body (a group row or a repeated header). */
  readonly emphasis?: boolean;
  /** A horizontal ruling is drawn just above this line (PDF). */
  readonly ruleAbove?: boolean;
  /**
   * The line's text runs across the table's columns: a line without a tab inside a tab-separated table,
   * or PDF text crossing the column boundaries. It is a full-width row of its own (a group row); its
   * text is in the first slot of `pieces`.
   */
  readonly wide?: boolean;
}

/** A table found by a physical-line reader, before rows and cells are decided. */
export interface PhysicalTableInput {
  readonly method: 'delimited' | 'layout' | 'stream';
  readonly lines: readonly PhysicalLine[];
  /** Column extents [x0, x1], left to right, in the same unit as the pieces. */
  readonly columns: readonly (readonly [number, number])[];
  /** Whether `gapAbove` and `x1` carry real evidence (false for tab-separated text, which has neither). */
  readonly geometry: boolean;
  readonly caption?: string;
  readonly path: readonly string[];
}
