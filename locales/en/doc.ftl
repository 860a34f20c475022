# Words the document renderers add themselves.

# After a chain rule's step, its inner function and that function's
# derivative: in the terminal, then in Markdown (the arguments there are
# already math: "$u = 3x$").
doc-inner-function = with { $name } = { $function }, { $derivative_name } = { $derivative }
doc-inner-function-notes = with { $function } and { $derivative }
