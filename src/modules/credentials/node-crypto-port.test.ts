import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adler32, inflateZlib, INFLATE_LIMIT } from './node-crypto-port';

describe('inflate on Node (fflate into a reused buffer, trailer checked here)', () => {
  it('inflates whatever node:zlib deflates, at every level, to the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: 0, max: 9 }), (bytes, level) => {
        expect(Buffer.from(inflateZlib(deflateSync(bytes, { level })))).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('gives each caller its own bytes, not a view of the reused buffer', () => {
    const first = inflateZlib(deflateSync(Buffer.from('first credential')));
    inflateZlib(deflateSync(Buffer.from('second, longer credential')));
    expect(Buffer.from(first).toString()).toBe('first credential');
  });

  it('computes Adler-32 as zlib does (RFC 1950 example and long inputs)', () => {
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398);
    const long = new Uint8Array(100_000).fill(0xff);
    const trailer = deflateSync(long).subarray(-4);
    expect(adler32(long)).toBe(trailer.readUInt32BE(0));
  });

  it('refuses a stream whose checksum does not match, a truncated stream, a bad header, and output over the limit', () => {
    const good = deflateSync(Buffer.from('HC1 payload bytes'));
    const badSum = Buffer.from(good);
    badSum.writeUInt8(badSum.readUInt8(badSum.length - 1) ^ 0x01, badSum.length - 1);
    expect(() => inflateZlib(badSum)).toThrow(/checksum/);
    expect(() => inflateZlib(good.subarray(0, good.length - 6))).toThrow();
    expect(() => inflateZlib(Buffer.from([0x00, 0x00, 0x00, 0x00, 0x00, 0x00]))).toThrow();
    expect(() => inflateZlib(deflateSync(new Uint8Array(INFLATE_LIMIT + 10)))).toThrow(/too large/);
  });
});
