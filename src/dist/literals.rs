//! A run of bytes as one deflate block of literals (RFC 1951, section 3.2.7): a Huffman code made
//! for the run's own bytes, with no search for repeats. For the wasm's compressed copy in the page
//! (bytes of near-equal frequency, nothing repeated) that is about a byte for each: each takes 8
//! bits, bar the rarest, which shares its code's space with the end of the block. A general
//! compressor does worse there: it finds short chance repeats that cost more than they save, or
//! starts a new block, with its tables, every 64 KB (miniz alone made the course's page 997 bytes
//! larger on 2026-12-04).

/// Bits written least significant first, as deflate reads them.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    count: u32,
}

impl Bits {
    fn put(&mut self, value: u32, bits: u32) {
        self.acc |= u64::from(value) << self.count;
        self.count += bits;
        while self.count >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.count -= 8;
        }
    }

    /// A Huffman code, which deflate writes most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        let reversed = code.reverse_bits() >> (32 - len);
        self.put(reversed, len);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.count > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// Huffman code lengths for `freq` (0 for an unused symbol), none longer than `limit`. At least
/// two symbols get a length, so that the code is complete, as inflaters require.
pub fn code_lengths(freq: &[u64], limit: u32) -> Vec<u32> {
    let mut freq = freq.to_vec();
    let used = freq.iter().filter(|&&f| f > 0).count();
    for slot in freq
        .iter_mut()
        .filter(|f| **f == 0)
        .take(2usize.saturating_sub(used))
    {
        *slot = 1;
    }
    loop {
        let lengths = unlimited_lengths(&freq);
        if lengths.iter().all(|&l| l <= limit) {
            return lengths;
        }
        // Too deep: flatten the rare symbols' counts and build again.
        for f in freq.iter_mut().filter(|f| **f > 0) {
            *f = (*f / 2).max(1);
        }
    }
}

/// Huffman's algorithm: the depth of each used symbol in the tree built by joining the two
/// rarest nodes until one is left.
fn unlimited_lengths(freq: &[u64]) -> Vec<u32> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let mut heap: BinaryHeap<Reverse<(u64, usize)>> = freq
        .iter()
        .enumerate()
        .filter(|(_, &f)| f > 0)
        .map(|(i, &f)| Reverse((f, i)))
        .collect();
    // Nodes: the symbols first, then the joins; each node's parent.
    let mut parent = vec![usize::MAX; freq.len()];
    while heap.len() > 1 {
        let (Some(Reverse((fa, a))), Some(Reverse((fb, b)))) = (heap.pop(), heap.pop()) else {
            break;
        };
        let joined = parent.len();
        parent.push(usize::MAX);
        parent[a] = joined;
        parent[b] = joined;
        heap.push(Reverse((fa + fb, joined)));
    }
    (0..freq.len())
        .map(|s| {
            if freq[s] == 0 {
                return 0;
            }
            let mut depth = 0;
            let mut node = s;
            while parent[node] != usize::MAX {
                node = parent[node];
                depth += 1;
            }
            depth
        })
        .collect()
}

/// The canonical codes for `lengths` (RFC 1951, section 3.2.2).
fn canonical(lengths: &[u32]) -> Vec<u32> {
    let max = lengths.iter().copied().max().unwrap_or(0) as usize;
    let mut count = vec![0u32; max + 1];
    for &l in lengths.iter().filter(|&&l| l > 0) {
        count[l as usize] += 1;
    }
    let mut next = vec![0u32; max + 2];
    let mut code = 0;
    for bits in 1..=max {
        code = (code + count[bits - 1]) << 1;
        next[bits] = code;
    }
    lengths
        .iter()
        .map(|&l| {
            if l == 0 {
                return 0;
            }
            let c = next[l as usize];
            next[l as usize] += 1;
            c
        })
        .collect()
}

/// The code lengths as deflate sends them: each length, or a run of zeros (17, 18) or of the
/// length before (16), with the run's extra bits.
fn run_length(lengths: &[u32]) -> Vec<(u32, u32, u32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lengths.len() {
        let l = lengths[i];
        let run = lengths[i..].iter().take_while(|&&x| x == l).count();
        if l == 0 && run >= 11 {
            let n = run.min(138);
            out.push((18, (n - 11) as u32, 7));
            i += n;
        } else if l == 0 && run >= 3 {
            out.push((17, (run - 3) as u32, 3));
            i += run;
        } else if l > 0 && run >= 4 {
            out.push((l, 0, 0));
            let n = (run - 1).min(6);
            out.push((16, (n - 3) as u32, 2));
            i += 1 + n;
        } else {
            out.push((l, 0, 0));
            i += 1;
        }
    }
    out
}

