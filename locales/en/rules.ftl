# The rules of differentiation as `diff` and `net --param` name them, and
# the formulas that hold words (the others are math, in src/calculus/rules.rs).

rule-constant = Constant rule
rule-variable = Variable rule
rule-constant-multiple = Constant multiple rule
rule-sum = Sum rule
rule-difference = Difference rule
rule-power = Power rule
rule-product = Product rule
rule-quotient = Quotient rule
rule-chain = Chain rule
rule-exponential = Exponential rule
rule-logarithm = Logarithm rule
rule-sine = Sine rule
rule-cosine = Cosine rule
rule-tangent = Tangent rule
rule-square-root = Square root rule
rule-tanh = tanh rule
rule-sigmoid = Sigmoid rule
rule-relu = ReLU rule
rule-absolute-value = Absolute value rule
rule-step-function = Step function rule
rule-general-power = General power rule
rule-log-sum-exp = Log-sum-exp rule
rule-repeated = Repeated subexpression
rule-simplify = Simplify

rule-relu-formula = relu′(u) = step(u): 1 for u > 0, 0 for u < 0; at the kink u = 0 stepgrad uses 0
rule-absolute-value-formula = |u|′ = sign(u), undefined at u = 0 (stepgrad uses 0)
rule-step-function-formula = step′(u) = sign′(u) = 0 for u ≠ 0
rule-general-power-formula = (uᵛ)′ = uᵛ·(v′·ln(u) + v·u′/u), from uᵛ = e^(v·ln u)
rule-repeated-formula = already derived above
rule-simplify-formula = collect terms, cancel, fold numbers
