# Words shared by every command.

lang-name = English

# The words before an error message and its hint.
label-error = error
label-hint = hint

# After a command stopped at Ctrl-C.
run-interrupted = interrupted (Ctrl-C): the report shows the steps done before it

# A malformed expression, and where it was ($origin: error-origin-expression,
# an option such as --answer, or a line of a file).
error-parse-in = { $message } (in { $origin })
error-origin-expression = the expression
error-origin-line = line { $line }
error-origin-line-answer = line { $line }'s answer
# The value of a variable in --at or --start ($written: "--at", "at").
error-origin-value = the value of { $name } in { $written }

# An expression with no value where it was asked for ($context: error-eval-at
# or error-eval-graph; $error: an eval-… message).
error-eval = { $context }: { $error }
error-eval-at = cannot evaluate at { $point }
error-eval-graph = cannot evaluate the graph
error-eval-unbound-hint = give it a value, e.g. --at { $name }=1
error-eval-domain-hint = choose a point inside the expression's domain
