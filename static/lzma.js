// An LZMA decoder (the ".lzma" format: a 13-byte header, then the range-coded stream), written
// for this module: the build (src/dist/) stores the wasm LZMA-compressed in index.html, a fifth
// smaller than gzip and far smaller than the raw wasm a VLE's file store would send, and the
// loader (static/start.js, into which the build copies this file) expands it as the page arrives.
//
// The decoder is resumable: `push` adds downloaded bytes, `run` decodes as far as they allow and
// returns the new output, so decoding keeps pace with the download and WebAssembly compiles the
// module while it streams in. It follows the LZMA specification (Igor Pavlov, in the LZMA SDK):
// range decoder, literal coder with match byte, length coder, distance slots with direct and
// aligned bits, four repeated distances and twelve states. Damaged input throws.

const MARGIN = 64; // more than one packet can take from the input
const PROB_INIT = 1024;

export class LzmaDecoder {
  constructor() {
    this.input = new Uint8Array(1 << 16);
    this.inLen = 0;
    this.inPos = 0;
    this.ended = false;
    this.started = false;
    this.finished = false;
    this.emitted = 0;
  }

  /** Adds downloaded bytes. */
  push(chunk) {
    if (this.inLen + chunk.length > this.input.length) {
      let size = this.input.length;
      while (size < this.inLen + chunk.length) size *= 2;
      const bigger = new Uint8Array(size);
      bigger.set(this.input.subarray(0, this.inLen));
      this.input = bigger;
    }
    this.input.set(chunk, this.inLen);
    this.inLen += chunk.length;
  }

  /** Says the download is complete. */
  end() {
    this.ended = true;
  }

  byte() {
    if (this.inPos >= this.inLen) throw new Error('the compressed module ends early');
    return this.input[this.inPos++];
  }

  start() {
    const h = this.input;
    let d = h[0];
    if (d >= 9 * 5 * 5) throw new Error('the compressed module has a wrong header');
    this.lc = d % 9;
    d = (d / 9) | 0;
    this.lp = d % 5;
    this.pb = (d / 5) | 0;
    const size = h[5] + h[6] * 2 ** 8 + h[7] * 2 ** 16 + h[8] * 2 ** 24 + h[9] * 2 ** 32;
    if (h[10] !== 0 || h[11] !== 0 || h[12] !== 0 || size > 2 ** 30) {
      throw new Error('the compressed module gives no size');
    }
    this.out = new Uint8Array(size);
    this.outPos = 0;
    this.inPos = 13;
    if (this.byte() !== 0) throw new Error('the compressed module is damaged');
    this.range = 0xffffffff;
    this.code = 0;
    for (let i = 0; i < 4; i++) this.code = ((this.code << 8) | this.byte()) >>> 0;
    const probs = (n) => new Uint16Array(n).fill(PROB_INIT);
    this.literal = probs(0x300 << (this.lc + this.lp));
    this.isMatch = probs(12 << 4);
    this.isRep = probs(12);
    this.isRepG0 = probs(12);
    this.isRepG1 = probs(12);
    this.isRepG2 = probs(12);
    this.isRep0Long = probs(12 << 4);
    this.posSlot = probs(4 << 6);
    this.posDecoders = probs(1 + 128 - 14);
    this.align = probs(16);
    this.lenCoder = probs(2 + 16 * 8 * 2 + 256);
    this.repLenCoder = probs(2 + 16 * 8 * 2 + 256);
    this.state = 0;
    this.rep0 = this.rep1 = this.rep2 = this.rep3 = 0;
    this.started = true;
  }

  bit(probs, i) {
    const p = probs[i];
    const bound = (this.range >>> 11) * p;
    let b;
    if (this.code < bound) {
      this.range = bound;
      probs[i] = p + ((2048 - p) >>> 5);
      b = 0;
    } else {
      this.range -= bound;
      this.code -= bound;
      probs[i] = p - (p >>> 5);
      b = 1;
    }
    if (this.range < 0x1000000) {
      this.range = (this.range * 256) >>> 0;
      this.code = ((this.code << 8) | this.byte()) >>> 0;
    }
    return b;
  }

  tree(probs, base, bits) {
    let m = 1;
    for (let i = 0; i < bits; i++) m = (m << 1) | this.bit(probs, base + m);
    return m - (1 << bits);
  }

  reverse(probs, base, bits) {
    let m = 1;
    let sym = 0;
    for (let i = 0; i < bits; i++) {
      const b = this.bit(probs, base + m);
      m = (m << 1) | b;
      sym |= b << i;
    }
    return sym;
  }

