# Data: a CSV file's mistakes at their line and column, and the built-in
# data sets (src/data/).

csv-empty = the CSV file is empty
csv-empty-hint = the first line must name the columns, e.g. x1,x2,y
csv-header-unreadable = { $path }: cannot read the header row: { $error }
csv-row-unreadable = { $path }: { $error }
csv-no-rows = the CSV file has a header but no data rows
csv-no-rows-hint = add one row per sample below the header
csv-no-inputs = no column is left for the inputs
csv-no-inputs-hint = the columns that are not targets are the inputs
csv-ragged-row = this row has { $fields } fields, but the header names { $columns } columns
csv-ragged-row-hint = every row needs one value per column
csv-empty-field = column { $column } ({ $name }) is empty on this row
csv-empty-field-hint = every input and numeric target needs a number on every row
csv-not-a-number = '{ $value }' in column { $column } ({ $name }) is not a number
csv-not-a-number-hint = inputs and numeric targets must be numbers such as 0.5 or -1e-3
csv-too-many-inputs = { $count } { $count ->
        [one] input column
       *[other] input columns
    } ({ $names }), more input columns than the network takes: its input layer has { $inputs }, so '{ $extra }' (column { $column }) is the first too many
csv-too-few-inputs = { $count } { $count ->
        [one] input column
       *[other] input columns
    } ({ $names }), fewer than the network takes: its input layer has { $inputs }
csv-input-columns-hint = make the first layer size the number of input columns, give the extra columns to --targets, or leave out the spec to get a network built for the data
csv-no-such-column = there is no column named '{ $name }'
csv-the-columns-are = the columns are { $columns }

data-no-such-builtin = there is no built-in data set named '{ $name }'
data-did-you-mean-builtin = did you mean builtin:{ $meant }? The built-in sets are { $names }
data-the-builtins-are = the built-in sets are { $names }
csv-delimiter-ambiguous = the header holds more than one of comma, semicolon and tab, and the rows do not settle which one separates the fields
csv-delimiter-ambiguous-hint = separate the fields with one character throughout, and put a field that holds another in double quotes
csv-separated = { $delimiter ->
    [semicolon] semicolon-separated
    [tab] tab-separated
   *[comma] comma-separated
}
