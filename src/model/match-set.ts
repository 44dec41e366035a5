import type {Edition} from './objective.js';

/**
 * How objectives of two editions correspond. Indices point into `previous.objectives` and
 * `current.objectives`.
 * - `kept`: one previous objective became one current objective (perhaps reworded);
 * - `merged`: several previous objectives became one current objective;
 * - `split`: one previous objective became several current objectives;
 * - `absorbed`: previous objectives survive only as a subordinate part ("including …") of a new
 *   current objective: they count as dropped and it counts as new;
 * - `new` / `dropped`: no counterpart.
 */
export interface MatchGroup {
  kind: 'kept' | 'merged' | 'split' | 'absorbed' | 'new' | 'dropped';
  previous: number[];
  current: number[];
  /** Text similarity 0–1 of the group's texts (0 for new and dropped). */
  score: number;
  /** How sure the pairing is, 0–1: the score's height and its lead over the runner-up (1 for new and dropped; absent for a group a person set, which is sure). */
  confidence?: number;
}

/** Objectives of one previous group that went to one current group (kept, merged or split). */
export interface AreaLink {
  previous: string;
  current: string;
  items: number;
}

export interface MatchSet {
  previous: Edition;
  current: Edition;
  groups: MatchGroup[];
  /** Which groups' objectives went where: the evidence for mapping groups onto groups (absent: read from the groups). */
  areaLinks?: AreaLink[];
  /** Confidence below which a pair should be checked by a person. @default 0.5 */
  reviewConfidence?: number;
}
