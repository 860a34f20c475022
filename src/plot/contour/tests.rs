//! The race picture: contour pieces, the view around the paths, and what
//! the SVG shows (a colour per path, the start and lowest point marked,
//! the note when points are left out).

use super::*;

fn path(label: &str, points: Vec<(f64, f64)>) -> Path2 {
    Path2 {
        label: label.into(),
        points,
    }
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Rosenbrock's valley: f = (1 − x)² + 100·(y − x²)².
fn rosenbrock(x: f64, y: f64) -> Option<f64> {
    Some((1.0 - x).powi(2) + 100.0 * (y - x * x).powi(2))
}

/// A path along the valley floor y = x² from x = −1.2 to 1.
fn valley(steps: usize) -> Vec<(f64, f64)> {
    (0..=steps)
        .map(|k| {
            let x = -1.2 + 2.2 * k as f64 / steps as f64;
            (x, x * x)
        })
        .collect()
}

#[test]
fn contour_segments_cross_the_level() {
    let segments = cell_segments(
        [Some(0.0), Some(2.0), Some(2.0), Some(0.0)],
        [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)],
        1.0,
    );
    assert_eq!(segments, vec![((0.5, 0.0), (0.5, 1.0))]);
}

#[test]
fn a_lone_jump_is_left_out_of_the_view() {
    // Newton's method on Rosenbrock from (−1.2, 1): its second step lands
    // at (0.763, −3.17), far below the valley every other point is in.
    let newton = vec![
        (-1.2, 1.0),
        (-1.175, 1.381),
        (0.763, -3.175),
        (0.763, 0.582),
        (1.0, 0.944),
        (1.0, 1.0),
    ];
    let runs = [path("gd", valley(200)), path("newton", newton)];
    let view = view_around(&runs, &[(-1.2, 1.0), (1.0, 1.0)]);
    assert_eq!(view.left_out, 1, "{view:?}");
    assert!(view.y.0 > -1.0, "the jump to y = −3.17 is outside {view:?}");
    assert!(view.y.1 > 1.381 && view.x.0 < -1.2 && view.x.1 > 1.0);
}

#[test]
fn a_path_that_spreads_keeps_every_point() {
    let wide: Vec<(f64, f64)> = (0..50).map(|k| (k as f64, (k * k) as f64)).collect();
    let view = view_around(&[path("gd", wide)], &[]);
    assert_eq!(view.left_out, 0);
    assert!(view.x.0 < 0.0 && view.x.1 > 49.0 && view.y.1 > 2401.0);
}

#[test]
fn the_race_marks_its_start_and_lowest_point_in_a_colour_per_path() {
    let runs = [
        path("gd", valley(300)),
        path("adam", vec![(-1.2, 1.0), (-1.19, 1.01), (-1.18, 1.02)]),
        path(
            "newton",
            vec![(-1.2, 1.0), (0.763, -3.175), (0.763, 0.582), (1.0, 1.0)],
        ),
    ];
    let svg = contours_with_paths(Lang::En, "f", ("x", "y"), &rosenbrock, &runs).unwrap();
    for k in 0..runs.len() {
        assert!(svg.contains(&hex(color(k))), "path {k}'s colour");
    }
    let colours: std::collections::HashSet<String> =
        (0..runs.len()).map(|k| hex(color(k))).collect();
    assert_eq!(colours.len(), runs.len(), "one colour per path");
    assert!(
        svg.contains("start (-1.2, 1.44)"),
        "the start in the legend"
    );
    assert!(svg.contains("lowest f found (1, 1)"), "the lowest point");
    assert!(svg.contains("<polygon"), "the start's triangle");
    assert!(svg.contains("one point lies outside it"), "the note");
}

#[test]
fn a_race_within_its_view_has_no_note() {
    let svg = contours_with_paths(
        Lang::En,
        "f",
        ("x", "y"),
        &rosenbrock,
        &[path("gd", valley(50))],
    )
    .unwrap();
    assert!(!svg.contains("outside it"));
}

#[test]
fn middle_out_visits_every_stride_from_the_middle() {
    let order: Vec<usize> = middle_out(7, 2).collect();
    assert_eq!(order, vec![3, 3, 5, 1]);
    assert_eq!(middle_out(1, 1).collect::<Vec<_>>(), vec![0, 0]);
    assert_eq!(middle_out(0, 1).count(), 0);
}

#[test]
fn a_path_leaving_the_view_is_cut_at_its_edge() {
    let view = View {
        x: (0.0, 1.0),
        y: (0.0, 1.0),
        left_out: 0,
    };
    // In, out through the bottom, back in through the left.
    let points = [(0.5, 0.5), (0.5, -1.0), (-1.0, 0.5), (0.25, 0.75)];
    let pieces = visible_pieces(&points, &view);
    assert_eq!(pieces.len(), 2, "{pieces:?}");
    assert_eq!(pieces[0], vec![(0.5, 0.5), (0.5, 0.0)]);
    let back = &pieces[1];
    assert_eq!(back.len(), 2);
    assert!((back[0].0 - 0.0).abs() < 1e-12, "enters at the left edge");
    // On the line from (−1, 0.5) to (0.25, 0.75): y = 0.5 + 0.2·(x + 1).
    assert!((back[0].1 - 0.7).abs() < 1e-12);
    assert_eq!(back[1], (0.25, 0.75));
    assert!(visible_pieces(&[(2.0, 2.0), (3.0, 3.0)], &view).is_empty());
}

#[test]
fn contour_labels_sit_apart_inside_the_plot_and_off_the_paths() {
    let runs = [
        path("gd", valley(300)),
        path("adam", vec![(-1.2, 1.44), (-1.1, 1.3), (-1.0, 1.1)]),
    ];
    let view = view_around(&runs, &[]);
    let grid = sample_grid(&rosenbrock, &view);
    let levels = contour_levels(grid.iter().flatten().flatten().copied());
    let segments = contour_segments(&grid, &view, &levels);
    let mut svg = String::new();
    let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
    let (x, y) = (view.x, view.y);
    let chart = chart(&root, "f", x.0..x.1, y.0..y.1, ("x", "y")).unwrap();
    let labels = level_labels(&chart, &levels, &segments, &runs);
    assert!(labels.len() >= 4, "{labels:?}");
    let inner = plotting_box(&chart);
    let path_pixels: Vec<(f64, f64)> = runs
        .iter()
        .flat_map(|r| r.points.iter().map(|&p| pixel(&chart, p)))
        .collect();
    for (i, (text, r)) in labels.iter().enumerate() {
        // The text is one of the levels, to three significant digits.
        assert!(levels
            .iter()
            .any(|&l| crate::number::format_significant(l, 3) == *text));
        assert!(r.0 > inner.0 && r.2 < inner.2 && r.1 > inner.1 && r.3 < inner.3);
        for (_, other) in &labels[i + 1..] {
            assert!(!overlap(*r, *other), "{r:?} and {other:?}");
        }
        for &(px, py) in &path_pixels {
            assert!(
                !(r.0 < px && px < r.2 && r.1 < py && py < r.3),
                "{text} on a path"
            );
        }
    }
}
