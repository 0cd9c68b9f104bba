//! Sorting the app's short lists. The standard library's sorts are built for long slices, and
//! each use with a new element type adds a few kilobytes of code to the wasm (a quicksort with its
//! small-sort networks). The app sorts at most a few hundred items at a time (search hits, the
//! glossary's terms), for which an insertion sort is quick enough and a few dozen bytes.

/// Sorts `items` so that no item goes `before` one ahead of it, keeping the order of items that
/// go before neither (stable, like `slice::sort_by`). `before(a, b)` says whether `a` goes
/// before `b`.
pub fn sort_by<T>(items: &mut [T], mut before: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        // A fixed pseudo-random sequence of (key, position) pairs, many keys repeated.
        let mut x = 12345u32;
        for len in [0usize, 1, 2, 3, 10, 257] {
            let mut v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((x >> 16) % 17, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            sort_by(&mut v, |a, b| a.0 < b.0);
            assert_eq!(v, want, "{len} items");
        }
    }
}
