//! Text for LaTeX's text mode: the characters LaTeX gives a meaning
//! escaped, and the symbols pdflatex's text fonts lack (→, ×, Greek
//! letters, superscripts, m̂ with its combining accent) set as math, one
//! `$…$` for a run of them. A minus sign, and a hyphen that stands for
//! one before a number ("(-2, 1)"), become a math minus.

/// What a character becomes in math mode.
#[derive(Clone, Copy)]
enum MathPart {
    /// A symbol or command: `\to`.
    Symbol(&'static str),
    /// A character of a superscript: ² is `2` in `^{…}`.
    Superscript(&'static str),
    /// A character of a subscript: ₜ is `t` in `_{…}`.
    Subscript(&'static str),
}

/// Escapes text for LaTeX's text mode (see the module's comment).
pub fn latex_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Text::default();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if let Some(accent) = chars.get(k + 1).and_then(|&next| accent_command(next)) {
            out.math(&format!("{accent}{{{}}}", math_letter(c)));
            k += 2;
            continue;
        }
        if let Some(part) = math_part(c) {
            out.part(part);
        } else if (c == '-' && stands_for_minus(&chars, k)) || c == '−' {
            out.math("-");
        } else {
            out.text(&escaped(c));
        }
        k += 1;
    }
    out.finish()
}

/// Whether the hyphen at `k` is the sign of a number: a digit or a point
/// follows, and it starts the text or follows a space, a bracket, a comma,
/// an equals sign or the `e` of an exponent (so "2-2-2" keeps its
/// hyphens).
fn stands_for_minus(chars: &[char], k: usize) -> bool {
    let number_follows = chars
        .get(k + 1)
        .is_some_and(|c| c.is_ascii_digit() || *c == '.');
    let sign_position = k == 0 || matches!(chars[k - 1], ' ' | '(' | '[' | ',' | '=' | '\u{a0}');
    let exponent = k >= 2 && chars[k - 1] == 'e' && chars[k - 2].is_ascii_digit();
    number_follows && (sign_position || exponent)
}

/// A letter as it goes under an accent in math: Latin letters as they
/// are, others escaped as text.
fn math_letter(c: char) -> String {
    match math_part(c) {
        Some(MathPart::Symbol(command)) => command.to_string(),
        _ if c.is_ascii_alphanumeric() => c.to_string(),
        _ => format!("\\text{{{}}}", escaped(c)),
    }
}

/// The math accent a combining character stands for.
fn accent_command(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{302}' => "\\hat",
        '\u{303}' => "\\tilde",
        '\u{304}' => "\\bar",
        '\u{307}' => "\\dot",
        _ => return None,
    })
}

/// Text being written, with the math run it may be in.
#[derive(Default)]
struct Text {
    out: String,
    /// The math of the current run, not yet closed by `$`.
    math: String,
    /// The script being gathered inside the run: `^` or `_` and its text.
    script: Option<(char, String)>,
}

impl Text {
    fn text(&mut self, s: &str) {
        self.close_math();
        self.out.push_str(s);
    }

    fn math(&mut self, s: &str) {
        self.close_script();
        self.math.push_str(s);
    }

    fn part(&mut self, part: MathPart) {
        let (mark, s) = match part {
            MathPart::Symbol(s) => return self.math(s),
            MathPart::Superscript(s) => ('^', s),
            MathPart::Subscript(s) => ('_', s),
        };
        match &mut self.script {
            Some((m, gathered)) if *m == mark => gathered.push_str(s),
            _ => {
                self.close_script();
                self.script = Some((mark, s.to_string()));
            }
        }
    }

    fn close_script(&mut self) {
        if let Some((mark, gathered)) = self.script.take() {
            self.math.push_str(&format!("{mark}{{{gathered}}}"));
        }
    }

    fn close_math(&mut self) {
        self.close_script();
        if !self.math.is_empty() {
            self.out.push('$');
            self.out.push_str(&std::mem::take(&mut self.math));
            self.out.push('$');
        }
    }

    fn finish(mut self) -> String {
        self.close_math();
        self.out
    }
}

/// A character of text mode, escaped.
fn escaped(c: char) -> String {
    match c {
        '\\' => "\\textbackslash{}".into(),
        '&' | '%' | '$' | '#' | '_' | '{' | '}' => format!("\\{c}"),
        '~' => "\\textasciitilde{}".into(),
        '^' => "\\textasciicircum{}".into(),
        '<' => "\\textless{}".into(),
        '>' => "\\textgreater{}".into(),
        '—' => "---".into(),
        '–' => "--".into(),
        '…' => "\\ldots{}".into(),
        '\u{a0}' => "~".into(),
        _ => c.to_string(),
    }
}

