# The report of `stepgrad diff`: headings, remarks and conditions.
# $statement, $derivative, $var and $point are math.

diff-derivative-of = Derivative of { $statement }
diff-derivation-of = Derivation of { $derivative }
diff-derivation-by = Derivation with respect to { $var }
diff-result = Result
diff-hessian = Hessian
diff-at = At { $point }
diff-values-at = Values at { $point }
diff-rules-used = Rules used
# After a step that reuses a derivative found before.
diff-derived-above = derived above
# After a simplification's result, the conditions it assumed (math), joined
# one by one.
diff-assuming = for { $conditions }
diff-conditions = { $first } and { $next }
