import {type Command} from 'commander';
import {line, say, UsageError, type CliContext} from '../context.js';
import {EXIT, EXIT_HELP} from '../exit-codes.js';

interface PublishFlags {
  site: string;
  baseUrl?: string;
  title?: string;
  webhook?: string;
  webhookSecretEnv: string;
}

const HELP = `
The site switches from old to new in one step. Publishing unchanged output again writes the same bytes
(feed entries keep the time they were first published; SOURCE_DATE_EPOCH sets the time of new ones).
The webhook gets a JSON summary of what changed (only when something did), signed with HMAC-SHA256 of the
body in the X-Guidance-Diff-Signature-256 header ("sha256=<hex>") when the secret's environment variable
is set; it is retried with backoff on errors, and a failed delivery is a warning, never a failed publish.

Examples:
  $ guidance-diff publish
  $ guidance-diff publish output --site public --base-url https://example.org/guidance/
  $ GUIDANCE_DIFF_WEBHOOK_SECRET=… guidance-diff publish --webhook https://hooks.example.org/guidance
${EXIT_HELP}`;

/** `guidance-diff publish [output]`: a static site, an Atom feed and a webhook from a batch's output. */
export function registerPublish(program: Command, context: CliContext): void {
  program
    .command('publish')
    .description("build a static site (index, comparisons, lineages) and an Atom feed from a batch's output")
    .argument('[output]', "the batch's output folder", 'output')
    .option('--site <dir>', 'where the site goes', 'site')
    .option('--base-url <url>', "the site's public address, for absolute links in the feed and the webhook")
    .option('--title <title>', "the site's and the feed's title", 'guidance-diff comparisons')
    .option('--webhook <url>', 'POST a JSON summary of what changed to this address')
    .option('--webhook-secret-env <name>', 'the environment variable holding the HMAC-SHA256 secret', 'GUIDANCE_DIFF_WEBHOOK_SECRET')
    .addHelpText('after', HELP)
    .action(async (output: string, flags: PublishFlags) => publish(output, flags, context));
}

function now(env: Readonly<Record<string, string | undefined>>): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return new Date();
  if (!/^\d+$/.test(epoch)) throw new UsageError(`Expected SOURCE_DATE_EPOCH to be whole seconds since 1970, got \`${epoch}\``);
  return new Date(Number(epoch) * 1000);
}

async function publish(output: string, flags: PublishFlags, context: CliContext): Promise<void> {
  if (flags.site === '-') throw new UsageError('Cannot write a site to stdout: give a folder with --site DIR');
  if (flags.webhook !== undefined && !/^https?:\/\//.test(flags.webhook)) throw new UsageError(`Expected an http(s) address for --webhook, got \`${flags.webhook}\``);
  const env = context.io.env ?? process.env;
  const [{publishSite}, {sendWebhook}, {packageVersion}] = await Promise.all([
    import('../../publish/publish-site.js'),
    import('../../publish/send-webhook.js'),
    import('../../io/package-root.js'),
  ]);
  const result = await context.guard(() =>
    publishSite(output, {siteDir: flags.site, now: now(env), ...(flags.baseUrl ? {baseUrl: flags.baseUrl} : {}), ...(flags.title ? {title: flags.title} : {})}),
  );
  if (context.signal.aborted) {
    // The site was switched (or left as it was); the webhook is not sent after an interrupt.
    context.setExit(context.signal.reason === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted);
    return;
  }
  for (const note of result.notes) say(context, note, 'note');
  const counted = result.changes.length ? `${result.changes.length} new, changed or removed` : 'nothing changed';
  say(context, `published ${result.comparisons} comparisons and ${result.lineages} lineages → ${flags.site} (${counted})`);
  if (!flags.webhook) return;
  if (!result.changes.length) {
    say(context, 'webhook not sent: nothing changed', 'note');
    return;
  }
  const secret = env[flags.webhookSecretEnv];
  if (!secret) line(context, `webhook sent unsigned: ${flags.webhookSecretEnv} is not set`, 'warning');
  const payload = {event: 'published', generator: {name: 'guidance-diff', version: packageVersion()}, site: flags.baseUrl ?? null, changes: result.changes};
  const sent = await sendWebhook(flags.webhook, payload, {userAgent: `guidance-diff/${packageVersion()}`, ...(secret ? {secret} : {})});
  if (sent.ok) say(context, `webhook delivered (${sent.attempts} attempt${sent.attempts > 1 ? 's' : ''}, status ${sent.status})`);
  else line(context, `webhook not delivered after ${sent.attempts} attempt${sent.attempts > 1 ? 's' : ''}: ${sent.error}; the site was published`, 'warning');
}
