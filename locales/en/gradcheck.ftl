# `diff --gradcheck` and `net --gradcheck`: each derivative beside its
# central-difference estimate, as Deep Learning from Scratch checks
# backpropagation (4.3, 5.7.3).

gradcheck-heading = Gradient check
gradcheck-intro-diff = Each symbolic derivative beside the central difference (f(x + h) − f(x − h))/(2h) of the function at the point.
gradcheck-intro-net = Each gradient backpropagation gave at the start beside the central difference (E(w + h) − E(w − h))/(2h) of the batch loss in that parameter alone.
gradcheck-variable = variable
gradcheck-parameter = parameter
gradcheck-symbolic = symbolic
gradcheck-backprop = backpropagation
gradcheck-estimate = central difference
gradcheck-step = step h
gradcheck-relative = relative difference
gradcheck-step-note = The step is h = ε^(1/3)·max(1, |x|) ≈ 6.1e-6·max(1, |x|) (ε = 2.2e-16, the spacing of doubles at 1), which balances the truncation error of the central difference (about h²) against rounding (about ε/h); the book uses h = 1e-4. Where the function is smooth the two agree to about 1e-10·|f|/|f′| relative (rounding in f, divided by 2h); a larger difference points to a wrong derivative, or a kink or a steep stretch within h of the point.
gradcheck-largest = Largest relative difference: { $relative }.
gradcheck-undefined = no estimate: the function has no finite value at x ± h
gradcheck-needs-point = --gradcheck needs a point to check at
gradcheck-needs-point-hint = give one with --at, e.g. stepgrad diff "x^2*sin(x)" --gradcheck --at x=1
gradcheck-too-large = a gradient check here would take { $work } evaluations of the loss's nodes, beyond the limit of { $limit }
gradcheck-too-large-hint = check a network with fewer samples or parameters; docs/limits.md states the limit

help-stepgrad-diff--gradcheck = At the --at point, show each derivative beside its central-difference estimate and their relative difference
help-stepgrad-net--gradcheck = Show each gradient of the first step beside its central-difference estimate and their relative difference
