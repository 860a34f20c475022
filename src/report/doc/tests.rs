//! Each block in its three renderings.

use super::latex::latex_text;
use super::markdown::markdown_text;
use super::terminal::tree_prefixes;
use super::*;
use crate::report::Format;

fn three(blocks: &[Block]) -> (String, String, String) {
    let style = Style::plain(6);
    (
        render(blocks, Format::Text, &style),
        render(blocks, Format::Markdown, &style),
        render(blocks, Format::Latex, &style),
    )
}

fn sample() -> Vec<Block> {
    vec![
        Block::Heading {
            level: 2,
            text: vec![text("Step 1")],
        },
        Block::Paragraph(vec![
            text("Loss "),
            math("E = ½", "E = \\frac{1}{2}"),
            text(" & 50%"),
        ]),
        Block::Equations(vec![Chain {
            lhs: Math::new("∂E/∂w", "\\frac{\\partial E}{\\partial w}"),
            rhs: vec![Math::new("a·b", "a b"), Math::number("0.5")],
            note: Some("Chain rule".into()),
        }]),
    ]
}

#[test]
fn three_renderings() {
    let (t, m, l) = three(&sample());
    assert!(
        t.contains("  ∂E/∂w = a·b\n        = 0.5   (Chain rule)"),
        "{t}"
    );
    assert!(
        m.contains("### Step 1") && m.contains("$E = \\frac{1}{2}$ & 50%"),
        "{m}"
    );
    assert!(
        m.contains("\\frac{\\partial E}{\\partial w} &= a b \\\\\n &= 0.5 && \\text{Chain rule}"),
        "{m}"
    );
    assert!(
        l.contains("\\subsection*{Step 1}") && l.contains("\\& 50\\%"),
        "{l}"
    );
}

#[test]
fn escapes() {
    assert_eq!(latex_text("net_h1 50% & more"), "net\\_h1 50\\% \\& more");
    // Combining accents, scripts gathered, minus signs, hyphens kept.
    assert_eq!(latex_text("m̂ and v̂"), "$\\hat{m}$ and $\\hat{v}$");
    assert_eq!(latex_text("H⁻¹ ≈"), "H$^{-1}$ $\\approx$");
    assert_eq!(latex_text("lrₜ"), "lr$_{t}$");
    assert_eq!(latex_text("(target − out)²"), "(target $-$ out)$^{2}$");
    assert_eq!(latex_text("(-2, 1) in 2-2-2"), "($-$2, 1) in 2-2-2");
    assert_eq!(latex_text("2.2e-16 and x-1"), "2.2e$-$16 and x-1");
    assert_eq!(latex_text("u′·v"), "u${}'\\cdot$v");
    assert_eq!(markdown_text("a|b_c"), "a\\|b\\_c");
}

#[test]
fn tree() {
    let p = tree_prefixes(&[0, 1, 2, 2, 1]);
    let firsts: Vec<&str> = p.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(firsts, vec!["", "├─ ", "│  ├─ ", "│  └─ ", "└─ "]);
}

fn step(depth: usize, rule: &str, lhs: &str, rhs: &str) -> DerivationStep {
    DerivationStep {
        depth,
        rule: rule.into(),
        formula: Math::new("(u·v)′ = u′·v + u·v′", "(u\\,v)' = u'\\,v + u\\,v'"),
        lhs: Math::new(lhs, lhs),
        rhs: Math::new(rhs, rhs),
        inner: None,
        remark: None,
    }
}

