/**
 * Finds where JSON text stops being valid. `JSON.parse` reports positions differently in each
 * engine (and sometimes not at all), so a journalist would get no line to look at; this scanner
 * gives the same line and column everywhere. It runs only after `JSON.parse` has failed.
 */

export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function locateJsonError(text: string): SyntaxProblem {
  let i = 0;
  const fail = (reason: string): never => {
    throw new Stop(i, reason);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describeHere = () => (i >= text.length ? 'the end of the file' : JSON.stringify(text[i]));

  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`expected a value, found ${describeHere()}`);
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('expected four hex digits after \\u');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail('expected a valid escape after a backslash');
      } else if (c < ' ') fail('expected the text to be closed with " before the end of the line');
      else i++;
    }
    fail('expected " to close the text, found the end of the file');
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail(`expected a value, found ${describeHere()}`);
    i += match![0].length;
  };

  // Explicit stack: deeply nested input must not overflow the call stack.
  const stack: ('{' | '[')[] = [];
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        return false;
      }
      if (c === '{') key();
      return true;
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail(`expected a value, found ${describeHere()}`);
    return false;
  };
  const key = () => {
    ws();
    if (text[i] !== '"') fail(`expected a field name in double quotes, found ${describeHere()}`);
    string();
    ws();
    if (text[i] !== ':') fail(`expected ":" after the field name, found ${describeHere()}`);
    i++;
  };

  try {
    let opened = value();
    while (stack.length > 0) {
      if (!opened) {
        ws();
        const top = stack[stack.length - 1]!;
        const close = top === '{' ? '}' : ']';
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === close) fail(`expected another ${top === '{' ? 'field' : 'value'} after ",", found ${describeHere()} (remove the last comma)`);
          if (top === '{') key();
        } else if (text[i] === close) {
          stack.pop();
          i++;
          continue;
        } else {
          fail(`expected "," or "${close}", found ${describeHere()}`);
        }
      }
      opened = value();
    }
    ws();
    if (i < text.length) fail(`expected the end of the file after the data, found ${describeHere()}`);
    return { ...position(text, text.length), message: 'the file could not be read as JSON' };
  } catch (error) {
    if (error instanceof Stop) return { ...position(text, error.at), message: error.reason };
    return { ...position(text, text.length), message: 'the file could not be read as JSON' };
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
