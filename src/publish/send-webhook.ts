import {createHmac, randomUUID} from 'node:crypto';
import {setTimeout as sleep} from 'node:timers/promises';
import {describeError} from '../io/describe-error.js';

/** Options for {@link sendWebhook}. */
export interface WebhookOptions {
  /** HMAC-SHA256 key: the body is signed in `X-Guidance-Diff-Signature-256: sha256=<hex>`. @default unsigned */
  readonly secret?: string;
  /** Attempts in all (the first and the retries). @default 4 */
  readonly attempts?: number;
  /** Wait before the first retry, doubled for each next one (capped by `Retry-After` up to 60 s). @default 1000 */
  readonly backoffMs?: number;
  /** Time allowed for one attempt. @default 10000 */
  readonly timeoutMs?: number;
  /** Sent as `User-Agent`. @default 'guidance-diff' */
  readonly userAgent?: string;
}

/** How a webhook delivery ended: never thrown, so a failed delivery cannot fail the publish. */
export interface WebhookResult {
  ok: boolean;
  attempts: number;
  /** The last HTTP status, if any answer came. */
  status?: number;
  /** Why it failed, in words. */
  error?: string;
  /** Sent as `X-Guidance-Diff-Delivery`, the same on every attempt (receivers can drop duplicates). */
  delivery: string;
}

/** The signature header's value for a body: `sha256=` and the hex HMAC-SHA256. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * POST a JSON payload, signed with HMAC-SHA256 when a secret is given, retried with exponential backoff on
 * a network error, a timeout, 429 or a 5xx answer (not on other 4xx: the receiver refused it). Resolves
 * with how it went; never rejects.
 *
 * @example
 * const result = await sendWebhook('https://example.org/hook', {changed: []}, {secret: process.env.GUIDANCE_DIFF_WEBHOOK_SECRET});
 */
export async function sendWebhook(url: string, payload: unknown, options: WebhookOptions = {}): Promise<WebhookResult> {
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 1000;
  const body = JSON.stringify(payload);
  const delivery = randomUUID();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': options.userAgent ?? 'guidance-diff',
    'x-guidance-diff-delivery': delivery,
  };
  if (options.secret) headers['x-guidance-diff-signature-256'] = signBody(body, options.secret);
  let last: Omit<WebhookResult, 'delivery' | 'attempts'> = {ok: false, error: 'not sent'};
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait = backoff * 2 ** (attempt - 1);
    try {
      const response = await fetch(url, {method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000)});
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return {ok: true, attempts: attempt, status: response.status, delivery};
      last = {ok: false, status: response.status, error: `the receiver answered ${response.status} ${response.statusText}`.trim()};
      if (response.status < 500 && response.status !== 429) return {...last, attempts: attempt, delivery};
      const after = Number(response.headers.get('retry-after'));
      if (Number.isFinite(after) && after > 0) wait = Math.min(after * 1000, 60_000);
    } catch (error) {
      const cause = (error as {cause?: unknown}).cause;
      last = {ok: false, error: (error as Error)?.name === 'TimeoutError' ? 'the receiver did not answer in time' : describeError(cause ?? error)};
    }
    if (attempt < attempts) await sleep(wait);
  }
  return {...last, attempts, delivery};
}
