import {InvalidArgumentError} from 'commander';
import {OUTPUT_FORMATS, type OutputFormat} from '../render/output-formats.js';

/** `md,json` → the formats, each checked. */
export function formats(value: string): OutputFormat[] {
  const list = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of list) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) throw new InvalidArgumentError(`Expected formats from \`${OUTPUT_FORMATS.join(',')}\`, got \`${f}\``);
  }
  return [...new Set(list)] as OutputFormat[];
}

/** A whole number above zero. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`Expected a positive whole number, got \`${value}\``);
  return n;
}

/** A repeatable option's values, in the order given. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
