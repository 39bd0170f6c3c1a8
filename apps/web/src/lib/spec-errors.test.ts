import { describe, expect, it } from 'vitest';
import { locateJsonError, parseSpecText, specProblems } from './spec-errors.ts';

describe('spec editor errors', () => {
  it('locates a JSON syntax error by line and column', () => {
    const r = parseSpecText('{\n  "name": "x",\n  "seeds": [1, 2,]\n}');
    expect(r.error).not.toBeNull();
    expect(r.error!.message).toMatch(/line 3, column 18: unexpected/);
  });

  it('parses valid JSON', () => {
    expect(parseSpecText('{"a": [1]}')).toEqual({ value: { a: [1] }, error: null });
  });

  it('splits the engine’s SpecError message into path + message problems', () => {
    const problems = specProblems([
      {
        message: 'invalid experiment spec: seeds must not repeat a seed; training.epochs must be a positive integer; architectures[1] "vgg" is not a preset',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(problems).toEqual([
      { path: 'seeds', message: 'must not repeat a seed' },
      { path: 'training.epochs', message: 'must be a positive integer' },
      { path: 'architectures[1]', message: '"vgg" is not a preset' },
    ]);
  });

  it('prefers structured extensions when the API provides them', () => {
    expect(
      specProblems([
        { message: 'invalid', extensions: { errors: ['split.probe must be at least 1'] } },
        { message: 'invalid', extensions: { problems: [{ path: ['training', 'batchSize'], message: 'must be > 0' }] } },
      ]),
    ).toEqual([
      { path: 'split.probe', message: 'must be at least 1' },
      { path: 'training.batchSize', message: 'must be > 0' },
    ]);
  });

  it('keeps a message without a path whole', () => {
    expect(specProblems([{ message: 'must be an object' }])).toEqual([{ path: null, message: 'must be an object' }]);
  });
});

describe('locateJsonError', () => {
  it('agrees with JSON.parse on what is valid', () => {
    const samples = ['{}', '[]', '{"a":1}', '{"a":[1,2,{"b":null}],"c":"x\\"y","d":-1.5e3,"e":true}', ' 3 ', '{"a":}', '{a:1}', '[1,]', '"abc', '{"a":1} x', 'tru', '', '[1 2]', '01'];
    for (const s of samples) {
      let ok = true;
      try {
        JSON.parse(s);
      } catch {
        ok = false;
      }
      expect(locateJsonError(s) === null, s).toBe(ok);
    }
  });
  it('points at the offending character', () => {
    expect(locateJsonError('{"a": 1,, "b": 2}')).toEqual({ pos: 8, message: `expected a "quoted" key, found ','` });
    expect(locateJsonError('[1, 2')!.message).toMatch(/end of text/);
  });
});
