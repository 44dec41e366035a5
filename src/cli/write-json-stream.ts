/**
 * Write exactly `JSON.stringify(value, null, 2) + '\n'`, piece by piece: top-level arrays go item by
 * item, so that a large document (a 1,000-page PDF's blocks) never has to exist as one string.
 * `write` returns false when the stream wants a pause; `drain` waits for it.
 */
export async function writeJsonStream(value: object, write: (chunk: string) => boolean, drain: () => Promise<void>): Promise<void> {
  const send = async (chunk: string): Promise<void> => {
    if (!write(chunk)) await drain();
  };
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  await send('{');
  for (const [i, [key, item]] of entries.entries()) {
    const prefix = `${i ? ',' : ''}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(item) && item.length) {
      await send(`${prefix}[`);
      for (const [j, element] of item.entries()) {
        await send(`${j ? ',' : ''}\n    ${(JSON.stringify(element, null, 2) ?? 'null').replace(/\n/g, '\n    ')}`);
      }
      await send('\n  ]');
    } else await send(`${prefix}${JSON.stringify(item, null, 2).replace(/\n/g, '\n  ')}`);
  }
  await send(entries.length ? '\n}\n' : '}\n');
}
