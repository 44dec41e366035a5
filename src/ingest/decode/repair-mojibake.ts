import type {Diagnostic} from '../../model/diagnostic.js';
import type {Repair} from '../../model/source-document.js';

/** Text after mojibake repair, with each repair listed. */
export interface MojibakeRepair {
  text: string;
  repairs: Repair[];
  diagnostics: Diagnostic[];
}

/** Placeholder until mojibake repair lands: returns the text unchanged. */
export function repairMojibake(text: string, _file: string): MojibakeRepair {
  return {text, repairs: [], diagnostics: []};
}
