# The training data `train` is given: which columns are targets, built-in
# sets, and the size limits of a data set. $source names the data as given.

sets-no-targets = { $source }: say which columns are the targets
sets-no-targets-hint = add --targets y (numeric target columns) or --label species (a class column)
sets-builtin-columns = { $option } chooses columns of a CSV file, but { $source } is a built-in set with its targets given
sets-builtin-columns-hint = drop { $option }, or give a CSV file with --data
sets-too-many-values = { $source } holds { $count } numbers; stepgrad trains on at most { $max }
sets-too-many-values-hint = train on a sample of the rows, or fewer columns
sets-too-many-rows = { $source } has { $rows } rows; the limit is { $max }
sets-too-many-rows-hint = train on a sample of the rows
sets-no-data = there is no data to train on
sets-no-data-hint = give --data builtin:iris, --data points.csv --targets y, or a spec with inputs and targets
