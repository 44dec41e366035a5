import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {writeJsonStream} from '../../src/cli/write-json-stream.js';

async function streamed(value: object, pauseEvery = 3): Promise<string> {
  let out = '';
  let writes = 0;
  await writeJsonStream(value, (chunk) => ((out += chunk), ++writes % pauseEvery !== 0), () => Promise.resolve());
  return out;
}

describe('writeJsonStream', () => {
  it('writes exactly what JSON.stringify(value, null, 2) does, plus a newline', async () => {
    const value = {file: 'a', blocks: [{kind: 'table', rows: [[1, 2], []]}, {kind: 'p', text: 'x\ny'}], empty: [], missing: undefined, nested: {a: [1]}, n: 3};
    expect(await streamed(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(await streamed({})).toBe('{}\n');
  });

  it('agrees with JSON.stringify on arbitrary objects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), async (value) => {
        expect(await streamed(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      {numRuns: 200},
    );
  });
});
