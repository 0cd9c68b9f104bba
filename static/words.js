// Expands the course's text in the compressed copy of the wasm (in index.html), as it streams out of the
// LZMA decoder (static/lzma.js). The wasm holds the text plain, so the app reads it where it
// lies; the build (src/dist/words.rs) stores it in the copy with its commonest words as one- or
// two-byte codes, which LZMA packs better. The copy starts with a header: four little-endian
// 32-bit numbers (where the text starts in the wasm, its coded length, its plain length, the
// dictionary's length); then come the wasm up to the text, the dictionary (the words, each ended
// by a zero byte), the coded text and the rest of the wasm. In the text, a byte from 0x20 up is
// itself; 0x00 to 0x18 is one of the first 25 words; 0x19 to 0x1E and the next byte are one of
// 1,536 more; 0x1F and the next byte are that byte. A code naming no word throws; `done()` says
// whether the text came out whole. (A factory rather than a class, so that the minifier can
// shorten every name in it.)

export function wordExpander() {
  const head = new Uint8Array(16);
  let got = 0; // bytes of the header so far
  let dict = null;
  let words = null;
  let start = 0; // where the dictionary starts, after the header
  let text = 0; // where the coded text starts
  let end = 0; // where it ends
  let plain = 0;
  let at = 0; // bytes after the header so far
  let made = 0; // bytes of the text written so far
  let lead = -1; // a code's first byte whose second byte is still to come

  let buf = new Uint8Array(1 << 16); // where the output is put together
  let longest = 1;

  /** The expanded bytes for the next `bytes` out of the LZMA decoder. */
  function push(bytes) {
    let n = 0;
    // Room for what is left of `bytes`, at most a word per byte.
    const room = (left) => {
      if (buf.length < n + left * longest) {
        const bigger = new Uint8Array((n + left * longest) * 2);
        bigger.set(buf.subarray(0, n));
        buf = bigger;
      }
    };
    room(bytes.length);
    const word = (k) => {
      const w = words?.[k];
      if (w === undefined) throw new Error('the compressed module is damaged');
      for (let j = 0; j < w.length; j += 1) buf[n + j] = w[j];
      n += w.length;
      made += w.length;
    };
    let i = 0;
    while (i < bytes.length) {
      const inText = at >= text && at < end;
      if (got < 16) {
        const k = Math.min(16 - got, bytes.length - i);
        head.set(bytes.subarray(i, i + k), got);
        got += k;
        i += k;
        if (got === 16) {
          const v = new DataView(head.buffer);
          [start, end, plain, text] = [0, 4, 8, 12].map((x) => v.getUint32(x, true));
          dict = new Uint8Array(text);
          text += start;
          end += text;
        }
      } else if (at >= start && at < text) {
        // The dictionary: kept, not passed on.
        const k = Math.min(text - at, bytes.length - i);
        dict.set(bytes.subarray(i, i + k), at - start);
        at += k;
        i += k;
        if (at === text) {
          words = [];
          let from = 0;
          dict.forEach((b, x) => {
            if (b === 0) {
              words.push(dict.subarray(from, x));
              longest = Math.max(longest, x - from);
              from = x + 1;
            }
          });
          room(bytes.length - i);
        }
      } else if (!inText) {
        // Outside the text: as it is.
        const k = Math.min(bytes.length - i, at < start ? start - at : Infinity);
        buf.set(bytes.subarray(i, i + k), n);
        n += k;
        at += k;
        i += k;
      } else {
        const b = bytes[i];
        if (lead === 0x1f) {
          buf[n++] = b;
          made += 1;
        } else if (lead >= 0) word(25 + (lead - 25) * 256 + b);
        else if (b >= 0x20) {
          buf[n++] = b;
          made += 1;
        } else if (b < 25) word(b);
        lead = lead < 0 && b >= 25 && b < 0x20 ? b : -1;
        at += 1;
        i += 1;
      }
    }
    return buf.slice(0, n);
  }

  return { push, done: () => got === 16 && at >= end && lead < 0 && made === plain };
}
