# Fitting a network to training data: the size of what `train` builds and
# whether the data fit the network's first and last layers. Numbers come as
# printed; $source names the data.

fit-hidden-size = --hidden { $hidden }: a hidden layer needs between 1 and { $max } neurons
fit-hidden-size-hint = for example --hidden 8, or --hidden 16,8 for two hidden layers
fit-too-many-parameters = a { $shape } network has { $count } weights and biases; stepgrad trains at most { $max }
fit-too-many-parameters-hint = use fewer or smaller hidden layers (--hidden), or fewer input columns
fit-more-columns = more input columns than the network takes
fit-fewer-columns = fewer input columns than the network takes
fit-input-columns = { $source } has { $features } input columns ({ $names }), { $more }: the network's input layer has { $inputs }
fit-input-columns-hint = make the first layer size the number of input columns, or leave out the spec to get a network built for the data
fit-targets = { $source } gives { $targets } target values per sample, but the output layer has { $outputs } neurons
fit-targets-hint = make the last layer size the number of targets (or classes)
fit-cross-entropy = { $source }: cross_entropy needs one-hot targets
fit-cross-entropy-hint = give the classes with --label COLUMN
