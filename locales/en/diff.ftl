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

# A Hessian beyond its size limit ($detail: hessian-estimated-too-large or
# hessian-grew-too-large).
diff-hessian-refused = --hessian: { $detail }
diff-hessian-estimated-hint = ask for the second derivatives of fewer variables (--hessian --wrt x1,x2), or split the expression; docs/limits.md states the limit
diff-hessian-grew-hint = differentiate once (without --hessian), or write shorter products; docs/limits.md states the limit
hessian-estimated-too-large = the Hessian of { $variables } variables has { $entries } distinct second derivatives, each up to the size of the expression ({ $size } nodes and operands): an estimated size of { $estimate }, beyond the limit of { $limit }
hessian-grew-too-large = the Hessian of { $variables } { $variables ->
        [one] variable
       *[other] variables
    } grew past the limit of size { $limit } while its second derivatives were built ({ $built } of { $entries } done): the product rule applied twice to a product of k factors makes about k³ factors