/// `text` as one deflate block of literals, not the last of its stream, then an empty stored
/// block, so that the stream is at a byte boundary where the next block may start.
pub fn block(text: &[u8]) -> Vec<u8> {
    let mut freq = vec![0u64; 257];
    for &b in text {
        freq[usize::from(b)] += 1;
    }
    freq[256] = 1; // the end of the block
    let lengths = code_lengths(&freq, 15);
    let codes = canonical(&lengths);
    // No distance codes: one of length 0 says so.
    let mut all = lengths.clone();
    all.push(0);
    let runs = run_length(&all);
    let mut cl_freq = vec![0u64; 19];
    for &(sym, _, _) in &runs {
        cl_freq[sym as usize] += 1;
    }
    let cl_lengths = code_lengths(&cl_freq, 7);
    let cl_codes = canonical(&cl_lengths);
    const ORDER: [usize; 19] = [
        16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
    ];
    let hclen = ORDER
        .iter()
        .rposition(|&s| cl_lengths[s] > 0)
        .map_or(4, |p| (p + 1).max(4));

    let mut bits = Bits::default();
    bits.put(0, 1); // not the last block
    bits.put(2, 2); // dynamic Huffman codes
    bits.put(0, 5); // 257 literal and length codes
    bits.put(0, 5); // one distance code
    bits.put((hclen - 4) as u32, 4);
    for &s in &ORDER[..hclen] {
        bits.put(cl_lengths[s], 3);
    }
    for &(sym, extra, extra_bits) in &runs {
        bits.code(cl_codes[sym as usize], cl_lengths[sym as usize]);
        bits.put(extra, extra_bits);
    }
    for &b in text {
        bits.code(codes[usize::from(b)], lengths[usize::from(b)]);
    }
    bits.code(codes[256], lengths[256]);
    // An empty stored block: three bits, then to the byte boundary, then its length and the
    // length's complement.
    bits.put(0, 3);
    let mut out = bits.finish();
    out.extend([0, 0, 0xff, 0xff]);
    out
}

/// For the tests: `n` bytes with no pattern (xorshift), as compressed data has none.
#[cfg(test)]
pub(super) fn noise(n: usize) -> Vec<u8> {
    let mut x = 0x2545_f491_u32;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_make_a_complete_code_within_the_limit() {
        for freq in [
            vec![5u64, 9, 12, 13, 16, 45],
            vec![1, 0, 0, 0],
            vec![0, 0, 0],
            // Fibonacci counts build a tree 20 deep without the limit.
            (0..21)
                .scan((1u64, 1u64), |s, _| {
                    *s = (s.1, s.0 + s.1);
                    Some(s.0)
                })
                .collect(),
        ] {
            let lengths = code_lengths(&freq, 15);
            assert!(lengths.iter().all(|&l| l <= 15), "{lengths:?}");
            let kraft: f64 = lengths
                .iter()
                .filter(|&&l| l > 0)
                .map(|&l| 2f64.powi(-(l as i32)))
                .sum();
            assert!((kraft - 1.0).abs() < 1e-12, "complete: {lengths:?}");
        }
        assert_eq!(
            code_lengths(&[5, 9, 12, 13, 16, 45], 15),
            [4, 4, 3, 3, 3, 1],
            "the textbook example"
        );
    }

    #[test]
    fn a_block_inflates_to_its_bytes_and_codes_compressed_data_in_about_eight_bits() {
        // Compressed bytes as the page has them: pieces with a tag between them.
        let text = [&noise(30_000)[..], b"</script><script type=x>", &noise(7)].concat();
        let mut stream = block(&text);
        assert!(stream.len() < text.len() + text.len() / 300 + 64);
        // Followed by a last block (empty, fixed codes), it is a whole deflate stream.
        stream.extend([0x03, 0x00]);
        assert_eq!(
            miniz_oxide::inflate::decompress_to_vec(&stream).unwrap(),
            text
        );
        let mut empty = block(b"");
        empty.extend([0x03, 0x00]);
        assert_eq!(
            miniz_oxide::inflate::decompress_to_vec(&empty).unwrap(),
            b""
        );
    }
}
