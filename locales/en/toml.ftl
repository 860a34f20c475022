# The toml crate's mistakes, word for word as it writes them (see
# src/toml_text.rs): the English must be the crate's own text.

toml-duplicate-key = duplicate key
toml-extra-assignment = extra assignment between key-value pairs
toml-extra-comma-array = extra comma in array
toml-extra-comma-table = extra comma in inline table
toml-invalid-basic-string = invalid basic string
toml-invalid-boolean = invalid boolean
toml-invalid-float = invalid float
toml-invalid-integer = invalid integer number
toml-invalid-key = invalid key
toml-invalid-unquoted-key = invalid unquoted key
toml-invalid-key-value = invalid key-value pair
toml-invalid-literal-string = invalid literal string
toml-invalid-string = invalid string
toml-invalid-table = invalid table
toml-key-without-value = key with no value
toml-missing-assignment = missing assignment between key-value pairs
toml-missing-comma-array = missing comma between array elements
toml-missing-comma-table = missing comma between key-value pairs
toml-missing-value = missing value
toml-unquoted-string = string values must be quoted
toml-unclosed-array = unclosed array
toml-unclosed-array-table = unclosed array table
toml-unclosed-inline-table = unclosed inline table
toml-unclosed-table = unclosed table
toml-unexpected-content = unexpected content

# What the parser expected at the place.
toml-expected-one = { $problem }, expected { $expected }
toml-expected-any = { $problem }, expected { $expected }
toml-list = { $list }, { $item }
toml-expected-basic-string = basic string
toml-expected-characters = characters
toml-expected-digits = digits
toml-expected-key = key
toml-expected-letters = letters
toml-expected-literal-string = literal string
toml-expected-newline = newline
toml-expected-numbers = numbers
toml-expected-value = value

# A key or a value that does not fit what is read.
toml-unknown-field = unknown field `{ $field }`, expected one of { $expected }
toml-missing-field = missing field `{ $field }`
toml-invalid-type = invalid type: { $found }, expected { $wanted }
toml-invalid-value = invalid value: { $found }, expected { $wanted }
toml-kind-boolean = a boolean
toml-kind-list = a sequence
toml-kind-string = a string
toml-kind-number = f64
toml-kind-whole-number = i64
toml-kind-table = map
toml-found-boolean = boolean { $value }
toml-found-float = floating point { $value }
toml-found-integer = integer { $value }
toml-found-string = string { $value }