#[test]
fn derivation_tree_list_and_align() {
    let mut chain = step(1, "Chain rule", "d/dx [sin(3x)]", "3cos(3x)");
    chain.inner = Some(InnerFunction {
        name: Math::new("u", "u"),
        function: Math::new("3·x", "3 x"),
        derivative_name: Math::new("du/dx", "\\frac{du}{dx}"),
        derivative: Math::new("3", "3"),
    });
    let mut repeated = step(1, "Repeated", "d/dx [x]", "1");
    repeated.remark = Some("derived above".into());
    let blocks = [Block::Derivation(vec![
        step(0, "Sum rule", "d/dx [a]", "b"),
        chain,
        step(2, "Sine rule", "d/du [sin(u)]", "cos(u)"),
        repeated,
    ])];
    let (t, m, l) = three(&blocks);
    assert_eq!(
        t,
        "Sum rule: d/dx [a] = b\n\
         ├─ Chain rule: d/dx [sin(3x)] = 3cos(3x)\n\
         │  │  with u = 3·x, du/dx = 3\n\
         │  └─ Sine rule: d/du [sin(u)] = cos(u)\n\
         └─ Repeated: d/dx [x] = 1  (derived above)\n"
    );
    assert_eq!(
        m,
        "1. **Sum rule** $\\;(u\\,v)' = u'\\,v + u\\,v'$: $d/dx [a] = b$\n\
         \x20  1. **Chain rule** $\\;(u\\,v)' = u'\\,v + u\\,v'$: $d/dx [sin(3x)] = 3cos(3x)$, with $u = 3 x$ and $\\frac{du}{dx} = 3$\n\
         \x20     1. **Sine rule** $\\;(u\\,v)' = u'\\,v + u\\,v'$: $d/du [sin(u)] = cos(u)$\n\
         \x20  1. **Repeated** $\\;(u\\,v)' = u'\\,v + u\\,v'$: $d/dx [x] = 1$ (derived above)\n\n"
    );
    assert_eq!(
        l,
        "\\begin{align*}\n\
         &d/dx [a] = b \\tag*{Sum rule} \\\\\n\
         &\\hspace{1em}d/dx [sin(3x)] = 3cos(3x) \\tag*{Chain rule, $u = 3 x$} \\\\\n\
         &\\hspace{2em}d/du [sin(u)] = cos(u) \\tag*{Sine rule} \\\\\n\
         &\\hspace{1em}d/dx [x] = 1 \\tag*{Repeated}\n\
         \\end{align*}\n"
    );
}

#[test]
fn definitions_align_their_terms() {
    let blocks = [Block::Definitions(vec![
        Definition {
            term: "Sum rule".into(),
            meaning: vec![math("(u + v)′ = u′ + v′", "(u + v)' = u' + v'")],
        },
        Definition {
            term: "Constant rule".into(),
            meaning: vec![math("(c)′ = 0", "(c)' = 0")],
        },
    ])];
    let (t, m, l) = three(&blocks);
    assert_eq!(
        t,
        "  Sum rule       (u + v)′ = u′ + v′\n  Constant rule  (c)′ = 0\n"
    );
    assert_eq!(
        m,
        "- **Sum rule**: $(u + v)' = u' + v'$\n- **Constant rule**: $(c)' = 0$\n\n"
    );
    assert_eq!(
        l,
        "\\begin{description}\n\\item[Sum rule] $(u + v)' = u' + v'$\n\\item[Constant rule] $(c)' = 0$\n\\end{description}\n\n"
    );
}

#[test]
fn values_align_at_the_equals_sign() {
    let blocks = [Block::Values {
        header: ["quantity".into(), "value".into()],
        rows: vec![
            [math_cell(Math::new("f(x)", "f(x)")), cell("2.5")],
            [math_cell(Math::new("df/dx", "\\frac{df}{dx}")), cell("-1")],
        ],
    }];
    let (t, m, l) = three(&blocks);
    assert_eq!(t, "  f(x)  = 2.5\n  df/dx = -1\n");
    assert_eq!(
        m,
        "| quantity | value |\n|---|---|\n| $f(x)$ | 2.5 |\n| $\\frac{df}{dx}$ | -1 |\n\n"
    );
    assert_eq!(
        l,
        "\\begin{tabular}{ll}\n\\hline\nquantity & value \\\\\n\\hline\n$f(x)$ & 2.5 \\\\\n$\\frac{df}{dx}$ & $-$1 \\\\\n\\hline\n\\end{tabular}\n\n"
    );
}

#[test]
fn tree_tables_indent_their_first_column() {
    let row = |depth: usize, name: &str| TreeRow {
        depth,
        cells: vec![math_cell(Math::new(name, name)), cell("1")],
    };
    let blocks = [Block::TreeTable {
        header: vec![cell("node"), cell("value")],
        rows: vec![row(0, "f"), row(1, "a"), row(1, "b")],
    }];
    let (t, m, l) = three(&blocks);
    assert!(
        t.contains("│ f    ┆ 1     │\n│ ├─ a ┆ 1     │\n│ └─ b ┆ 1     │"),
        "{t}"
    );
    assert!(
        m.ends_with("| $f$ | 1 |\n| &emsp;$a$ | 1 |\n| &emsp;$b$ | 1 |\n\n"),
        "{m}"
    );
    assert!(
        l.contains("\\hspace*{0em}$f$ & 1 \\\\\n\\hspace*{1em}$a$ & 1 \\\\\n"),
        "{l}"
    );
}

