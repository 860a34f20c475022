# Reading an expression: what was read, and what is wrong with the text.

parse-read-as = read as { $expression }
parse-ln-or-log = ln (or log)

parse-empty = the expression is empty
parse-empty-hint = type an expression such as x^2*sin(x)
parse-too-long = the expression is { $len } characters long; the limit is { $limit }
parse-too-long-hint = split the problem into smaller expressions (one a line with --file), each under { $limit } characters
parse-too-deep = parentheses are nested more than { $limit } levels deep
parse-too-deep-hint = remove redundant parentheses; at most { $limit } levels are allowed
parse-too-tall = the expression nests { $height } operations inside each other; the limit is { $limit }
parse-too-tall-hint = write it in smaller pieces; at most { $limit } nested operations are allowed

parse-not-syntax = '{ $char }' is not part of the expression syntax
parse-not-syntax-hint-instead = write { $instead } instead
parse-not-syntax-hint-derivative = write a derivative with stepgrad diff instead
parse-not-syntax-hint = expressions use letters, digits, + - * / ^ ( ) | and function names, and the symbols · × ÷ − √ π σ and superscripts such as ²
parse-unexpected-char = unexpected character '{ $char }'
parse-unexpected-char-hint-brackets = use round parentheses ( ) for grouping
parse-unexpected-char-hint-equals = an expression has no '='; to give values use --at x=1.5
parse-unexpected-char-hint = expressions use letters, digits, + - * / ^ ( ) and function names
parse-bad-superscript = '{ $text }' is not a power stepgrad can read
parse-bad-superscript-hint = a superscript is a whole number, as in x² or x⁻¹, or ⁿ; write other powers with ^, as in x^(1/2)
parse-unsupported-operator = the operator '{ $op }' is not supported
parse-unsupported-operator-hint = the operators are + - * / and ^

parse-unclosed-paren = this '(' is never closed
parse-unclosed-paren-hint = add a ')' to close it, or remove it
parse-unopened-paren = this ')' has no matching '('
parse-unopened-paren-hint = remove it, or add the '(' it should close
parse-unclosed-bar = this '|' is never closed
parse-unclosed-bar-hint = an absolute value stands between two bars, as in |x - 1|, or is written abs(x - 1)
parse-empty-parens = empty parentheses
parse-empty-parens-hint = put an expression between the parentheses, or remove them
parse-misplaced-comma = a comma outside a function's arguments
parse-misplaced-comma-hint = commas only separate function arguments; use . for decimals

parse-unknown-function = unknown function '{ $name }'
parse-unknown-function-hint-suggestion = did you mean { $suggestion }? The functions are { $functions }
parse-unknown-function-hint = to multiply, write { $name }*(…); the functions are { $functions }
parse-wrong-arity = { $name } takes 1 argument, but { $found } were given
parse-wrong-arity-hint = write { $name }(x) with one argument
parse-wrong-arity-many = { $name } takes one or more arguments, but { $found } were given
parse-wrong-arity-many-hint = write logsumexp(a, b, …) with at least one argument
parse-missing-argument = the function { $name } needs its argument in parentheses
parse-missing-argument-hint = write { $name }(x)
parse-function-glued = '{ $text }' reads as one name, but it begins with the function { $name } and a number
parse-function-glued-hint = for the function, put its argument in parentheses, as in { $name }({ $argument }); for a variable, choose a name that does not begin with { $name }
parse-inverse-function = { $name }⁻¹ means the inverse function of { $name } in textbooks, and stepgrad has no inverse functions
parse-inverse-function-hint = for 1/{ $name }(x), write { $name }(x)^-1
parse-function-power = a power written on a function's name must be a whole number of 1 or more, as in sin²(x); { $name }{ $exponent } is not
parse-function-power-hint = write the power after the argument, as in { $name }(x)^{ $exponent }

parse-dangling-right = the operator '{ $op }' has nothing on its right
parse-dangling-left = the operator '{ $op }' has nothing on its left
parse-dangling-hint = give the operator an operand on both sides
parse-side-by-side = '{ $left }' and '{ $right }' stand side by side with no operator between them
parse-side-by-side-hint = multiplication needs '*': write { $left }*{ $right }

parse-ambiguous = '{ $text }' can be read two ways: { $first } or { $second }
parse-ambiguous-division-hint = a product written without '*' after '/' may or may not belong to the denominator: write { $first } or { $second }, as you mean it
parse-ambiguous-power-hint = a product written without '*' after an exponent may or may not belong to the exponent: write { $first } or { $second }, as you mean it
parse-ambiguous-argument-hint = a function's argument without parentheses may or may not take in what follows it: write { $first } or { $second }, as you mean it
parse-ambiguous-root-hint = √ without parentheses may or may not take in what follows its first term: write { $first } or { $second }, as you mean it
parse-ambiguous-power-of-power-hint = a power of a superscript may be read either way: write { $first } or { $second }, as you mean it
parse-ambiguous-bars-hint = these bars may close or open an absolute value: write { $first } or { $second }, as you mean it

parse-leading-dot = a number cannot start with '.'
parse-leading-dot-hint = write a 0 before the point, as in 0.5
parse-number-out-of-range = this number is too large to represent
parse-number-out-of-range-hint = numbers must stay below about 1.8e308

parse-undefined-divides-by = the expression is undefined everywhere: it divides by { $part }
parse-undefined-negative-power-of = the expression is undefined everywhere: it raises { $part } to a negative power
parse-undefined-ln-of = the expression is undefined everywhere: it takes ln of { $part }, which is not positive
parse-undefined-sqrt-of = the expression is undefined everywhere: it takes sqrt of { $part }, which is negative
parse-undefined-fractional-power-of = the expression is undefined everywhere: it raises the negative number { $part } to a fractional power
parse-undefined-denominator = the expression is undefined everywhere: the denominator { $part } is 0 for every value of the variables
parse-undefined-zero-base = the expression is undefined everywhere: the base { $part } is 0 for every value of the variables, and 0 has no negative powers
parse-undefined-ln = the expression is undefined everywhere: ln needs a positive argument, and { $part } is never positive
parse-undefined-sqrt = the expression is undefined everywhere: sqrt needs a non-negative argument, and { $part } is always negative
parse-undefined-negative-base = the expression is undefined everywhere: the base { $part } is always negative, and a negative number has no fractional powers
parse-undefined-tan = the expression is undefined everywhere: tan is undefined where the cosine is 0, and { $part } is 0 for every value
parse-undefined-number-hint = this operation has no value for any input: remove it or correct the number
parse-undefined-hint = this part cancels to a constant: check for a term written twice with opposite signs, or a missing variable

parse-unreadable = stepgrad could not read this expression
parse-unreadable-hint = this is a fault in stepgrad: please report the expression (see SECURITY.md)
