import type {Location, TableBlock} from '../model/document.js';
import type {Deadline, Field, Reading, Target} from '../model/objective.js';

/** An item as read from a block, before its text is cleaned and its targets parsed. */
export interface Draft {
  text: string;
  /** Groups above the item, outermost first. */
  groups: string[];
  /** Where its text came from (the first is where it starts). */
  at: Location[];
  /** Targets and deadlines read from columns of their own (with the period their header names). */
  columnTargets: Target[];
  columnDeadlines: Deadline[];
  fields: Field[];
}

/** A reading of the document: which block(s) hold the items, with which roles, and how well it scores. */
export interface Candidate {
  reading: Reading;
  drafts: Draft[];
  /** Facts the checks need. */
  evidence: {
    /** Tables read (for the "rows stop before the table's last page" check). */
    tables?: readonly TableBlock[];
    /** Headers of columns that look like groups but were not used as groups. */
    unusedGroupColumns?: string[];
    /** Headers of item and group columns, for matching stated counts ("18 success measures"). */
    itemNoun?: string;
    groupNoun?: string;
    /** Texts of columns set aside, with where they were. */
    ignored?: {header: string; text: string; at: Location}[];
    /** Rows that had content but no item. */
    unparsedRows?: Location[];
    /** Lists set aside under headings beside those of the lists read (a repeated structure read only in part). */
    ignoredLists?: {heading: string; items: number; at: Location}[];
  };
}
