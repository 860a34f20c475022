//! The bad-input catalog (issue 8): every mistake a user can make on the
//! command line, in an expression, a spec, a CSV or a lesson file, and what
//! stepgrad must answer — exit code 2, nothing on stdout, one message that
//! names the problem and where it is (the caret line under an expression,
//! `file:line:column` in a file), a hint where stepgrad gives one, no panic
//! text, and no file left behind.
//!
//! Each case is a row of the table in `catalog()`. A row names the mistake,
//! gives the arguments (`{dir}` stands for the case's own scratch folder,
//! where the files it needs are written) and the fragments the message
//! must contain. Clap's own errors have another shape ("For more
//! information, try '--help'", no hint), and so do the lines of a problem
//! file ("line N: error: …"); rows say which shape they expect.

mod common;

use common::stepgrad;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use stepgrad::cli::Outcome;

/// What the message looks like besides its fragments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// stepgrad's own: `error: …`, then a `hint: …` line.
    Hinted,
    /// clap's: `error: …` and "For more information, try '--help'."
    Clap,
    /// A failed line of a `--file`: `line N: error: …` with a hint, then
    /// the count of lines that failed.
    ProblemLine(usize),
}

/// One row of the catalog.
struct Case {
    /// A short name, unique in the catalog: "command: the mistake".
    name: &'static str,
    args: Vec<&'static str>,
    /// Files written into the scratch folder before the run.
    files: Vec<(&'static str, Vec<u8>)>,
    /// Folders made in the scratch folder before the run.
    folders: Vec<&'static str>,
    /// Fragments the message must contain (`{dir}` is the scratch folder).
    expect: Vec<String>,
    shape: Shape,
    /// Files the command was asked to write: none may exist afterwards.
    outputs: Vec<&'static str>,
}

fn case(name: &'static str, args: &[&'static str]) -> Case {
    Case {
        name,
        args: args.to_vec(),
        files: Vec::new(),
        folders: Vec::new(),
        expect: Vec::new(),
        shape: Shape::Hinted,
        outputs: Vec::new(),
    }
}

impl Case {
    fn file(mut self, name: &'static str, text: impl Into<Vec<u8>>) -> Case {
        self.files.push((name, text.into()));
        self
    }

    fn folder(mut self, name: &'static str) -> Case {
        self.folders.push(name);
        self
    }

    /// The message names these.
    fn says(mut self, fragments: &[&str]) -> Case {
        self.expect.extend(fragments.iter().map(|f| f.to_string()));
        self
    }

    /// The expression shown with a caret line under the bad part.
    fn caret(mut self, expression: &str, marks: &str) -> Case {
        self.expect.push(format!("\n  {expression}\n  {marks}\n"));
        self
    }

    /// The message points at the first `marker` in `file` (one of the
    /// case's files): `{dir}/file:line:column`.
    fn points_at(mut self, file: &str, marker: &str) -> Case {
        let bytes = &self
            .files
            .iter()
            .find(|(name, _)| *name == file)
            .unwrap_or_else(|| panic!("{}: no file {file}", self.name))
            .1;
        let text = String::from_utf8_lossy(bytes);
        let at = text
            .find(marker)
            .unwrap_or_else(|| panic!("{}: {marker:?} not in {file}", self.name));
        let line = text[..at].matches('\n').count() + 1;
        let column = text[..at].chars().rev().take_while(|&c| c != '\n').count() + 1;
        self.expect.push(format!("{{dir}}/{file}:{line}:{column}"));
        self
    }

    fn clap(mut self) -> Case {
        self.shape = Shape::Clap;
        self
    }

    /// stepgrad gives no hint here, for the reason `_why`.
    fn problem_line(mut self, line: usize) -> Case {
        self.shape = Shape::ProblemLine(line);
        self
    }

    fn output(mut self, name: &'static str) -> Case {
        self.outputs.push(name);
        self
    }

    fn command(&self) -> &'static str {
        self.name.split(':').next().unwrap_or("")
    }
}

/// A network spec with its parameters and one sample (Mazur's), each key
/// on its own line: layers 1, activation 2, weights 3, biases 4, inputs 5,
/// targets 6.
/// A model file as `train --save` writes it: 2 inputs, one sigmoid output.
const MODEL: &str = "{\"stepgrad\": \"model\", \"version\": 1,\n \"network\": {\"layers\": [2, 1], \"activations\": [\"sigmoid\"], \"bias\": \"per_neuron\", \"loss\": \"bce\"},\n \"features\": [\"x1\", \"x2\"], \"targets\": [\"y\"], \"label\": null, \"classes\": [\"0\", \"1\"],\n \"standardization\": null, \"W\": [[[1, 1]]], \"b\": [[0]]}\n";
/// A model of two classes read from the label column `kind`.
const LABEL_MODEL: &str = "{\"stepgrad\": \"model\", \"version\": 1,\n \"network\": {\"layers\": [1, 2], \"activations\": [\"softmax\"], \"bias\": \"none\", \"loss\": \"cross_entropy\"},\n \"features\": [\"x\"], \"targets\": [\"cat\", \"dog\"], \"label\": \"kind\", \"classes\": [\"cat\", \"dog\"],\n \"standardization\": null, \"W\": [[[1], [-1]]], \"b\": [[]]}\n";
/// A model of two numeric targets, y and z.
const VALUES_MODEL: &str = "{\"stepgrad\": \"model\", \"version\": 1,\n \"network\": {\"layers\": [2, 2], \"activations\": [\"identity\"], \"bias\": \"per_neuron\", \"loss\": \"mse\"},\n \"features\": [\"x1\", \"x2\"], \"targets\": [\"y\", \"z\"], \"label\": null, \"classes\": null,\n \"standardization\": null, \"W\": [[[1, 1], [1, 1]]], \"b\": [[0, 0]]}\n";

const NET: &str = "layers = [2, 2, 2]
activation = \"sigmoid\"
weights = [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45], [0.5, 0.55]]]
biases = [[0.35, 0.35], [0.6, 0.6]]
inputs = [[0.05, 0.1]]
targets = [[0.01, 0.99]]
";
/// The same without weights and activation, to vary one key at a time.
const LAYERS: &str = "layers = [2, 2, 2]\n";
const DATA: &str = "inputs = [[0.05, 0.1]]\ntargets = [[0.01, 0.99]]\n";
/// Four samples of two inputs and a 0/1 target.
const POINTS: &str = "x1,x2,y\n0,1,1\n1,1,0\n1,0,1\n0,0,0\n";
/// A lesson file's front matter and first section, up to line 8.
const HEAD: &str = "+++\nnumber = 1\ntitle = \"T\"\nobjectives = [\"o\"]\n+++\n\n## S\n\n";

fn with_train(train: &str) -> String {
    format!("{NET}[train]\n{train}")
}

