import { describe, expect, it } from 'vitest';
import { heightMessages, isHeightRequest, NO_PROTOCOLS, requestedHeight, type SizingProtocols } from '../../src/embed/sizing';

const all: SizingProtocols = { pymId: 'graphic-1', wpSecret: 'a1B2c3D4e5', datawrapperId: 'dw-9' };

describe('heightMessages', () => {
  it('always tells AMP/frames hosts, in whole pixels rounded up', () => {
    expect(heightMessages(NO_PROTOCOLS, 812.2)).toEqual([{ sentinel: 'amp', type: 'embed-size', height: 813 }]);
  });

  it('adds the Pym, WordPress and Datawrapper messages only for the protocols the URL opted into', () => {
    expect(heightMessages(all, 900)).toEqual([
      { sentinel: 'amp', type: 'embed-size', height: 900 },
      'pymxPYMxgraphic-1xPYMxheightxPYMx900',
      { secret: 'a1B2c3D4e5', message: 'height', value: 900 },
      { 'datawrapper-height': { 'dw-9': 900 } },
    ]);
  });

  it('writes the Pym message the way pym.js parses it', () => {
    const [, message] = heightMessages(all, 640) as [unknown, string];
    // pym.Parent's own pattern for its child id (pym.v1.js, _makeMessageRegex).
    const match = message.match(new RegExp('^pymxPYMxgraphic-1xPYMx(\\S+)xPYMx(.*)$'));
    expect(match?.slice(1)).toEqual(['height', '640']);
  });
});

describe('isHeightRequest', () => {
  it("answers frames' init, a Pym width for our child id, and WordPress' ready with our secret", () => {
    expect(isHeightRequest(all, { sentinel: 'amp', type: 'frames-init' })).toBe(true);
    expect(isHeightRequest(all, 'pymxPYMxgraphic-1xPYMxwidthxPYMx320')).toBe(true);
    expect(isHeightRequest(all, { message: 'ready', secret: 'a1B2c3D4e5' })).toBe(true);
  });

  it('ignores other ids, other secrets, other Pym messages and anything else', () => {
    for (const data of [
      'pymxPYMxother-idxPYMxwidthxPYMx320',
      'pymxPYMxgraphic-1xPYMxnavigateToxPYMxhttps://evil.example',
      'pymxPYMxgraphic-1xPYMxwidthxPYMx320; drop',
      { message: 'ready', secret: 'wrong' },
      { message: 'link', secret: 'a1B2c3D4e5', value: 'https://evil.example' },
      { sentinel: 'amp', type: 'embed-size', height: 10 },
      null,
      42,
      ['frames-init'],
    ]) {
      expect(isHeightRequest(all, data), JSON.stringify(data)).toBe(false);
    }
  });

  it('answers no Pym or WordPress request when the URL did not opt into them', () => {
    expect(isHeightRequest(NO_PROTOCOLS, 'pymxPYMxgraphic-1xPYMxwidthxPYMx320')).toBe(false);
    expect(isHeightRequest(NO_PROTOCOLS, { message: 'ready', secret: 'a1B2c3D4e5' })).toBe(false);
  });
});

describe('requestedHeight', () => {
  it('reads an AMP embed-size height and clamps it to 150–5000 px', () => {
    expect(requestedHeight({ sentinel: 'amp', type: 'embed-size', height: 812 })).toBe(812);
    expect(requestedHeight({ sentinel: 'amp', type: 'embed-size', height: '640' })).toBe(640);
    expect(requestedHeight({ sentinel: 'amp', type: 'embed-size', height: 1e9 })).toBe(5000);
    expect(requestedHeight({ sentinel: 'amp', type: 'embed-size', height: 3 })).toBe(150);
  });

  it('is null for any other message or a height that is not a number', () => {
    expect(requestedHeight({ sentinel: 'amp', type: 'embed-size', height: 'tall' })).toBeNull();
    expect(requestedHeight({ sentinel: 'amp', type: 'embed-size', height: Number.NaN })).toBeNull();
    expect(requestedHeight({ type: 'embed-size', height: 500 })).toBeNull();
    expect(requestedHeight('pymxPYMxaxPYMxheightxPYMx500')).toBeNull();
  });
});
