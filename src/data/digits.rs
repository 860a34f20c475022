//! `builtin:digits`: small greyscale images of handwritten-looking digits,
//! generated — the course's "1,000 images" for real. Each digit is a
//! template of pen strokes (polylines in the unit square); each sample
//! moves, scales and slants it, jitters every stroke's corners, draws it
//! with a pen of its own thickness on an 8×8 grid (a pixel's ink falls off
//! with its distance from the nearest stroke) and adds noise. Pixels are
//! 0 (paper) to 1 (ink), features p00 … p77 (row, column), and the class
//! is the label column `digit`, one-hot over 0 … 9; sample i is digit
//! i mod 10, so the classes are balanced.
//!
//! Invariant: the same seed, noise and size give the same images (ChaCha8);
//! every pixel lies in [0, 1].

use super::Dataset;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Pixels per side.
pub const SIDE: usize = 8;

/// The samples `builtin:digits` has without `--samples`.
pub const DEFAULT_SAMPLES: usize = 1000;

type Stroke = &'static [(f64, f64)];

/// The pen strokes of each digit, (x, y) with y downwards.
const TEMPLATES: [&[Stroke]; 10] = [
    &[&[
        (0.3, 0.1),
        (0.7, 0.1),
        (0.8, 0.5),
        (0.7, 0.9),
        (0.3, 0.9),
        (0.2, 0.5),
        (0.3, 0.1),
    ]],
    &[&[(0.35, 0.25), (0.55, 0.1), (0.55, 0.9)]],
    &[&[
        (0.25, 0.25),
        (0.5, 0.1),
        (0.75, 0.3),
        (0.25, 0.9),
        (0.8, 0.9),
    ]],
    &[&[
        (0.25, 0.1),
        (0.75, 0.15),
        (0.45, 0.45),
        (0.75, 0.7),
        (0.5, 0.9),
        (0.2, 0.8),
    ]],
    &[&[(0.65, 0.9), (0.65, 0.1), (0.2, 0.65), (0.85, 0.65)]],
    &[&[
        (0.75, 0.1),
        (0.3, 0.1),
        (0.25, 0.45),
        (0.7, 0.5),
        (0.7, 0.85),
        (0.25, 0.9),
    ]],
    &[&[
        (0.7, 0.1),
        (0.3, 0.4),
        (0.25, 0.85),
        (0.7, 0.9),
        (0.7, 0.55),
        (0.3, 0.5),
    ]],
    &[&[(0.2, 0.1), (0.8, 0.1), (0.4, 0.9)]],
    &[&[
        (0.5, 0.5),
        (0.3, 0.3),
        (0.5, 0.1),
        (0.7, 0.3),
        (0.5, 0.5),
        (0.25, 0.7),
        (0.5, 0.9),
        (0.75, 0.7),
        (0.5, 0.5),
    ]],
    &[&[
        (0.7, 0.5),
        (0.3, 0.45),
        (0.3, 0.15),
        (0.7, 0.1),
        (0.7, 0.5),
        (0.6, 0.9),
    ]],
];

/// The distance from `p` to the segment `a`–`b`.
fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t = match length2 > 0.0 {
        true => (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0),
        false => 0.0,
    };
    let (x, y) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - x).powi(2) + (p.1 - y).powi(2)).sqrt()
}

/// How one sample is drawn: moved, scaled, slanted, with its pen.
struct Hand {
    shift: (f64, f64),
    scale: f64,
    slant: f64,
    pen: f64,
}

impl Hand {
    fn place(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let (cx, cy) = (x - 0.5, y - 0.5);
        (
            0.5 + self.scale * (cx + self.slant * cy) + self.shift.0,
            0.5 + self.scale * cy + self.shift.1,
        )
    }
}

/// One image of `digit`, row by row.
fn image(digit: usize, rng: &mut ChaCha8Rng, noise: f64) -> Vec<f64> {
    let hand = Hand {
        shift: (rng.random_range(-0.08..0.08), rng.random_range(-0.08..0.08)),
        scale: rng.random_range(0.85..1.1),
        slant: rng.random_range(-0.25..0.25),
        pen: rng.random_range(0.07..0.13),
    };
    let strokes: Vec<Vec<(f64, f64)>> = TEMPLATES[digit]
        .iter()
        .map(|stroke| {
            stroke
                .iter()
                .map(|&p| {
                    let (x, y) = hand.place(p);
                    (
                        x + rng.random_range(-0.03..0.03),
                        y + rng.random_range(-0.03..0.03),
                    )
                })
                .collect()
        })
        .collect();
    let mut pixels = Vec::with_capacity(SIDE * SIDE);
    for row in 0..SIDE {
        for column in 0..SIDE {
            let p = (
                (column as f64 + 0.5) / SIDE as f64,
                (row as f64 + 0.5) / SIDE as f64,
            );
            let d = strokes
                .iter()
                .flat_map(|s| {
                    s.windows(2)
                        .map(move |w| distance_to_segment(p, w[0], w[1]))
                })
                .fold(f64::INFINITY, f64::min);
            let ink = (-(d / hand.pen).powi(2)).exp();
            let speckle = (0.05 + 0.3 * noise) * super::builtin::normal(rng);
            pixels.push((ink + speckle).clamp(0.0, 1.0));
        }
    }
    pixels
}

/// `samples` images, drawn from `seed` with `noise` from 0 to 1.
pub fn digits(samples: usize, seed: u64, noise: f64) -> Dataset {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0xD161_7500);
    let classes: Vec<String> = (0..10).map(|d| d.to_string()).collect();
    let mut data = Dataset {
        feature_names: (0..SIDE * SIDE)
            .map(|k| format!("p{}{}", k / SIDE, k % SIDE))
            .collect(),
        target_names: classes.clone(),
        class_names: Some(classes),
        ..Dataset::default()
    };
    for i in 0..samples {
        let digit = i % 10;
        data.inputs.push(image(digit, &mut rng, noise));
        data.targets
            .push((0..10).map(|k| f64::from(u8::from(k == digit))).collect());
    }
    data
}

/// An image drawn with block characters, two per pixel, darker for more
/// ink: what `predict --show` prints beside each prediction.
pub fn blocks(pixels: &[f64]) -> Vec<String> {
    const SHADES: [&str; 5] = ["  ", "░░", "▒▒", "▓▓", "██"];
    pixels
        .chunks(SIDE)
        .map(|row| {
            row.iter()
                .map(|&v| SHADES[((v.clamp(0.0, 1.0) * 4.0).round()) as usize])
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_reproducible_balanced_and_in_range() {
        let a = digits(50, 3, 0.0);
        assert_eq!(a, digits(50, 3, 0.0));
        assert_ne!(a, digits(50, 4, 0.0));
        assert_eq!(a.feature_names.len(), 64);
        assert!(a.inputs.iter().flatten().all(|&v| (0.0..=1.0).contains(&v)));
        for d in 0..10 {
            assert_eq!(a.targets.iter().filter(|t| t[d] == 1.0).count(), 5);
        }
        // A 1 has its ink in the middle columns, not at the edges.
        let one = &a.inputs[1];
        let middle: f64 = (0..8).map(|r| one[r * 8 + 4]).sum();
        let edge: f64 = (0..8).map(|r| one[r * 8]).sum();
        assert!(middle > edge + 2.0, "{middle} {edge}");
        assert_eq!(blocks(one).len(), 8);
    }
}
