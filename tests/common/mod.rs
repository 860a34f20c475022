//! Helpers shared by the integration tests: running stepgrad in-process,
//! and meval as an independent evaluator.
#![allow(dead_code)]

use stepgrad::cli::{run, Outcome};

/// Runs stepgrad in-process with the given arguments (without the program
/// name).
pub fn stepgrad(args: &[&str]) -> Outcome {
    let mut all = vec!["stepgrad"];
    all.extend_from_slice(args);
    run(all)
}

/// meval's context with the functions stepgrad has beyond meval's own.
pub fn meval_context() -> meval::Context<'static> {
    let mut ctx = meval::Context::new();
    ctx.func("sigmoid", |x: f64| 1.0 / (1.0 + (-x).exp()));
    ctx.func("relu", |x: f64| x.max(0.0));
    ctx.func("log", f64::ln);
    // The activations of modern networks, by their textbook definitions.
    ctx.func("softplus", |x: f64| (1.0 + x.exp()).ln());
    ctx.func("silu", |x: f64| x / (1.0 + (-x).exp()));
    ctx.func("leaky_relu", |x: f64| if x >= 0.0 { x } else { 0.01 * x });
    ctx.func("elu", |x: f64| if x > 0.0 { x } else { x.exp() - 1.0 });
    ctx.func("erf", libm::erf);
    ctx.func("erfc", libm::erfc);
    ctx.func("gelu", |x: f64| {
        0.5 * x * (1.0 + libm::erf(x / std::f64::consts::SQRT_2))
    });
    ctx.func("log10", f64::log10);
    ctx.func("log2", f64::log2);
    ctx.func("step", |x: f64| if x > 0.0 { 1.0 } else { 0.0 });
    ctx.func("sign", |x: f64| {
        if x > 0.0 {
            1.0
        } else if x < 0.0 {
            -1.0
        } else {
            0.0
        }
    });
    ctx.funcn(
        "logsumexp",
        |xs: &[f64]| {
            let m = xs.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            m + xs.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
        },
        1..,
    );
    ctx
}

/// Evaluates `text` with meval at the given variable values.
pub fn meval_eval(text: &str, values: &[(&str, f64)]) -> f64 {
    let mut ctx = meval_context();
    for (name, v) in values {
        ctx.var(*name, *v);
    }
    let expr: meval::Expr = text
        .parse()
        .unwrap_or_else(|e| panic!("meval cannot parse {text}: {e}"));
    expr.eval_with_context(ctx).unwrap_or(f64::NAN)
}

/// Relative closeness with an absolute floor of `tol` near 0.
pub fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * a.abs().max(b.abs()).max(1.0)
}
