//! Every kind of mistake in a network spec: exit code 2, one message naming
//! the problem, the file's line and column (pointing at the marked text),
//! and no panic.

mod common;

use common::stepgrad;

const BASE: &str = "layers = [2, 2, 2]\nactivation = \"sigmoid\"\n";
const DATA: &str = "inputs = [[0.05, 0.1]]\ntargets = [[0.01, 0.99]]\n";
const PARAMS: &str = "weights = [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45], [0.5, 0.55]]]\nbiases = [[0.35, 0.35], [0.6, 0.6]]\n";

/// (spec text, message, the text the caret must point at)
fn cases() -> Vec<(String, &'static str, &'static str)> {
    vec![
        (format!("{BASE}{PARAMS}{DATA}weigths = 1\n"), "unknown field `weigths`", "weigths"),
        (format!("layers = [2]\n{DATA}"), "layers needs at least an input size and an output size", "[2]"),
        (format!("layers = [2, 0, 2]\n{DATA}"), "a layer of 0 neurons", "0,"),
        (format!("layers = [2, 2, 2]\nactivation = \"sigmoidd\"\n{DATA}"), "unknown activation 'sigmoidd'", "\"sigmoidd\""),
        (
            format!("layers = [2, 2, 2]\nactivation = [\"softmax\", \"sigmoid\"]\n{DATA}"),
            "softmax on hidden layer 1 of 2",
            "[\"softmax\"",
        ),
        (format!("layers = [2, 2, 2]\nactivation = [\"tanh\"]\n{DATA}"), "1 activations for 2 layers after the input", "[\"tanh\"]"),
        (format!("{BASE}bias = \"shared\"\n{DATA}"), "unknown bias mode 'shared'", "\"shared\""),
        (format!("{BASE}loss = \"mae\"\n{DATA}"), "unknown loss 'mae'", "\"mae\""),
        (
            format!("{BASE}loss = \"cross_entropy\"\n{DATA}"),
            "cross_entropy needs a softmax output layer, but the output activation is sigmoid",
            "\"cross_entropy\"",
        ),
        (
            format!("layers = [2, 2, 2]\nactivation = [\"sigmoid\", \"tanh\"]\nloss = \"bce\"\n{DATA}"),
            "bce needs a sigmoid output layer, but the output activation is tanh",
            "\"bce\"",
        ),
        (
            format!("{BASE}weights = [[[0.15, 0.2], [0.25, 0.3]]]\nbiases = [[0.35, 0.35], [0.6, 0.6]]\n{DATA}"),
            "weights has 1 matrices, but the network has 2 layers after the input",
            "[[[0.15",
        ),
        (
            format!("{BASE}weights = [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45, 0.1], [0.5, 0.55, 0.2]]]\nbiases = [[0.35, 0.35], [0.6, 0.6]]\n{DATA}"),
            "layer 2 (hidden layer 1 → output) needs a 2×2 matrix (2 neurons × 2 inputs), but this is 2×3",
            "[[0.4,",
        ),
        (
            format!("{BASE}bias = \"per_layer\"\nweights = [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45], [0.5, 0.55]]]\nbiases = [[0.35], [0.6, 0.6]]\n{DATA}"),
            "layer 2 (hidden layer 1 → output) needs 1 bias, but this list has 2",
            "[0.6, 0.6]",
        ),
        (
            format!("{BASE}weights = [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45], [0.5, 0.55]]]\n{DATA}"),
            "weights are given but biases are not",
            "[[[0.15",
        ),
        (
            format!("{BASE}{PARAMS}inputs = [[0.05, 0.1], [0.1, 0.2, 0.3]]\ntargets = [[0.01, 0.99], [0, 1]]\n"),
            "sample 2 of inputs has 3 inputs; the network takes 2",
            "[0.1, 0.2, 0.3]",
        ),
        (
            format!("{BASE}{PARAMS}inputs = [[0.05, 0.1]]\ntargets = [[0.01, 0.99, 0.5]]\n"),
            "sample 1 of targets has 3 targets; the output layer has 2",
            "[0.01, 0.99, 0.5]",
        ),
        (
            format!("{BASE}{PARAMS}inputs = [[0.05, 0.1], [0, 1]]\ntargets = [[0.01, 0.99]]\n"),
            "2 rows of inputs but 1 rows of targets",
            "[[0.01, 0.99]]\n",
        ),
        (
            "layers = [2, 3]\nactivation = \"softmax\"\nloss = \"cross_entropy\"\ninputs = [[1, 2]]\ntargets = [[0.5, 0.7, 0]]\n".to_string(),
            "the targets of sample 1 sum to 1.2, but cross_entropy needs probabilities that sum to 1",
            "[0.5, 0.7, 0]",
        ),
        (format!("{BASE}init = \"gaussian\"\n{DATA}"), "unknown init 'gaussian'", "\"gaussian\""),
        (format!("{BASE}init = \"uniform(1, -1)\"\n{DATA}"), "'uniform(1, -1)' is not a valid uniform range", "\"uniform(1, -1)\""),
        (format!("{BASE}{PARAMS}init = \"he\"\n{DATA}"), "both weights and init are given", "\"he\""),
        (format!("{BASE}{DATA}[train]\nlr = -0.5\n"), "the learning rate must be a positive number, not -0.5", "-0.5"),
        (format!("{BASE}{DATA}[train]\nsteps = 0\n"), "steps must be at least 1, not 0", "0\n"),
        (format!("{BASE}{DATA}[train]\noptimizer = \"adamm\"\n"), "unknown optimizer 'adamm'", "\"adamm\""),
        ("layers = [2, 2\n".to_string(), "", "\n"),
        (format!("{BASE}weights = [[[\"a\"]]]\n{DATA}"), "invalid type: string", "\"a\""),
        (format!("{BASE}[data]\nfile = \"missing.csv\"\ntargets = [\"y\"]\n"), "cannot read", "\"missing.csv\""),
        (format!("{BASE}[data]\nfile = \"x.csv\"\n"), "[data] needs either targets = [columns] or label = \"column\"", "[data]"),
        (format!("{BASE}seed = -3\n{DATA}"), "the seed must not be negative", "-3"),
        (format!("{BASE}{PARAMS}{DATA}biases = 2\n"), "duplicate key", "biases = 2"),
    ]
}

