# Why an expression has no value at a point (EvalError). $expression and
# the operands are expressions as printed, $value numbers as printed.

eval-unbound = no value was given for { $name }
eval-domain = { $expression } is undefined here: { $detail }
eval-overflow = { $expression } is too large to compute (overflow)
eval-zero-denominator = the denominator { $denominator } is 0
eval-zero-to-negative-power = 0 raised to a negative power
eval-negative-base = the base { $base } is negative ({ $value }) and the exponent { $exponent } is not a whole number
eval-ln-zero = ln needs a positive argument, and { $argument } is 0
eval-ln-negative = ln needs a positive argument, and { $argument } is negative ({ $value })
eval-sqrt-negative = sqrt needs a non-negative argument, and { $argument } is { $value }
