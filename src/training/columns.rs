//! A data set laid out for the tapes: a column per input, then per
//! target, in blocks of as many samples as the layer tape computes at
//! once, so that a whole set is evaluated block by block where it lies
//! and a batch is gathered from the blocks it names.

use super::tapes::BATCH_CHUNK;
use crate::data::Dataset;

/// A data set as columns (one per input, then one per target), laid out
/// in blocks of `BATCH_CHUNK` samples as the layer tape reads a batch: a
/// block holds, column after column, the values of its samples. A whole
/// set is evaluated block by block, each read where it lies.
pub struct Columns {
    blocks: Vec<Vec<f64>>,
    samples: usize,
    pub(super) targets: Vec<Vec<f64>>,
}

impl Columns {
    pub fn new(data: &Dataset) -> Columns {
        let n = data.inputs.len();
        let blocks = (0..n)
            .step_by(BATCH_CHUNK)
            .map(|start| {
                let samples = start..(start + BATCH_CHUNK).min(n);
                let (inputs, targets) = (&data.inputs[samples.clone()], &data.targets[samples]);
                let width = data.feature_names.len() + data.targets.first().map_or(0, Vec::len);
                let mut block = Vec::with_capacity(inputs.len() * width);
                for k in 0..data.feature_names.len() {
                    block.extend(inputs.iter().map(|r| r[k]));
                }
                for k in 0..data.targets.first().map_or(0, Vec::len) {
                    block.extend(targets.iter().map(|r| r[k]));
                }
                block
            })
            .collect();
        Columns {
            blocks,
            samples: n,
            targets: data.targets.clone(),
        }
    }

    pub fn len(&self) -> usize {
        self.samples
    }

    pub fn is_empty(&self) -> bool {
        self.samples == 0
    }

    /// Columns: inputs, then targets.
    pub(super) fn width(&self) -> usize {
        match self.blocks.first() {
            Some(block) => block.len() / self.block_len(0),
            None => 0,
        }
    }

    pub(super) fn block_len(&self, b: usize) -> usize {
        (self.samples - b * BATCH_CHUNK).min(BATCH_CHUNK)
    }

    /// Column `k` of the samples `range`, which lie in one block.
    pub(super) fn column_in_block(&self, k: usize, range: std::ops::Range<usize>) -> &[f64] {
        let b = range.start / BATCH_CHUNK;
        let (len, first) = (self.block_len(b), b * BATCH_CHUNK);
        &self.blocks[b][k * len + range.start - first..k * len + range.end - first]
    }

    pub(super) fn value(&self, k: usize, sample: usize) -> f64 {
        self.column_in_block(k, sample..sample + 1)[0]
    }

    /// The block the samples at `indices` make up, when they are exactly
    /// one block in order.
    pub(super) fn whole_block(&self, indices: &[usize]) -> Option<&[f64]> {
        let range = contiguous(indices)?;
        let b = range.start / BATCH_CHUNK;
        let whole = range.start % BATCH_CHUNK == 0 && range.len() == self.block_len(b);
        whole.then(|| self.blocks[b].as_slice())
    }

    /// The range `indices` lists in order, when its samples lie in one
    /// block: their values are then copied as one slice of each column.
    pub(super) fn in_one_block(indices: &[usize]) -> Option<std::ops::Range<usize>> {
        let range = contiguous(indices)?;
        let same = range.start / BATCH_CHUNK == (range.end - 1) / BATCH_CHUNK;
        same.then_some(range)
    }

    /// The columns of the samples at `indices`, one after another in
    /// `block` (a row of `indices.len()` values per column).
    pub(super) fn gather_block(&self, indices: &[usize], block: &mut Vec<f64>) {
        block.clear();
        let range = Self::in_one_block(indices);
        for k in 0..self.width() {
            match &range {
                Some(range) => block.extend_from_slice(self.column_in_block(k, range.clone())),
                None => block.extend(indices.iter().map(|&i| self.value(k, i))),
            }
        }
    }

