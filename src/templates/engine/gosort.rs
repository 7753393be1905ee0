//! Go's stable sort (`sort.SliceStable`, `sort/zsortfunc.go`), step for step. Hugo
//! sorts some lists with a comparator that is no strict order (a page's resources:
//! "type less, else name less"); the order it gives is then the algorithm's, which only
//! the same steps reproduce.

/// Go's stable sort (`sort/zsortfunc.go`, `stable_func`), step for step: insertion sorts
/// of blocks of 20, then `symMerge` of blocks doubling in size. With a comparator that is
/// no strict order the result is Go's, which a different stable sort would not give.
pub fn go_stable<T>(data: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    let n = data.len();
    let mut block = 20;
    let (mut a, mut b) = (0, block);
    while b <= n {
        insertion_sort(data, a, b, less);
        a = b;
        b += block;
    }
    insertion_sort(data, a, n, less);
    while block < n {
        (a, b) = (0, 2 * block);
        while b <= n {
            sym_merge(data, a, a + block, b, less);
            a = b;
            b += 2 * block;
        }
        let m = a + block;
        if m < n {
            sym_merge(data, a, m, n, less);
        }
        block *= 2;
    }
}

/// `less` of the items at `i` and `j` (false when either is out of range).
fn less_at<T>(data: &[T], i: usize, j: usize, less: &dyn Fn(&T, &T) -> bool) -> bool {
    data.get(i)
        .zip(data.get(j))
        .is_some_and(|(x, y)| less(x, y))
}

fn insertion_sort<T>(data: &mut [T], a: usize, b: usize, less: &dyn Fn(&T, &T) -> bool) {
    for i in a + 1..b {
        let mut j = i;
        while j > a && less_at(data, j, j - 1, less) {
            data.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Go's `symMerge_func`: merges the sorted runs `a..m` and `m..b` in place (Kim and
/// Kutzner's SymMerge).
fn sym_merge<T>(data: &mut [T], a: usize, m: usize, b: usize, less: &dyn Fn(&T, &T) -> bool) {
    if m - a == 1 {
        let (mut i, mut j) = (m, b);
        while i < j {
            let h = (i + j) / 2;
            if less_at(data, h, a, less) {
                i = h + 1;
            } else {
                j = h;
            }
        }
        for k in a..i.saturating_sub(1) {
            data.swap(k, k + 1);
        }
        return;
    }
    if b - m == 1 {
        let (mut i, mut j) = (a, m);
        while i < j {
            let h = (i + j) / 2;
            if less_at(data, m, h, less) {
                j = h;
            } else {
                i = h + 1;
            }
        }
        let mut k = m;
        while k > i {
            data.swap(k, k - 1);
            k -= 1;
        }
        return;
    }
    let mid = (a + b) / 2;
    let n = mid + m;
    let (mut start, mut r) = if m > mid { (n - b, mid) } else { (a, m) };
    let p = n - 1;
    while start < r {
        let c = (start + r) / 2;
        if less_at(data, p - c, c, less) {
            r = c;
        } else {
            start = c + 1;
        }
    }
    let end = n - start;
    if start < m && m < end {
        rotate(data, start, m, end);
    }
    if a < start && start < mid {
        sym_merge(data, a, start, mid, less);
    }
    if mid < end && end < b {
        sym_merge(data, mid, end, b, less);
    }
}

/// Go's `rotate_func`: swaps the runs `a..m` and `m..b` by block swaps.
fn rotate<T>(data: &mut [T], a: usize, m: usize, b: usize) {
    let (mut i, mut j) = (m - a, b - m);
    while i != j {
        if i > j {
            swap_range(data, m - i, m, j);
            i -= j;
        } else {
            swap_range(data, m - i, m + j - i, i);
            j -= i;
        }
    }
    swap_range(data, m - i, m, i);
}

fn swap_range<T>(data: &mut [T], a: usize, b: usize, n: usize) {
    for k in 0..n {
        data.swap(a + k, b + k);
    }
}
