import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../src/model/json-syntax';

describe('locateJsonError', () => {
  it.each([
    ['{"a" 1}', 1, 6, 'expected ":" after the field name, found "1"'],
    ["{'a': 1}", 1, 2, 'expected a field name in double quotes, found "\'"'],
    ['[1, 2', 1, 6, 'expected "," or "]", found the end of the file'],
    ['{"a": tru}', 1, 7, 'expected a value, found "t"'],
    ['{"a": "x\ny"}', 1, 9, 'expected the text to be closed with " before the end of the line'],
    ['{}\n{}', 2, 1, 'expected the end of the file after the data, found "{"'],
    ['[1,]', 1, 4, 'expected another value after ",", found "]" (remove the last comma)'],
  ])('locates the error in %j', (text, line, column, message) => {
    expect(locateJsonError(text)).toEqual({ line, column, message });
  });

  it('survives very deep nesting', () => {
    const deep = '['.repeat(200_000);
    expect(locateJsonError(deep)).toMatchObject({ line: 1, column: 200_001 });
  });
});
