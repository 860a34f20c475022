//! What a long run keeps of its records — steps, iterations, epochs —
//! within a bound, however long it runs (docs/limits.md).
//!
//! [`Kept`] keeps every record while they fit, and then the first half of
//! its capacity and the most recent other half: the start and the end of a
//! table, which is what a report lists, with the count of the records left
//! out between them. [`Thinned`] keeps a sample spread over the whole run,
//! for pictures: every record while they fit, then every second one, every
//! fourth, … (the stride doubles each time the sample fills up), always
//! with the last.
//!
//! Invariant: both hold at most their capacity (plus the last record, for
//! `Thinned`), and keep their records in the order they came.

use std::collections::VecDeque;

/// The first and the latest records of a run.
#[derive(Clone, Debug)]
pub struct Kept<T> {
    head: Vec<T>,
    tail: VecDeque<T>,
    head_capacity: usize,
    tail_capacity: usize,
    total: usize,
}

/// Records left out between the first and the latest kept: `count` of
/// them, the first at position `at` of the kept list (0-based positions in
/// the run: the record `at` … `at + count - 1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    pub at: usize,
    pub count: usize,
}

impl<T> Kept<T> {
    /// Keeps at most `capacity` records (at least 2: the first and the
    /// last).
    pub fn new(capacity: usize) -> Kept<T> {
        let capacity = capacity.max(2);
        let head_capacity = capacity.div_ceil(2);
        Kept {
            head: Vec::new(),
            tail: VecDeque::new(),
            head_capacity,
            tail_capacity: capacity - head_capacity,
            total: 0,
        }
    }

    /// Adds a record; returns the one it pushed out, if any.
    pub fn push(&mut self, record: T) -> Option<T> {
        self.total += 1;
        if self.head.len() < self.head_capacity {
            self.head.push(record);
            return None;
        }
        self.tail.push_back(record);
        if self.tail.len() > self.tail_capacity {
            self.tail.pop_front()
        } else {
            None
        }
    }

    /// Records pushed so far.
    pub fn total(&self) -> usize {
        self.total
    }

    pub fn last(&self) -> Option<&T> {
        self.tail.back().or(self.head.last())
    }

    pub fn last_mut(&mut self) -> Option<&mut T> {
        match self.tail.back_mut() {
            Some(last) => Some(last),
            None => self.head.last_mut(),
        }
    }

    /// The records left out, if any.
    pub fn gap(&self) -> Option<Gap> {
        let kept = self.head.len() + self.tail.len();
        (self.total > kept).then(|| Gap {
            at: self.head.len(),
            count: self.total - kept,
        })
    }

    /// The kept records in order, and the gap between them.
    pub fn into_parts(self) -> (Vec<T>, Option<Gap>) {
        let gap = self.gap();
        let mut all = self.head;
        all.extend(self.tail);
        (all, gap)
    }
}

/// A sample of a run's records spread over all of it.
#[derive(Clone, Debug)]
pub struct Thinned<T> {
    sample: Vec<(usize, T)>,
    /// The last record, when the sample does not hold it.
    last: Option<(usize, T)>,
    stride: usize,
    capacity: usize,
}

impl<T> Thinned<T> {
    /// Keeps between `capacity / 2` and `capacity` records (at least 2)
    /// once there are more, and the last.
    pub fn new(capacity: usize) -> Thinned<T> {
        Thinned {
            sample: Vec::new(),
            last: None,
            stride: 1,
            capacity: capacity.max(2),
        }
    }

    /// Adds the record at `position` (0, 1, 2, … in order).
    pub fn push(&mut self, position: usize, record: T) {
        if position % self.stride != 0 {
            self.last = Some((position, record));
            return;
        }
        self.last = None;
        if self.sample.len() == self.capacity {
            self.stride *= 2;
            let stride = self.stride;
            self.sample.retain(|(p, _)| p % stride == 0);
            if position % stride != 0 {
                self.last = Some((position, record));
                return;
            }
        }
        self.sample.push((position, record));
    }

    /// Every how many records one is kept (1 while all are).
    pub fn stride(&self) -> usize {
        self.stride
    }

    /// The sample with the last record, in order, each with its position.
    pub fn into_vec(self) -> Vec<(usize, T)> {
        let mut all = self.sample;
        all.extend(self.last);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_records_are_kept_while_they_fit() {
        let mut kept = Kept::new(6);
        for k in 0..6 {
            assert_eq!(kept.push(k), None);
        }
        assert_eq!(kept.into_parts(), ((0..6).collect(), None));
    }

    #[test]
    fn a_long_run_keeps_its_start_and_its_end() {
        let mut kept = Kept::new(6);
        let mut out = Vec::new();
        for k in 0..100 {
            out.extend(kept.push(k));
        }
        assert_eq!(kept.last(), Some(&99));
        assert_eq!(kept.total(), 100);
        let (records, gap) = kept.into_parts();
        assert_eq!(records, vec![0, 1, 2, 97, 98, 99]);
        assert_eq!(gap, Some(Gap { at: 3, count: 94 }));
        assert_eq!(out, (3..97).collect::<Vec<_>>());
    }

    #[test]
    fn the_last_record_can_be_changed() {
        let mut kept = Kept::new(2);
        kept.push(1);
        *kept.last_mut().unwrap() = 10;
        kept.push(2);
        kept.push(3);
        *kept.last_mut().unwrap() = 30;
        assert_eq!(kept.into_parts().0, vec![10, 30]);
    }

    #[test]
    fn a_thinned_sample_spreads_over_the_run() {
        let mut thinned = Thinned::new(8);
        for k in 0..5 {
            thinned.push(k, k);
        }
        assert_eq!(thinned.stride(), 1);
        let mut thinned = Thinned::new(8);
        for k in 0..=100 {
            thinned.push(k, k);
        }
        assert_eq!(thinned.stride(), 16);
        let positions: Vec<usize> = thinned.into_vec().into_iter().map(|(p, _)| p).collect();
        assert_eq!(positions, vec![0, 16, 32, 48, 64, 80, 96, 100]);
    }
}