    /// The columns of the samples at `indices`, into `buffers`.
    pub(super) fn gather(&self, indices: &[usize], buffers: &mut Vec<Vec<f64>>) {
        buffers.resize(self.width(), Vec::new());
        let range = Self::in_one_block(indices);
        for (k, buffer) in buffers.iter_mut().enumerate() {
            buffer.clear();
            match &range {
                Some(range) => buffer.extend_from_slice(self.column_in_block(k, range.clone())),
                None => buffer.extend(indices.iter().map(|&i| self.value(k, i))),
            }
        }
    }
}

/// The range `indices` lists in order, when they are consecutive (a
/// whole set's chunks, the batches of an unshuffled epoch).
fn contiguous(indices: &[usize]) -> Option<std::ops::Range<usize>> {
    let (&first, &last) = (indices.first()?, indices.last()?);
    let consecutive = last >= first
        && last - first + 1 == indices.len()
        && indices.windows(2).all(|pair| pair[1] == pair[0] + 1);
    consecutive.then_some(first..last + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::seq::SliceRandom;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    /// A set of `n` samples with 3 inputs and 2 targets, each value
    /// naming its sample and column.
    fn numbered(n: usize) -> Dataset {
        let value = |i: usize, k: usize| (i * 10 + k) as f64;
        Dataset {
            feature_names: vec!["a".into(), "b".into(), "c".into()],
            target_names: vec!["t".into(), "u".into()],
            inputs: (0..n)
                .map(|i| (0..3).map(|k| value(i, k)).collect())
                .collect(),
            targets: (0..n)
                .map(|i| (3..5).map(|k| value(i, k)).collect())
                .collect(),
            ..Dataset::default()
        }
    }

    /// What a gather must give: each column's values of the samples at
    /// `indices`, read from the rows.
    fn by_rows(data: &Dataset, indices: &[usize]) -> Vec<f64> {
        let mut out = Vec::new();
        for k in 0..5 {
            for &i in indices {
                out.push(if k < 3 {
                    data.inputs[i][k]
                } else {
                    data.targets[i][k - 3]
                });
            }
        }
        out
    }

    #[test]
    fn batches_gathered_from_the_blocks_read_the_rows_they_name() {
        let data = numbered(2 * BATCH_CHUNK + 300);
        let columns = Columns::new(&data);
        let mut rng = ChaCha8Rng::seed_from_u64(4);
        let mut order: Vec<usize> = (0..data.len()).collect();
        order.shuffle(&mut rng);
        let ranges = [
            0..32,
            1000..1050,
            BATCH_CHUNK - 1..BATCH_CHUNK + 1,
            2040..2348,
        ];
        let mut cases: Vec<Vec<usize>> = ranges.iter().map(|r| r.clone().collect()).collect();
        cases.extend(order.chunks(97).take(20).map(<[usize]>::to_vec));
        let (mut block, mut buffers) = (Vec::new(), Vec::new());
        for indices in &cases {
            let expected = by_rows(&data, indices);
            columns.gather_block(indices, &mut block);
            assert_eq!(block, expected, "{indices:?}");
            columns.gather(indices, &mut buffers);
            assert_eq!(buffers.concat(), expected, "{indices:?}");
        }
    }

    #[test]
    fn only_a_whole_block_in_order_is_read_in_place() {
        let data = numbered(BATCH_CHUNK + 10);
        let columns = Columns::new(&data);
        let first: Vec<usize> = (0..BATCH_CHUNK).collect();
        let last: Vec<usize> = (BATCH_CHUNK..BATCH_CHUNK + 10).collect();
        assert_eq!(
            columns.whole_block(&first),
            Some(&by_rows(&data, &first)[..])
        );
        assert_eq!(columns.whole_block(&last), Some(&by_rows(&data, &last)[..]));
        assert_eq!(columns.whole_block(&first[1..]), None);
        assert_eq!(
            columns.whole_block(&(5..BATCH_CHUNK + 5).collect::<Vec<_>>()),
            None
        );
        let mut reversed = last.clone();
        reversed.reverse();
        assert_eq!(columns.whole_block(&reversed), None);
        assert!(Columns::new(&numbered(0)).whole_block(&[]).is_none());
    }
}
