# Mistakes in the command line, as clap reports them (English sessions
# show clap's own wording; these mirror it).

error-prefix = error: {""}
usage-unknown-argument = unexpected argument '{ $arg }' found
usage-unknown-command = unrecognized command '{ $value }'
usage-missing-value = a value is required for '{ $arg }' but none was supplied
usage-invalid-value = invalid value '{ $value }' for '{ $arg }'
usage-missing-required = the following required arguments were not provided: { $arg }
usage-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
usage-repeated = the argument '{ $arg }' cannot be used more than once
usage-number-of-values = the argument '{ $arg }' got the wrong number of values
usage-missing-command = a command is needed
usage-no-equals = '{ $arg }' needs its value after '='
usage-not-utf8 = an argument is not valid UTF-8 text
usage-general = the command line cannot be read ({ $arg } { $value })
usage-did-you-mean = tip: did you mean '{ $suggestion }'?
usage-more = For more information, try '--help'.
usage-reason-not-a-number = not a number
usage-reason-out-of-range = too large or too small
usage-reason-not-in-range = it must lie in { $range }
