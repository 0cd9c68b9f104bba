// Reads the compressed wasm the page carries (src/dist/copy.rs): raw bytes, in pieces, each in a
// <script type=x> data block, in a windows-1252 page, where each byte is a character of its own.
// The loader (static/start.js) reads each piece's text as the browser has parsed it; a page the
// browser read in another encoding (a server's label outranks the page's own) it reads as bytes.

/** The id of the first piece. */
export const COPY_ID = 'wasm-lzma';

/** The byte each character of windows-1252 from U+0100 up stands for (0x80 to 0x9F). */
const HIGH = new Map(
  [...new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i))]
    .map((c, i) => [c.charCodeAt(0), 0x80 + i]),
);

/** A reader of the pieces' text as the HTML parser leaves it, piece after piece, given the first
 * piece's record of line ends (the parser makes an LF of a CR, and of a CR and an LF): `cr`, in
 * base64, a bit for each LF read saying whether it was a CR; `crlf`, which of those CRs (counted
 * from 0) had an LF after them. A NUL comes as U+FFFD, which no byte of windows-1252 gives. */
export function pieceReader(cr, crlf) {
  const flags = atob(cr);
  const pairs = new Set(crlf.split(' ').filter(Boolean).map(Number));
  let lfs = 0;
  let crs = 0;
  return (text) => {
    const out = new Uint8Array(text.length + pairs.size);
    let n = 0;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        if (flags.charCodeAt(lfs >> 3) & (0x80 >> (lfs & 7))) {
          out[n++] = 13;
          if (pairs.has(crs)) out[n++] = 10;
          crs += 1;
        } else {
          out[n++] = 10;
        }
        lfs += 1;
      } else if (c < 0x100) {
        out[n++] = c;
      } else {
        const b = c === 0xfffd ? 0 : HIGH.get(c);
        if (b === undefined) throw new Error('the compressed module is damaged');
        out[n++] = b;
      }
    }
    return out.subarray(0, n);
  };
}

/** The pieces in the page's own bytes, in order (a piece holds no `</script`); none if the page
 * has no copy. */
export function piecesIn(bytes) {
  const text = new TextDecoder('windows-1252').decode(bytes); // a character for each byte
  const open = '<script type=x>';
  const close = '</script>';
  const pieces = [];
  let at = text.indexOf(`<script type=x id=${COPY_ID} `);
  if (at < 0) return pieces;
  for (at = text.indexOf('>', at) + 1; ;) {
    const end = text.indexOf(close, at);
    if (end < 0) throw new Error('the compressed module ends early');
    pieces.push(bytes.subarray(at, end));
    if (!text.startsWith(open, end + close.length)) return pieces;
    at = end + close.length + open.length;
  }
}