fn catalog() -> Vec<Case> {
    // a1 + a2 + … + a40: more variables than a message lists.
    let many_variables: &'static str = Box::leak(
        (1..=40)
            .map(|k| format!("a{k}"))
            .collect::<Vec<_>>()
            .join("+")
            .into_boxed_str(),
    );
    let product_of_400 = leak(
        (1..=400)
            .map(|k| format!("x{k}"))
            .collect::<Vec<_>>()
            .join("*"),
    );
    let long_product_in_x = leak(
        (1..=200)
            .map(|k| format!("sin(x+{k})"))
            .collect::<Vec<_>>()
            .join("*"),
    );
    let squares_of_61 = leak(
        (1..=61)
            .map(|k| format!("x{k}^2"))
            .collect::<Vec<_>>()
            .join("+"),
    );
    let start_of_61 = leak(
        (1..=61)
            .map(|k| format!("x{k}=1"))
            .collect::<Vec<_>>()
            .join(","),
    );
    let start_of_60 = leak(
        (1..=60)
            .map(|k| format!("x{k}=1"))
            .collect::<Vec<_>>()
            .join(","),
    );
    // A product of 60 variables plus 700 more terms in x1.
    let long_function_of_60 = leak(format!(
        "{}+{}",
        (1..=60)
            .map(|k| format!("x{k}"))
            .collect::<Vec<_>>()
            .join("*"),
        (1..=700)
            .map(|k| format!("sin({k}*x1)"))
            .collect::<Vec<_>>()
            .join("+")
    ));
    // 50 inputs, 50 outputs: 2,550 weights and biases.
    let zeros = vec!["0"; 50].join(", ");
    let wide_net = leak(format!(
        "layers = [50, 50]\ninit = \"xavier\"\ninputs = [[{zeros}]]\ntargets = [[{zeros}]]\n"
    ));
    let many_samples = leak(format!(
        "layers = [2, 1]\ninit = \"xavier\"\ninputs = [{}]\ntargets = [{}]\n",
        vec!["[0, 1]"; 1001].join(", "),
        vec!["[1]"; 1001].join(", ")
    ));
    let row = format!("[{zeros}]");
    let wide_and_many = leak(format!(
        "layers = [50, 50]\ninit = \"xavier\"\ninputs = [{rows}]\ntargets = [{rows}]\n",
        rows = vec![row.as_str(); 400].join(", ")
    ));
    vec![
        // ── diff: expressions ────────────────────────────────────────────
        case("diff: empty expression", &["diff", ""])
            .says(&["error: the expression is empty (in the expression)", "hint: type an expression such as x^2*sin(x)"])
            .caret("", "^"),
        case("diff: whitespace-only expression", &["diff", "   "])
            .says(&["the expression is empty"])
            .caret("   ", "^^^"),
        case("diff: unclosed parenthesis", &["diff", "(x+1"])
            .says(&["this '(' is never closed", "hint: add a ')'"])
            .caret("(x+1", "^"),
        case("diff: unmatched closing parenthesis", &["diff", "x+1)"])
            .says(&["this ')' has no matching '('"])
            .caret("x+1)", "   ^"),
        case("diff: a product without * after /", &["diff", "1/2x^2"])
            .says(&["'1/2x^2' can be read two ways: 1/(2*x^2) or (1/2)*x^2", "hint: a product written without '*' after '/' may or may not belong to the denominator: write 1/(2*x^2) or (1/2)*x^2, as you mean it"])
            .caret("1/2x^2", "^^^^^^"),
        case("diff: a number after an operand", &["diff", "x 2"])
            .says(&["'x' and '2' stand side by side with no operator between them", "hint: multiplication needs '*': write x*2"])
            .caret("x 2", "^^^"),
        case("diff: power with nothing on its right", &["diff", "x^"])
            .says(&["the operator '^' has nothing on its right"])
            .caret("x^", " ^"),
        case("diff: a product without * after an exponent", &["diff", "e^2x"])
            .says(&["'e^2x' can be read two ways: e^(2*x) or (e^2)*x", "hint: a product written without '*' after an exponent may or may not belong to the exponent"])
            .caret("e^2x", "^^^^"),
        case("diff: unknown function", &["diff", "sinn(x)"])
            .says(&["unknown function 'sinn'", "hint: did you mean sin?"])
            .caret("sinn(x)", "^^^^"),
        case("diff: many variables and no --wrt", &["diff", many_variables])
            .says(&["the expression has several variables (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, …, a40 (40 in all)): say which to differentiate by", "hint: add --wrt a1 for one partial derivative, or a list such as --wrt a1,a2,a3"]),
        case("diff: two letters swapped in a function", &["diff", "tahn(x)"])
            .says(&["unknown function 'tahn'", "hint: did you mean tanh?"])
            .caret("tahn(x)", "^^^^"),
        case("diff: function without an argument", &["diff", "sin + x"])
            .says(&["the function sin needs its argument in parentheses", "hint: write sin(x)"])
            .caret("sin + x", "^^^"),
        case("diff: an argument without parentheses, then /", &["diff", "sin x/2"])
            .says(&["'sin x/2' can be read two ways: sin(x/2) or sin(x)/2", "hint: a function's argument without parentheses may or may not take in what follows it"])
            .caret("sin x/2", "^^^^^^^"),
        case("diff: sin⁻¹ for the inverse function", &["diff", "sin^-1(x)"])
            .says(&["sin⁻¹ means the inverse function of sin in textbooks, and stepgrad has no inverse functions", "hint: for 1/sin(x), write sin(x)^-1"])
            .caret("sin^-1(x)", "   ^^^"),
        case("diff: a function's name and a number as one name", &["diff", "cos2x"])
            .says(&["'cos2x' reads as one name, but it begins with the function cos and a number", "hint: for the function, put its argument in parentheses, as in cos(2x)"])
            .caret("cos2x", "^^^^^"),
        case("diff: an absolute value never closed", &["diff", "|x - 1"])
            .says(&["this '|' is never closed", "hint: an absolute value stands between two bars, as in |x - 1|, or is written abs(x - 1)"])
            .caret("|x - 1", "^"),
        case("diff: function with two arguments", &["diff", "sin(x,y)"])
            .says(&["sin takes 1 argument, but 2 were given"])
            .caret("sin(x,y)", "^^^^^^^^"),
        case("diff: empty parentheses", &["diff", "()"])
            .says(&["empty parentheses"])
            .caret("()", "^^"),
        case("diff: a symbol outside the syntax", &["diff", "∂x"])
            .says(&["'∂' is not part of the expression syntax", "hint: write a derivative with stepgrad diff instead"])
            .caret("∂x", "^"),
        case("diff: a superscript that is no power", &["diff", "x⁻"])
            .says(&["'⁻' is not a power stepgrad can read", "hint: a superscript is a whole number, as in x² or x⁻¹, or ⁿ"])
            .caret("x⁻", " ^"),
        case("diff: an equation", &["diff", "x=1"])
            .says(&["unexpected character '='", "hint: an expression has no '='; to give values use --at x=1.5"])
            .caret("x=1", " ^"),
        case("diff: unsupported operator", &["diff", "x & y"])
            .says(&["the operator '&' is not supported", "hint: the operators are + - * / and ^"])
            .caret("x & y", "  ^"),
        // ── diff: options ────────────────────────────────────────────────
        case("diff: --wrt a variable the expression lacks", &["diff", "x^2", "--wrt", "y"])
            .says(&["--wrt y: the expression has no variable y", "hint: its variables are x"]),
        case("diff: --wrt a constant", &["diff", "e^x", "--wrt", "e"])
            .says(&["--wrt e: e is the constant 2.71828…, not a variable", "hint: the expression's variable is x: --wrt x"]),
        case("diff: --wrt a function name", &["diff", "sin(x)", "--wrt", "sin"])
            .says(&["--wrt sin: sin is a function, not a variable"]),
        case("diff: --wrt an empty name", &["diff", "x^2", "--wrt", "x,"])
            .says(&["--wrt is given an empty name (a comma too many?)", "hint: separate names with single commas"]),
        case("diff: several variables, no --wrt", &["diff", "x*y"])
            .says(&["the expression has several variables (x, y)", "hint: add --wrt x for one partial derivative, or --wrt x,y for the gradient"]),
        case("diff: --at value not a number", &["diff", "x^2", "--at", "x=abc"])
            .says(&["--at x=abc: 'abc' is not a number", "hint: a value is a number or a constant expression"]),
        case("diff: --at item without =", &["diff", "x^2", "--at", "x"])
            .says(&["--at x: 'x' is not of the form name=value", "hint: write values as --at x=1.5,y=-2"]),
        case("diff: --at name that is a number", &["diff", "x^2", "--at", "1=2"])
            .says(&["--at 1=2: '1' is not a variable name"]),
        case("diff: --at value with a syntax error", &["diff", "x^2", "--at", "x=(1"])
            .says(&["this '(' is never closed (in the value of x in --at)"])
            .caret("(1", "^"),
        case("diff: a denominator that is 0 everywhere", &["diff", "x/(x-x)"])
            .says(&["the expression is undefined everywhere: the denominator x − x is 0 for every value of the variables", "hint: this part cancels to a constant"])
            .caret("x/(x-x)", "   ^^^"),
        case("diff: ln of a part that is 0 everywhere", &["diff", "ln(x-x)"])
            .says(&["ln needs a positive argument, and x − x is never positive"])
            .caret("ln(x-x)", "   ^^^"),
        case("diff: a division by the number 0", &["diff", "x*0/0"])
            .says(&["the expression is undefined everywhere: it divides by 0", "hint: this operation has no value for any input"])
            .caret("x*0/0", "    ^"),
        case("diff: a denominator that cancels to 0", &["diff", "1/(2*x-x-x)"])
            .says(&["the denominator 2·x − x − x is 0 for every value of the variables"])
            .caret("1/(2*x-x-x)", "   ^^^^^^^"),
        case("diff: sqrt of a negative number", &["diff", "x + sqrt(-4)"])
            .says(&["it takes sqrt of −4, which is negative"]),
        case("check: an expression undefined everywhere", &["check", "1/(x-x)", "--answer", "0"])
            .says(&["the denominator x − x is 0 for every value of the variables (in the expression)"]),
        case("check: an answer undefined everywhere", &["check", "x^2", "--answer", "2*x/(x-x)"])
            .says(&["the denominator x − x is 0 for every value of the variables (in --answer)"]),
        case("diff: --at value undefined", &["diff", "x^2", "--at", "x=1/0"])
            .says(&["--at x=1/0: 1/0 is undefined here: the denominator 0 is 0", "hint: give x a number, e.g. --at x=1"]),
        case("diff: --at where the expression is undefined", &["diff", "ln(x)", "--at", "x=0"])
            .says(&["cannot evaluate at x = 0: ln(x) is undefined here: ln needs a positive argument", "hint: choose a point inside the expression's domain"]),
        case("diff: --at twice for one variable", &["diff", "x^2", "--at", "x=1,x=2"])
            .says(&["--at x=2: x is given twice (1 and 2)", "hint: give each variable one value"]),
        case("diff: --at misses a variable", &["diff", "x^2*y", "--wrt", "x", "--at", "x=1"])
            .says(&["cannot evaluate at x = 1: no value was given for y", "hint: give it a value, e.g. --at y=1"]),
        case("diff: --file missing", &["diff", "--file", "{dir}/problems.txt"])
            .says(&["--file {dir}/problems.txt: there is no such file", "hint: check the name"]),
        case("diff: --file is a folder", &["diff", "--file", "{dir}/problems"])
            .folder("problems")
            .says(&["--file {dir}/problems: this is a folder, not a file"]),
        case("diff: --file with a bad line", &["diff", "--file", "{dir}/problems.txt"])
            .file("problems.txt", "# week 2\nsin(\n")
            .problem_line(2)
            .says(&["line 2: error: this '(' is never closed (in line 2)", "1 line(s) of {dir}/problems.txt could not be answered"])
            .caret("sin(", "^^^^"),
        case("diff: --file line with an unknown option", &["diff", "--file", "{dir}/problems.txt"])
            .file("problems.txt", "x^2 ; foo=1\n")
            .problem_line(1)
            .says(&["line 1: error: 'foo=1' is not an option of this line", "hint: after the expression, a line may add ; wrt=… ; at=…"]),
        case("diff: --file line with a bad at=", &["diff", "--file", "{dir}/problems.txt"])
            .file("problems.txt", "x^2 ; at=x=zz\n")
            .problem_line(1)
            .says(&["line 1: error: at=x=zz: 'zz' is not a number"]),
        case("diff: --file without problems", &["diff", "--file", "{dir}/problems.txt"])
            .file("problems.txt", "# nothing yet\n\n")
            .says(&["{dir}/problems.txt: the file has no problems", "hint: write one problem a line"]),
        case("diff: --file line with at= twice", &["diff", "--file", "{dir}/problems.txt"])
            .file("problems.txt", "x^2*y ; wrt=x ; at=x=1,y=2 ; at=x=3\n")
            .problem_line(1)
            .says(&["line 1: error: at= is given twice on this line ('x=1,y=2', then 'x=3')", "hint: give at= once"]),
        case("diff: --output over the --file it reads", &["diff", "--file", "{dir}/problems.txt", "--output", "{dir}/./problems.txt"])
            .file("problems.txt", "x^2\n")
            .says(&["--output {dir}/./problems.txt would overwrite --file {dir}/problems.txt, which this command reads", "hint: write --output to another file: stepgrad never replaces its own input"]),
        case("diff: --file and an expression", &["diff", "x^2", "--file", "{dir}/problems.txt"])
            .clap()
            .says(&["the argument '[EXPR]' cannot be used with '--file <FILE>'"]),
        case("diff: no expression", &["diff"])
            .clap()
            .says(&["the following required arguments were not provided", "<EXPR>"]),
        // ── check ────────────────────────────────────────────────────────
        case("check: no --answer", &["check", "sin(x)"])
            .clap()
            .says(&["the following required arguments were not provided", "--answer <EXPR>"]),
        case("check: --answer without a value", &["check", "sin(x)", "--answer"])
            .clap()
            .says(&["a value is required for '--answer <EXPR>'"]),
        case("check: two expressions", &["check", "sin(x)", "cos(x)", "--answer", "cos(x)"])
            .clap()
            .says(&["unexpected argument 'cos(x)' found"]),
        case("check: answer with a syntax error", &["check", "sin(x)", "--answer", "cos(x"])
            .says(&["this '(' is never closed (in --answer)"])
            .caret("cos(x", "   ^"),
        case("check: an answer read two ways", &["check", "x^2", "--answer", "1/2x"])
            .says(&["'1/2x' can be read two ways: 1/(2*x) or (1/2)*x (in --answer)"])
            .caret("1/2x", "^^^^"),
        case("check: answer with an unknown function", &["check", "sin(x)", "--answer", "coss(x)"])
            .says(&["unknown function 'coss' (in --answer)", "hint: did you mean cos?"])
            .caret("coss(x)", "^^^^"),
        case("check: --wrt with several names", &["check", "x*y", "--answer", "y", "--wrt", "x,y"])
            .says(&["--wrt x,y: check judges one partial derivative at a time, by one variable", "hint: give one variable, e.g. --wrt x"]),
        case("check: --wrt twice", &["check", "x*y", "--answer", "y", "--wrt", "x", "--wrt", "y"])
            .clap()
            .says(&["the argument '--wrt <V>' cannot be used multiple times"]),
        case("check: several variables, no --wrt", &["check", "x*y", "--answer", "y"])
            .says(&["the expression has several variables (x, y)", "hint: add --wrt x (one variable"]),
        case("check: --wrt a variable the expression lacks", &["check", "sin(x)", "--answer", "cos(x)", "--wrt", "z"])
            .says(&["--wrt z: the expression has no variable z"]),
        case("check: expression defined nowhere", &["check", "sqrt(-1-x^2)", "--answer", "x"])
            .says(&["cannot decide: no point was found where the expression and its derivative are both defined", "hint: check compares values at points where the expression is defined"]),
        case("check: --file line without an answer", &["check", "--file", "{dir}/answers.txt"])
            .file("answers.txt", "x^2\n")
            .problem_line(1)
            .says(&["line 1: error: no answer given", "hint: write the line as EXPR ; answer=EXPR"]),
        case("check: --file line with answer= twice", &["check", "--file", "{dir}/answers.txt"])
            .file("answers.txt", "# week 3\nx^2 ; answer=2*x ; answer=2x\n")
            .problem_line(2)
            .says(&["line 2: error: answer= is given twice on this line ('2*x', then '2x')", "hint: give answer= once: keep the one you mean"]),
        case("check: --file with a byte-order mark and a bad line", &["check", "--file", "{dir}/answers.txt"])
            .file("answers.txt", "\u{feff}sin(x) ; answer=cos(x ; wrt=x\n")
            .problem_line(1)
            .says(&["line 1: error: this '(' is never closed (in line 1's answer)"])
            .caret("cos(x", "   ^"),
        // ── net ──────────────────────────────────────────────────────────
        case("net --check: a name the network does not have", &["net", "mazur", "--check", "{dir}/answers.toml"])
            .file("answers.toml", "out_h1 = 0.5933\ndelta_01 = 0.1385\n")
            .says(&["delta_01 is not a quantity of this network", "hint: did you mean delta_o1?"])
            .points_at("answers.toml", "delta_01"),
        case("net --check: a value that is not a number", &["net", "mazur", "--check", "{dir}/answers.toml"])
            .file("answers.toml", "out_h1 = \"0.5933\"\n")
            .says(&["out_h1 = \"0.5933\" is not a number", "hint: write the value as a decimal number"])
            .points_at("answers.toml", "\"0.5933\""),
        case("net --check: a value that is not finite", &["net", "mazur", "--check", "{dir}/answers.toml"])
            .file("answers.toml", "out_h1 = nan\n")
            .says(&["out_h1 = nan is not a number"])
            .points_at("answers.toml", "nan"),
        case("net --check: a sheet that is not TOML", &["net", "mazur", "--check", "{dir}/answers.toml"])
            .file("answers.toml", "out_h1 = 0.5933\ndE_total/dw5 = 0.0822\n")
            .says(&["{dir}/answers.toml:2:", "hint: write one `name = number` a line"]),
        case("net --check: a name given twice", &["net", "mazur", "--check", "{dir}/answers.toml"])
            .file("answers.toml", "out_h1 = 0.5933\nout_h1 = 0.6\n")
            .says(&["duplicate key", "{dir}/answers.toml:2:1"]),
        case("net --check: a table where a number belongs", &["net", "mazur", "--check", "{dir}/answers.toml"])
            .file("answers.toml", "[answers]\nout_h1 = 0.5933\n")
            .says(&["answers is not a quantity of this network", "hint: the names are those net prints"]),
        case("net --check: an empty sheet", &["net", "mazur", "--check", "{dir}/answers.toml"])
            .file("answers.toml", "# nothing yet\n")
            .says(&["{dir}/answers.toml gives no values to check", "hint: write one `name = number` a line"]),
        case("net --check: a sheet that does not exist", &["net", "mazur", "--check", "{dir}/answers.toml"])
            .says(&["--check {dir}/answers.toml: there is no such file", "hint: check the name"]),
        case("net --check: an update not judged for adam", &["net", "mazur", "--check", "{dir}/answers.toml", "--optimizer", "adam"])
            .file("answers.toml", "new_w5 = 0.399\n")
            .says(&["new_w5 is not a quantity of this network", "hint: the updated parameters are judged only for a plain gradient-descent step"]),
        case("net --check: a frozen bias's update", &["net", "mazur", "--check", "{dir}/answers.toml"])
            .file("answers.toml", "new_b1 = 0.35\n")
            .says(&["new_b1 is not a quantity of this network", "hint: new_b1 is not changed by this step"]),
        case("net --check: as CSV", &["net", "mazur", "--check", "{dir}/answers.toml", "--format", "csv"])
            .file("answers.toml", "out_h1 = 0.5933\n")
            .says(&["net --check writes text, markdown, latex or json, not csv", "hint: use --format json"]),
        case("net --check: softmax under mse", &["net", "{dir}/net.toml", "--check", "{dir}/answers.toml"])
            .file("net.toml", "layers = [2, 2]\nactivation = \"softmax\"\nloss = \"mse\"\nweights = [[[0.1, 0.2], [0.3, 0.4]]]\nbiases = [[0.0, 0.0]]\ninputs = [[1, 2]]\ntargets = [[1, 0]]\n")
            .file("answers.toml", "out_o1 = 0.4\n")
            .says(&["net --check judges softmax outputs only with the cross_entropy loss, not mse", "hint: use loss = \"cross_entropy\""]),
        case("net: unknown example", &["net", "mazr"])
            .says(&["there is no spec file or built-in example named 'mazr'", "hint: did you mean mazur?"]),
        case("net: spec file missing", &["net", "{dir}/net.toml"])
            .says(&["there is no spec file or built-in example named '{dir}/net.toml'", "hint: give the path of a .toml spec"]),
        case("net: spec that is not TOML", &["net", "{dir}/net.toml"])
            .file("net.toml", "layers = [2, 2\n")
            .says(&["error: unclosed array, expected `]`", "{dir}/net.toml:1:15"]),
        case("net: spec with a misspelt key", &["net", "{dir}/net.toml"])
            .file("net.toml", format!("{NET}weigths = 1\n"))
            .says(&["unknown field `weigths`", "hint: did you mean weights?"])
            .points_at("net.toml", "weigths"),
        case("net: weights of the wrong shape", &["net", "{dir}/net.toml"])
            .file("net.toml", format!("{LAYERS}weights = [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45, 0.1], [0.5, 0.55, 0.2]]]\nbiases = [[0.35, 0.35], [0.6, 0.6]]\n{DATA}"))
            .says(&["layer 2 (hidden layer 1 → output) needs a 2×2 matrix (2 neurons × 2 inputs), but this is 2×3"])
            .points_at("net.toml", "[[0.4, 0.45, 0.1]"),
        case("net: layer sizes that the weights do not match", &["net", "{dir}/net.toml"])
            .file("net.toml", NET.replace("[2, 2, 2]", "[2, 3, 2]"))
            .says(&["layer 1 (input → hidden layer 1) needs a 3×2 matrix (3 neurons × 2 inputs), but this is 2×2"])
            .points_at("net.toml", "[[0.15"),
        case("net: a layer of no neurons", &["net", "{dir}/net.toml"])
            .file("net.toml", format!("layers = [2, 0, 2]\n{DATA}"))
            .says(&["a layer of 0 neurons", "hint: each layer needs between 1 and 10,000 neurons"])
            .points_at("net.toml", "0,"),
        case("net: unknown activation", &["net", "{dir}/net.toml"])
            .file("net.toml", NET.replace("\"sigmoid\"", "\"sigmoidd\""))
            .says(&["unknown activation 'sigmoidd'", "hint: did you mean sigmoid?"])
            .points_at("net.toml", "\"sigmoidd\""),
        case("net: unknown loss", &["net", "{dir}/net.toml"])
            .file("net.toml", format!("{NET}loss = \"mae\"\n"))
            .says(&["unknown loss 'mae'", "hint: did you mean mse? The choices are half_sse, mse, bce, cross_entropy"])
            .points_at("net.toml", "\"mae\""),
        case("net: softmax on a hidden layer", &["net", "{dir}/net.toml"])
            .file("net.toml", NET.replace("\"sigmoid\"", "[\"softmax\", \"sigmoid\"]"))
            .says(&["softmax on hidden layer 1 of 2", "hint: softmax turns the output layer into probabilities"])
            .points_at("net.toml", "[\"softmax\""),
        case("net: unknown bias mode", &["net", "{dir}/net.toml"])
            .file("net.toml", format!("{NET}bias = \"shared\"\n"))
            .says(&["unknown bias mode 'shared'", "hint: the choices are per_neuron, per_layer, none"])
            .points_at("net.toml", "\"shared\""),
        case("net: cross-entropy without softmax", &["net", "{dir}/net.toml"])
            .file("net.toml", format!("{NET}loss = \"cross_entropy\"\n"))
            .says(&["cross_entropy needs a softmax output layer, but the output activation is sigmoid"])
            .points_at("net.toml", "\"cross_entropy\""),
        case("net: [train] lr = 0", &["net", "{dir}/net.toml"])
            .file("net.toml", with_train("lr = 0\n"))
            .says(&["the learning rate must be a positive number, not 0", "hint: typical values lie between 0.001 and 1"])
            .points_at("net.toml", "0\n"),
        case("net: [train] negative lr", &["net", "{dir}/net.toml"])
            .file("net.toml", with_train("lr = -0.5\n"))
            .says(&["the learning rate must be a positive number, not -0.5"])
            .points_at("net.toml", "-0.5"),
        case("net: [train] unknown optimizer", &["net", "{dir}/net.toml"])
            .file("net.toml", with_train("optimizer = \"adm\"\n"))
            .says(&["unknown optimizer 'adm'", "hint: did you mean adam?"])
            .points_at("net.toml", "\"adm\""),
        case("net: [train] lr for newton", &["net", "{dir}/net.toml"])
            .file("net.toml", with_train("optimizer = \"newton\"\nlr = 0.1\n"))
            .says(&["newton takes no learning rate: it chooses its own step", "hint: remove lr from [train]"])
            .points_at("net.toml", "0.1\n"),
        case("net: [train] beta1 out of range", &["net", "{dir}/net.toml"])
            .file("net.toml", with_train("optimizer = \"adam\"\nbeta1 = 1.5\n"))
            .says(&["beta1 = 1.5: it must lie in [0, 1)"])
            .points_at("net.toml", "1.5"),
        case("net: [train] a hyperparameter the optimizer does not take", &["net", "{dir}/net.toml"])
            .file("net.toml", with_train("optimizer = \"sgd\"\nbeta2 = 0.9\n"))
            .says(&["beta2 does not apply to sgd", "hint: remove beta2 from [train]"])
            .points_at("net.toml", "0.9\n"),
        case("net: [train] steps = 0", &["net", "{dir}/net.toml"])
            .file("net.toml", with_train("steps = 0\n"))
            .says(&["steps must be at least 1, not 0"])
            .points_at("net.toml", "0\n"),
        case("net: spec without data", &["net", "{dir}/net.toml"])
            .file("net.toml", LAYERS)
            .says(&["the spec {dir}/net.toml has no data", "hint: add inputs = [[…]] and targets = [[…]]"]),
        case("net: spec whose CSV is missing", &["net", "{dir}/net.toml"])
            .file("net.toml", "layers = [2, 2, 1]\n[data]\nfile = \"points.csv\"\ntargets = [\"y\"]\n")
            .says(&["cannot read {dir}/points.csv: there is no such file", "hint: the path is relative to the spec file"])
            .points_at("net.toml", "\"points.csv\""),
        case("net: spec whose CSV has a bad number", &["net", "{dir}/net.toml"])
            .file("net.toml", "layers = [2, 2, 1]\n[data]\nfile = \"points.csv\"\ntargets = [\"y\"]\n")
            .file("points.csv", "x1,x2,y\n0,1,1\n1,oops,0\n")
            .says(&["'oops' in column 2 (x2) is not a number"])
            .points_at("points.csv", "oops"),
        case("net: --steps 0", &["net", "mazur", "--steps", "0"])
            .says(&["--steps 0 is outside 1 to 1,000,000 steps", "hint: run at least one step; for long training use stepgrad train"]),
        case("net: --sample 0", &["net", "mazur", "--sample", "0"])
            .says(&["--sample 0: the data has samples 1 to 1 (a single sample)"]),
        case("net: --sample past the data", &["net", "xor", "--sample", "5"])
            .says(&["--sample 5: the data has samples 1 to 4", "hint: choose which sample's chain-rule factors to show"]),
        case("net: --param unknown", &["net", "mazur", "--param", "w9"])
            .says(&["--param w9: the network has no parameter w9", "hint: its parameters are w1, w2, w3, w4, b1, w5, w6, w7, w8, b2"]),
        case("net: --show an unknown part", &["net", "mazur", "--show", "forwrd"])
            .says(&["--show forwrd: not a part of the report", "hint: the parts are network, formula, forward, backward, update (or all)"]),
        case("net: --plot into a missing folder", &["net", "mazur", "--plot", "{dir}/pictures/net.svg"])
            .says(&["--plot {dir}/pictures/net.svg: the folder {dir}/pictures does not exist", "hint: create the folder first"])
            .output("pictures/net.svg"),
        case("net: --plot not an .svg", &["net", "mazur", "--plot", "{dir}/net.png"])
            .says(&["--plot {dir}/net.png: the file name must end in .svg", "hint: for example --plot result.svg"])
            .output("net.png"),
        case("net: --plot names a folder", &["net", "mazur", "--plot", "{dir}/net.svg"])
            .folder("net.svg")
            .says(&["--plot {dir}/net.svg: this is a folder, not a file"]),
        case("net: --plot-gradients without --plot", &["net", "mazur", "--plot-gradients"])
            .clap()
            .says(&["the following required arguments were not provided", "--plot <FILE.svg>"]),
        case("net: --optimizer unknown", &["net", "mazur", "--optimizer", "adamm"])
            .says(&["unknown optimizer 'adamm'", "hint: did you mean adam? The optimizers are sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw, newton, bfgs"]),
        case("net: --lr 0", &["net", "mazur", "--lr", "0"])
            .says(&["--lr 0: the learning rate must be a positive number", "hint: for example --lr 0.1"]),
        case("net: --lr for newton", &["net", "mazur", "--optimizer", "newton", "--lr", "0.1"])
            .says(&["newton takes no learning rate: it chooses its own step", "hint: remove --lr"]),
        case("net: --steps not a number", &["net", "mazur", "--steps", "many"])
            .clap()
            .says(&["invalid value 'many' for '--steps <N>': not a number: give a whole number such as 10"]),
        case("net: --steps negative", &["net", "mazur", "--steps", "-1"])
            .clap()
            .says(&["invalid value '-1' for '--steps <N>': a count cannot be negative"]),
        case("net: starting weights that overflow", &["net", "{dir}/net.toml", "--plot", "{dir}/net.svg"])
            .file("net.toml", NET.replace("[[0.4, 0.45]", "[[1.7e308, 1.7e308]"))
            .says(&["net_o1 overflows with the starting parameters, on sample 1: w5·out_h1 + w6·out_h2 + b_o1 is too large for a 64-bit float (w6·out_h2 = 1.0", "hint: every value must stay finite"])
            .points_at("net.toml", "[[[")
            .output("net.svg"),
        case("net: an init range wider than a float", &["net", "{dir}/net.toml"])
            .file("net.toml", format!("{LAYERS}init = \"uniform(-9e307, 9e307)\"\nseed = 3\n{DATA}"))
            .says(&["'uniform(-9e307, 9e307)' is too wide"])
            .points_at("net.toml", "\"uniform"),
        case("net: --output over the spec's [data] file", &["net", "{dir}/net.toml", "--output", "{dir}/points.csv"])
            .file("net.toml", format!("{LAYERS}[data]\nfile = \"points.csv\"\ntargets = [\"y\", \"x2\"]\n").replace("[2, 2, 2]", "[1, 2, 2]"))
            .file("points.csv", POINTS)
            .says(&["--output {dir}/points.csv would overwrite the spec's [data] file {dir}/points.csv, which this command reads"]),
        case("net: --plot and --output name one file", &["net", "mazur", "--plot", "{dir}/net.svg", "--output", "{dir}/./net.svg"])
            .says(&["--plot {dir}/net.svg and --output {dir}/./net.svg name the same file"])
            .output("net.svg"),
        // ── graph ────────────────────────────────────────────────────────
        case("graph: no value for a variable", &["graph", "a*b", "--at", "a=1"])
            .says(&["no value was given for b in --at", "hint: give every variable a value: --at a=…,b=…"]),
        case("graph: a value for a variable the expression lacks", &["graph", "a*b", "--at", "a=1,b=2,c=3"])
            .says(&["--at gives c, which the expression does not contain", "hint: its variables are a, b"]),
        case("graph: --at for a network", &["graph", "xor", "--at", "x=1"])
            .says(&["--at gives values to an expression's variables, but xor is a network", "hint: a network's graph takes its values from the spec"]),
        case("graph: --sample past the data", &["graph", "mazur", "--sample", "3"])
            .says(&["--sample 3: the data has samples 1 to 1 (a single sample)", "hint: choose the sample whose values to show"]),
        case("graph: undefined at the point", &["graph", "ln(a)", "--at", "a=-1"])
            .says(&["cannot evaluate the graph: ln(a) is undefined here: ln needs a positive argument"]),
        case("graph: bad syntax", &["graph", "a*(b", "--at", "a=1"])
            .says(&["this '(' is never closed (in the expression)"])
            .caret("a*(b", "  ^"),
        case("graph: a spec with a mistake", &["graph", "{dir}/net.toml"])
            .file("net.toml", NET.replace("\"sigmoid\"", "\"tahn\""))
            .says(&["unknown activation 'tahn'", "hint: did you mean tanh? The choices are sigmoid, tanh, relu, identity, softmax, softplus, silu, leaky_relu, elu, gelu"])
            .points_at("net.toml", "\"tahn\""),
        case("graph: starting weights that overflow", &["graph", "{dir}/net.toml"])
            .file("net.toml", NET.replace("[[0.15, 0.2]", "[[1e300, 0.2]").replace("[[0.05, 0.1]]", "[[1e10, 0.1]]"))
            .says(&["net_h1 overflows with the starting parameters, on sample 1: w1·i1 is too large for a 64-bit float (w1 = 1e+300, i1 = 1e+10)", "hint: every value must stay finite"])
            .points_at("net.toml", "[[["),
        case("graph: an init range wider than a float", &["graph", "{dir}/net.toml"])
            .file("net.toml", format!("{LAYERS}init = \"uniform(-1e308, 1e308)\"\n{DATA}"))
            .says(&["'uniform(-1e308, 1e308)' is too wide: its width b − a = inf exceeds the largest 64-bit float", "hint: draw from a narrower range"])
            .points_at("net.toml", "\"uniform"),
        // ── minimize ─────────────────────────────────────────────────────
        case("minimize: no --start", &["minimize", "x^2+y^2"])
            .clap()
            .says(&["the following required arguments were not provided", "--start <V=x>"]),
        case("minimize: --start misses a variable", &["minimize", "x^2+y^2", "--start", "x=1"])
            .says(&["--start gives no value for y", "hint: start every variable: --start x=…,y=…"]),
        case("minimize: --start gives an extra variable", &["minimize", "x^2", "--start", "x=1,y=2"])
            .says(&["--start gives y, which the function does not contain", "hint: its variables are x"]),
        case("minimize: --start value not a number", &["minimize", "x^2", "--start", "x=oops"])
            .says(&["--start x=oops: 'oops' is not a number"]),
        case("minimize: --lr 0", &["minimize", "x^2", "--start", "x=1", "--lr", "0", "--optimizer", "adam"])
            .says(&["--lr 0: the learning rate must be a positive number"]),
        case("minimize: --lr -1", &["minimize", "x^2", "--start", "x=1", "--lr", "-1"])
            .says(&["--lr -1: the learning rate must be a positive number", "hint: for example --lr 0.1"]),
        case("minimize: --steps 0", &["minimize", "x^2", "--start", "x=1", "--steps", "0"])
            .says(&["--steps 0: the number of steps must be between 1 and 1,000,000", "hint: --steps counts the updates to make"]),
        case("minimize: --tol negative", &["minimize", "x^2", "--start", "x=1", "--tol", "-1"])
            .says(&["--tol -1: the tolerance must be 0 or a positive number", "hint: for example --tol 1e-8"]),
        case("minimize: unknown optimizer", &["minimize", "x^2", "--start", "x=1", "--optimizer", "foo"])
            .says(&["unknown optimizer 'foo'", "hint: the optimizers are sgd"]),
        case("minimize: --compare an unknown name", &["minimize", "x^2", "--start", "x=1", "--compare", "sgd,adma"])
            .says(&["--compare: unknown optimizer 'adma'", "hint: did you mean adam?"]),
        case("minimize: --compare an empty name", &["minimize", "x^2", "--start", "x=1", "--compare", "sgd,"])
            .says(&["--compare is given an empty name", "hint: separate the optimizers with single commas"]),
        case("minimize: newton with --lr", &["minimize", "x^2", "--start", "x=1", "--optimizer", "newton", "--lr", "0.1"])
            .says(&["newton takes no learning rate: it chooses its own step", "hint: remove --lr"]),
        case("minimize: --optimizer and --compare", &["minimize", "x^2", "--start", "x=1", "--optimizer", "sgd", "--compare", "sgd,adam"])
            .clap()
            .says(&["the argument '--optimizer <NAME>' cannot be used with '--compare <NAMES>'"]),
        case("minimize: a hyperparameter the optimizer does not take", &["minimize", "x^2", "--start", "x=1", "--beta1", "0.9"])
            .says(&["--beta1 does not apply to sgd", "hint: see docs/optimizers.md"]),
        case("minimize: momentum out of range", &["minimize", "x^2", "--start", "x=1", "--optimizer", "momentum", "--momentum", "1.5"])
            .says(&["--momentum 1.5: it must lie in [0, 1]"]),
        case("minimize: --plot for three variables", &["minimize", "x^2+y^2+z^2", "--start", "x=1,y=1,z=1", "--plot", "{dir}/race.svg"])
            .says(&["--plot draws functions of one or two variables; this one has 3"])
            .output("race.svg"),
        case("minimize: --picture for one variable", &["minimize", "x^2", "--start", "x=1", "--picture"])
            .says(&["--picture draws functions of two variables; this one has 1", "hint: drop --picture, or use --plot FILE.svg for a function of one variable"]),
        case("minimize: --picture for three variables", &["minimize", "x^2+y^2+z^2", "--start", "x=1,y=1,z=1", "--picture"])
            .says(&["--picture draws functions of two variables; this one has 3"]),
        case("minimize: --plot into a missing folder", &["minimize", "x^2", "--start", "x=1", "--plot", "{dir}/pictures/race.svg"])
            .says(&["--plot {dir}/pictures/race.svg: the folder {dir}/pictures does not exist"])
            .output("pictures/race.svg"),
        case("minimize: a function without variables", &["minimize", "2", "--start", "x=1"])
            .says(&["the function has no variables to move"]),
        case("minimize: bad syntax", &["minimize", "x^2 +", "--start", "x=1"])
            .says(&["the operator '+' has nothing on its right (in the expression)"])
            .caret("x^2 +", "    ^"),
        case("minimize: a start outside the domain", &["minimize", "ln(x)", "--start", "x=0", "--plot", "{dir}/ln.svg"])
            .says(&["minimize cannot start at x = 0: f is undefined: ln(x) is undefined here: ln needs a positive argument, and x is 0", "hint: start where f and its gradient have finite values: choose another --start"])
            .output("ln.svg"),
        case("minimize: a start on a pole, as JSON", &["minimize", "1/x", "--start", "x=0", "--format", "json", "--output", "{dir}/run.json"])
            .says(&["minimize cannot start at x = 0: f is undefined: 1/x is undefined here: the denominator x is 0"])
            .output("run.json"),
        case("minimize: a start where f overflows", &["minimize", "exp(x)", "--start", "x=800"])
            .says(&["minimize cannot start at x = 800: f overflows: exp(x) is too large to compute (overflow)"]),
        case("minimize: a start where f overflows, for newton", &["minimize", "x^2", "--start", "x=1e200", "--optimizer", "newton"])
            .says(&["minimize cannot start at x = 1e200: f overflows: x² is too large to compute"]),
        case("minimize: a start where the gradient is undefined", &["minimize", "sqrt(x)", "--start", "x=0", "--optimizer", "adam"])
            .says(&["minimize cannot start at x = 0: ∂f/∂x is undefined: 1/(2·√x) is undefined here: the denominator 2·√x is 0"]),
        case("minimize: a start where the Hessian is undefined", &["minimize", "x^1.5 + x", "--start", "x=0", "--compare", "sgd,newton"])
            .says(&["Newton's method cannot start at x = 0: ∂²f/∂x² is undefined", "hint: start where f, its gradient and its Hessian have finite values"]),
        // ── train ────────────────────────────────────────────────────────
        case("train: no data", &["train"])
            .says(&["there is no data to train on", "hint: give --data builtin:iris"]),
        case("train: unknown built-in set", &["train", "--data", "builtin:iriss"])
            .says(&["there is no built-in data set named 'iriss'", "hint: did you mean builtin:iris?"]),
        case("train: built-in set far from any name", &["train", "--data", "builtin:foo"])
            .says(&["there is no built-in data set named 'foo'", "hint: the built-in sets are xor, and, or, iris"]),
        case("train: --targets for a built-in set", &["train", "--data", "builtin:xor", "--targets", "y"])
            .says(&["--targets chooses columns of a CSV file, but builtin:xor is a built-in set with its targets given", "hint: drop --targets"]),
        case("train: CSV not text", &["train", "--data", "{dir}/points.csv", "--targets", "y"])
            .file("points.csv", &b"x1,x2,y\n\xff,1,0\n"[..])
            .says(&["--data {dir}/points.csv: the file is not UTF-8 text", "hint: save the file as plain UTF-8 text"]),
        case("train: CSV missing", &["train", "--data", "{dir}/points.csv", "--targets", "y"])
            .says(&["--data {dir}/points.csv: there is no such file"]),
        case("train: CSV without --targets or --label", &["train", "--data", "{dir}/points.csv"])
            .file("points.csv", POINTS)
            .says(&["{dir}/points.csv: say which columns are the targets", "hint: add --targets y"]),
        case("train: CSV with a word for a number", &["train", "--data", "{dir}/points.csv", "--targets", "y"])
            .file("points.csv", "x1,x2,y\n0,1,1\n1,abc,0\n")
            .says(&["'abc' in column 2 (x2) is not a number"])
            .points_at("points.csv", "abc"),
        case("train: CSV with an empty field", &["train", "--data", "{dir}/points.csv", "--targets", "y"])
            .file("points.csv", "x1,x2,y\n0,1,1\n1,,0\n")
            .says(&["column 2 (x2) is empty on this row", "hint: every input and numeric target needs a number on every row"])
            .points_at("points.csv", ",0\n"),
        case("train: CSV with a ragged row", &["train", "--data", "{dir}/points.csv", "--targets", "y"])
            .file("points.csv", "x1,x2,y\n0,1,1\n7,7\n")
            .says(&["this row has 2 fields, but the header names 3 columns", "hint: every row needs one value per column"])
            .points_at("points.csv", "7,7"),
        case("train: CSV empty", &["train", "--data", "{dir}/points.csv", "--targets", "y"])
            .file("points.csv", "")
            .says(&["the CSV file is empty", "{dir}/points.csv:1:1"]),
        case("train: CSV with only a header", &["train", "--data", "{dir}/points.csv", "--targets", "y"])
            .file("points.csv", "x1,x2,y\n")
            .says(&["the CSV file has a header but no data rows", "{dir}/points.csv:1:1"]),
        case("train: --label column missing", &["train", "--data", "{dir}/points.csv", "--label", "species"])
            .file("points.csv", POINTS)
            .says(&["there is no column named 'species'", "hint: the columns are x1, x2, y", "{dir}/points.csv:1:1"]),
        case("train: --targets column missing", &["train", "--data", "{dir}/points.csv", "--targets", "z"])
            .file("points.csv", POINTS)
            .says(&["there is no column named 'z'", "{dir}/points.csv:1:1"]),
        case("train: --targets and --label", &["train", "--data", "{dir}/points.csv", "--targets", "y", "--label", "y"])
            .clap()
            .says(&["cannot be used with"]),
        case("train: more input columns than the network takes", &["train", "xor", "--data", "{dir}/points.csv", "--targets", "y"])
            .file("points.csv", "x1,x2,x3,y\n0,1,1,1\n1,1,0,0\n")
            .says(&["3 input columns (x1, x2, x3), more input columns than the network takes: its input layer has 2, so 'x3' (column 3) is the first too many"])
            .points_at("points.csv", "x3"),
        case("train: --batch-size 0", &["train", "--data", "{dir}/points.csv", "--targets", "y", "--batch-size", "0"])
            .file("points.csv", POINTS)
            .says(&["--batch-size 0: a batch needs at least one sample", "hint: choose a batch size from 1 (stochastic) to 4 (batch gradient descent)"]),
        case("train: --batch-size larger than the data", &["train", "--data", "{dir}/points.csv", "--targets", "y", "--batch-size", "5"])
            .file("points.csv", POINTS)
            .says(&["--batch-size 5: a batch cannot hold more than the 4 training samples"]),
        case("train: --batch-size larger than what --val leaves", &["train", "--data", "builtin:xor", "--val", "0.5", "--batch-size", "4"])
            .says(&["--batch-size 4: a batch cannot hold more than the 2 training samples left after --val", "hint: choose a batch size from 1 (stochastic) to 2"]),
        case("train: the spec's batch size larger than its data", &["train", "{dir}/net.toml"])
            .file("net.toml", with_train("batch_size = 4\n"))
            .says(&["the spec's batch_size = 4: a batch cannot hold more than the 1 training sample", "hint: set batch_size in the spec's [train] to at most 1"]),
        case("train: --batch-size negative", &["train", "--data", "builtin:xor", "--batch-size", "-2"])
            .clap()
            .says(&["invalid value '-2' for '--batch-size <B|N>': a batch size cannot be negative: give a number of samples, or N for all of them"]),
        case("train: --batch-size not a number", &["train", "--data", "builtin:xor", "--batch-size", "half"])
            .clap()
            .says(&["invalid value 'half' for '--batch-size <B|N>'", "'half' is not a batch size"]),
        case("train: --epochs negative", &["train", "--data", "builtin:xor", "--epochs", "-3"])
            .says(&["invalid value '-3' for '--epochs <E>': a count cannot be negative"])
            .clap(),
        case("train: --epochs not whole", &["train", "--data", "builtin:xor", "--epochs", "2.5"])
            .says(&["invalid value '2.5' for '--epochs <E>': a count is a whole number"])
            .clap(),
        case("train: --epochs not a number", &["train", "--data", "builtin:xor", "--epochs", "ten"])
            .says(&["invalid value 'ten' for '--epochs <E>': not a number"])
            .clap(),
        case("train: --epochs beyond any count", &["train", "--data", "builtin:xor", "--epochs", "99999999999999999999999"])
            .says(&["too large for a count (at most 18446744073709551615)"])
            .clap(),
        case("train: --epochs 0", &["train", "--data", "builtin:xor", "--epochs", "0"])
            .says(&["--epochs 0: train for between 1 and 1,000,000 epochs", "hint: for example --epochs 100"]),
        case("train: --val 0", &["train", "--data", "builtin:xor", "--val", "0"])
            .says(&["--val 0: the fraction must lie strictly between 0 and 1", "hint: for example --val 0.2"]),
        case("train: --val 1", &["train", "--data", "builtin:xor", "--val", "1"])
            .says(&["--val 1: the fraction must lie strictly between 0 and 1"]),
        case("train: --noise above 1", &["train", "--data", "builtin:circle", "--noise", "2"])
            .says(&["--noise 2: it must lie between 0 and 1", "hint: for example --noise 0.2"]),
        case("train: --noise negative", &["train", "--data", "builtin:circle", "--noise", "-0.5"])
            .says(&["--noise -0.5: it must lie between 0 and 1"]),
        case("train: --samples 1 of a generated set", &["train", "--data", "builtin:circle", "--samples", "1"])
            .says(&["--samples 1: generated sets have 2 to 1,000,000 samples"]),
        case("train: --hidden 0", &["train", "--data", "builtin:xor", "--hidden", "4,0"])
            .says(&["--hidden 0: a hidden layer needs between 1 and 10,000 neurons", "hint: for example --hidden 8"]),
        case("train: --target-loss negative", &["train", "--data", "builtin:xor", "--target-loss", "-1"])
            .says(&["--target-loss -1: it must be a number ≥ 0"]),
        case("train: --patience 0", &["train", "--data", "builtin:xor", "--patience", "0"])
            .says(&["--patience 0 would stop at once", "hint: for example --patience 10"]),
        case("train: --compare-batch past the data", &["train", "--data", "builtin:xor", "--compare-batch", "1,8"])
            .says(&["--compare-batch: 8 is not between 1 and the 4 samples"]),
        case("train: --compare an unknown name", &["train", "--data", "builtin:xor", "--compare", "sgd,adma"])
            .says(&["--compare: unknown optimizer 'adma'", "hint: did you mean adam?"]),
        case("train: --compare an empty name", &["train", "--data", "builtin:xor", "--compare", "sgd,,adam"])
            .says(&["--compare is given an empty name", "hint: separate the optimizers with single commas"]),
        case("train: --compare an optimizer twice", &["train", "--data", "builtin:xor", "--compare", "sgd,adam,gd"])
            .says(&["--compare runs the same optimizer with the same settings twice (sgd and gd)", "hint: name each optimizer once"]),
        case("train: --compare with --save", &["train", "--data", "builtin:xor", "--compare", "sgd,adam", "--save", "{dir}/m.json"])
            .says(&["--compare cannot be used with --save: a comparison trains one network per optimizer", "hint: compare first, then train the optimizer you choose on its own with --optimizer NAME and --save"]),
        case("train: --compare with --restore-best", &["train", "--data", "builtin:xor", "--compare", "sgd,adam", "--restore-best"])
            .says(&["--compare cannot be used with --restore-best", "hint: compare first"]),
        case("train: --compare with --compare-batch", &["train", "--data", "builtin:xor", "--compare", "sgd,adam", "--compare-batch", "1,4"])
            .says(&["--compare cannot be used with --compare-batch", "hint: compare first"]),
        case("train: --compare newton on mini-batches", &["train", "--data", "builtin:iris", "--compare", "adam,newton", "--batch-size", "10"])
            .says(&["--compare: Newton's method works on the whole training set, not on mini-batches", "hint: use --batch-size 150"]),
        case("train: --compare newton with a schedule", &["train", "--data", "builtin:xor", "--compare", "sgd,newton", "--schedule", "cosine"])
            .says(&["--compare: Newton's method has no learning rate for --schedule or --warmup to change"]),
        case("train: --optimizer and --compare", &["train", "--data", "builtin:xor", "--optimizer", "sgd", "--compare", "sgd,adam"])
            .clap()
            .says(&["the argument '--optimizer <NAME>' cannot be used with '--compare <NAMES>'"]),
        case("train: --init-from missing", &["train", "--data", "builtin:xor", "--init-from", "{dir}/weights.json"])
            .says(&["--init-from {dir}/weights.json: there is no such file"]),
        case("train: --init-from not JSON", &["train", "--data", "builtin:xor", "--init-from", "{dir}/weights.json"])
            .file("weights.json", "{\"W\": [[[1, 2]]],\n \"b\": oops}\n")
            .says(&["not valid JSON: expected value at line 2 column 7", "hint: the file should be one written by train --save"])
            .points_at("weights.json", "oops"),
        case("train: --init-from without a weight matrix", &["train", "--data", "builtin:xor", "--init-from", "{dir}/weights.json"])
            .file("weights.json", "{\"W\": 1, \"b\": []}\n")
            .says(&["--init-from {dir}/weights.json: W must be W[layer][out][in] numbers", "hint: the file should be one written by train --save"]),
        case("train: --init-from another network's weights", &["train", "--data", "builtin:xor", "--init-from", "{dir}/weights.json"])
            .file("weights.json", "{\"W\": [[[1, 2], [3, 4], [5, 6]], [[1, 2, 3]]], \"b\": [[0, 0, 0], [0]]}\n")
            .says(&["--init-from {dir}/weights.json: these parameters do not fit the network 2-8-1 (the file holds parameters for a 2-3-1 network, with 4 bias values)", "hint: give --init-from a file saved from the same network"]),
        case("train: an init range whose values overflow", &["train", "{dir}/net.toml", "--save", "{dir}/w.json", "--plot", "{dir}/curve.svg"])
            .file("net.toml", format!("{LAYERS}activation = \"identity\"\ninit = \"uniform(1e200, 2e200)\"\n{DATA}"))
            .says(&["overflows with the starting parameters, on sample 1: ", "is too large for a 64-bit float", "hint: every value must stay finite"])
            .points_at("net.toml", "\"uniform")
            .output("w.json")
            .output("curve.svg"),
        case("train: a loss that overflows summed over the samples", &["train", "{dir}/net.toml", "--epochs", "2"])
            .file("net.toml", "layers = [1, 1]\nactivation = \"identity\"\nloss = \"half_sse\"\nweights = [[[1.3e154]]]\nbiases = [[0]]\ninputs = [[1], [1], [1]]\ntargets = [[0], [0], [0]]\n")
            .says(&["E_total overflows with the starting parameters: each sample's value is finite, but over the samples they add up to inf"])
            .points_at("net.toml", "[[["),
        case("train: an init range wider than a float", &["train", "{dir}/net.toml"])
            .file("net.toml", format!("{LAYERS}init = \"uniform(-1.5e308, 5e307)\"\n{DATA}"))
            .says(&["'uniform(-1.5e308, 5e307)' is too wide"])
            .points_at("net.toml", "\"uniform"),
        case("train: --save and --output name one file", &["train", "--data", "builtin:xor", "--save", "{dir}/same.json", "--output", "{dir}/same.json"])
            .says(&["--save {dir}/same.json and --output {dir}/same.json name the same file", "hint: give each output a file of its own"])
            .output("same.json"),
        case("train: --output over the --data CSV", &["train", "--data", "{dir}/points.csv", "--targets", "y", "--output", "{dir}/sub/../points.csv"])
            .file("points.csv", POINTS)
            .folder("sub")
            .says(&["--output {dir}/sub/../points.csv would overwrite --data {dir}/points.csv, which this command reads"]),
        case("predict: a CSV without a feature column", &["predict", "{dir}/m.json", "--data", "{dir}/rows.csv"])
            .file("m.json", MODEL)
            .file("rows.csv", "x1,y\n1,0\n")
            .says(&["there is no column 'x2', which the model reads (its features are x1, x2)", "hint: the columns are x1, y"])
            .points_at("rows.csv", "x1,y"),
        case("predict: a class the model does not know", &["predict", "{dir}/m.json", "--data", "{dir}/rows.csv"])
            .file("m.json", LABEL_MODEL)
            .file("rows.csv", "x,kind\n1,cat\n2,bird\n")
            .says(&["'bird' is not one of the model's classes", "hint: the model knows the classes cat, dog"])
            .points_at("rows.csv", "bird"),
        case("predict: some target columns but not all", &["predict", "{dir}/m.json", "--data", "{dir}/rows.csv"])
            .file("m.json", VALUES_MODEL)
            .file("rows.csv", "x1,x2,y\n1,2,3\n")
            .says(&["the column 'z' is missing: the model's targets are y, z", "hint: give every target column"]),
        case("predict: a file of parameters only", &["predict", "{dir}/w.json", "--data", "builtin:xor"])
            .file("w.json", "{\"stepgrad\": \"parameters\", \"W\": [], \"b\": []}\n")
            .says(&["this file holds only parameters", "hint: train again with --save"])
            .points_at("w.json", "\"stepgrad\""),
        case("predict: a model file of another version", &["predict", "{dir}/m.json", "--data", "builtin:xor"])
            .file("m.json", MODEL.replace("\"version\": 1", "\"version\": 7"))
            .says(&["version 7 of the model file is not one this stepgrad reads", "hint: the file should be a model written by train --save"])
            .points_at("m.json", "\"version\""),
        case("predict: weights of the wrong shape", &["predict", "{dir}/m.json", "--data", "builtin:xor"])
            .file("m.json", MODEL.replace("[[[1, 1]]]", "[[[1, 1, 1]]]"))
            .says(&["W and b do not have the shapes of the layers 2-1 with bias per_neuron"])
            .points_at("m.json", "\"W\""),
        case("predict: a built-in set without the model's features", &["predict", "{dir}/m.json", "--data", "builtin:line"])
            .file("m.json", MODEL)
            .says(&["builtin:line has no feature 'x1', which the model reads", "hint: the data set has the features x"]),
        case("train: --init-from a model of another network", &["train", "--data", "builtin:xor", "--init-from", "{dir}/m.json"])
            .file("m.json", MODEL)
            .says(&["holds a model of the network 2-1 (sigmoid; per_neuron; bce), but the network trained here is 2-8-1 (tanh, sigmoid; per_neuron; bce)", "hint: give --init-from a model saved from the same network"])
            .points_at("m.json", "\"network\""),
        case("train: --schedule with a bad part", &["train", "--data", "builtin:xor", "--schedule", "step:0:0.5"])
            .says(&["--schedule step:0:0.5: EVERY '0' must be a whole number of epochs, at least 1", "hint: write step:EVERY:GAMMA"]),
        case("train: --schedule with gamma above 1", &["train", "--data", "builtin:xor", "--schedule", "exponential:1.5"])
            .says(&["--schedule exponential:1.5: GAMMA 1.5 must lie above 0 and at most 1"]),
        case("train: --schedule unknown", &["train", "--data", "builtin:xor", "--schedule", "linear"])
            .says(&["--schedule linear: not a schedule stepgrad knows"]),
        case("train: --schedule cosine above the rate", &["train", "--data", "builtin:xor", "--schedule", "cosine:0.5"])
            .says(&["--schedule cosine:0.5: the minimum must lie below the learning rate 0.01"]),
        case("train: --warmup with newton", &["train", "--data", "builtin:xor", "--optimizer", "newton", "--warmup", "3"])
            .says(&["Newton's method has no learning rate for --schedule or --warmup to change", "hint: use a schedule with a first-order optimizer"]),
        case("train: --save over --init-from", &["train", "--data", "builtin:xor", "--init-from", "{dir}/w.json", "--save", "{dir}/w.json"])
            .file("w.json", "{}")
            .says(&["--save {dir}/w.json would overwrite --init-from {dir}/w.json, which this command reads", "hint: write --save to another file"]),
        case("train: --output over the spec", &["train", "{dir}/net.toml", "--output", "{dir}/net.toml", "--format", "text"])
            .file("net.toml", NET)
            .says(&["--output {dir}/net.toml would overwrite the spec {dir}/net.toml, which this command reads"]),
        case("train: newton on mini-batches", &["train", "--data", "builtin:xor", "--optimizer", "newton", "--batch-size", "2"])
            .says(&["Newton's method works on the whole training set, not on mini-batches", "hint: use --batch-size 4 with it"]),
        case("train: --lr for newton", &["train", "--data", "builtin:xor", "--optimizer", "bfgs", "--lr", "0.1"])
            .says(&["bfgs takes no learning rate: it chooses its own step", "hint: remove --lr"]),
        case("train: --save into a missing folder", &["train", "--data", "builtin:xor", "--save", "{dir}/runs/weights.json"])
            .says(&["--save {dir}/runs/weights.json: the folder {dir}/runs does not exist", "hint: create the folder first"])
            .output("runs/weights.json"),
        case("train: --save not a .json", &["train", "--data", "builtin:xor", "--save", "{dir}/weights.txt"])
            .says(&["--save {dir}/weights.txt: the file name must end in .json", "hint: for example --save result.json"])
            .output("weights.txt"),
        case("train: --plot into a missing folder", &["train", "--data", "builtin:xor", "--plot", "{dir}/runs/curves.svg"])
            .says(&["--plot {dir}/runs/curves.svg: the folder {dir}/runs does not exist"])
            .output("runs/curves.svg"),
        case("train: --plot names a folder while --save is fine", &["train", "--data", "builtin:xor", "--epochs", "2", "--save", "{dir}/weights.json", "--plot", "{dir}/curves.svg"])
            .folder("curves.svg")
            .says(&["--plot {dir}/curves.svg: this is a folder, not a file"])
            .output("weights.json"),
        case("train: a failing run writes neither --save nor --plot", &["train", "--data", "builtin:xor", "--epochs", "0", "--save", "{dir}/weights.json", "--plot", "{dir}/curves.svg"])
            .says(&["--epochs 0: train for between 1 and 1,000,000 epochs"])
            .output("weights.json")
            .output("curves.svg"),
        // ── practice ─────────────────────────────────────────────────────
        case("practice: an unknown topic", &["practice", "derivatve"])
            .says(&["there is no practice topic 'derivatve'; did you mean 'derivative'?", "hint: the topics are derivative, gradient, descent, epochs, backprop, optimizer"]),
        case("practice: --count 0", &["practice", "--count", "0"])
            .says(&["--count 0: a practice sheet has between 1 and 200 exercises (docs/limits.md)", "hint: give --count 200 or fewer"]),
        case("practice: --count over the limit", &["practice", "--count", "201"])
            .says(&["--count 201: a practice sheet has between 1 and 200 exercises"]),
        case("practice: --level 4", &["practice", "--level", "4"])
            .says(&["--level 4: the levels are 1, 2 and 3", "hint: write --level 1"]),
        case("practice: --level 0", &["practice", "optimizer", "--level", "0"])
            .says(&["--level 0: the levels are 1, 2 and 3"]),
        case("practice: --count negative", &["practice", "--count", "-3"])
            .clap()
            .says(&["invalid value '-3' for '--count <N>': a count cannot be negative"]),
        case("practice: --interactive without a terminal", &["practice", "--interactive"])
            .says(&["practice --interactive asks its questions in a terminal, and stdin or stdout is not one", "hint: run it in a terminal"]),
        case("practice: --interactive with --format json", &["practice", "--interactive", "--format", "json"])
            .says(&["practice --interactive writes to the terminal as text, not --format json"]),
        case("practice: a format it does not write", &["practice", "--format", "csv"])
            .says(&["practice cannot write --format csv"]),
        // ── epochs ───────────────────────────────────────────────────────
        case("epochs: no samples", &["epochs", "--samples", "0", "--batch-size", "1", "--epochs", "1"])
            .says(&["--samples 0: it counts the samples in the training set, so it must be at least 1"]),
        case("epochs: batch size 0", &["epochs", "--samples", "10", "--batch-size", "0", "--epochs", "1"])
            .says(&["--batch-size 0: it counts the samples in each batch, so it must be at least 1"]),
        case("epochs: no epochs", &["epochs", "--samples", "10", "--batch-size", "2", "--epochs", "0"])
            .says(&["--epochs 0: it counts the passes over the training set, so it must be at least 1"]),
        case("epochs: batch larger than the samples", &["epochs", "--samples", "10", "--batch-size", "20", "--epochs", "1"])
            .says(&["--batch-size 20 is larger than the 10 samples", "hint: a batch holds at most all the samples: --batch-size 10"]),
        case("epochs: a fraction of an epoch", &["epochs", "--samples", "10", "--batch-size", "2", "--epochs", "1.5"])
            .clap()
            .says(&["invalid value '1.5' for '--epochs <E>': a count is a whole number, such as 10"]),
        case("epochs: --epochs missing", &["epochs", "--samples", "10", "--batch-size", "2"])
            .clap()
            .says(&["the following required arguments were not provided", "--epochs <E>"]),
        case("epochs: more samples than train takes", &["epochs", "--samples", "1000000000000", "--batch-size", "1", "--epochs", "1000000000000"])
            .says(&["--samples 1000000000000: epochs works with at most 1,000,000 samples, the limit train has (docs/limits.md)", "hint: the arithmetic is the same at every scale: give --samples 1000000 or fewer"]),
        case("epochs: more epochs than train runs", &["epochs", "--samples", "1000", "--batch-size", "25", "--epochs", "18446744073709551615"])
            .says(&["--epochs 18446744073709551615: epochs works with at most 1,000,000 epochs", "hint: the arithmetic is the same at every scale: give --epochs 1000000 or fewer"]),
        case("epochs: a count too large for any count", &["epochs", "--samples", "18446744073709551616", "--batch-size", "1", "--epochs", "1"])
            .clap()
            .says(&["invalid value '18446744073709551616' for '--samples <N>': too large for a count (at most 18446744073709551615)"]),
        case("epochs: --format csv", &["epochs", "--samples", "10", "--batch-size", "2", "--epochs", "2", "--format", "csv"])
            .says(&["epochs cannot write --format csv", "hint: choose one of: text, markdown, latex, json"]),
        // ── lesson ───────────────────────────────────────────────────────
        case("lesson: number 0", &["lesson", "0"])
            .says(&["there is no lesson 0: the lessons are numbered 1 to 9", "hint: stepgrad lesson lists them"]),
        case("lesson: number past the last", &["lesson", "10"])
            .says(&["there is no lesson 10: the lessons are numbered 1 to 9"]),
        case("lesson: file missing", &["lesson", "{dir}/mine.md"])
            .says(&["lesson {dir}/mine.md: there is no such file"]),
        case("lesson: no front matter", &["lesson", "{dir}/mine.md"])
            .file("mine.md", "# Title\n\nText.\n")
            .says(&["a lesson begins with its front matter between two '+++' lines", "{dir}/mine.md:1:1"]),
        case("lesson: front matter with a word for the number", &["lesson", "{dir}/mine.md"])
            .file("mine.md", HEAD.replace("number = 1", "number = \"one\""))
            .says(&["number must be a whole number of 1 or more", "hint: for example number = 3"])
            .points_at("mine.md", "\"one\""),
        case("lesson: front matter without objectives", &["lesson", "{dir}/mine.md"])
            .file("mine.md", "+++\nnumber = 1\ntitle = \"T\"\n+++\n\n## S\n")
            .says(&["the front matter has no objectives", "{dir}/mine.md:4:1"]),
        case("lesson: unclosed block", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```stepgrad\ndiff \"x^2\"\n"))
            .says(&["this fenced block is never closed", "hint: end it with a line holding only ```"])
            .points_at("mine.md", "```stepgrad"),
        case("lesson: unknown command in a block", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```stepgrad\ndif \"x^2\"\n```\n"))
            .says(&["stepgrad dif \"x^2\": unrecognized subcommand 'dif'", "hint: the commands are diff, check, net, graph, minimize, train and epochs"])
            .points_at("mine.md", "dif "),
        case("lesson: unknown option in a block", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```stepgrad\ndiff \"x^2\" --speed 3\n```\n"))
            .says(&["unexpected argument '--speed' found"])
            .points_at("mine.md", "--speed"),
        case("lesson: --output over the lesson file", &["lesson", "{dir}/mine.md", "--output", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}Text.\n"))
            .says(&["--output {dir}/mine.md would overwrite the lesson {dir}/mine.md, which this command reads"]),
        case("lesson: a byte-order mark and a mistake", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("\u{feff}{}", HEAD.replace("number = 1", "number = \"one\"")))
            .says(&["number must be a whole number of 1 or more", "{dir}/mine.md:2:10"]),
        case("lesson: a block writes a file", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```stepgrad\ntrain xor --plot curve.svg\n```\n"))
            .says(&["--plot is not allowed in a lesson", "hint: lessons do not write files"])
            .points_at("mine.md", "--plot")
            .output("curve.svg"),
        case("lesson: a block runs a lesson", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```stepgrad\nlesson 1\n```\n"))
            .says(&["'lesson' cannot run inside a lesson"])
            .points_at("mine.md", "lesson 1"),
        case("lesson: a block's command fails", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```stepgrad\ndiff \"1/2x\"\n```\n"))
            .says(&["this command failed while the lesson ran: '1/2x' can be read two ways", "hint: run the command on its own"])
            .points_at("mine.md", "diff \"1/2x\""),
        case("lesson: an exercise without an answer", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```exercise\nquestion = \"q\"\n```\n"))
            .says(&["this exercise says neither what to differentiate nor the answer"])
            .points_at("mine.md", "```exercise"),
        case("lesson: an exercise that is not TOML", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```exercise\nquestion: q\nanswer: 1\n```\n"))
            .says(&["the exercise is not valid TOML: key with no value, expected `=`", "hint: a key is set with '=', not ':'"])
            .points_at("mine.md", ": q"),
        case("lesson: an exercise's answer in quotes", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```exercise\nquestion = \"q\"\nanswer = \"1.6\"\n```\n"))
            .says(&["answer must be a number", "hint: for example answer = 1.6"])
            .points_at("mine.md", "\"1.6\""),
        case("lesson: an unknown exercise key", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```exercise\nquestion = \"q\"\nanswer = 1\nhint = \"h\"\n```\n"))
            .says(&["unknown exercise key 'hint'", "hint: did you mean hints?"])
            .points_at("mine.md", "hint ="),
        case("lesson: a claim the output contradicts", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```stepgrad\ndiff \"x^3\" --at x=1.5 --no-steps\n```\n\n```claims\ncontains = [\"df/dx = 6.5\"]\n```\n"))
            .says(&["the lesson claims 'df/dx = 6.5', but stepgrad diff \"x^3\" --at x=1.5 --no-steps does not print it", "hint: run the command, and make the prose and its claim say what it prints"])
            .points_at("mine.md", "contains ="),
        case("lesson: a hand-worked number its arithmetic does not give", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```claims\nhand = {{ \"0.378\" = \"0.15*0.05 + 0.35\" }}\n```\n"))
            .says(&["the lesson works out 0.378 as 0.15*0.05 + 0.35, but that gives 0.3575", "hint: correct the number in the prose and in the claim"])
            .points_at("mine.md", "hand = "),
        case("lesson: claims with nothing to check them against", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```claims\ncontains = [\"0.3775\"]\n```\n"))
            .says(&["a claims block with contains comes after the stepgrad block whose output it checks", "hint: put it after that block in the same section, or name the command"])
            .points_at("mine.md", "```claims"),
        case("lesson: an unknown claims key", &["lesson", "{dir}/mine.md"])
            .file("mine.md", format!("{HEAD}```stepgrad\ndiff x^2\n```\n\n```claims\ncontain = [\"2\"]\n```\n"))
            .says(&["unknown claims key 'contain'", "hint: did you mean contains?"])
            .points_at("mine.md", "contain ="),
        case("lesson: --from past the last section", &["lesson", "3", "--from", "9"])
            .says(&["--from 9: Lesson 3 · ", "has sections 1 to", "hint: give a section from 1 to"]),
        case("lesson: --from with the list", &["lesson", "--from", "2"])
            .says(&["--from belongs to a lesson, not to the list", "hint: give the lesson's number: stepgrad lesson 5 --from 3"]),
        // ── options every command shares ─────────────────────────────────
        case("shared: --output into a missing folder", &["diff", "x^2", "--output", "{dir}/notes/d.md"])
            .says(&["--output {dir}/notes/d.md: the folder {dir}/notes does not exist", "hint: create the folder first"])
            .output("notes/d.md"),
        case("shared: --output with an unknown extension", &["diff", "x^2", "--output", "{dir}/d.xyz"])
            .says(&["--output {dir}/d.xyz: the extension does not say which format to write", "hint: end the name in .md, .tex, .json, .csv, .txt or .svg, or give --format"])
            .output("d.xyz"),
        case("shared: --output without an extension names a folder", &["diff", "x^2", "--output", "{dir}/notes", "--format", "markdown"])
            .folder("notes")
            .says(&["--output {dir}/notes: this is a folder, not a file", "hint: give a file name inside it"]),
        case("shared: --output .svg for a command that draws nothing", &["diff", "x^2", "--output", "{dir}/d.svg"])
            .says(&["{dir}/d.svg: this command draws no picture", "hint: pictures come from minimize, train and net"])
            .output("d.svg"),
        case("shared: --output .svg and --plot", &["minimize", "x^2", "--start", "x=1", "--plot", "{dir}/a.svg", "--output", "{dir}/b.svg"])
            .says(&["--output FILE.svg and --plot both name the picture", "hint: give one of them"])
            .output("a.svg")
            .output("b.svg"),
        case("shared: --output names a folder", &["diff", "x^2", "--output", "{dir}/d.md"])
            .folder("d.md")
            .says(&["--output {dir}/d.md: this is a folder, not a file", "hint: give a file name inside it"]),
        case("shared: --output names a folder, with a --plot", &["minimize", "x^2", "--start", "x=1", "--plot", "{dir}/a.svg", "--output", "{dir}/d.md"])
            .folder("d.md")
            .says(&["--output {dir}/d.md: this is a folder, not a file"])
            .output("a.svg"),
        case("shared: a mistake with --output writes nothing", &["diff", "1/2x^2", "--output", "{dir}/d.md"])
            .says(&["'1/2x^2' can be read two ways"])
            .caret("1/2x^2", "^^^^^^")
            .output("d.md"),
        case("shared: a refused run with --output .svg writes nothing", &["minimize", "x^2", "--start", "x=1", "--steps", "0", "--output", "{dir}/race.svg"])
            .says(&["--steps 0: the number of steps must be between 1 and 1,000,000"])
            .output("race.svg"),
        case("shared: --standalone without LaTeX", &["diff", "x^2", "--standalone", "--format", "markdown"])
            .says(&["--standalone makes a complete LaTeX document", "hint: use it with --format latex (or --output notes.tex)"]),
        case("shared: --format csv for diff", &["diff", "x^2", "--format", "csv"])
            .says(&["diff cannot write --format csv", "hint: choose one of: text, markdown, latex, json"]),
        case("shared: --format csv for check", &["check", "x^2", "--answer", "2*x", "--format", "csv"])
            .says(&["check cannot write --format csv"]),
        case("shared: --format csv for graph", &["graph", "mazur", "--format", "csv"])
            .says(&["graph cannot write --format csv", "hint: choose one of: text, markdown, latex, dot, json"]),
        case("shared: --format unknown", &["diff", "x^2", "--format", "xml"])
            .clap()
            .says(&["invalid value 'xml' for '--format <FORMAT>'", "[possible values: text, markdown, latex, json, csv, dot]"]),
        case("shared: --digits 0", &["diff", "x^2", "--digits", "0"])
            .clap()
            .says(&["invalid value '0' for '--digits <N>': 0 is not in 1..=17"]),
        case("shared: --digits 18", &["diff", "x^2", "--digits", "18"])
            .clap()
            .says(&["invalid value '18' for '--digits <N>': 18 is not in 1..=17"]),
        case("shared: --lang unknown", &["diff", "x^2", "--lang", "xx"])
            .clap()
            .says(&["invalid value 'xx' for '--lang <LANG>'", "[possible values: en, ko]"]),
        case("shared: --color unknown", &["diff", "x^2", "--color", "sometimes"])
            .clap()
            .says(&["invalid value 'sometimes' for '--color <WHEN>'"]),
        case("shared: unknown command", &["dif", "x^2"])
            .clap()
            .says(&["unrecognized subcommand 'dif'"]),
        // ── limits of the costs that can explode (docs/limits.md) ────────
        case("diff: --hessian of too many variables", &["diff", product_of_400, "--hessian"])
            .says(&["--hessian: the Hessian of 400 variables has 80,200 distinct second derivatives", "an estimated size of 64,240,200, beyond the limit of 4,000,000", "hint: ask for the second derivatives of fewer variables (--hessian --wrt x1,x2)"]),
        case("diff: --hessian that grows past its limit", &["diff", long_product_in_x, "--hessian"])
            .says(&["--hessian: the Hessian of 1 variable grew past the limit of size 4,000,000", "hint: differentiate once (without --hessian)"]),
        case("minimize: newton on more variables than it takes", &["minimize", squares_of_61, "--start", start_of_61, "--optimizer", "newton"])
            .says(&["Newton's method forms and factors the 61×61 Hessian of the function's 61 variables; stepgrad runs it on at most 60", "hint: choose bfgs"]),
        case("minimize: --compare with newton on too many variables", &["minimize", squares_of_61, "--start", start_of_61, "--compare", "adam,newton"])
            .says(&["--compare: Newton's method forms and factors the 61×61 Hessian", "hint: choose bfgs"]),
        case("minimize: newton whose Hessian is too large", &["minimize", long_function_of_60, "--start", start_of_60, "--optimizer", "newton"])
            .says(&["Newton's method: the Hessian of 60 variables has 1,830 distinct second derivatives", "beyond the limit of 4,000,000", "hint: choose bfgs, which needs no symbolic Hessian"]),
        case("net: newton on more parameters than it takes", &["net", "{dir}/wide.toml", "--optimizer", "newton"])
            .file("wide.toml", "layers = [2, 20, 2]\ninit = \"xavier\"\ninputs = [[0.1, 0.2]]\ntargets = [[0, 1]]\n")
            .says(&["Newton's method forms and factors the 102×102 Hessian of this network's 102 trainable parameters; stepgrad runs it on at most 60", "hint: choose bfgs"]),
        case("net: bfgs on more parameters than it takes", &["net", "{dir}/wide.toml", "--optimizer", "bfgs"])
            .file("wide.toml", wide_net)
            .says(&["BFGS keeps a 2,550×2,550 matrix for this network's 2,550 trainable parameters; stepgrad runs it on at most 2,000", "hint: choose a first-order optimizer such as adam"]),
        case("net: more samples than it works through", &["net", "{dir}/many.toml"])
            .file("many.toml", many_samples)
            .says(&["many has 1,001 samples; net works through each sample's forward and backward pass, for at most 1,000", "hint: train on them with stepgrad train many"]),
        case("net: samples times parameters beyond what it keeps", &["net", "{dir}/wide.toml"])
            .file("wide.toml", wide_and_many)
            .says(&["wide: 400 samples × 2,550 weights and biases is 1,020,000 values for each step shown in full; net keeps at most 1,000,000", "hint: train on them with stepgrad train wide"]),
        case("train: newton on more parameters than it takes", &["train", "--data", "builtin:iris", "--optimizer", "newton"])
            .says(&["Newton's method forms and factors the 67×67 Hessian of this network's 67 trainable parameters; stepgrad runs it on at most 60", "hint: choose bfgs"]),
        case("train: bfgs on more parameters than it takes", &["train", "--data", "builtin:iris", "--hidden", "500", "--optimizer", "bfgs"])
            .says(&["BFGS keeps a 4,003×4,003 matrix for this network's 4,003 trainable parameters; stepgrad runs it on at most 2,000", "hint: choose a first-order optimizer such as adam"]),
    ]
}

/// A text made once for the whole run of the catalog.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// What a case did: its outcome, and what it left in its folder.
struct Run {
    outcome: Outcome,
    /// Every path in the scratch folder afterwards that the case did not
    /// put there.
    new_paths: Vec<String>,
    /// The scratch folder, as it appears in messages.
    dir: String,
}

/// Every path under `dir`, relative to it.
fn listing(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            let relative = path.strip_prefix(dir).unwrap_or(&path);
            out.insert(relative.to_string_lossy().into_owned());
            if path.is_dir() {
                stack.push(path);
            }
        }
    }
    out
}

fn run_case(case: &Case, dir: &Path) -> Run {
    std::fs::create_dir_all(dir).unwrap();
    for folder in &case.folders {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
    }
    for (name, text) in &case.files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let before = listing(dir);
    let shown = dir.display().to_string();
    let args: Vec<String> = case
        .args
        .iter()
        .map(|a| a.replace("{dir}", &shown))
        .collect();
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let outcome = stepgrad(&refs);
    let new_paths = listing(dir).difference(&before).cloned().collect();
    Run {
        outcome,
        new_paths,
        dir: shown,
    }
}

/// The scratch folder of the whole catalog.
fn scratch_root() -> PathBuf {
    std::env::temp_dir().join(format!("stepgrad-catalog-{}", std::process::id()))
}

/// Runs every case once, in its own folder (shared by the tests below).
fn runs() -> &'static [(Case, Run)] {
    static RUNS: OnceLock<Vec<(Case, Run)>> = OnceLock::new();
    RUNS.get_or_init(|| {
        let root = scratch_root();
        let runs = catalog()
            .into_iter()
            .enumerate()
            .map(|(i, case)| {
                let run = run_case(&case, &root.join(format!("case{i:03}")));
                (case, run)
            })
            .collect();
        std::fs::remove_dir_all(&root).ok();
        runs
    })
}

/// Everything wrong with one case's answer.
fn problems(case: &Case, run: &Run) -> Vec<String> {
    let out = &run.outcome;
    let err = &out.stderr;
    let mut found = Vec::new();
    let mut expect = |ok: bool, what: String| {
        if !ok {
            found.push(what);
        }
    };
    expect(
        out.code == 2,
        format!("exit code {} instead of 2", out.code),
    );
    expect(
        out.stdout.is_empty(),
        format!("stdout is not empty:\n{}", out.stdout),
    );
    for text in ["panicked", "RUST_BACKTRACE", "thread '"] {
        expect(!err.contains(text), format!("panic text {text:?}"));
    }
    let has_hint = err.lines().any(|l| l.starts_with("hint: "));
    let clap_footer = err.contains("For more information, try '--help'.");
    match case.shape {
        Shape::Hinted => {
            expect(
                err.starts_with("error: "),
                "does not start with 'error: '".into(),
            );
            expect(!clap_footer, "has clap's footer".into());
            let error_lines = err.lines().filter(|l| l.starts_with("error: ")).count();
            expect(
                error_lines == 1,
                format!("{error_lines} error lines, not one"),
            );
            expect(has_hint, "no hint".into());
        }
        Shape::Clap => {
            expect(
                err.starts_with("error: "),
                "does not start with 'error: '".into(),
            );
            expect(clap_footer, "no clap footer".into());
        }
        Shape::ProblemLine(line) => {
            expect(
                err.starts_with(&format!("line {line}: error: ")),
                format!("does not start with 'line {line}: error: '"),
            );
            expect(has_hint, "no hint".into());
            expect(
                err.trim_end().ends_with("could not be answered"),
                "no count of the failed lines".into(),
            );
        }
    }
    for fragment in &case.expect {
        let fragment = fragment.replace("{dir}", &run.dir);
        expect(err.contains(&fragment), format!("no {fragment:?}"));
    }
    for output in &case.outputs {
        expect(
            !run.new_paths.iter().any(|p| p == output),
            format!("{output} was written"),
        );
    }
    expect(
        run.new_paths.is_empty(),
        format!("files left behind: {:?}", run.new_paths),
    );
    found
}

/// With STEPGRAD_CATALOG_SHOW set (and --nocapture), every message is
/// printed, to read them all at once.
#[test]
fn every_mistake_is_refused_with_one_clear_message() {
    let show = std::env::var_os("STEPGRAD_CATALOG_SHOW").is_some();
    let mut report = String::new();
    for (case, run) in runs() {
        if show {
            println!(
                "── {}
{}",
                case.name, run.outcome.stderr
            );
        }
        let found = problems(case, run);
        if !found.is_empty() {
            report.push_str(&format!(
                "── {} ({:?})\n  {}\n{}\n",
                case.name,
                case.args,
                found.join("\n  "),
                run.outcome.stderr
            ));
        }
    }
    assert!(report.is_empty(), "cases that miss the bar:\n{report}");
}

/// Pairs of rows that are the same mistake reached another way (another
/// command, or with --output), and so get the same message.
const SAME_MISTAKE: [(&str, &str); 10] = [
    (
        "minimize: --compare an empty name",
        "train: --compare an empty name",
    ),
    (
        "minimize: --compare an unknown name",
        "train: --compare an unknown name",
    ),
    (
        "shared: --output names a folder",
        "shared: --output names a folder, with a --plot",
    ),
    ("net: --lr 0", "minimize: --lr 0"),
    ("net: --lr for newton", "minimize: newton with --lr"),
    (
        "diff: a product without * after /",
        "shared: a mistake with --output writes nothing",
    ),
    (
        "train: --epochs 0",
        "train: a failing run writes neither --save nor --plot",
    ),
    (
        "minimize: --steps 0",
        "shared: a refused run with --output .svg writes nothing",
    ),
    (
        "shared: --output names a folder",
        "shared: --output names a folder after --plot is drawn",
    ),
    (
        "lesson: front matter with a word for the number",
        "lesson: a byte-order mark and a mistake",
    ),
];

#[test]
fn different_mistakes_get_different_messages() {
    // The whole message, with the case's folder taken out.
    let mut by_message: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (case, run) in runs() {
        let message = run.outcome.stderr.replace(&run.dir, "{dir}");
        by_message.entry(message).or_default().push(case.name);
    }
    let same = |a: &str, b: &str| {
        SAME_MISTAKE
            .iter()
            .any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b))
    };
    let mut clashes = Vec::new();
    for (message, names) in &by_message {
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                if !same(a, b) {
                    clashes.push(format!("{a:?} and {b:?} both say\n  {message}"));
                }
            }
        }
    }
    assert!(clashes.is_empty(), "{}", clashes.join("\n"));
}

#[test]
fn the_catalog_covers_every_command() {
    let all = catalog();
    let names: BTreeSet<&str> = all.iter().map(|c| c.name).collect();
    assert_eq!(names.len(), all.len(), "case names are unique");
    let mut by_command: BTreeMap<&str, usize> = BTreeMap::new();
    for case in &all {
        *by_command.entry(case.command()).or_default() += 1;
    }
    for command in [
        "diff", "check", "net", "graph", "minimize", "train", "epochs", "lesson", "shared",
    ] {
        assert!(
            by_command.get(command).copied().unwrap_or(0) >= 5,
            "{command}: {by_command:?}"
        );
    }
    assert!(all.len() >= 80, "{} cases", all.len());
}

/// Not an input error, by design: an answer in a variable the expression
/// does not have is a wrong answer (exit 1) with its own diagnosis
/// (docs/json.md), so a grader counts it as wrong rather than as a broken
/// submission.
#[test]
fn an_answer_in_an_unknown_variable_is_a_wrong_answer() {
    let out = stepgrad(&["check", "sin(x)", "--answer", "cos(y)"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Likely mistake: the answer uses y, which the expression does not contain"),
        "{}",
        out.stdout
    );
}

/// Whether a line of a message quotes what the user wrote rather than
/// telling something: an expression above its caret line, the caret line,
/// a line of a file (`12 | …`, `--> path`), or the usage line.
fn quotes_the_input(line: &str, next: Option<&str>) -> bool {
    let carets = |l: &str| {
        let t = l.trim();
        !t.is_empty() && t.chars().all(|c| c == '^' || c == ' ')
    };
    carets(line)
        || next.is_some_and(carets)
        || line.contains(" | ")
        || line.trim_end().ends_with(" |")
        || line.trim_start().starts_with("-->")
        || line.trim_start().starts_with("사용법:")
}

/// Every mistake of the catalog, made in a Korean session, is told in
/// Korean: the same exit code as in English, and no English prose on any
/// line but those that quote the user's own input (an expression above its
/// caret, a line of a file, the usage line).
#[test]
fn every_mistake_is_told_in_korean_too() {
    let root = std::env::temp_dir().join(format!("stepgrad-catalog-ko-{}", std::process::id()));
    let mut report = String::new();
    for (i, case) in catalog().into_iter().enumerate() {
        let mut korean = case;
        korean.args.extend(["--lang", "ko"]);
        let run = run_case(&korean, &root.join(format!("case{i:03}")));
        let english = runs()
            .iter()
            .find(|(c, _)| c.name == korean.name)
            .map(|(_, r)| r.outcome.code);
        let mut found = Vec::new();
        if Some(run.outcome.code) != english {
            found.push(format!(
                "exit code {} in Korean, {english:?} in English",
                run.outcome.code
            ));
        }
        let lines: Vec<&str> = run.outcome.stderr.lines().collect();
        for (k, line) in lines.iter().enumerate() {
            if quotes_the_input(line, lines.get(k + 1).copied()) {
                continue;
            }
            if let Some(words) = common::english_words(line) {
                found.push(format!("English prose \"{words}\" in: {line}"));
            }
        }
        if !found.is_empty() {
            report.push_str(&format!(
                "── {} ({:?})\n  {}\n{}\n",
                korean.name,
                korean.args,
                found.join("\n  "),
                run.outcome.stderr
            ));
        }
    }
    std::fs::remove_dir_all(&root).ok();
    assert!(
        report.is_empty(),
        "mistakes told in English in a Korean session:\n{report}"
    );
}
