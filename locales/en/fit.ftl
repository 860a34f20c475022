# The network train builds for data without a spec (training/fit.rs).
fit-unknown-activation = --activation { $name }: there is no activation named '{ $name }'
fit-softmax-hidden = --activation softmax: softmax turns the output layer into probabilities and is not a hidden layers' activation
fit-hidden-activations = the hidden layers' activations are { $choices }
fit-activation-with-spec = --activation { $name } with the spec { $spec }: the spec names its own activations ({ $activations })
fit-activation-with-spec-hint = change the activation in the spec, or leave the spec out to train a network built for the data
fit-standardize-targets-classes = --standardize-targets: the targets are classes (0/1 or one-hot), which are not rescaled
fit-standardize-targets-classes-hint = --standardize-targets is for regression; drop it, or use --standardize for the features
fit-targets-standardized = Targets standardized with the training part's mean and standard deviation ({ $statistics }): the losses below are in those units, the metrics at the end and predict's values in the targets' own units.
fit-targets-far-from-unit = Warning: the target { $target } has mean { $mean } and standard deviation { $sd }, far from unit scale: the network's outputs start near 0 and the loss is in squared units of { $target }; --standardize-targets trains on (y − mean)/sd and reports the values in { $target }'s units.

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
