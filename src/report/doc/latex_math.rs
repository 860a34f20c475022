//! Long formulas broken to fit the page: a formula's LaTeX is measured
//! (an estimate, in points of a 10pt article), and one wider than its room
//! is cut before its `+` and `−` outside every bracket first; a part
//! still too wide is then cut among its `·` there, then its `+` and `−`
//! one bracket deeper, and so on, as deep as it takes that part to fit. A `\left…\right` pair a cut falls inside is set as
//! `\bigl…\bigr`, which can stand on two lines. Nothing inside braces is
//! cut (a fraction, a subscript, a `\text`).
//!
//! Invariant: the pieces joined again are the formula (up to the spaces at
//! the cuts and the `\left`/`\bigl` pairs), and a formula that fits is one
//! piece, unchanged.

/// The width of the text block of a 10pt article, in points.
pub(super) const LINE: f64 = 345.0;

/// A place a formula may be cut: before the operator at `at` (a byte
/// offset). Its rank orders the cuts: a `+` or `−` inside d
/// `\left…\right` pairs ranks 2d, a `·` there 2d + 1.
#[derive(Clone, Copy, Debug)]
struct Cut {
    at: usize,
    rank: usize,
}

/// The formula `latex` in lines: the first at most `first` points wide,
/// the others at most `rest`; each line after the first begins with the
/// operator it was cut before.
pub(super) fn broken(latex: &str, first: f64, rest: f64) -> Vec<String> {
    if width(latex) <= first {
        return vec![latex.to_string()];
    }
    let (cuts, pairs) = scan(latex);
    let mut chosen = Vec::new();
    choose(latex, &cuts, 0, latex.len(), first, rest, &mut chosen);
    if chosen.is_empty() {
        return vec![latex.to_string()];
    }
    chosen.sort_unstable();
    let latex = unpaired(latex, &pairs, &mut chosen);
    let mut lines = Vec::new();
    let mut start = 0;
    for &at in chosen.iter().chain(std::iter::once(&latex.len())) {
        lines.push(latex[start..at].trim().to_string());
        start = at;
    }
    lines
}

/// Chooses cuts in `latex[start..end]`: first fit among the cuts of
/// rank 0; each line still too wide is then broken on its own, among the
/// cuts up to the lowest rank that makes all its lines fit.
fn choose(
    latex: &str,
    cuts: &[Cut],
    start: usize,
    end: usize,
    first: f64,
    rest: f64,
    chosen: &mut Vec<usize>,
) {
    let lines = first_fit(latex, cuts, start, end, 0, first, rest);
    for (k, &(a, b)) in lines.iter().enumerate() {
        if k > 0 {
            chosen.push(a);
        }
        let room = if k == 0 { first } else { rest };
        if width(&latex[a..b]) > room {
            deeper(latex, cuts, a, b, room, rest, chosen);
        }
    }
}

/// Breaks one line too wide among the cuts up to the lowest rank at which
/// every piece fits (or all its cuts, when none does).
fn deeper(
    latex: &str,
    cuts: &[Cut],
    start: usize,
    end: usize,
    first: f64,
    rest: f64,
    chosen: &mut Vec<usize>,
) {
    let inside = |c: &&Cut| c.at > start && c.at < end;
    let Some(highest) = cuts.iter().filter(inside).map(|c| c.rank).max() else {
        return;
    };
    let mut lines = Vec::new();
    for rank in 1..=highest {
        lines = first_fit(latex, cuts, start, end, rank, first, rest);
        let fits = lines
            .iter()
            .enumerate()
            .all(|(k, &(a, b))| width(&latex[a..b]) <= if k == 0 { first } else { rest });
        if fits {
            break;
        }
    }
    chosen.extend(lines.iter().skip(1).map(|&(a, _)| a));
}

/// First fit: a line takes pieces while it fits, cut at the cuts up to
/// `rank`; a piece too wide for any line stands alone.
fn first_fit(
    latex: &str,
    cuts: &[Cut],
    start: usize,
    end: usize,
    rank: usize,
    first: f64,
    rest: f64,
) -> Vec<(usize, usize)> {
    let inside = cuts
        .iter()
        .filter(|c| c.at > start && c.at < end && c.rank <= rank)
        .map(|c| c.at);
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut line_start = start;
    let mut last_fit: Option<usize> = None;
    for at in inside.chain(std::iter::once(end)) {
        let room = if lines.is_empty() { first } else { rest };
        if width(&latex[line_start..at]) <= room {
            last_fit = Some(at);
            continue;
        }
        if let Some(cut) = last_fit {
            lines.push((line_start, cut));
            line_start = cut;
        }
        let room = if lines.is_empty() { first } else { rest };
        if at < end && width(&latex[line_start..at]) > room {
            lines.push((line_start, at));
            line_start = at;
            last_fit = None;
        } else {
            last_fit = Some(at);
        }
    }
    lines.push((line_start, end));
    lines
}