/// The math-mode form of a symbol that pdflatex's text fonts lack.
fn math_part(c: char) -> Option<MathPart> {
    use MathPart::{Subscript as Sub, Superscript as Sup, Symbol as Sym};
    Some(match c {
        '→' => Sym("\\to"),
        '←' => Sym("\\leftarrow"),
        '×' => Sym("\\times"),
        '÷' => Sym("\\div"),
        '±' => Sym("\\pm"),
        '·' => Sym("\\cdot"),
        '≤' => Sym("\\le"),
        '≥' => Sym("\\ge"),
        '≠' => Sym("\\ne"),
        '≈' => Sym("\\approx"),
        '∞' => Sym("\\infty"),
        '‖' => Sym("\\Vert"),
        '∇' => Sym("\\nabla"),
        '∂' => Sym("\\partial"),
        '√' => Sym("\\surd"),
        '∈' => Sym("\\in"),
        '∑' | 'Σ' => Sym("\\Sigma"),
        'Π' => Sym("\\Pi"),
        'Δ' => Sym("\\Delta"),
        'α' => Sym("\\alpha"),
        'β' => Sym("\\beta"),
        'γ' => Sym("\\gamma"),
        'δ' => Sym("\\delta"),
        'ε' => Sym("\\varepsilon"),
        'η' => Sym("\\eta"),
        'θ' => Sym("\\theta"),
        'λ' => Sym("\\lambda"),
        'μ' => Sym("\\mu"),
        'π' => Sym("\\pi"),
        'ρ' => Sym("\\rho"),
        'σ' => Sym("\\sigma"),
        'τ' => Sym("\\tau"),
        'φ' => Sym("\\varphi"),
        'Γ' => Sym("\\Gamma"),
        'Θ' => Sym("\\Theta"),
        'Λ' => Sym("\\Lambda"),
        'Ξ' => Sym("\\Xi"),
        'Φ' => Sym("\\Phi"),
        'Ψ' => Sym("\\Psi"),
        'Ω' => Sym("\\Omega"),
        'ζ' => Sym("\\zeta"),
        'ι' => Sym("\\iota"),
        'κ' => Sym("\\kappa"),
        'ν' => Sym("\\nu"),
        'ξ' => Sym("\\xi"),
        'υ' => Sym("\\upsilon"),
        'χ' => Sym("\\chi"),
        'ψ' => Sym("\\psi"),
        'ω' => Sym("\\omega"),
        '½' => Sym("\\tfrac{1}{2}"),
        // On an empty group, so that it never follows a superscript.
        '′' => Sym("{}'"),
        '″' => Sym("{}''"),
        '²' => Sup("2"),
        '³' => Sup("3"),
        '¹' => Sup("1"),
        '⁰' => Sup("0"),
        '⁴' => Sup("4"),
        '⁵' => Sup("5"),
        '⁶' => Sup("6"),
        '⁷' => Sup("7"),
        '⁸' => Sup("8"),
        '⁹' => Sup("9"),
        '⁻' => Sup("-"),
        '⁺' => Sup("+"),
        'ⁿ' => Sup("n"),
        'ᵀ' => Sup("T"),
        'ᵗ' => Sup("t"),
        '₀' => Sub("0"),
        '₁' => Sub("1"),
        '₂' => Sub("2"),
        '₃' => Sub("3"),
        '₄' => Sub("4"),
        '₅' => Sub("5"),
        '₆' => Sub("6"),
        '₇' => Sub("7"),
        '₈' => Sub("8"),
        '₉' => Sub("9"),
        'ₖ' => Sub("k"),
        'ᵢ' => Sub("i"),
        'ⱼ' => Sub("j"),
        'ₜ' => Sub("t"),
        'ₙ' => Sub("n"),
        'ₐ' => Sub("a"),
        'ₑ' => Sub("e"),
        'ₒ' => Sub("o"),
        'ₓ' => Sub("x"),
        'ₕ' => Sub("h"),
        'ₗ' => Sub("l"),
        'ₘ' => Sub("m"),
        'ₚ' => Sub("p"),
        'ₛ' => Sub("s"),
        'ᵣ' => Sub("r"),
        'ᵤ' => Sub("u"),
        'ᵥ' => Sub("v"),
        '₊' => Sub("+"),
        '₋' => Sub("-"),
        '₌' => Sub("="),
        '₍' => Sub("("),
        '₎' => Sub(")"),
        _ => return None,
    })
}