  direct(bits) {
    let res = 0;
    for (let i = 0; i < bits; i++) {
      this.range >>>= 1;
      let b = 0;
      if (this.code >= this.range) {
        this.code -= this.range;
        b = 1;
      }
      res = res * 2 + b;
      if (this.range < 0x1000000) {
        this.range = (this.range * 256) >>> 0;
        this.code = ((this.code << 8) | this.byte()) >>> 0;
      }
    }
    return res;
  }

  // Lengths: choice, choice 2, then low (16 x 8), mid (16 x 8) and high (256) trees.
  length(probs, posState) {
    if (this.bit(probs, 0) === 0) return this.tree(probs, 2 + posState * 8, 3);
    if (this.bit(probs, 1) === 0) return 8 + this.tree(probs, 2 + 128 + posState * 8, 3);
    return 16 + this.tree(probs, 2 + 256, 8);
  }

  distance(len) {
    const lenState = len < 3 ? len : 3;
    const slot = this.tree(this.posSlot, lenState << 6, 6);
    if (slot < 4) return slot;
    const bits = (slot >>> 1) - 1;
    let dist = (2 | (slot & 1)) * 2 ** bits;
    if (slot < 14) return dist + this.reverse(this.posDecoders, dist - slot, bits);
    dist += this.direct(bits - 4) * 16;
    return dist + this.reverse(this.align, 0, 4);
  }

  /** Decodes what the bytes so far allow; gives the new output (possibly empty). */
  run() {
    if (!this.started) {
      if (this.inLen < 18) {
        if (this.ended) throw new Error('the compressed module ends early');
        return new Uint8Array(0);
      }
      this.start();
    }
    const out = this.out;
    const size = out.length;
    const pbMask = (1 << this.pb) - 1;
    const lpMask = (1 << this.lp) - 1;
    while (this.outPos < size) {
      if (!this.ended && this.inPos + MARGIN > this.inLen) break;
      const pos = this.outPos;
      const posState = pos & pbMask;
      let state = this.state;
      if (this.bit(this.isMatch, (state << 4) + posState) === 0) {
        const prev = pos > 0 ? out[pos - 1] : 0;
        const base = 0x300 * (((pos & lpMask) << this.lc) + (prev >>> (8 - this.lc)));
        let sym = 1;
        if (state >= 7) {
          let match = out[pos - this.rep0 - 1];
          do {
            const matchBit = (match >>> 7) & 1;
            match <<= 1;
            const b = this.bit(this.literal, base + ((1 + matchBit) << 8) + sym);
            sym = (sym << 1) | b;
            if (matchBit !== b) break;
          } while (sym < 0x100);
        }
        while (sym < 0x100) sym = (sym << 1) | this.bit(this.literal, base + sym);
        out[this.outPos++] = sym - 0x100;
        this.state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
        continue;
      }
      let len;
      if (this.bit(this.isRep, state) !== 0) {
        if (pos === 0) throw new Error('the compressed module is damaged');
        if (this.bit(this.isRepG0, state) === 0) {
          if (this.bit(this.isRep0Long, (state << 4) + posState) === 0) {
            this.state = state < 7 ? 9 : 11;
            out[this.outPos++] = out[pos - this.rep0 - 1];
            continue;
          }
        } else {
          let dist;
          if (this.bit(this.isRepG1, state) === 0) {
            dist = this.rep1;
          } else {
            if (this.bit(this.isRepG2, state) === 0) {
              dist = this.rep2;
            } else {
              dist = this.rep3;
              this.rep3 = this.rep2;
            }
            this.rep2 = this.rep1;
          }
          this.rep1 = this.rep0;
          this.rep0 = dist;
        }
        len = this.length(this.repLenCoder, posState);
        this.state = state < 7 ? 8 : 11;
      } else {
        this.rep3 = this.rep2;
        this.rep2 = this.rep1;
        this.rep1 = this.rep0;
        len = this.length(this.lenCoder, posState);
        this.state = state < 7 ? 7 : 10;
        this.rep0 = this.distance(len);
        if (this.rep0 === 0xffffffff) break; // end marker
        if (this.rep0 >= pos) throw new Error('the compressed module is damaged');
      }
      len += 2;
      let from = pos - this.rep0 - 1;
      const end = Math.min(size, pos + len);
      for (let at = pos; at < end; at++) out[at] = out[from++];
      this.outPos = end;
    }
    if (this.outPos >= size) this.finished = true;
    else if (this.rep0 === 0xffffffff) throw new Error('the compressed module stops before its end');
    const fresh = out.slice(this.emitted, this.outPos);
    this.emitted = this.outPos;
    return fresh;
  }
}
