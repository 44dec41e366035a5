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
  /** Similarity 0–1 of the group's texts (0 for new and dropped). */
  score: number;
}

export interface MatchSet {
  previous: Edition;
  current: Edition;
  groups: MatchGroup[];
}
