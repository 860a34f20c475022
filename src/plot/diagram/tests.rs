//! The layout of network pictures: labels on their lines, apart and
//! inside; long columns elided; crowded layers left unlabelled.

use super::layout::{arrange, column_rows, Row, Segment};
use super::*;

/// A fully connected network of the given widths, weights alternating
/// in sign, a shared bias per layer; with gradients when asked.
fn dense(sizes: &[usize], gradients: bool) -> NetworkDiagram {
    let param = |name: String, value: f64| DiagramParam {
        name,
        value,
        gradient: gradients.then_some(0.01 * value),
    };
    let columns = sizes
        .iter()
        .enumerate()
        .map(|(l, &n)| {
            (0..n)
                .map(|k| DiagramNeuron {
                    name: format!("n{l}_{}", k + 1),
                    value: 0.5,
                    delta: (gradients && l > 0).then_some(0.1),
                })
                .collect()
        })
        .collect();
    let mut weights = Vec::new();
    for layer in 1..sizes.len() {
        for to in 0..sizes[layer] {
            for from in 0..sizes[layer - 1] {
                let value = if (to + from) % 2 == 0 { 0.4 } else { -0.25 };
                let name = format!("w{}", weights.len() + 1);
                weights.push(DiagramWeight {
                    layer,
                    from,
                    to,
                    param: param(name, value),
                });
            }
        }
    }
    let biases = (1..sizes.len())
        .map(|layer| DiagramBias::Shared {
            layer,
            param: param(format!("b{layer}"), 0.3),
        })
        .collect();
    NetworkDiagram {
        title: "test".into(),
        columns,
        weights,
        biases,
        caption: "A caption.".into(),
    }
}

#[test]
fn long_columns_show_their_ends() {
    assert_eq!(
        column_rows(3),
        vec![Row::Neuron(0), Row::Neuron(1), Row::Neuron(2)]
    );
    let rows = column_rows(16);
    assert_eq!(rows.len(), 2 * SHOWN_ENDS + 1);
    assert_eq!(rows[SHOWN_ENDS], Row::Elided { first: 4, last: 11 });
    assert_eq!(rows[2 * SHOWN_ENDS], Row::Neuron(15));
}

#[test]
fn labels_sit_on_their_lines_apart_and_inside() {
    for gradients in [false, true] {
        let d = dense(&[2, 2, 2], gradients);
        let a = arrange(&d, (1.0, 1.0), crate::i18n::Lang::En);
        assert!(!a.misfit);
        assert_eq!(a.labels.len(), 8);
        let page = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: a.width,
            y1: a.caption_top,
        };
        for (i, label) in a.labels.iter().enumerate() {
            assert!(label.rect.within(&page), "{:?}", label.rect);
            for other in &a.labels[i + 1..] {
                assert!(!label.rect.overlaps(&other.rect));
            }
            // The label's centre is on its weight's line.
            let (cx, cy) = (
                (label.rect.x0 + label.rect.x1) / 2.0,
                (label.rect.y0 + label.rect.y1) / 2.0,
            );
            let distance = |s: &Segment| {
                let (dx, dy) = (s.b.0 - s.a.0, s.b.1 - s.a.1);
                (dx * (cy - s.a.1) - dy * (cx - s.a.0)).abs() / dx.hypot(dy)
            };
            assert!(
                a.segments.iter().any(|s| distance(s) < 1e-6),
                "{:?}",
                label.lines
            );
        }
        for column in &a.centres {
            for &at in column.iter().flatten() {
                let circle = Rect::centred(at, 2.0 * a.radius, 2.0 * a.radius);
                assert!(a.labels.iter().all(|l| !l.rect.overlaps(&circle)));
            }
        }
    }
}

#[test]
fn crowded_layers_go_unlabelled_and_the_caption_says_so() {
    let svg = network_diagram(&dense(&[4, 16, 3], true)).unwrap();
    assert!(svg.starts_with("<svg width=\"800\""));
    assert!(!svg.contains("w1 = 0.4"));
    assert!(svg.contains("The weights into n1_1 … n1_16 and into n2_1 … n2_3 are not labelled"));
    assert!(svg.contains("n1_5 … n1_12"));
    assert!(svg.contains("δ = 0.1"));
}
