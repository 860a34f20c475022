# The report of `stepgrad check`: the verdict, how it was reached, where a
# wrong answer differs, and the likely mistake (the lessons' exercises
# explain mistakes with the diagnoses too).
# $answer, $derivative, $equation, $factor and $point are math; $expected
# and $answer in `check-differs-at` are numbers as printed.

check-correct-verdict = Correct.
check-not-correct-verdict = Not correct.
check-your-answer = your answer
check-undefined = undefined
check-checking = Checking { $equation }
check-correct-label = ✓ Correct:
check-correct = { $answer } is { $derivative }.
check-not-correct-label = ✗ Not correct:
check-not-correct = { $answer } is not { $derivative }.

# Where a wrong answer differs: in the terminal, above Markdown's table,
# and in notes' one paragraph.
check-at-point = At { $point }:
check-differs-at = At { $point }: the derivative is { $expected }, your answer gives { $answer }.
check-undefined-at = At { $point }: the derivative is { $expected }, and your answer is undefined there.
check-differs-at-notes = At { $point } the derivative is { $expected } and the answer gives { $answer }.
check-undefined-at-notes = At { $point } the derivative is { $expected } and the answer is undefined.
check-likely-mistake = Likely mistake: { $mistake }.
check-derivative-is = The derivative is { $derivative }.
check-derivative-is-displayed = The derivative is { $derivative }

# How the verdict was reached; $place is one of check-place-….
check-decided-symbolically = Decided symbolically: answer − derivative simplifies to 0, and the answer is defined wherever the derivative is (checked at { $points } points, { $place }).
check-decided-numerically = Decided numerically: the two agree within the rounding error of computing them at { $points } points ({ $place }); their difference did not simplify to 0.
check-decided-numerically-undefined = Decided numerically: at the point above the derivative is defined and the answer is not.
check-decided-numerically-difference = Decided numerically: at the point above the two differ by more than the rounding error of computing them.
check-decided-by-variables = Decided from the variables: the answer uses a variable the expression does not have.
check-place-random = at random points and along lines through them
check-place-one-piece = near 0 and far out on both sides
check-place-pieces = in { $pieces }, near the ends and far out

# Pieces of the real line ($pieces: conditions such as "x < −3", listed).
check-every = every { $var }
check-list = { $init } and { $last }
check-agrees-only = Your answer agrees with the derivative only for { $pieces }.
check-undefined-only = For { $pieces } your answer is undefined, while the derivative is defined there.

# The likely mistakes.
check-missing-inner-factor = the chain rule's inner factor is missing: { $equation } is missing
check-missing-product-term = a product-rule term is missing: the term with the derivative of { $factor } (the product rule gives one term per factor)
check-reversed-quotient = the quotient rule's numerator is reversed: it is u′·v − u·v′ (derivative of the numerator first)
check-reciprocal-sign = a sign error: the derivative of 1/v is −v′/v² (1/v = v^(−1), and the power rule brings down −1)
check-product-of-derivatives = the product rule is not u′·v′: the derivative of u·v is u′·v + u·v′
check-kept-constant-term = a constant term is kept: a constant added to the function has derivative 0, so (f + c)′ = f′
check-dropped-constant-factor = the constant factor { $factor } is missing: a constant factor stays, (c·f)′ = c·f′
check-power-coefficient-missing = the power rule's coefficient is missing: (xⁿ)′ = n·xⁿ⁻¹ brings the exponent n down as a factor
check-power-exponent-not-lowered = the power rule's exponent is not lowered: (xⁿ)′ = n·xⁿ⁻¹, one power less
check-power-rule-on-exponential = the power rule is for xⁿ, with a constant exponent; for aˣ, with the variable in the exponent, (aˣ)′ = aˣ·ln(a)
check-function-sign = a sign error: { $rule }
check-sign-cos = the derivative of cos is −sin
check-sign-sin = the derivative of sin is +cos
check-sign-tanh = the derivative of tanh is 1 − tanh², which is positive
check-sign-ln = the derivative of ln is +1/u
check-sign-error = a sign error: the answer is the negative of the derivative
check-constant-factor = off by a constant factor: the answer is { $factor } times the derivative
check-not-differentiated = the answer is the expression itself, not its derivative
check-wrong-variable = this is the derivative with respect to { $other }, not { $var }
check-rounded = the answer is within a relative { $relative } of the derivative: a constant written rounded (use the exact value, e.g. 1/3 rather than 0.333)
check-unknown-variables = the answer uses { $names }, which the expression does not contain
check-names-many = { $first }, …, { $last } ({ $count } in all)

# Why no verdict could be reached (CheckError), and what to do.
check-no-common-domain = cannot decide: no point was found where the expression and its derivative are both defined
check-no-common-domain-hint = check compares values at points where the expression is defined; this one seems defined nowhere on the real line
check-undecidable = cannot decide: at { $unclear } of { $compared } points the rounding error of computing the two is too large to tell them apart (only { $conclusive } could tell; { $required } are needed)
check-undecidable-hint = the numbers are too large, or cancel too much, for 64-bit arithmetic: rescale the expression, or write the answer in a simpler form