#[test]
fn displays_lines_and_report_headings() {
    let blocks = [
        Block::ReportHeading {
            level: 1,
            latex: LatexHeading::RunIn,
            text: vec![text("Checking "), math("f′ = 1", "f' = 1")],
        },
        Block::Lines {
            indent: 2,
            lines: vec![vec![text("a_1")], vec![Span::Alert("no".into())]],
        },
        Block::Display(Math::new("H = 2", "H = 2")),
    ];
    let (t, m, l) = three(&blocks);
    assert_eq!(t, "Checking f′ = 1\n\n  a_1\n  no\n\n  H = 2\n");
    assert_eq!(
        m,
        "## Checking $f' = 1$\n\na\\_1\n\n**no**\n\n$$H = 2$$\n\n"
    );
    assert_eq!(
        l,
        "\\paragraph{Checking $f' = 1$.}\na\\_1\n\n\\textbf{no}\n\n\\[ H = 2 \\]\n"
    );
}

#[test]
fn groups_hold_together_and_only_shows_where_asked() {
    let blocks = [
        Block::Group(vec![
            Block::Heading {
                level: 3,
                text: vec![text("Result")],
            },
            Block::Paragraph(vec![text("one")]),
            Block::Display(Math::new("x = 1", "x = 1")),
            Block::Paragraph(vec![text("two")]),
        ]),
        Block::Only(
            Shown::Terminal,
            vec![Block::Paragraph(vec![text("terminal")])],
        ),
        Block::Only(Shown::Notes, vec![Block::Paragraph(vec![text("notes")])]),
        Block::Only(
            Shown::Markdown,
            vec![Block::Paragraph(vec![text("markdown")])],
        ),
        Block::Only(Shown::Latex, vec![Block::Paragraph(vec![text("latex")])]),
        Block::Group(vec![Block::Only(Shown::Latex, Vec::new())]),
    ];
    let (t, m, l) = three(&blocks);
    assert_eq!(t, "Result\none\n  x = 1\ntwo\n\nterminal\n");
    assert_eq!(
        m,
        "#### Result\n\none\n\n$$x = 1$$\n\ntwo\n\nnotes\n\nmarkdown\n\n"
    );
    assert_eq!(
        l,
        "\\subsubsection*{Result}\none\n\\[ x = 1 \\]\n\ntwo\n\nnotes\n\nlatex\n\n"
    );
}

#[test]
fn spans_in_each_notation() {
    let blocks = [Block::Paragraph(vec![
        strong("Correct."),
        text(" "),
        Span::Alert("No.".into()),
        text(" The derivative is "),
        Span::Display(Math::new("3·x²", "3 x^{2}")),
    ])];
    let (t, m, l) = three(&blocks);
    assert_eq!(t, "Correct. No. The derivative is 3·x²\n");
    assert_eq!(m, "**Correct.** **No.** The derivative is $$3 x^{2}$$\n\n");
    assert_eq!(
        l,
        "\\textbf{Correct.} \\textbf{No.} The derivative is \\[ 3 x^{2} \\]\n\n"
    );
}

#[test]
fn a_group_ending_the_document_ends_its_line() {
    let blocks = [
        Block::Paragraph(vec![text("Values")]),
        Block::Group(vec![
            Block::Table {
                header: vec![cell("x")],
                rows: vec![vec![cell("1")]],
            },
            Block::Display(Math::new("H = 2", "H = 2")),
        ]),
    ];
    let (t, m, l) = three(&blocks);
    assert!(t.ends_with("└───┘\n  H = 2\n"), "{t}");
    assert_eq!(m, "Values\n\n| x |\n|---|\n| 1 |\n\n$$H = 2$$\n");
    assert_eq!(
        l,
        "Values\n\n\\begin{tabular}{l}\n\\hline\nx \\\\\n\\hline\n1 \\\\\n\\hline\n\\end{tabular}\n\\[ H = 2 \\]\n"
    );
}