/// 1-based line and column of the first occurrence of `marker`.
fn position(text: &str, marker: &str) -> (usize, usize) {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("marker {marker:?} not in {text}"));
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, column)
}

#[test]
fn each_spec_mistake_is_reported_at_its_place() {
    let dir = std::env::temp_dir().join(format!("stepgrad-spec-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (i, (text, message, marker)) in cases().into_iter().enumerate() {
        let path = dir.join(format!("case{i}.toml"));
        std::fs::write(&path, &text).unwrap();
        let path = path.to_str().unwrap();
        let out = stepgrad(&["net", path]);
        assert_eq!(out.code, 2, "case {i}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "case {i}: nothing on stdout");
        assert!(!out.stderr.contains("panicked"));
        let first = out.stderr.lines().next().unwrap_or("");
        assert!(
            first.starts_with("error: ") && first.contains(message),
            "case {i}: expected {message:?}, got\n{}",
            out.stderr
        );
        let (line, column) = position(&text, marker);
        if message.is_empty() {
            // A TOML syntax error: the parser's own message, at the end of
            // the unterminated array.
            assert!(
                out.stderr.contains(&format!("{path}:")),
                "case {i}: {}",
                out.stderr
            );
            continue;
        }
        let location = format!("{path}:{line}:{column}");
        assert!(
            out.stderr.contains(&location),
            "case {i}: expected {location} in\n{}",
            out.stderr
        );
        assert!(
            out.stderr.lines().any(|l| l.starts_with("hint: ")),
            "case {i}: a hint\n{}",
            out.stderr
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn csv_data_mistakes_are_reported_in_the_csv() {
    let dir = std::env::temp_dir().join(format!("stepgrad-spec-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("points.csv"), "x1,x2,y\n0,1,1\n1,oops,0\n").unwrap();
    let spec = dir.join("net.toml");
    std::fs::write(
        &spec,
        "layers = [2, 2, 1]\n[data]\nfile = \"points.csv\"\ntargets = [\"y\"]\n",
    )
    .unwrap();
    let out = stepgrad(&["net", spec.to_str().unwrap()]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("'oops' in column 2 (x2) is not a number"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("points.csv:3:3"), "{}", out.stderr);
    // Good data runs.
    std::fs::write(dir.join("points.csv"), "x1,x2,y\n0,1,1\n1,1,0\n").unwrap();
    let out = stepgrad(&["net", spec.to_str().unwrap(), "--show", "update"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unknown_example_names_suggest_the_close_one() {
    let out = stepgrad(&["net", "mazr"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("no spec file or built-in example named 'mazr'"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("did you mean mazur?"), "{}", out.stderr);
}
