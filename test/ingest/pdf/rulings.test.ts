import {describe, expect, it} from 'vitest';
import {rulingsFromOps, rulingsReader} from '../../../src/ingest/pdf/rulings.js';

// pdf.js operator codes and path codes (src/shared/util.js, v5.6).
const OPS = {save: 10, restore: 11, transform: 12, stroke: 20, fill: 22, endPath: 28, setFillRGBColor: 59, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, constructPath: 91};
const M = 0;
const L = 1;
const C = 2;
const Z = 4;
const path = (paint: number, ...buffer: number[]): [number, unknown] => [OPS.constructPath, [paint, [new Float32Array(buffer)], null]];
const rect = (x: number, y: number, w: number, h: number): number[] => [M, x, y, L, x + w, y, L, x + w, y + h, L, x, y + h, Z];
const run = (ops: [number, unknown][]) =>
  rulingsFromOps(
    ops.map((o) => o[0]),
    ops.map((o) => o[1]),
    (x, y) => [x, y],
    600,
    800,
  );

describe('rulingsFromOps', () => {
  it('takes stroked horizontal and vertical segments, and skips slanted ones and curves', () => {
    const {h, v} = run([path(OPS.stroke, M, 10, 100, L, 300, 100, L, 300, 400, M, 0, 0, L, 50, 60, M, 10, 10, C, 20, 20, 30, 20, 40, 10)]);
    expect(h).toEqual([{at: 100, a: 10, b: 300}]);
    expect(v).toEqual([{at: 300, a: 100, b: 400}]);
  });

  it('reads a thin filled rectangle as one ruling and a larger one as its four edges', () => {
    const thin = run([path(OPS.fill, ...rect(50, 200, 400, 0.75))]);
    expect(thin.h).toEqual([{at: 200.375, a: 50, b: 450}]);
    expect(thin.v).toEqual([]);
    const shaded = run([path(OPS.fill, ...rect(50, 200, 100, 20))]);
    expect(shaded.h.map((s) => s.at).sort()).toEqual([200, 220]);
    expect(shaded.v.map((s) => s.at).sort((a, b) => a - b)).toEqual([50, 150]);
  });

  it('ignores clipping paths, white fills and page-sized backgrounds', () => {
    expect(run([path(OPS.endPath, ...rect(50, 200, 100, 20))])).toEqual({h: [], v: []});
    expect(run([[OPS.setFillRGBColor, ['#ffffff']], path(OPS.fill, ...rect(50, 200, 100, 20))])).toEqual({h: [], v: []});
    expect(run([path(OPS.fill, ...rect(0, 0, 600, 800))])).toEqual({h: [], v: []});
  });

  it('follows transforms, save and restore, and form XObject matrices', () => {
    const {h} = run([
      [OPS.save, null],
      [OPS.transform, [2, 0, 0, 2, 10, 10]],
      path(OPS.stroke, M, 0, 0, L, 100, 0),
      [OPS.restore, null],
      [OPS.paintFormXObjectBegin, [new Float32Array([1, 0, 0, 1, 0, 500]), null]],
      path(OPS.stroke, M, 0, 0, L, 100, 0),
      [OPS.paintFormXObjectEnd, []],
      path(OPS.stroke, M, 0, 0, L, 100, 0),
    ]);
    expect(h).toEqual([
      {at: 10, a: 10, b: 210},
      {at: 500, a: 0, b: 100},
      {at: 0, a: 0, b: 100},
    ]);
  });

  it('places points through the function it is given (the page frame)', () => {
    const {v} = rulingsFromOps([OPS.constructPath], [[OPS.stroke, [new Float32Array([M, 0, 10, L, 100, 10])], null]], (x, y) => [y, x], 600, 800);
    expect(v).toEqual([{at: 10, a: 0, b: 100}]);
  });
});

describe('rulingsReader', () => {
  it('reads an operator list in chunks as it reads it whole: the graphics state carries over', () => {
    const ops: [number, unknown][] = [[OPS.save, null], [OPS.transform, [1, 0, 0, 1, 0, 50]], path(OPS.stroke, M, 10, 100, L, 300, 100), [OPS.restore, null], path(OPS.stroke, M, 10, 100, L, 300, 100)];
    const reader = rulingsReader((x, y) => [x, y], 600, 800);
    reader.add(ops.slice(0, 2).map((o) => o[0]), ops.slice(0, 2).map((o) => o[1]));
    reader.add(ops.slice(2).map((o) => o[0]), ops.slice(2).map((o) => o[1]));
    expect(reader.rulings()).toEqual(run(ops));
    expect(reader.rulings().h.map((s) => s.at)).toEqual([150, 100]);
  });
});
