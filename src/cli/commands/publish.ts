import type {Command} from 'commander';
import type {CliContext} from '../context.js';

/** `guidance-diff publish`: a static site, an Atom feed and a webhook from a batch's output. */
export function registerPublish(program: Command, context: CliContext): void {
  void program;
  void context;
}
