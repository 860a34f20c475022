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