/// The cuts of a formula, and its `\left…\right` pairs as the byte
/// offsets of the two commands.
fn scan(latex: &str) -> (Vec<Cut>, Vec<(usize, usize)>) {
    let bytes = latex.as_bytes();
    let mut cuts = Vec::new();
    let mut pairs = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut braces = 0usize;
    let mut k = 0;
    while k < bytes.len() {
        let rest = &latex[k..];
        if rest.starts_with("\\left") && !rest[5..].starts_with(|c: char| c.is_alphabetic()) {
            if braces == 0 {
                open.push(k);
            }
            k += 5;
            continue;
        }
        if rest.starts_with("\\right") && !rest[6..].starts_with(|c: char| c.is_alphabetic()) {
            if braces == 0 {
                if let Some(left) = open.pop() {
                    pairs.push((left, k));
                }
            }
            k += 6;
            continue;
        }
        match bytes[k] {
            b'\\' => {
                // A command or an escaped character: skip its name.
                k += 1;
                if k < bytes.len() && !bytes[k].is_ascii_alphabetic() {
                    k += 1;
                }
                while k < bytes.len() && bytes[k].is_ascii_alphabetic() {
                    k += 1;
                }
                continue;
            }
            b'{' => braces += 1,
            b'}' => braces = braces.saturating_sub(1),
            b' ' if braces == 0 && k > 0 => {
                let sum = rest.starts_with(" + ") || rest.starts_with(" - ");
                if sum || rest.starts_with(" \\cdot ") {
                    cuts.push(Cut {
                        at: k,
                        rank: 2 * open.len() + usize::from(!sum),
                    });
                }
            }
            _ => {}
        }
        k += 1;
    }
    (cuts, pairs)
}

/// `latex` with each `\left…\right` pair that a chosen cut falls inside
/// set as `\bigl…\bigr`; the cuts move with the text (returned in place).
fn unpaired(latex: &str, pairs: &[(usize, usize)], chosen: &mut [usize]) -> String {
    let mut edits: Vec<(usize, &str, &str)> = Vec::new();
    for &(left, right) in pairs {
        if chosen.iter().any(|&c| c > left && c < right) {
            edits.push((left, "\\left", "\\bigl"));
            edits.push((right, "\\right", "\\bigr"));
        }
    }
    edits.sort_unstable_by_key(|e| e.0);
    let mut out = String::with_capacity(latex.len());
    let mut start = 0;
    for &(at, old, new) in &edits {
        out.push_str(&latex[start..at]);
        out.push_str(new);
        start = at + old.len();
        let shift = new.len() as isize - old.len() as isize;
        for c in chosen.iter_mut().filter(|c| **c > at) {
            *c = (*c as isize + shift) as usize;
        }
    }
    out.push_str(&latex[start..]);
    out
}

/// The estimated width of a formula in display style, in points.
pub(super) fn width(latex: &str) -> f64 {
    Measure {
        chars: latex.chars().collect(),
        k: 0,
    }
    .sequence(1.0)
}

/// A walk over a formula's characters, adding up their widths.
struct Measure {
    chars: Vec<char>,
    k: usize,
}

impl Measure {
    /// The width of what follows until a closing brace or the end.
    fn sequence(&mut self, scale: f64) -> f64 {
        let mut total = 0.0;
        while self.k < self.chars.len() {
            let c = self.chars[self.k];
            self.k += 1;
            total += match c {
                '}' => break,
                '{' => self.sequence(scale),
                '\\' => self.command(scale),
                '^' | '_' => self.script(scale),
                ' ' | '&' => 0.0,
                '+' | '-' | '=' | '<' | '>' => 12.5 * scale,
                '(' | ')' | '[' | ']' | '|' | ',' | '.' | ';' => 3.9 * scale,
                _ => 5.5 * scale,
            };
        }
        total
    }

