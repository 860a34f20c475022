# The rules of the activations of modern networks and of the functions
# that come with them (softplus, silu, leaky_relu, elu, gelu, erf, erfc, log10,
# log2), and what their evaluation refuses.

rule-softplus = Softplus rule
rule-silu = SiLU rule
rule-leaky-relu = Leaky ReLU rule
rule-elu = ELU rule
rule-gelu = GELU rule
rule-error-function = Error function rule
rule-base-logarithm = Logarithm to a base rule

rule-leaky-relu-formula = leaky_relu′(u) = 0.01 + 0.99·step(u): 1 for u > 0, 0.01 for u < 0; at the kink u = 0 stepgrad uses 0.01, as PyTorch does
rule-elu-formula = elu′(u) = e^min(u, 0): 1 for u > 0, eᵘ for u ≤ 0

eval-log-zero = { $function } needs a positive argument, and { $argument } is 0
eval-log-negative = { $function } needs a positive argument, and { $argument } is negative ({ $value })
