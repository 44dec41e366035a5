import {describe, expect, it} from 'vitest';
import {createServer, type IncomingMessage} from 'node:http';
import {createHmac, timingSafeEqual} from 'node:crypto';
import {cpSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {validateXML} from 'xmllint-wasm';
import {main} from '../../src/cli/main.js';
import {publishSite} from '../../src/publish/publish-site.js';
import {sendWebhook} from '../../src/publish/send-webhook.js';
import {fixture, root} from '../helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'guidance-diff-publish-'));

async function run(argv: string[], env: Record<string, string> = {}): Promise<{code: number; stderr: string}> {
  let stderr = '';
  const code = await main(argv, {stdout: () => true, stderr: (s) => void (stderr += s), drain: () => Promise.resolve(), env});
  return {code, stderr};
}

async function validAtom(xml: string): Promise<{valid: boolean; errors: string[]}> {
  const result = await validateXML({
    xml: [{fileName: 'feed.xml', contents: xml}],
    schema: [{fileName: 'atom.rng', contents: readFileSync(fixture('atom', 'atom.rng'), 'utf8')}],
    extension: 'relaxng',
  });
  return {valid: result.valid, errors: result.errors.map((e) => e.rawMessage)};
}

/** A copy of the committed output/ to publish from (and to change). */
function output(): string {
  const dir = join(tmp(), 'output');
  cpSync(join(root, 'output'), dir, {recursive: true});
  return dir;
}

/** A local receiver: answers the given statuses in turn (then 200), records each request. */
async function receiver(statuses: number[]): Promise<{url: string; requests: {headers: IncomingMessage['headers']; body: string}[]; close: () => Promise<void>}> {
  const requests: {headers: IncomingMessage['headers']; body: string}[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({headers: request.headers, body});
      response.writeHead(statuses[requests.length - 1] ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as {port: number};
  return {url: `http://127.0.0.1:${port}/hook`, requests, close: () => new Promise((resolve) => server.close(() => resolve()))};
}

describe('publishSite', () => {
  it('writes an index, a page per comparison and lineage, and an Atom 1.0 feed that validates', async () => {
    const site = join(tmp(), 'site');
    const result = await publishSite(output(), {siteDir: site, now: new Date('2025-03-01T12:00:00Z'), baseUrl: 'https://example.org/guidance'});
    expect(result).toMatchObject({comparisons: 1, lineages: 1, notes: []});
    expect(result.changes.map((c) => [c.id, c.change])).toEqual([
      ['nhs-2023-24-vs-2024-25', 'new'],
      ['nhs-national-objectives', 'new'],
    ]);
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index).toContain('<h2>nhs-national-objectives</h2>');
    expect(index).toContain('href="nhs-2023-24-vs-2024-25/"');
    expect(readFileSync(join(site, 'nhs-2023-24-vs-2024-25', 'index.html'), 'utf8')).toContain('Uplift from 76% to 78%');
    expect(readFileSync(join(site, 'nhs-national-objectives', 'index.html'), 'utf8')).toContain('Lineage of nhs-national-objectives');
    const feed = readFileSync(join(site, 'feed.xml'), 'utf8');
    expect(await validAtom(feed)).toEqual({valid: true, errors: []});
    // RFC 4287 rules no grammar states: the feed has an author; every entry without content has an alternate link.
    expect(feed).toMatch(/<feed[^>]*>[\s\S]*<author>\s*<name>[^<]+<\/name>/);
    for (const entry of feed.match(/<entry>[\s\S]*?<\/entry>/g)!) expect(entry).toMatch(/<link href="https:\/\/example\.org\/guidance\/[^"]+"\/>/);
    expect(feed.match(/<entry>/g)).toHaveLength(1);
    expect(feed).toContain('<updated>2025-03-01T12:00:00.000Z</updated>');
  });

  it('rejects a feed the schema forbids (the validator is not a rubber stamp)', async () => {
    const site = join(tmp(), 'site');
    await publishSite(output(), {siteDir: site, now: new Date('2025-03-01T12:00:00Z')});
    const feed = readFileSync(join(site, 'feed.xml'), 'utf8');
    expect((await validAtom(feed)).valid).toBe(true);
    expect((await validAtom(feed.replace(/<id>[^<]*<\/id>/, ''))).valid).toBe(false);
    expect((await validAtom(feed.replace('2025-03-01T12:00:00.000Z', 'March 2025'))).valid).toBe(false);
  });

  it('republishes unchanged output byte for byte, and adds one entry with a new stable id when a comparison changes', async () => {
    const out = output();
    const site = join(tmp(), 'site');
    await publishSite(out, {siteDir: site, now: new Date('2025-03-01T12:00:00Z')});
    const first = readFileSync(join(site, 'feed.xml'), 'utf8');
    const again = await publishSite(out, {siteDir: site, now: new Date('2025-04-01T12:00:00Z')});
    expect(again.changes).toEqual([]);
    expect(readFileSync(join(site, 'feed.xml'), 'utf8')).toBe(first);
    // The same output published to a fresh site gives the same entry id.
    const other = join(tmp(), 'site');
    await publishSite(out, {siteDir: other, now: new Date('2025-05-01T12:00:00Z')});
    const ids = (xml: string): string[] => [...xml.matchAll(/<entry>[\s\S]*?<id>([^<]+)<\/id>/g)].map((m) => m[1]!);
    expect(ids(readFileSync(join(other, 'feed.xml'), 'utf8'))).toEqual(ids(first));
    // A changed comparison: one more entry, newest first, the old one kept.
    const json = join(out, 'nhs-2023-24-vs-2024-25', 'comparison.json');
    writeFileSync(json, readFileSync(json, 'utf8').replace(/"dropped": (\d+)/, (_, n: string) => `"dropped": ${Number(n) + 1}`));
    const changed = await publishSite(out, {siteDir: site, now: new Date('2025-06-01T12:00:00Z')});
    expect(changed.changes.map((c) => [c.id, c.change])).toEqual([['nhs-2023-24-vs-2024-25', 'changed']]);
    const feed = readFileSync(join(site, 'feed.xml'), 'utf8');
    expect(ids(feed)).toHaveLength(2);
    expect(ids(feed)[1]).toBe(ids(first)[0]);
    expect(feed.match(/<updated>[^<]+<\/updated>/)![0]).toBe('<updated>2025-06-01T12:00:00.000Z</updated>');
    expect((await validAtom(feed)).valid).toBe(true);
  });

  it('refuses a folder that is not a batch output', async () => {
    await expect(publishSite(tmp(), {siteDir: join(tmp(), 'site')})).rejects.toMatchObject({diagnostic: {message: expect.stringMatching(/no report\.json/)}});
  });
});

describe('guidance-diff publish --webhook', () => {
  it('POSTs a summary signed with HMAC-SHA256 from the environment, retried after a 500', async () => {
    const hook = await receiver([500]);
    try {
      const secret = 'correct horse battery staple';
      const site = join(tmp(), 'site');
      const out = output();
      const result = await run(['publish', out, '--site', site, '--webhook', hook.url], {GUIDANCE_DIFF_WEBHOOK_SECRET: secret, SOURCE_DATE_EPOCH: '1740830400'});
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/webhook delivered \(2 attempts, status 200\)/);
      expect(hook.requests).toHaveLength(2);
      const [first, second] = hook.requests;
      expect(second!.body).toBe(first!.body);
      expect(second!.headers['x-guidance-diff-delivery']).toBe(first!.headers['x-guidance-diff-delivery']);
      // The receiver's check: HMAC-SHA256 of the raw body with the shared secret, compared in constant time.
      const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(second!.body).digest('hex')}`);
      const given = Buffer.from(String(second!.headers['x-guidance-diff-signature-256']));
      expect(given.length === expected.length && timingSafeEqual(given, expected)).toBe(true);
      const payload = JSON.parse(second!.body) as {event: string; changes: {id: string; change: string; summary?: object}[]};
      expect(payload.event).toBe('published');
      expect(payload.changes.map((c) => [c.id, c.change])).toEqual([
        ['nhs-2023-24-vs-2024-25', 'new'],
        ['nhs-national-objectives', 'new'],
      ]);
      // The summary is the comparison's own.
      expect(payload.changes[0]!.summary).toEqual(JSON.parse(readFileSync(join(out, 'nhs-2023-24-vs-2024-25', 'comparison.json'), 'utf8')).summary);
    } finally {
      await hook.close();
    }
  });

  it('never fails the publish: a receiver that keeps failing is a warning, and the site is there', async () => {
    const hook = await receiver([503, 503, 503, 503]);
    try {
      const site = join(tmp(), 'site');
      const sent = await sendWebhook(hook.url, {x: 1}, {attempts: 3, backoffMs: 10});
      expect(sent).toMatchObject({ok: false, attempts: 3, status: 503});
      const closed = await receiver([]);
      await closed.close();
      const result = await run(['publish', output(), '--site', site, '--webhook', closed.url], {GUIDANCE_DIFF_WEBHOOK_SECRET: 's'});
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/warning: webhook not delivered after 4 attempts: the connection was refused; the site was published/);
      expect(readFileSync(join(site, 'feed.xml'), 'utf8')).toContain('<feed');
    } finally {
      await hook.close();
    }
  }, 30_000);
});
