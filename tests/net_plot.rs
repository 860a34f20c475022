//! `stepgrad net SPEC --plot FILE.svg`: the picture of a network, checked
//! as SVG text and against values worked out here independently.

mod common;

use common::stepgrad;
use std::path::{Path, PathBuf};

/// A folder of its own for each test, so tests running at once do not
/// share files.
fn folder(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stepgrad-net-plot-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// One `<text>` element: where it is anchored, what it says (a
/// subscript after `_`), its font size, whether it is centred on its
/// anchor and bold.
#[derive(Debug)]
struct Text {
    x: f64,
    y: f64,
    content: String,
    size: f64,
    centred: bool,
    bold: bool,
}

/// A picture read back: the root's size, its texts and its circles
/// (centre and radius).
#[derive(Debug)]
struct Svg {
    width: f64,
    height: f64,
    texts: Vec<Text>,
    circles: Vec<(f64, f64, f64)>,
}

impl Svg {
    fn has(&self, content: &str) -> bool {
        self.texts.iter().any(|t| t.content == content)
    }

    fn assert_has(&self, content: &str) {
        assert!(
            self.has(content),
            "no text {content:?} among {:?}",
            self.texts.iter().map(|t| &t.content).collect::<Vec<_>>()
        );
    }
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = start + tag[start..].find('"')?;
    Some(tag[start..end].to_string())
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Reads SVG text: every tag closed in order under one `<svg>` root with
/// numeric width and height; panics on anything else.
fn parse_svg(text: &str) -> Svg {
    let text = text.trim();
    assert!(
        text.starts_with("<svg"),
        "not SVG: {}",
        &text[..text.len().min(80)]
    );
    let mut open: Vec<String> = Vec::new();
    let mut texts: Vec<Text> = Vec::new();
    let mut circles = Vec::new();
    let mut size = None;
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        let between = &rest[..start];
        let end = start + rest[start..].find('>').expect("an unclosed tag");
        let tag = &rest[start..=end];
        rest = &rest[end + 1..];
        let in_text = open.iter().any(|t| t == "text");
        if in_text {
            texts.last_mut().unwrap().content.push_str(between);
        } else {
            assert!(
                between.trim().is_empty(),
                "text outside <text>: {between:?}"
            );
        }
        if let Some(name) = tag.strip_prefix("</") {
            let name = name.trim_end_matches('>').trim();
            let last = open.pop().unwrap_or_else(|| panic!("{tag} closes nothing"));
            assert_eq!(last, name, "{tag} closes <{last}>");
            if name == "text" {
                let anchor: &mut Text = texts.last_mut().unwrap();
                anchor.content = unescape(anchor.content.trim());
            }
            continue;
        }
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(!name.is_empty(), "a malformed tag {tag}");
        if name == "svg" {
            assert!(open.is_empty() && size.is_none(), "a second <svg>");
            let number = |a| attribute(tag, a).and_then(|v| v.parse::<f64>().ok());
            size = Some((
                number("width").expect("a width"),
                number("height").expect("a height"),
            ));
        } else {
            assert!(!open.is_empty(), "{tag} outside <svg>");
        }
        if name == "text" {
            let number = |a| attribute(tag, a).and_then(|v| v.parse::<f64>().ok());
            texts.push(Text {
                x: number("x").expect("x"),
                y: number("y").expect("y"),
                content: String::new(),
                size: number("font-size").expect("a font-size"),
                centred: attribute(tag, "text-anchor").as_deref() == Some("middle"),
                bold: attribute(tag, "font-weight").as_deref() == Some("bold"),
            });
        }
        // A lowered <tspan> is a subscript: read back as the name was
        // written (b, then h1 lowered, is b_h1); a subscript is marked
        // with U+E000 for the width it takes.
        if name == "tspan" && in_text {
            let lowered = attribute(tag, "dy").is_some_and(|dy| !dy.starts_with('-'));
            if lowered {
                texts.last_mut().unwrap().content.push('_');
            }
        }
        if name == "circle" {
            let number = |a| attribute(tag, a).and_then(|v| v.parse::<f64>().ok());
            circles.push((
                number("cx").expect("cx"),
                number("cy").expect("cy"),
                number("r").expect("r"),
            ));
        }
        if !tag.ends_with("/>") {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    assert!(rest.trim().is_empty());
    let (width, height) = size.expect("an <svg> root");
    Svg {
        width,
        height,
        texts,
        circles,
    }
}

/// Runs `stepgrad net` with --plot into `dir` and reads the picture back.
fn draw(dir: &Path, name: &str, args: &[&str]) -> (Svg, String) {
    let path = dir.join(name);
    let path_text = path.to_str().unwrap();
    let mut all = vec!["net"];
    all.extend_from_slice(args);
    all.extend(["--plot", path_text]);
    let out = stepgrad(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let svg = std::fs::read_to_string(&path).unwrap();
    let picture = parse_svg(&svg);
    // Every text is anchored inside the picture.
    for t in &picture.texts {
        assert!(
            (0.0..=picture.width).contains(&t.x) && (0.0..=picture.height).contains(&t.y),
            "{t:?} outside {}×{}",
            picture.width,
            picture.height
        );
    }
    (picture, out.stdout)
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn four(x: f64) -> String {
    stepgrad::number::format_significant(x, 4)
}

#[test]
fn mazur_is_drawn_with_every_weight_and_value() {
    let dir = folder("mazur");
    let (svg, stdout) = draw(&dir, "mazur.svg", &["mazur"]);
    assert_eq!((svg.width, svg.height), (800.0, 600.0));
    svg.assert_has("mazur (2-2-2)");
    for label in [
        "w1 = 0.15",
        "w2 = 0.2",
        "w3 = 0.25",
        "w4 = 0.3",
        "w5 = 0.4",
        "w6 = 0.45",
        "w7 = 0.5",
        "w8 = 0.55",
    ] {
        svg.assert_has(label);
    }
    // The neurons, the shared biases and the forward pass (Mazur's
    // out_h1 = 0.593269992, out_o1 = 0.75136507, out_o2 = 0.772928465).
    for name in ["i1", "i2", "h1", "h2", "o1", "o2", "b1", "b2"] {
        svg.assert_has(name);
    }
    for value in ["0.05", "0.1", "0.35", "0.6", "0.5933", "0.7514", "0.7729"] {
        svg.assert_has(value);
    }
    assert!(!svg.texts.iter().any(|t| t.content.contains('∂')));
    assert!(!svg.texts.iter().any(|t| t.content.starts_with("δ")));
    assert!(stdout.contains(&format!(
        "The network is drawn in {}.",
        dir.join("mazur.svg").display()
    )));
}

#[test]
fn mazur_gradients_label_the_weights_and_the_neurons() {
    let dir = folder("mazur-gradients");
    let (svg, _) = draw(&dir, "mazur.svg", &["mazur", "--plot-gradients"]);
    assert_eq!((svg.width, svg.height), (800.0, 600.0));
    svg.assert_has("w5 = 0.4");
    // ∂E/∂w5 = 0.082167041 and ∂E/∂w1 = 0.000438568 in Mazur's post;
    // δ_o1 = 0.138498562, and δ_h1 = 0.0363503064 · out_h1·(1 − out_h1).
    svg.assert_has("∂E/∂w5 = 0.08217");
    svg.assert_has("∂E/∂w1 = 0.0004386");
    svg.assert_has("δ = 0.1385");
    let out_h1: f64 = 0.593269992;
    svg.assert_has(&format!(
        "δ = {}",
        four(0.0363503064 * out_h1 * (1.0 - out_h1))
    ));
    svg.assert_has("δ = 0.008771");
}

#[test]
fn xor_shows_the_sample_asked_for() {
    let dir = folder("xor");
    let (svg, _) = draw(&dir, "xor.svg", &["xor"]);
    assert_eq!((svg.width, svg.height), (800.0, 600.0));
    svg.assert_has("xor (2-2-1)");
    for label in [
        "w1 = -0.3",
        "w2 = 0.7",
        "w3 = -0.9",
        "w4 = 0.9",
        "w5 = 0.9",
        "w6 = -0.7",
        "b_h1 = -0.1",
        "b_h2 = 0.1",
        "b_o1 = 0.2",
    ] {
        svg.assert_has(label);
    }
    // Sample 2 is (0, 1): out_h1 = σ(0.7 − 0.1), out_h2 = σ(0.9 + 0.1).
    let (svg, _) = draw(&dir, "xor2.svg", &["xor", "--sample", "2"]);
    let h1 = sigmoid(0.7 - 0.1);
    let h2 = sigmoid(0.9 + 0.1);
    let o1 = sigmoid(0.9 * h1 - 0.7 * h2 + 0.2);
    for value in [h1, h2, o1] {
        svg.assert_has(&four(value));
    }
    assert!(svg
        .texts
        .iter()
        .any(|t| t.content.contains("sample 2 of 4")));
}

#[test]
fn softmax3_is_drawn_with_its_probabilities() {
    let dir = folder("softmax3");
    let (svg, _) = draw(&dir, "softmax3.svg", &["softmax3"]);
    assert_eq!((svg.width, svg.height), (800.0, 600.0));
    svg.assert_has("softmax3 (2-2-3)");
    for label in [
        "w1 = 0.3",
        "w2 = -0.2",
        "w10 = 0.6",
        "b_o1 = 0.05",
        "b_o2 = -0.05",
    ] {
        svg.assert_has(label);
    }
    svg.assert_has("+1");
    // Sample 1 is (1, 0.5).
    let h = [(0.3f64 - 0.1).tanh(), (0.1f64 + 0.2 + 0.1).tanh()];
    let nets = [
        0.5 * h[0] - 0.3 * h[1] + 0.05,
        -0.4 * h[0] + 0.2 * h[1] - 0.05,
        0.1 * h[0] + 0.6 * h[1],
    ];
    let total: f64 = nets.iter().map(|n| n.exp()).sum();
    for value in h
        .iter()
        .copied()
        .chain(nets.iter().map(|n| n.exp() / total))
    {
        svg.assert_has(&four(value));
    }
    // With gradients the picture may grow to keep its labels apart.
    let (svg, _) = draw(&dir, "softmax3-g.svg", &["softmax3", "--plot-gradients"]);
    assert!((800.0..=1600.0).contains(&svg.width) && (600.0..=1200.0).contains(&svg.height));
    svg.assert_has("w10 = 0.6");
    assert!(svg
        .texts
        .iter()
        .any(|t| t.content.starts_with("∂E/∂w10 = ")));
    assert!(svg
        .texts
        .iter()
        .any(|t| t.content.starts_with("∂E/∂b_o1 = ")));
}

#[test]
fn a_wide_layer_shows_its_ends_and_leaves_crowded_weights_unlabelled() {
    let dir = folder("wide");
    let spec = dir.join("iris-like.toml");
    std::fs::write(
        &spec,
        "layers = [4, 16, 3]\nactivation = [\"tanh\", \"softmax\"]\nloss = \"cross_entropy\"\ninit = \"xavier\"\nseed = 1\ninputs = [[5.1, 3.5, 1.4, 0.2], [6.2, 2.9, 4.3, 1.3], [7.7, 3.0, 6.1, 2.3]]\ntargets = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]\n",
    )
    .unwrap();
    let spec = spec.to_str().unwrap();
    for gradients in [false, true] {
        let mut args = vec![spec];
        if gradients {
            args.push("--plot-gradients");
        }
        let (svg, _) = draw(&dir, "wide.svg", &args);
        assert_eq!(svg.width, 800.0);
        assert!(svg.height > 600.0 && svg.height < 1400.0, "{}", svg.height);
        for shown in ["i4", "h1", "h4", "h13", "h16", "o3", "h5 … h12"] {
            svg.assert_has(shown);
        }
        for left_out in ["h5", "h8", "h12"] {
            assert!(!svg.has(left_out), "{left_out} is drawn");
        }
        assert!(!svg.texts.iter().any(|t| t.content.starts_with("w1_")));
        assert!(svg
            .texts
            .iter()
            .any(|t| t.content.contains("are not labelled")));
        svg.assert_has("5.1");
        assert_eq!(
            svg.texts.iter().any(|t| t.content.starts_with("δ = ")),
            gradients
        );
    }
}

#[test]
fn a_missing_folder_or_a_wrong_name_is_refused_before_anything_is_written() {
    let dir = folder("refused");
    let missing = dir.join("no-such-folder").join("net.svg");
    let out = stepgrad(&["net", "mazur", "--plot", missing.to_str().unwrap()]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("does not exist"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert!(!missing.exists());

    let png = dir.join("net.png");
    let out = stepgrad(&["net", "mazur", "--plot", png.to_str().unwrap()]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("must end in .svg"), "{}", out.stderr);
    assert!(!png.exists());

    let out = stepgrad(&["net", "mazur", "--plot-gradients"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--plot"), "{}", out.stderr);
}

/// A text's box, estimated from its font size and its characters (DejaVu
/// Sans's advances, rounded: digits and letters 0.62 em, spaces and
/// points 0.32, = 0.84; a subscript 0.8 of that), centred on its anchor
/// across and down: (left, top, right, bottom).
fn text_box(t: &Text) -> (f64, f64, f64, f64) {
    let mut em = 0.0;
    let mut scale = 1.0;
    for c in t.content.chars() {
        match c {
            '_' => scale = 0.8,
            ' ' => {
                scale = 1.0;
                em += 0.32;
            }
            '.' | ',' => em += 0.32 * scale,
            '=' => em += 0.84 * scale,
            _ => em += 0.62 * scale,
        }
    }
    let (w, h) = (em * t.size * if t.bold { 1.1 } else { 1.0 }, 1.2 * t.size);
    let left = if t.centred { t.x - w / 2.0 } else { t.x };
    (left, t.y - h / 2.0, left + w, t.y + h / 2.0)
}

fn boxes_overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// A spec of the given widths with one bias per neuron, weights of both
/// signs and sizes, and one sample.
fn shaped_spec(sizes: &[usize]) -> String {
    let mut weights = Vec::new();
    let mut biases = Vec::new();
    for l in 1..sizes.len() {
        let rows: Vec<String> = (0..sizes[l])
            .map(|to| {
                let row: Vec<String> = (0..sizes[l - 1])
                    .map(|from| format!("{:.2}", ((to * 7 + from * 3 + l) % 11) as f64 / 5.0 - 1.0))
                    .collect();
                format!("[{}]", row.join(", "))
            })
            .collect();
        weights.push(format!("[{}]", rows.join(", ")));
        let b: Vec<String> = (0..sizes[l])
            .map(|k| format!("{:.2}", (k % 5) as f64 / 10.0 - 0.2))
            .collect();
        biases.push(format!("[{}]", b.join(", ")));
    }
    let inputs: Vec<String> = (0..sizes[0])
        .map(|k| format!("{:.1}", 0.1 * (k + 1) as f64))
        .collect();
    let targets: Vec<String> = (0..sizes[sizes.len() - 1])
        .map(|_| "0.5".to_string())
        .collect();
    format!(
        "layers = {sizes:?}\nactivation = \"sigmoid\"\nbias = \"per_neuron\"\nloss = \"half_sse\"\nweights = [{}]\nbiases = [{}]\ninputs = [[{}]]\ntargets = [[{}]]\n",
        weights.join(", "),
        biases.join(", "),
        inputs.join(", "),
        targets.join(", ")
    )
}

#[test]
fn labels_stay_apart_and_off_the_neurons_in_four_shapes() {
    let dir = folder("shapes");
    // (widths, whether every weight is labelled)
    for (sizes, labelled) in [
        (vec![2, 3, 1], true),
        (vec![2, 2, 2], true),
        (vec![4, 8, 3], false),
        (vec![3, 12, 2], false),
    ] {
        let name = sizes
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join("-");
        let spec = dir.join(format!("n{name}.toml"));
        std::fs::write(&spec, shaped_spec(&sizes)).unwrap();
        for gradients in [false, true] {
            let mut args = vec![spec.to_str().unwrap()];
            if gradients {
                args.push("--plot-gradients");
            }
            let file = format!("n{name}-{gradients}.svg");
            let (svg, _) = draw(&dir, &file, &args);
            let raw = std::fs::read_to_string(dir.join(&file)).unwrap();
            // The labels and the lines under the shapes: centred, not bold.
            let labels: Vec<&Text> = svg.texts.iter().filter(|t| t.centred && !t.bold).collect();
            for (i, a) in labels.iter().enumerate() {
                for b in &labels[i + 1..] {
                    assert!(
                        !boxes_overlap(text_box(a), text_box(b)),
                        "{name}: {:?} and {:?} overlap",
                        a.content,
                        b.content
                    );
                }
                for &(cx, cy, r) in svg.circles.iter().filter(|c| c.2 >= 10.0) {
                    let circle = (cx - r, cy - r, cx + r, cy + r);
                    assert!(
                        !boxes_overlap(text_box(a), circle),
                        "{name}: {:?} over a neuron",
                        a.content
                    );
                }
            }
            // Biases named as the notes write them, with a subscript.
            assert!(!raw.contains("b_h1"), "{name}: b_h1 written raw");
            if labelled {
                assert!(svg.texts.iter().any(|t| t.content.starts_with("b_h1 = ")));
                assert!(svg.texts.iter().any(|t| t.content.starts_with("w1 = ")));
                assert!(raw.contains("b<tspan dy=\"0.3em\" font-size=\"80%\">h1</tspan>"));
            } else {
                assert!(svg
                    .texts
                    .iter()
                    .any(|t| t.content.contains("are not labelled")));
            }
            // No label box is drawn: label texts carry a halo instead.
            assert!(raw.contains("paint-order=\"stroke\""));
        }
    }
}