    /// A superscript or subscript: a character or a group, smaller.
    fn script(&mut self, scale: f64) -> f64 {
        self.group(scale * 0.7)
    }

    /// A command after its backslash.
    fn command(&mut self, scale: f64) -> f64 {
        let start = self.k;
        while self.k < self.chars.len() && self.chars[self.k].is_ascii_alphabetic() {
            self.k += 1;
        }
        if self.k == start {
            // An escaped character or a spacing command (\, \! \;).
            self.k += 1;
            return match self.chars.get(self.k - 1) {
                Some(',') | Some(';') | Some(' ') => 2.5 * scale,
                Some('!') => -1.7 * scale,
                _ => 5.5 * scale,
            };
        }
        let name: String = self.chars[start..self.k].iter().collect();
        match name.as_str() {
            "frac" | "tfrac" | "dfrac" => {
                let numerator = self.group(scale);
                let denominator = self.group(scale);
                numerator.max(denominator) + 2.0 * scale
            }
            "left" | "right" | "bigl" | "bigr" | "Bigl" | "Bigr" => {
                self.skip_spaces();
                // The delimiter: a character or a command such as \{.
                if self.chars.get(self.k) == Some(&'\\') {
                    self.k += 1;
                    self.command(scale)
                } else {
                    self.k += 1;
                    4.5 * scale
                }
            }
            "mathrm" | "text" | "mathbf" | "mathit" | "operatorname" | "textbf" => {
                self.group(scale)
            }
            "hat" | "bar" | "tilde" | "vec" | "dot" => self.group(scale),
            "quad" => 10.0 * scale,
            "qquad" => 20.0 * scale,
            "cdot" | "times" | "pm" => 10.0 * scale,
            "to" | "leftarrow" | "approx" | "le" | "ge" | "ne" | "leq" | "geq" => 15.0 * scale,
            "sqrt" => 8.0 * scale + self.group(scale),
            "sum" | "prod" => 12.0 * scale,
            "sigma" | "ln" | "exp" | "sin" | "cos" | "tan" | "tanh" | "log" => {
                5.8 * scale * name.len().min(3) as f64 / if name == "sigma" { 3.0 } else { 1.6 }
            }
            _ => 6.0 * scale,
        }
    }

    /// A braced group's width (or a single character's).
    fn group(&mut self, scale: f64) -> f64 {
        self.skip_spaces();
        match self.chars.get(self.k) {
            Some('{') => {
                self.k += 1;
                self.sequence(scale)
            }
            Some('\\') => {
                self.k += 1;
                self.command(scale)
            }
            Some(_) => {
                self.k += 1;
                5.5 * scale
            }
            None => 0.0,
        }
    }

    fn skip_spaces(&mut self) {
        while self.chars.get(self.k) == Some(&' ') {
            self.k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_that_fits_is_one_piece() {
        assert_eq!(broken("a + b", LINE, LINE), vec!["a + b"]);
    }

    #[test]
    fn cuts_outside_brackets_come_first() {
        let long = (1..=40)
            .map(|k| format!("w_{{{k}}} \\cdot x_{{{k}}}"))
            .collect::<Vec<_>>()
            .join(" + ");
        let lines = broken(&long, 200.0, 200.0);
        assert!(lines.len() > 2, "{lines:?}");
        for line in &lines[1..] {
            assert!(line.starts_with("+ "), "{line}");
        }
        for line in &lines {
            assert!(width(line) <= 200.0, "{line}");
        }
        assert_eq!(lines.join(" "), long);
    }

    #[test]
    fn a_cut_inside_a_bracket_unpairs_it() {
        let inner = (1..=30)
            .map(|k| format!("w_{{{k}}}"))
            .collect::<Vec<_>>()
            .join(" + ");
        let long = format!("\\sigma\\left({inner}\\right)^{{2}}");
        let lines = broken(&long, 150.0, 150.0);
        assert!(lines.len() > 1);
        assert!(lines[0].starts_with("\\sigma\\bigl("), "{}", lines[0]);
        assert!(lines.last().unwrap().ends_with("\\bigr)^{2}"));
        assert!(!lines.concat().contains("\\left"));
    }

    #[test]
    fn nothing_inside_braces_is_cut() {
        let long = format!("\\frac{{{}}}{{2}}", vec!["a"; 100].join(" + "));
        assert_eq!(broken(&long, 100.0, 100.0), vec![long.clone()]);
    }
}
