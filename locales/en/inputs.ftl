# What users type besides expressions: points (`--at x=1`, `--start`, a
# problem line's `at=`), the variables of `--wrt`, the files options name,
# `--sample`, and the options of a problem line. $written is an item as the
# user wrote it (`--at x=1` or `at=x=1`); numbers come as printed.

inputs-not-name-value = { $written }: '{ $item }' is not of the form name=value
inputs-not-name-value-hint = write values as { $example }
inputs-not-variable-name = { $written }: '{ $name }' is not a variable name
inputs-variable-name-hint = names start with a letter and use letters, digits and _, e.g. w1 or net_h1
inputs-given-twice = { $written }: { $name } is given twice ({ $first } and { $second })
inputs-given-twice-hint = give each variable one value; for another point, run the command again
inputs-not-a-number = { $written }: '{ $word }' is not a number
inputs-not-a-number-hint = a value is a number or a constant expression, e.g. 1.5, -2 or pi/2
inputs-value-failed = { $written }: { $problem }
inputs-value-failed-hint = give { $name } a number, e.g. { $example }

# --wrt: the variables to differentiate by.
inputs-no-variables = the expression has no variables, so there is nothing to differentiate by
inputs-no-variables-hint = its derivative is 0; name a variable with --wrt to see the Constant rule applied
inputs-several-variables = the expression has several variables ({ $names }): say which to differentiate by
inputs-several-one-hint = add --wrt { $first } (one variable: the partial derivative by it)
inputs-several-hint = add --wrt { $first } for one partial derivative, or --wrt { $all } for the gradient
inputs-several-many-hint = add --wrt { $first } for one partial derivative, or a list such as --wrt { $first },{ $second },{ $third }
inputs-wrt-not-in-expression = --wrt { $name }: the expression has no variable { $name }
inputs-wrt-variables-are = its variables are { $names }
inputs-choose-any = name a variable of the expression
inputs-choose-only = the expression's variable is { $only }: --wrt { $only }
inputs-choose-first = the expression's variables are { $names }, e.g. --wrt { $first }
inputs-wrt-empty = --wrt is given an empty name (a comma too many?)
inputs-wrt-empty-hint = separate names with single commas; { $choose }
inputs-wrt-one-only = --wrt { $name }: check judges one partial derivative at a time, by one variable
inputs-wrt-one-only-hint = give one variable, e.g. --wrt { $first }
inputs-wrt-is-e = e is the constant 2.71828…, not a variable
inputs-wrt-is-pi = pi is the constant 3.14159…, not a variable
inputs-wrt-is-function = { $name } is a function, not a variable
inputs-wrt-not-name = not a variable name: names start with a letter and use letters, digits and _
inputs-wrt-bad = --wrt { $name }: { $what }

# Files named by options.
inputs-file-is-folder = { $option } { $path }: this is a folder, not a file
inputs-file-is-folder-hint = give the path of a file
inputs-file-missing = { $option } { $path }: there is no such file
inputs-file-missing-hint = check the name; a relative path starts in the folder stepgrad runs in
inputs-file-unreadable = { $option } { $path }: { $problem }
inputs-file-utf8-hint = save the file as plain UTF-8 text
inputs-file-read-hint = check that the file can be read
inputs-file-too-large-hint = use a sample of the data, or split the file
inputs-output-extension = { $option } { $path }: the file name must end in .{ $extension }
inputs-output-extension-hint = for example { $option } result.{ $extension }
inputs-output-no-folder = { $option } { $path }: the folder { $folder } does not exist
inputs-output-no-folder-hint = create the folder first, or write the file into a folder that exists
inputs-output-is-folder-hint = give a file name inside it, e.g. { $example }

# --sample K.
inputs-sample-one = --sample { $sample }: the data has samples 1 to 1 (a single sample)
inputs-sample-range = --sample { $sample }: the data has samples 1 to { $samples }

# The options of a problem line.
inputs-line-key-twice = { $key }= is given twice on this line ('{ $first }', then '{ $second }')
inputs-line-key-twice-hint = give { $key }= once: keep the one you mean
inputs-line-not-option = '{ $part }' is not an option of this line
inputs-line-not-option-hint = after the expression, a line may add { $keys }
inputs-sample-graph-hint = choose the sample whose values to show
inputs-sample-net-hint = choose which sample's chain-rule factors to show

# Formats and output files of the command line.
inputs-format-refused = { $command } cannot write --format { $format }
inputs-format-choose = choose one of: { $formats }
inputs-standalone = --standalone makes a complete LaTeX document
inputs-standalone-hint = use it with --format latex (or --output notes.tex)
inputs-output-no-format = --output { $path }: the extension does not say which format to write
inputs-output-no-format-hint = end the name in .md, .tex, .json, .csv, .txt or .svg, or give --format
inputs-output-no-picture = { $path }: this command draws no picture
inputs-output-no-picture-hint = pictures come from minimize, train and net; for this command use .md, .tex, .json or .txt
inputs-output-and-plot = --output FILE.svg and --plot both name the picture
inputs-output-and-plot-hint = give one of them
inputs-same-file = { $first_option } { $first_path } and { $second_option } { $second_path } name the same file
inputs-same-file-hint = give each output a file of its own: one would overwrite the other
inputs-overwrite-input = { $output_option } { $output_path } would overwrite { $option } { $path }, which this command reads
inputs-overwrite-input-hint = write { $output_option } to another file: stepgrad never replaces its own input
inputs-spec-data-file = the spec's [data] file

# graph, diff, check.
inputs-graph-at-network = --at gives values to an expression's variables, but { $target } is a network
inputs-graph-at-network-hint = a network's graph takes its values from the spec: choose the sample with --sample K
inputs-at-extra = --at gives { $name }, which the expression does not contain
inputs-at-missing = no value was given for { $name } in --at
inputs-at-missing-hint = give every variable a value: --at { $example }
inputs-graph-no-data = the spec { $target } has no data
inputs-graph-no-data-hint = add inputs and targets to draw the graph with values
inputs-diff-no-expression = no expression given
inputs-check-no-answer = no answer given
inputs-check-no-answer-hint = write the line as EXPR ; answer=EXPR
inputs-check-needs = check needs an expression and --answer

# Why a count given to an option cannot be read (after clap's "invalid value").
inputs-count-too-large = too large for a count (at most { $limit }); each option's own limit is smaller, see docs/limits.md
inputs-count-negative = a count cannot be negative: give a whole number such as 10
inputs-count-not-whole = a count is a whole number, such as 10
inputs-count-not-a-number = not a number: give a whole number such as 10
